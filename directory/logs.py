"""What the server's logs may hold: never what someone searched for, where, from which
address, or which share link they opened. The access log that `make run` writes
(gunicorn, configured in gunicorn.conf.py) uses `AccessLogger`, whose every field is
built from the path alone: no query string, no referrer (our own search URLs come back as
the Referer of the next page), no remote address and no user agent, and a share link's
path is cut to "/shared/-". `RedactingFilter` does the same to application and gunicorn
error records, which may quote a URL (an unhandled error names the path it happened on),
a whole request line (gunicorn's warning about a malformed request quotes it, spaces and
all) or the client's address ("Invalid request from ip=...")."""

import ipaddress
import logging
import re

from gunicorn.glogging import Logger

SHARED_PATH = re.compile(r"(/shared/)[^\s/?#\"']+")
QUERY = re.compile(r"\?[^\s\"']*")
# The only access log line we write: time, method, path, status, bytes, milliseconds.
ACCESS_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Atoms gunicorn offers that hold what a person typed or where they came from.
WITHHELD = ("h", "u", "q", "f", "a", "{referer}i", "{cookie}i", "{x-forwarded-for}i")


# gunicorn's "Invalid request from ip=ADDRESS: KIND: 'REQUEST LINE'": only KIND is kept.
INVALID_REQUEST = re.compile(r"^Invalid request from ip=\S*:\s*(?P<kind>[A-Za-z][\w ]{0,60})")
# A request line quoted anywhere, however malformed: a method, anything, an HTTP version.
REQUEST_LINE = re.compile(r"\b[A-Z]{3,10} +\S.*? +HTTP/[\d.]+")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# What may be an IPv4 or IPv6 address (a client's, or a forwarded one): checked by
# `ipaddress` before it is withheld, so a time like 12:30:45 is left alone.
ADDRESS = re.compile(r"[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f.:]*|\b(?:\d{1,3}\.){3}\d{1,3}\b")
SERVER_LINES = ("Listening at", "Booting", "Starting gunicorn", "Using worker", "Worker exiting",
                "Handling signal", "Shutting down", "Control socket")


def redact_path(path):
    """Return a URL path (or a whole URL) with its query and any share token taken out."""
    return SHARED_PATH.sub(r"\1-", QUERY.sub("", str(path or "")))


def redact(value):
    """Return `value` with paths in it redacted, if it is text; anything else unchanged."""
    return redact_path(value) if isinstance(value, str) else value


def redact_message(message):
    """Return a formatted log message with no request line or client address left."""
    invalid = INVALID_REQUEST.match(message)
    if invalid:
        return f"Invalid request refused ({invalid.group('kind').strip()})"
    if message.startswith(SERVER_LINES):
        return message  # the server's own address and pids, said at start and stop
    message = ANSI_COLOUR.sub("", message)  # werkzeug colours its request lines
    return ADDRESS.sub(_withhold_address, REQUEST_LINE.sub("[request withheld]", message))


def _withhold_address(match):
    try:
        ipaddress.ip_address(match.group(0))
    except ValueError:
        return match.group(0)
    return "[address withheld]"


class RedactingFilter(logging.Filter):
    """Rewrite a log record so no query, token, request line or address survives: the
    paths in its message and arguments first, then the formatted message whole."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = redact_path(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(arg) for key, arg in record.args.items()}
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the message
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact_message(str(message)), ()
        if record.exc_info and not record.exc_text:  # a traceback can quote a URL or address
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_message(SHARED_PATH.sub(r"\1-", record.exc_text))
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
