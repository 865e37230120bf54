"""Reminders that keep programs' data fresh, for cron: each active provider whose
organization has a listed service not verified within STALE_AFTER_DAYS, or whose
availability is older than AVAILABILITY_STALE_DAYS, gets one email (same MAIL_* settings
as the list email) with a signed one-time link: one press confirms "still accurate"
without signing in; a second link opens the provider's pages to change what is wrong."""

from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from .. import messaging
from ..extensions import db
from ..models import User, utcnow
from ..staff import editing
from . import edits, tokens


def _stale(service, today, now):
    config = current_app.config
    if service.assured_date is None or \
            service.assured_date < today - timedelta(days=config["STALE_AFTER_DAYS"]):
        return True
    return service.availability_outdated(now, config["AVAILABILITY_STALE_DAYS"])


def stale_services(organization_id, today, now=None):
    """Return the organization's listed services that need a look."""
    now = now or utcnow()
    return [s for s in edits.services_of(organization_id)
            if s.is_listed and _stale(s, today, now)]


def providers_due(today):
    """Return [(provider, [stale services])] for every active provider with any."""
    providers = db.session.scalars(select(User).where(
        User.role == "provider", User.active.is_(True), User.organization_id.is_not(None))
        .order_by(User.email)).all()
    due = [(user, stale_services(user.organization_id, today)) for user in providers]
    return [(user, services) for user, services in due if services]


def _body(user, services, confirm, form):
    names = "\n".join(f"- {service.name}" for service in services)
    return _("Hello %(name)s,\n\nThese listings of %(org)s have not been checked for a while, "
             "or their beds and seats are out of date:\n\n%(names)s\n\nIf everything is "
             "still accurate, one press here confirms it (no sign-in needed; the link works "
             "once):\n%(confirm)s\n\nIf something changed, update it here:\n%(form)s\n",
             name=user.name or user.email, org=user.organization.name, names=names,
             confirm=confirm, form=form)


def send_reminders(today):
    """Email each provider due a reminder; commit the links; return (sent, failed)."""
    sent = failed = 0
    for user, services in providers_due(today):
        _row, token = tokens.issue("confirm", user.email, user.organization,
                                   current_app.config["PROVIDER_LINK_DAYS"], user=user)
        confirm = url_for("providers.confirm", token=token, _external=True)
        form = url_for("providers.home", _external=True)
        try:
            messaging.send_email(user.email, _("Are your listings still accurate?"),
                                 _body(user, services, confirm, form))
        except messaging.SendError:
            db.session.rollback()
            failed += 1
            continue
        db.session.commit()
        sent += 1
    return sent, failed


def confirm_all(row, today):
    """Mark every listed service of the link's organization verified today by its
    provider, and its availability still current; use up the link. Returns the services."""
    now = utcnow()
    services = [s for s in edits.services_of(row.organization_id) if s.is_listed]
    for service in services:
        editing.mark_verified(service, row.email, today)
        if service.current_capacity is not None:
            service.current_capacity.updated = now
    row.use()
    return services
