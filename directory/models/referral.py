"""Referral lists: what a coordinator hands a client, and what became of each referral.

A `ReferralList` has a title, the staff member who made it, a contact the client can
reach, staff notes and ordered `ReferralItem`s (a service and a note for the client).
Nothing about the client is stored but a free `reference` (initials or a chart number).
Each item carries a referral status; every change is a `ReferralStatusChange`, which keeps
the service, the status and the date, so outcome counts stay right after a list is purged
(the purge cuts the link to the item; nothing leads back to a client). A `ShareLink`
opens a read-only copy of the list: its token is shown once and only its SHA-256 is kept.
A `ReferralSend` records that the list was sent to the client, by email or text message,
when and by whom: never to which address or number.
"""

import hashlib
import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    delete,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import UUID_LENGTH, HSDSRecord, fk, new_id, utcnow

REFERRAL_STATUSES = ("suggested", "referred", "contacted", "enrolled", "could-not-reach",
                     "not-eligible", "no-capacity", "client-declined")
# Still in progress: "could not reach" is a try that failed, not an outcome.
OPEN_STATUSES = ("suggested", "referred", "contacted", "could-not-reach")
IMPLY_REFERRED = ("contacted", "enrolled")  # reached only by way of a referral
TITLE_LENGTH, REFERENCE_LENGTH, NOTE_LENGTH = 120, 40, 2000
_STATUS_CHECK = "status IN ({})".format(", ".join(f"'{s}'" for s in REFERRAL_STATUSES))


def token_digest(token):
    """Return the SHA-256 hex digest a share token is stored and looked up as."""
    return hashlib.sha256(token.encode()).hexdigest()


class ReferralList(HSDSRecord, db.Model):
    """A list of services made for one client (who is named nowhere)."""

    __tablename__ = "referral_list"

    title: Mapped[str] = mapped_column(String(TITLE_LENGTH))
    reference: Mapped[str | None] = mapped_column(String(REFERENCE_LENGTH))
    contact: Mapped[str | None] = mapped_column(String(255))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[str | None] = fk("user_account.id", ondelete="SET NULL")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    created_by = relationship("User")
    items = relationship("ReferralItem", back_populates="referral_list",
                         order_by="ReferralItem.position", cascade="all, delete-orphan",
                         passive_deletes=True)
    share_links = relationship("ShareLink", back_populates="referral_list",
                               order_by="ShareLink.created_at", cascade="all, delete-orphan",
                               passive_deletes=True)
    changes = relationship("ReferralListChange", order_by="ReferralListChange.changed_at",
                           cascade="all, delete-orphan", passive_deletes=True)

    def record(self, action, by, detail=None):
        """Note who changed the list and how (`action`, and a service's name as `detail`).
        Nothing about the client goes here: not the reference, not the notes."""
        self.changes.append(ReferralListChange(action=action, changed_by=by, detail=detail))

    sends = relationship("ReferralSend", back_populates="referral_list",
                         order_by="ReferralSend.sent_at", cascade="all, delete-orphan",
                         passive_deletes=True)

    def touch(self):
        """Mark the list as changed now (the retention period runs from here)."""
        self.updated_at = utcnow()

    def item_for(self, service_id):
        """Return the item holding `service_id`, or None."""
        return next((i for i in self.items if i.service_id == service_id), None)

    def add_service(self, service, by, note=None):
        """Add `service` at the end as "suggested" and return its item (or the one there)."""
        existing = self.item_for(service.id)
        if existing is not None:
            return existing
        item = ReferralItem(service=service, service_id=service.id, note=note,
                            position=len(self.items) + 1)
        self.items.append(item)
        item.set_status("suggested", by)
        self.touch()
        return item

    def remove(self, item):
        """Take `item` off the list and close the gap in the order."""
        self.items.remove(item)
        self.renumber()
        self.touch()

    def move(self, item, step):
        """Move `item` up (step -1) or down (step 1) one place."""
        order = list(self.items)
        index = order.index(item)
        target = index + step
        if 0 <= target < len(order):
            order[index], order[target] = order[target], order[index]
            for position, each in enumerate(order, start=1):
                each.position = position
            self.items.sort(key=lambda i: i.position)
            self.touch()

    def renumber(self):
        for position, item in enumerate(self.items, start=1):
            item.position = position

    def active_links(self, now=None):
        """Return the share links that still open the list."""
        return [link for link in self.share_links if link.is_active(now)]

    def share(self, days, by, token_for=None):
        """Create a share link valid for `days`; return (link, token). The token is not kept:
        `token_for(link id)` derives it (so it can be derived again), else it is random."""
        link_id = new_id()
        token = token_for(link_id) if token_for else secrets.token_urlsafe(32)  # 256 bits
        link = ShareLink(id=link_id, token_hash=token_digest(token), created_by=by,
                         expires_at=utcnow() + timedelta(days=days))
        self.share_links.append(link)
        self.touch()
        return link, token


class ReferralItem(HSDSRecord, db.Model):
    """One service on a referral list, its place in the order, its note and status."""

    __tablename__ = "referral_item"
    __table_args__ = (CheckConstraint(_STATUS_CHECK, name="status"),)

    referral_list_id: Mapped[str] = fk("referral_list.id")
    service_id: Mapped[str] = fk("service.id")
    position: Mapped[int] = mapped_column(Integer, default=1)
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24), default="suggested", index=True)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status_changed_by: Mapped[str | None] = mapped_column(String(255))
    follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)

    referral_list = relationship("ReferralList", back_populates="items")
    service = relationship("Service")
    history = relationship("ReferralStatusChange", back_populates="item",
                           order_by="ReferralStatusChange.changed_at", passive_deletes=True)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def set_status(self, status, by):
        """Change the status (recording who and when); return whether it changed."""
        if status not in REFERRAL_STATUSES:
            raise ValueError(f"unknown referral status {status!r}")
        if self.history and self.status == status:
            return False
        now = utcnow()
        passed = {change.status for change in self.history}
        # Contacting the service about the client, or the client enrolling, is a referral
        # even when nobody pressed "referred" first: the history records it, so the
        # outcome counts see it as referred too.
        steps = [(status, now)]
        if status in IMPLY_REFERRED and "referred" not in passed:
            steps.insert(0, ("referred", now - timedelta(microseconds=1)))  # keeps the order
        for step, moment in steps:
            self.history.append(ReferralStatusChange(
                status=step, changed_at=moment, changed_by=by,
                service_id=self.service_id or self.service.id))
        self.status, self.status_changed_at, self.status_changed_by = status, now, by
        return True


class ReferralStatusChange(HSDSRecord, db.Model):
    """A referral's status changed: to what, when, by whom, for which service."""

    __tablename__ = "referral_status_change"
    __table_args__ = (CheckConstraint(_STATUS_CHECK, name="status"),)

    # Purging a list keeps the change (for the counts) and forgets the item.
    item_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("referral_item.id", ondelete="SET NULL"), index=True)
    service_id: Mapped[str] = fk("service.id")
    status: Mapped[str] = mapped_column(String(24))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    changed_by: Mapped[str | None] = mapped_column(String(255))

    item = relationship("ReferralItem", back_populates="history")


class ShareLink(HSDSRecord, db.Model):
    """A link that opens a read-only copy of a list until it expires or is revoked."""

    __tablename__ = "referral_share_link"

    referral_list_id: Mapped[str] = fk("referral_list.id")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(255))
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    referral_list = relationship("ReferralList", back_populates="share_links")

    def is_active(self, now=None):
        now = now or utcnow()
        return self.revoked_at is None and self.expires_at > now

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = utcnow()


class ReferralListChange(HSDSRecord, db.Model):
    """One change to a referral list: who made it and when (deleted with the list)."""

    __tablename__ = "referral_list_change"

    referral_list_id: Mapped[str] = fk("referral_list.id")
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[str | None] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(String(255))


class ReferralSend(HSDSRecord, db.Model):
    """The list was sent to the client: by which channel, when, by whom (not to whom)."""

    __tablename__ = "referral_send"
    __table_args__ = (CheckConstraint("channel IN ('email', 'sms')", name="channel"),)

    referral_list_id: Mapped[str] = fk("referral_list.id")
    channel: Mapped[str] = mapped_column(String(8))
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_by: Mapped[str | None] = mapped_column(String(255))

    referral_list = relationship("ReferralList", back_populates="sends")


def find_share_link(token):
    """Return the share link whose token is `token` (active or not), or None."""
    if not token or len(token) > 100:
        return None
    return db.session.scalar(select(ShareLink).where(ShareLink.token_hash == token_digest(token)))


def purge_list(referral_list):
    """Delete one list now, with its items and links; its status changes stay, unlinked."""
    _unlink_history(select(ReferralItem.id).where(
        ReferralItem.referral_list_id == referral_list.id))
    db.session.delete(referral_list)
    db.session.commit()


def _forget_program_referrals(item_ids):
    # What a client agreed to share with a program goes with the list (the database's
    # ON DELETE CASCADE would do it too; saying it keeps every engine right).
    from .provider import ProgramReferral

    db.session.execute(delete(ProgramReferral).where(ProgramReferral.item_id.in_(item_ids)))


def _unlink_history(item_ids):
    # The database would do this (ON DELETE SET NULL); saying it keeps every engine right.
    db.session.execute(ReferralStatusChange.__table__.update()
                       .where(ReferralStatusChange.item_id.in_(item_ids)).values(item_id=None))


def purge_lists(days, now=None):
    """Delete the lists not changed for `days` days, with their items and links; return
    how many. Their status changes stay, linked to nothing, for the outcome counts."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    stale = select(ReferralList.id).where(ReferralList.updated_at < cutoff)
    count = db.session.scalar(select(func.count()).select_from(stale.subquery()))
    if count:
        _unlink_history(select(ReferralItem.id).where(ReferralItem.referral_list_id.in_(stale)))
        db.session.execute(delete(ShareLink).where(ShareLink.referral_list_id.in_(stale)))
        db.session.execute(delete(ReferralListChange).where(
            ReferralListChange.referral_list_id.in_(stale)))


        db.session.execute(delete(ReferralSend).where(ReferralSend.referral_list_id.in_(stale)))
        _forget_program_referrals(select(ReferralItem.id).where(
            ReferralItem.referral_list_id.in_(stale)))
        db.session.execute(delete(ReferralItem).where(ReferralItem.referral_list_id.in_(stale)))
        db.session.execute(delete(ReferralList).where(ReferralList.updated_at < cutoff))
    db.session.commit()
    return count
