"""Where an "Ask them to contact me" request goes, and how long it stays: the rules the
public form, the editors (a program may opt in only where a request can reach it) and the
provider's inbox share.

A request goes to the program's provider inbox when its organization has an active provider
account, otherwise to the service's email when this directory can send mail (MAIL_*); with
neither it has nowhere to go. A request in
the inbox is deleted when the program answers it, and any request CONTACT_REQUEST_DAYS
after it was sent (by `flask purge`, and whenever a request is saved or an inbox shown, so
no cron job is needed). The number or address is counted for the rate limit only as a keyed
hash (`limit_key`), so not even the limiter's log line holds it."""

import hashlib
import hmac
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from .extensions import db
from .models import CONTACT_TIMES, ContactRequest, Service, utcnow
from .models.account import provider_organizations
from .models.first_contact import request_destination

INBOX, EMAIL = "inbox", "email"
CHANNEL_LABELS = {"text": _l("Text message"), "email": _l("Email")}
TIME_LABELS = dict(zip(CONTACT_TIMES, (_l("Any time"), _l("Mornings"), _l("Afternoons"),
                                       _l("Evenings")), strict=True))


def has_provider_account(organization_id):
    """Return whether an active provider account looks after the organization."""
    return bool(provider_organizations(db.session, [organization_id]))


def destination(service):
    """Return where a request to `service` goes: INBOX, EMAIL or None (the one rule:
    models/first_contact.request_destination)."""
    return request_destination(has_provider_account(service.organization_id), service.email)


def accepts_requests(service):
    """Return whether the public page offers the form: the program opted in and a request
    can reach it."""
    return service.takes_contact_requests  # which asks destination's question


def limit_key(address):
    """Return what the rate limit counts for a number or address: a hash keyed with
    SECRET_KEY (a plain hash of a phone number is undone by trying every number)."""
    secret = str(current_app.config["SECRET_KEY"]).encode()
    digest = hmac.new(secret, (address or "").strip().lower().encode(), hashlib.sha256)
    return "contact-to:" + digest.hexdigest()


def retention_days():
    """Return how many days a request is kept at most (CONTACT_REQUEST_DAYS)."""
    return int(current_app.config["CONTACT_REQUEST_DAYS"])


def purge(days=None, now=None):
    """Delete the requests sent more than `days` (CONTACT_REQUEST_DAYS) ago; return how
    many. The caller commits."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days() if days is None else days)
    return db.session.execute(
        delete(ContactRequest).where(ContactRequest.created_at < cutoff)).rowcount or 0


def expire():
    """Delete the requests past CONTACT_REQUEST_DAYS now; return (how many, the days)."""
    count = purge()
    db.session.commit()
    return count, retention_days()


def save(service, channel, address, best_time, note, language):
    """Keep a request for the program's inbox (and drop the expired ones); return it."""
    purge()
    request = ContactRequest(service_id=service.id, channel=channel, address=address,
                             best_time=best_time, note=note or None, language=language)
    db.session.add(request)
    db.session.commit()
    return request


def _of_organization(organization_id):
    return select(ContactRequest).join(Service).where(
        Service.organization_id == organization_id)


def waiting(organization_id):
    """Return the open requests to the organization's services, oldest first."""
    return db.session.scalars(_of_organization(organization_id)
                              .order_by(ContactRequest.created_at)).all()


def waiting_count(organization_id):
    """Return how many open requests the organization has."""
    return db.session.scalar(select(func.count()).select_from(
        _of_organization(organization_id).subquery()))


def own_request(user, request_id):
    """Return the request if it is to a service of the provider's organization, else None."""
    request = db.session.get(ContactRequest, request_id) if request_id else None
    if request is None or not user.organization_id or \
            request.service.organization_id != user.organization_id:
        return None
    return request


def answered(request):
    """Forget an answered request: the program has what it needed, and the directory
    keeps nothing it no longer needs. The caller commits."""
    db.session.delete(request)
