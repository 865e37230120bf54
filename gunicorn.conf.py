"""gunicorn settings for `make run` (and production: `gunicorn -c gunicorn.conf.py wsgi:app`).

The access log never holds what someone searched for: its format and fields come from
`directory.logs` (path only, query and share tokens cut, no address or referrer). The
`Server: gunicorn` header is dropped, since it tells a scanner what to try and a visitor
nothing. Bind address and workers come from the command line (`make run` passes them).
"""

import gunicorn.http.wsgi

from directory.logs import ACCESS_FORMAT

accesslog = "-"
errorlog = "-"
logger_class = "directory.logs.AccessLogger"
access_log_format = ACCESS_FORMAT


def _without_server_header(default_headers):
    def headers(self):
        return [line for line in default_headers(self) if not line.startswith("Server:")]
    return headers


if not getattr(gunicorn.http.wsgi.Response.default_headers, "_no_server", False):
    gunicorn.http.wsgi.Response.default_headers = _without_server_header(
        gunicorn.http.wsgi.Response.default_headers)
    gunicorn.http.wsgi.Response.default_headers._no_server = True


def post_worker_init(worker):
    """Start the worker's follower of the search change log: the index follows every
    server's saves (threads do not survive the fork of a preloaded app, so it starts here)."""
    from directory import search

    search.start_following(worker.wsgi)
