"""Inviting someone at a program to keep its listings: an admin (or an operator at the
command line) names an email and an organization; the person gets a one-time link that
expires (PROVIDER_INVITE_DAYS) and, by opening it, chooses a password and becomes a
`provider` account for that organization only."""

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from .. import messaging
from ..extensions import db
from ..models import User
from . import tokens


class InvitationProblem(ValueError):
    """An invitation that cannot be made or taken, said in words."""


def invite(email, organization, by, name=None):
    """Record an invitation; return its link (absolute). Nothing is committed."""
    email = (email or "").strip().lower()
    existing = db.session.scalar(select(User).where(func.lower(User.email) == email))
    if existing is not None:
        raise InvitationProblem(_("There is already an account with this email address."))
    _row, token = tokens.issue("invite", email, organization,
                               current_app.config["PROVIDER_INVITE_DAYS"], by=by, name=name)
    return url_for("providers.accept_invitation", token=token, _external=True)


def email_invitation(email, organization, link):
    """Send the invitation link; raise messaging.SendError when it cannot go."""
    days = current_app.config["PROVIDER_INVITE_DAYS"]
    body = _("You are invited to keep the listings of %(org)s current in %(directory)s: "
             "beds and seats free, hours, phone numbers and descriptions, and the referrals "
             "clinics send you.\n\nOpen this link to choose your password. It works once, "
             "for %(days)d days:\n%(link)s\n",
             org=organization.name, directory=current_app.config["DIRECTORY_NAME"],
             days=days, link=link)
    messaging.send_email(email, _("Keep your listings current: your invitation"), body)


def accept(row, name, password):
    """Create the provider account the invitation `row` offers; return it (uncommitted)."""
    if row is None or not row.usable():
        raise InvitationProblem(_("This invitation link has expired or was already used. "
                                  "Ask the directory's administrator for a new one."))
    if db.session.scalar(select(User).where(func.lower(User.email) == row.email)):
        raise InvitationProblem(_("There is already an account with this email address."))
    user = User(email=row.email, role="provider", name=(name or "").strip() or row.name,
                organization_id=row.organization_id, active=True)
    user.set_password(password)
    db.session.add(user)
    row.use()
    return user
