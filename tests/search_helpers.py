"""Running searches in tests the way the app does: parse parameters, resolve the place."""

from werkzeug.datastructures import MultiDict

from directory import catalogue, locate, search


def run(**args):
    """Return the SearchResult for query parameters given as keywords."""
    params, errors = search.parse(MultiDict({k: str(v) for k, v in args.items()}))
    assert not errors, errors
    params.place = locate.resolve(params.near, params.lat, params.lng)
    return search.search(params)


def names(result):
    """Return the names of the services a result's page holds, in order."""
    return [s.name for s in catalogue.get_services([h.service_id for h in result.hits])]
