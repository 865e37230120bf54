"""Reading HSDS JSON files (one service or organization object, a list of them, an HSDS
API page, or newline-delimited objects, .ndjson) and the JSON text export writes. A file
that cannot be parsed (truncated, not UTF-8, nested past JSON_MAX_DEPTH) raises ReadError
naming the file and, for a syntax error, the line and column."""

import json
from pathlib import Path

from .. import boundedjson


class ReadError(ValueError):
    """A file that cannot be read at all; the message says where and why."""


def _decode_error(name, exc, offset_line=0):
    hint = " (the file looks truncated)" if exc.pos >= len(exc.doc.rstrip()) else ""
    return ReadError(f"{name}: line {exc.lineno + offset_line}, column {exc.colno}: "
                     f"{exc.msg}{hint}")


def _parse(name, text, max_depth, line=None):
    """Return parsed JSON text, or raise ReadError naming the file (and line)."""
    try:
        return boundedjson.loads(text, max_depth=max_depth)
    except json.JSONDecodeError as exc:
        raise _decode_error(name, exc, (line or 1) - 1) from None
    except boundedjson.LimitExceeded as exc:
        where = f"{name}: line {line}" if line else name
        why = " (JSON_MAX_DEPTH; HSDS nests about 6 deep)" \
            if isinstance(exc, boundedjson.TooDeep) else ""
        raise ReadError(f"{where}: {exc}{why}") from None


def read_json(path, max_depth=boundedjson.MAX_DEPTH, max_bytes=None):
    """Return the parsed document of an HSDS JSON (or .ndjson) file, or raise ReadError
    (reading no further than `max_bytes`, whatever the file claims its size is)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read() if max_bytes is None \
                else boundedjson.read_limited(handle, max_bytes)
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path.name}: byte {exc.start} is not UTF-8 text; save the file as "
                        "UTF-8") from None
    except OSError as exc:
        raise ReadError(f"{path.name}: {exc.strerror}") from None
    except boundedjson.TooLarge as exc:
        raise ReadError(f"{path.name}: {exc} (HSDS_IMPORT_MAX_BYTES)") from None
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                items.append(_parse(path.name, line, max_depth, number))
        return items
    if not text.strip():
        raise ReadError(f"{path.name}: the file is empty")
    return _parse(path.name, text, max_depth)


def json_text(items):
    """Return HSDS objects as the text of a JSON list, one key per line, in a stable form."""
    parts = ["["]
    for index, item in enumerate(items):
        parts.append(("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False,
                                                                indent=2))
    parts.append("\n]\n")
    return "".join(parts)
