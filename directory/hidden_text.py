"""Characters no record should hold: control characters (but tab and line breaks) and
bidirectional overrides. Invisible, they corrupt names on screen, in exports and in
PostgreSQL (which refuses NUL outright). Staff forms refuse them (security.py); imports
take them out and say so (hsds/validate.py)."""

import re

HIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_hidden(text):
    """Return whether `text` holds a hidden character."""
    return HIDDEN_CHARACTERS.search(text) is not None


def without_hidden(text):
    """Return `text` with its hidden characters taken out."""
    return HIDDEN_CHARACTERS.sub("", text)
