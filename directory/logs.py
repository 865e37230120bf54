"""What the server's logs may hold: never what someone searched for, where, or which
share link they opened. The access log that `make run` writes (gunicorn, configured in
gunicorn.conf.py) uses `AccessLogger`, whose every field is built from the path alone:
no query string, no referrer (our own search URLs come back as the Referer of the next
page), no remote address and no user agent, and a share link's path is cut to
"/shared/-". `RedactingFilter` does the same to application and gunicorn error records,
which may quote a URL (an unhandled error names the path it happened on)."""

import logging
import re

from gunicorn.glogging import Logger

SHARED_PATH = re.compile(r"(/shared/)[^\s/?#\"']+")
QUERY = re.compile(r"\?[^\s\"']*")
# The only access log line we write: time, method, path, status, bytes, milliseconds.
ACCESS_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Atoms gunicorn offers that hold what a person typed or where they came from.
WITHHELD = ("h", "u", "q", "f", "a", "{referer}i", "{cookie}i", "{x-forwarded-for}i")


def redact_path(path):
    """Return a URL path (or a whole URL) with its query and any share token taken out."""
    return SHARED_PATH.sub(r"\1-", QUERY.sub("", str(path or "")))


def redact(value):
    """Return `value` with paths in it redacted, if it is text; anything else unchanged."""
    return redact_path(value) if isinstance(value, str) else value


class RedactingFilter(logging.Filter):
    """Rewrite a log record's message and arguments so no query or token survives."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = redact_path(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(arg) for key, arg in record.args.items()}
        return True


def install_filter(*loggers):
    """Add a RedactingFilter to each logger and to every handler it or the root writes to."""
    redacting = RedactingFilter()
    for logger in (*loggers, logging.getLogger()):
        for target in (logger, *logger.handlers):
            if not any(isinstance(each, RedactingFilter) for each in target.filters):
                target.addFilter(redacting)


class AccessLogger(Logger):
    """gunicorn's logger, with access log fields built from the redacted path only."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact_path(environ.get("PATH_INFO", ""))
        atoms.update(U=path, r=f"{atoms.get('m')} {path} {atoms.get('H')}")
        for name in WITHHELD:
            atoms[name] = "-"
        for name in [key for key in atoms if key.endswith(("}i", "}e"))]:
            atoms[name] = "-"  # headers and the environment can carry the URL too
        return atoms

    def setup(self, cfg):
        super().setup(cfg)
        install_filter(self.error_log)
