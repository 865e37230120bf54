"""Who may do what in the staff workspace, checked on the server for every view: any
signed-in staff member may read the directory's staff pages, editors (and admins) may
change it, and only admins manage accounts. Providers (people at a program) are not
staff: every staff page refuses them. A refusal is a 403 page."""

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, current_app
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import login_manager


def role_required(permission=None):
    """Return a decorator refusing anyone not signed in, or whose role lacks `permission`."""

    def decorator(view):
        @wraps(view)
        def checked(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if permission and not current_user.can(permission):
                abort(403)
            return view(*args, **kwargs)

        return checked

    return decorator


signed_in_required = role_required()
staff_required = role_required("staff")
editor_required = role_required("edit")
admin_required = role_required("admin")


def safe_next(target, default):
    """Return `target` if it is a path on this site, else `default` (no open redirects)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target:
        return default
    return target


def home_for(user):
    """Return where an account starts: the provider's listings, or the staff dashboard."""
    from flask import url_for

    return url_for("providers.home" if user.can("provide") else "staff.dashboard")


def today():
    """Return today's date where the directory is."""
    from ..template_helpers import local_now

    return local_now().date()


def service_or_404(service_id):
    """Return the service with everything it holds, or answer 404."""
    from ..catalogue import get_service

    service = get_service(service_id)
    if service is None:
        abort(404, description=_("There is no such service."))
    return service


def setting(name):
    """Return a configuration value."""
    return current_app.config[name]
