"""Reading JSON that comes from outside (an API request body, an import file, another
directory's feed) within bounds: at most so many bytes, and arrays and objects nested at
most so many levels deep. Depth is measured before the parser runs, by a scan that never
recurses, so a hostile document neither reaches Python's recursion limit nor costs more
memory than its own size. Syntax errors stay `json.JSONDecodeError` (their line and column
are what a person fixes); a document past a bound raises TooLarge, TooDeep or
NumberTooLong (a whole number Python will not convert), whose message says how far it went
and what the bound is. No Flask: callers pass the bounds."""

import json
import re
import sys
from itertools import accumulate, count
from operator import sub

MAX_DEPTH = 64  # HSDS objects nest about 6 deep; a search body 2

# A string literal, closing quote optional: an unterminated string is consumed to the end
# in one match, so the scan stays linear however quotes and backslashes are arranged; the
# possessive repeats keep no backtracking state (a string of a million escapes took 750 MB
# without them).
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_TEXT_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_KEEP_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEPS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")  # an opening adds 1, a closing -1


class LimitExceeded(ValueError):
    """A document past one of the bounds; the message says which, and how far."""


class TooLarge(LimitExceeded):
    """A document longer than the bytes allowed."""


class TooDeep(LimitExceeded):
    """A document whose arrays and objects nest deeper than allowed."""


class NumberTooLong(LimitExceeded):
    """A document holding a whole number longer than Python converts."""


def depth(data):
    """Return how many levels deep the arrays and objects of JSON text (str or bytes) nest."""
    if isinstance(data, str):
        brackets = _NOT_BRACKET.sub("", _TEXT_STRING.sub("", data)).encode("ascii")
    else:
        brackets = _STRING.sub(b"", data).translate(None, _KEEP_BRACKETS)
    if not brackets:
        return 0
    # The running sum of 2 per opening and 0 per closing, less the count so far, is the
    # nesting after each bracket; itertools keeps the loop in C.
    return max(map(sub, accumulate(brackets.translate(_STEPS)), count(1)))


def check(data, max_bytes=None, max_depth=MAX_DEPTH):
    """Raise TooLarge or TooDeep if JSON text `data` is past the bounds given."""
    # A str is measured in characters, bytes in bytes: callers bound what they hold.
    if max_bytes is not None and len(data) > max_bytes:
        raise TooLarge(f"is {len(data):,} bytes long; at most {max_bytes:,} are accepted")
    square, curly = ("[", "{") if isinstance(data, str) else (b"[", b"{")
    openings = data.count(square) + data.count(curly)
    found = depth(data) if openings > max_depth else 0  # fewer openings cannot nest deeper
    if found > max_depth:
        raise TooDeep(f"nests arrays and objects {found:,} levels deep; at most {max_depth} "
                      "are accepted")


def loads(data, max_bytes=None, max_depth=MAX_DEPTH):
    """Return the parsed JSON text `data` (str or bytes) after checking it is within bounds."""
    check(data, max_bytes, max_depth)
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise
    except ValueError:  # a whole number longer than Python reads (4,300 digits)
        digits = sys.get_int_max_str_digits()
        raise NumberTooLong(f"holds a whole number of more than {digits:,} digits") from None
    except RecursionError:  # not reached within the bounds; kept as a second line
        raise TooDeep(f"nests arrays and objects too deep; at most {max_depth} levels are "
                      "accepted") from None


def read_limited(stream, max_bytes):
    """Return the bytes of a binary `stream`, raising TooLarge past `max_bytes` (it stops
    reading there: at most one byte more is ever held)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(f"is longer than the {max_bytes:,} bytes accepted")
    return data
