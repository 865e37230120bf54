"""Commands for operators: invite a provider from the command line, and send the
reminders that keep programs' data fresh (for cron). Links in what they print or mail
start with DIRECTORY_URL, since a command has no request to take the address from."""

import sys

import click
from flask import current_app
from sqlalchemy import select

from .. import messaging
from ..extensions import db
from ..models import Organization
from ..staff.access import today
from . import invitations, reminders


def _site():
    return current_app.test_request_context(base_url=current_app.config["DIRECTORY_URL"])


@click.command("invite-provider")
@click.argument("email")
@click.argument("organization")
@click.option("--name", help="The person's name.")
@click.option("--send", is_flag=True, help="Also email the link (MAIL_* settings).")
def invite_provider_command(email, organization, name, send):
    """Invite EMAIL to keep ORGANIZATION's listings (its id or exact name); print the
    one-time link."""
    found = db.session.get(Organization, organization) or db.session.scalar(
        select(Organization).where(Organization.name == organization).limit(1))
    if found is None:
        raise click.BadParameter("no organization with this id or name",
                                 param_hint="ORGANIZATION")
    if "@" not in email:
        raise click.BadParameter("give the person's email address", param_hint="EMAIL")
    with _site():
        try:
            link = invitations.invite(email, found, "command line", name)
            if send:
                invitations.email_invitation(email.strip().lower(), found, link)
        except (invitations.InvitationProblem, messaging.SendError) as problem:
            db.session.rollback()
            click.echo(str(problem), err=True)
            sys.exit(1)
        db.session.commit()
    click.echo(f"Invitation for {email} at {found.name} (works once):\n{link}")


@click.command("remind-providers")
def remind_providers_command():
    """Email each provider whose listings or availability are stale a one-time link."""
    with _site():
        sent, failed = reminders.send_reminders(today())
    click.echo(f"Reminders sent: {sent}; not sent: {failed}.")
    if failed:
        sys.exit(1)
