"""Telling a program that a referral is waiting: each active provider account of the
organization gets one email when a coordinator sends a referral to one of its services,
so a program that does not sign in every day still answers in time.

The mail names the service, the date and the link to the program's referrals (signing in
is needed there); it carries none of the client's details, not even the ones the client
agreed to share with the program: mail passes through servers neither side controls.
It is written in English, as the reminders are (an account has no language of its own).
A mail that cannot be sent loses nothing: the referral is saved before, the program sees
it when it signs in, and the coordinator is told."""

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import messaging
from .program_referrals import providers_of


def tell_program(referral):
    """Email the providers of the referral's organization; return (sent, failed). Nothing
    is sent, and (0, 0) returned, when email is not set up."""
    if not messaging.email_ready():
        return 0, 0
    sent = failed = 0
    with force_locale("en"):
        subject = _("New referral to %(service)s", service=referral.service.name)
        body = _("Hello,\n\nA coordinator sent a referral to %(service)s on %(date)s. The "
                 "client's details, if they agreed to share any, and the coordinator's "
                 "contact are on your referrals page (sign-in needed):\n%(link)s\n\nPlease "
                 "answer there: accepted, waitlisted, no capacity or declined. The "
                 "coordinator sees your answer at once.\n",
                 service=referral.service.name, date=referral.sent_at.date().isoformat(),
                 link=url_for("providers.referrals", _external=True))
        for user in providers_of(referral.organization_id):
            try:
                messaging.send_email(user.email, subject, body)
                sent += 1
            except messaging.SendError:
                failed += 1
    return sent, failed
