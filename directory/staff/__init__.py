"""The staff workspace: signing in, editing the directory, keeping it verified, the
suggestion queue, user management and the audit history; plus the public "Suggest a
correction" form, which lands in the editors' queue.

Two blueprints: `staff` (everything under /staff, each view checking the role on the
server) and `corrections` (the public suggestion form under /services/<id>/suggest).
"""

from datetime import UTC
from zoneinfo import ZoneInfo

from flask import Blueprint, g
from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l

from .. import coverage

bp = Blueprint("staff", __name__, url_prefix="/staff")
corrections = Blueprint("corrections", __name__)

from . import (  # noqa: F401  (routes register on import)
    auth,
    dashboard,
    details,
    locations,
    organizations,
    services,
    settings,
    suggestions,
    users,
)


def _forget_cached_user():
    # Flask-Login caches the user on `g`, which outlives a request when an app context
    # was already pushed (scripts, tests): each request must read its own session.
    g.pop("_login_user", None)


def staff_time(value):
    """Return a stored (naive UTC) time as the directory's local date and time."""
    if value is None:
        return ""
    local = value.replace(tzinfo=UTC).astimezone(ZoneInfo(coverage.timezone()))
    return format_datetime(local, "medium", rebase=False)


def init_app(app):
    """Register the staff blueprints and the sign-in rules on `app`."""
    from ..extensions import login_manager

    app.jinja_env.filters["staff_time"] = staff_time
    login_manager.login_view = "staff.login"
    login_manager.login_message = _l("Sign in to continue.")
    login_manager.login_message_category = "info"
    app.before_request(_forget_cached_user)
    app.register_blueprint(bp)
    app.register_blueprint(corrections)
