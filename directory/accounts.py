"""Signing staff in and out of sessions: how a session identity maps to an account, and
why a changed password signs out every other session."""

from .extensions import db, login_manager
from .models import User


@login_manager.user_loader
def load_user(identity):
    """Return the active account for a session identity "id:version", or None."""
    user_id, _, version = (identity or "").partition(":")
    user = db.session.get(User, user_id) if user_id else None
    if user is None or not user.is_active or str(user.session_version) != version:
        return None
    return user
