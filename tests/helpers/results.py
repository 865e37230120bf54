"""Searches and matches run as the app runs them (parameters parsed, the place resolved),
and their answers read back: the services' names in order, the ids a word finds, and a
match's reasons as the page words them. Matching's tests share a fixed moment, NOW, and a
client in Lake Forest (92630)."""

from datetime import datetime

from flask import current_app
from werkzeug.datastructures import MultiDict

from directory import catalogue, locate, matching, search

NOW = datetime(2026, 12, 1, 18, 0)
GROUP = ["group-therapy-peer-support", "in-person"]


def run(**args):
    """Return the SearchResult for query parameters given as keywords."""
    params, errors = search.parse(MultiDict({k: str(v) for k, v in args.items()}))
    assert not errors, errors
    params.place = locate.resolve(params.near, params.lat, params.lng)
    return search.search(params)


def found(word):
    """Return the ids of the services a search for `word` finds."""
    params, errors = search.parse(MultiDict({"search": word}))
    assert not errors
    return {hit.service_id for hit in search.search(params).hits}


def match_at_now(**needs):
    """Match a client (in 92630 unless `place` says otherwise) at NOW."""
    needs.setdefault("place", locate.resolve("92630"))
    return matching.match(matching.ClientNeeds(**needs), now=NOW)


def names(result):
    """Return the names of the services a match, or a search's page, holds, in order."""
    if hasattr(result, "matches"):
        return [item.service.name for item in result.matches]
    return [s.name for s in catalogue.get_services([h.service_id for h in result.hits])]


def words(reasons):
    """Return a match's reasons (fits or misfits) as the page words them (in English)."""
    with current_app.test_request_context():
        return [str(r) for r in reasons]


def reasons(result, name):
    """Return (fits, does not fit) of the service `name` in a match, as the page words them."""
    item = next(i for i in result.matches if i.service.name == name)
    return words(item.fits), words(item.misfits)
