"""gunicorn settings for `make run` (and production: `gunicorn -c gunicorn.conf.py wsgi:app`).

The access log never holds what someone searched for: its format and fields come from
`directory.logs` (path only, query and share tokens cut, no address or referrer). The
`Server: gunicorn` header is dropped, since it tells a scanner what to try and a visitor
nothing. Proxy headers are trusted only through the app's `PROXY_FIX`. Bind address and
workers come from the command line (`make run` passes them).
"""

import gunicorn.http.wsgi

from directory.logs import ACCESS_FORMAT

# Which proxy to believe about HTTPS is the app's one setting, PROXY_FIX (werkzeug's
# ProxyFix, directory/security.py). gunicorn would otherwise believe X-Forwarded-Proto from
# any local process by default, and a plain request would get HSTS and Secure cookies.
forwarded_allow_ips = ""
secure_scheme_headers = {}

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

    if "search" in getattr(worker.wsgi, "extensions", {}):  # not bench/reference.py's page
        search.start_following(worker.wsgi)
