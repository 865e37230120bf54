"""CSRF protection for the one form a public visitor sends (the suggested correction)
without giving them a session cookie: the page carries a token signed with SECRET_KEY for
that form's purpose (a service), valid for a few hours, and a post whose Origin names
another site is refused. Staff, who have a session anyway, keep Flask-WTF's session-bound
token. An anonymous form's token cannot be tied to a person, and need not be: a forged
post could only send a suggestion the forger could have sent themselves."""

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_AGE_SECONDS = 4 * 3600
SALT = "anonymous-form"


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue(purpose):
    """Return a token for a form about `purpose` (e.g. a service id)."""
    return _serializer().dumps(str(purpose))


def valid(token, purpose):
    """Return whether `token` was issued here for `purpose`, recently, from this site."""
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return True
    origin = request.headers.get("Origin")
    if origin and origin.rstrip("/") != request.host_url.rstrip("/"):
        return False
    try:
        return _serializer().loads(token or "", max_age=MAX_AGE_SECONDS) == str(purpose)
    except BadSignature:
        return False
