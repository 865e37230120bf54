"""Staff accounts as admins manage them: finding accounts, creating one, and the rule
that the directory always keeps at least one active admin."""

from sqlalchemy import func, select

from ..extensions import db
from ..models import User


class LastAdmin(ValueError):
    """Raised when a change would leave no active admin."""


def normalise_email(email):
    return (email or "").strip().lower()


def by_email(email):
    """Return the account with this email (any case), or None."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def get(user_id):
    return db.session.get(User, user_id)


def everyone():
    """Return every account: active first, then by email."""
    return db.session.scalars(select(User).order_by(User.active.desc(), User.email)).all()


def create(email, role, password):
    """Return a new active account (added to the session; the caller commits)."""
    user = User(email=normalise_email(email), role=role, active=True)
    user.set_password(password)
    db.session.add(user)
    return user


def update(user, role, active, password=None):
    """Change an account's role, whether it can sign in, and optionally its password."""
    stays_admin = role == "admin" and active
    if user.role == "admin" and user.active and not stays_admin:
        admins = db.session.scalar(select(func.count(User.id)).where(
            User.role == "admin", User.active.is_(True)))
        if admins <= 1:
            raise LastAdmin("The directory needs at least one active admin.")
    if user.role != role:
        user.role = role
    if user.active != active:
        user.active = active
        if not active:
            user.session_version = (user.session_version or 0) + 1  # sign them out now
    if password:
        user.set_password(password)
    return user
