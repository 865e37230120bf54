"""Staff accounts: who may sign in and what their role lets them do."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .base import HSDSRecord, fk, utcnow

STAFF_ROLES = ("admin", "editor", "coordinator")
ROLES = (*STAFF_ROLES, "provider")  # providers are invited for one organization
MIN_PASSWORD_LENGTH = 12


class WeakPassword(ValueError):
    """Raised when a password does not meet the rules."""


class User(HSDSRecord, UserMixin, db.Model):
    """A staff member. Roles: admin (everything), editor (the directory), coordinator
    (matching and referrals; read-only on the directory), provider (someone at a program:
    its own organization's listings and the referrals sent to it, nothing else)."""

    __tablename__ = "user_account"

    email: Mapped[str] = mapped_column(String(255), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="coordinator")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Bumped on sign-out and password change: every session carrying the old number ends.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    # A provider's name (the history shows it) and the one organization it may edit.
    name: Mapped[str | None] = mapped_column(String(120))
    organization_id: Mapped[str | None] = fk("organization.id", ondelete="SET NULL")

    organization = relationship("Organization")

    def set_password(self, password):
        """Hash and store `password` (scrypt), refusing one that is too short."""
        if password is None or len(password) < MIN_PASSWORD_LENGTH:
            raise WeakPassword(
                f"The password must be at least {MIN_PASSWORD_LENGTH} characters long."
            )
        self.password_hash = generate_password_hash(password, method="scrypt")
        self.session_version = (self.session_version or 0) + 1

    def end_sessions(self):
        """End every session of the account (signing out, a new password, deactivation)."""
        self.session_version = (self.session_version or 0) + 1

    def check_password(self, password):
        """Return whether `password` matches the stored hash."""
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    def get_id(self):
        """Return the session identity: the id and the session version together."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self):
        return bool(self.active)

    def can(self, permission):
        """Return whether the role grants `permission` (staff, edit, refer, admin, provide)."""
        grants = {
            "admin": {"admin", "edit", "refer", "staff"},
            "editor": {"edit", "refer", "staff"},
            "coordinator": {"refer", "staff"},
            "provider": {"provide"},
        }
        return permission in grants.get(self.role, set())


def provider_organizations(session, organization_ids):
    """Return the ids among `organization_ids` that an active provider account looks after
    (where a program's "Ask them to contact me" requests can wait in its inbox)."""
    wanted = {i for i in organization_ids if i}
    if not wanted:
        return set()
    return set(session.scalars(select(User.organization_id).where(
        User.role == "provider", User.active.is_(True), User.organization_id.in_(wanted))))
