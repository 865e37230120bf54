"""Referrals sent to the program that runs a service, and the program's answers.

A coordinator sends one referral list item whose service's organization has a provider
account: the service, the date, the coordinator's contact, and only the client details
ticked as agreed to (first name, phone, preferred contact time; none by default). The
program answers accepted, declined (with a reason), waitlisted or no capacity, and later
in progress, completed or cancelled. Each answer is a FHIR SDOH Clinical Care referral
Task status (with a reason for "rejected" and "on-hold"); `ANSWERS` maps our words to
them, and answers that settle the referral also move the item's own status, so the
follow-up dashboard's outcome counts include them (in progress or completed counts as
enrolled; no capacity as no capacity)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import SHARED_FIELDS, ProgramReferral, User, utcnow

# answer: (Task status, reason, the referral item's status it implies or None, label)
ANSWERS = {
    "accepted": ("accepted", None, None, _l("Accepted")),
    "declined": ("rejected", "declined", None, _l("Declined")),
    "waitlisted": ("on-hold", "waitlisted", None, _l("Waitlisted")),
    "no-capacity": ("rejected", "no-capacity", "no-capacity", _l("No capacity")),
    "in-progress": ("in-progress", None, "enrolled", _l("In progress")),
    "completed": ("completed", None, "enrolled", _l("Completed")),
    "cancelled": ("cancelled", None, None, _l("Cancelled")),
}
STATUS_WORDS = {"requested": _l("Sent, not answered yet"),
                "entered-in-error": _l("Sent in error"),
                **{status: label for status, reason, _item, label in ANSWERS.values()
                   if reason is None}}
REASON_WORDS = {reason: label for _s, reason, _i, label in ANSWERS.values() if reason}


def words(referral):
    """Return what the program's answer is called on screen ("Accepted", "Waitlisted")."""
    if referral.reason in REASON_WORDS:
        return REASON_WORDS[referral.reason]
    return STATUS_WORDS.get(referral.status, referral.status)


def answer_words(item):
    """Return the words of the program's latest answer to the item, or None if not sent."""
    sent = latest(item)
    return words(sent) if sent is not None else None


def _providers(organization_id):
    return select(User).where(User.organization_id == organization_id,
                              User.role == "provider", User.active.is_(True))


def providers_of(organization_id):
    """Return the active provider accounts of an organization, by email."""
    return db.session.scalars(_providers(organization_id).order_by(User.email)).all()


def receives_referrals(service):
    """Return whether the service's organization has an active provider account."""
    return service is not None and bool(
        db.session.scalar(select(_providers(service.organization_id).exists())))


def send(item, by, contact, shared):
    """Send the referral item to its program with the agreed `shared` details ({field:
    value}, only consented fields); return the ProgramReferral (uncommitted)."""
    referral = ProgramReferral(
        item=item, service_id=item.service_id, organization_id=item.service.organization_id,
        sent_by=by, coordinator_contact=(contact or "").strip()[:255] or None,
        status_changed_by=by,
        **{name: (shared.get(name) or "").strip() or None for name in SHARED_FIELDS})
    db.session.add(referral)
    item.set_status("referred", by)
    item.referral_list.touch()
    return referral


def answer(referral, key, reason_text, by):
    """Record the program's answer `key` (one of ANSWERS) with an optional explanation."""
    status, reason, item_status, _label = ANSWERS[key]
    referral.status, referral.reason = status, reason
    referral.reason_text = (reason_text or "").strip() or None
    referral.status_changed_at, referral.status_changed_by = utcnow(), by
    if item_status and referral.item is not None:
        referral.item.set_status(item_status, by)
        referral.item.referral_list.touch()


def incoming(organization_id, limit=200):
    """Return the referrals sent to the organization, newest first."""
    return db.session.scalars(
        select(ProgramReferral).where(ProgramReferral.organization_id == organization_id)
        .options(selectinload(ProgramReferral.service))
        .order_by(ProgramReferral.sent_at.desc()).limit(limit)).all()


def latest(item):
    """Return the item's most recent referral to its program, or None."""
    sent = sorted(item.program_referrals, key=lambda r: r.sent_at)
    return sent[-1] if sent else None
