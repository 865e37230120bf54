"""One-time links for programs: each link carries a `ProviderToken` row's id signed with
the app's secret (itsdangerous, salted by purpose), so a link cannot be guessed or turned
into another kind; the row says when it expires and whether it was used, so it works once."""

from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from ..extensions import db
from ..models import ProviderToken, utcnow

MAX_TOKEN_LENGTH = 200


def _serializer(purpose):
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=f"provider-{purpose}")


def issue(purpose, email, organization, days, by=None, user=None, name=None):
    """Add a one-time link row valid for `days`; return (row, the signed token)."""
    row = ProviderToken(purpose=purpose, email=email, organization=organization, user=user,
                        name=name, created_by=by, expires_at=utcnow() + timedelta(days=days))
    db.session.add(row)
    db.session.flush()
    return row, _serializer(purpose).dumps(row.id)


def find(purpose, token):
    """Return the row a signed `token` of `purpose` names (used or not), or None."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        row_id = _serializer(purpose).loads(token)
    except BadSignature:
        return None
    row = db.session.get(ProviderToken, row_id) if isinstance(row_id, str) else None
    return row if row is not None and row.purpose == purpose else None
