"""Programs keeping their own listings: one-time links for providers, and referrals sent
to a program.

A `ProviderToken` is a one-time link: an invitation to open a provider account for one
organization, or a reminder's "still accurate" confirmation. The link carries only the
row's id, signed (directory/providers/tokens.py); the row says what it is for, when it
expires and whether it was used. A `ProgramReferral` is a referral item sent to the
program that runs the service: what goes is the service, the date, the coordinator's
contact and only the client details the client agreed to share (each field consented to
on its own; empty otherwise). Its status follows the FHIR SDOH Clinical Care referral
Task statuses; purging the list deletes it with the item, by the same retention rule.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..extensions import db
from .base import HSDSRecord, fk, utcnow

TOKEN_PURPOSES = ("invite", "confirm")
# FHIR Task statuses the SDOH Clinical Care referral Task uses.
TASK_STATUSES = ("requested", "accepted", "rejected", "in-progress", "on-hold", "completed",
                 "cancelled", "entered-in-error")
SHARED_FIELDS = ("first_name", "phone", "contact_time")


def _in(column, values):
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class ProviderToken(HSDSRecord, db.Model):
    """A one-time link for a program: an invitation or a "still accurate" confirmation."""

    __tablename__ = "provider_token"
    __table_args__ = (CheckConstraint(_in("purpose", TOKEN_PURPOSES), name="purpose"),)

    purpose: Mapped[str] = mapped_column(String(16))
    email: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(120))
    organization_id: Mapped[str] = fk("organization.id")
    user_id: Mapped[str | None] = fk("user_account.id")
    created_by: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)

    organization = relationship("Organization")
    user = relationship("User")

    def usable(self, now=None):
        """Return whether the link still works: not used and not expired."""
        return self.used_at is None and self.expires_at > (now or utcnow())

    def use(self):
        self.used_at = utcnow()


class ProgramReferral(HSDSRecord, db.Model):
    """A referral item sent to the program running its service, and the program's answer."""

    __tablename__ = "program_referral"
    __table_args__ = (CheckConstraint(_in("status", TASK_STATUSES), name="status"),)

    item_id: Mapped[str] = fk("referral_item.id")
    service_id: Mapped[str] = fk("service.id")
    organization_id: Mapped[str] = fk("organization.id")
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_by: Mapped[str | None] = mapped_column(String(255))
    coordinator_contact: Mapped[str | None] = mapped_column(String(255))
    # Only what the client agreed to share, one consent per field; nothing by default.
    first_name: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(40))
    contact_time: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(24), default="requested", index=True)
    reason: Mapped[str | None] = mapped_column(String(40))
    reason_text: Mapped[str | None] = mapped_column(Text)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status_changed_by: Mapped[str | None] = mapped_column(String(255))

    item = relationship("ReferralItem", backref=backref(
        "program_referrals", cascade="all, delete-orphan", passive_deletes=True))
    service = relationship("Service")
    organization = relationship("Organization")

    @property
    def shared(self):
        """Return {field: value} of the client details the client agreed to share."""
        return {name: getattr(self, name) for name in SHARED_FIELDS if getattr(self, name)}
