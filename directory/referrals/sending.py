"""Sending a list to the client from its page: by email or by text message, with the
share link and a short version of the list in the language the client reads (the
records' text too, where they have it in that language). The address or number goes from
the form to the mail server or gateway and nowhere else (the list's history records only
the channel); sends are limited per staff member (SEND_LIMIT); a failure is shown next to
the form in plain words, and with nothing configured the form says which settings to
set."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user

from .. import messaging
from ..extensions import db, limiter
from ..models.referral import ReferralSend
from . import bp, outgoing
from .forms import SendEmailForm, SendTextForm
from .list_queries import list_or_404, refer_required, who
from .lists import render_list
from .sharing import ensure_link, share_url
from .sheet import build_sheet


def _sender():
    return "send:" + (current_user.get_id() or get_remote_address())


def _limited(view):
    return limiter.limit(lambda: current_app.config["SEND_LIMIT"], key_func=_sender,
                         deduct_when=lambda response: response.status_code == 302)(view)


@bp.post("/lists/<list_id>/send/email")
@refer_required
@_limited
def send_email(list_id):
    """Email the list to the address typed in."""
    return _send(list_id, "email")


@bp.post("/lists/<list_id>/send/text")
@refer_required
@_limited
def send_text(list_id):
    """Text the list to the number typed in."""
    return _send(list_id, "sms")


def _send(list_id, channel):
    referral_list = list_or_404(list_id)
    forms = {"email": None, "sms": None}
    form = SendEmailForm(prefix="email") if channel == "email" else SendTextForm(prefix="text")
    forms[channel] = form
    ready = messaging.email_ready() if channel == "email" else messaging.sms_ready()
    if not ready or not form.validate_on_submit():
        return render_list(referral_list, email_form=forms["email"], text_form=forms["sms"],
                           status=400)
    # The link opens the list in the language the message is written in.
    url = share_url(ensure_link(referral_list), form.language.data)
    try:
        with force_locale(form.language.data):
            sheet = build_sheet(referral_list)
            if channel == "email":
                messaging.send_email(form.address.data.strip(), outgoing.subject(sheet),
                                     outgoing.email_text(sheet, url))
            else:
                messaging.send_sms(form.number.data, outgoing.sms_text(sheet, url))
    except messaging.SendError as problem:
        return render_list(referral_list, email_form=forms["email"], text_form=forms["sms"],
                           send_error=(channel, str(problem)), status=502)
    referral_list.sends.append(ReferralSend(channel=channel, sent_by=who()))
    referral_list.touch()
    db.session.commit()
    flash(_("Sent by email.") if channel == "email" else _("Sent by text message."),
          "success")
    return redirect(url_for("referrals.show_list", list_id=list_id, _anchor="send"))


@bp.errorhandler(429)
def too_many_sends(error):
    """Explain the sending limit in words."""
    message = _("You have sent many lists in a short time. For safety, sending is paused for "
                "a while: print the list or give the link instead, or try again later.")
    return render_template("staff/refused.html", message=message, code=429), 429
