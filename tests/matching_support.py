"""What the matching test modules share: a fixed moment, a group's codes, services tagged
with taxonomy codes (the `terms` fixture of conftest.py), a match for a client in Lake Forest (92630) at that moment, and the
names of the matches in order."""

from datetime import datetime

from directory import locate, matching
from tests import builders

NOW = datetime(2026, 12, 1, 18, 0)
GROUP = ["group-therapy-peer-support", "in-person"]


def tagged_service(terms, name, codes, **fields):
    """Make a service carrying the taxonomy terms of `codes`."""
    return builders.service(name, terms=[terms[c] for c in codes], **fields)


def match_at_now(**needs):
    """Match a client (in 92630 unless `place` says otherwise) at NOW."""
    needs.setdefault("place", locate.resolve("92630"))
    return matching.match(matching.ClientNeeds(**needs), now=NOW)


def names(result):
    return [item.service.name for item in result.matches]
