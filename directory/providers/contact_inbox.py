"""The program's inbox of "Ask them to contact me" requests: a provider sees the open
requests to its own organization's services (never another's), how and when to reach each
person and their note, and either marks one answered or sends a short reply through the
directory's gateway by the person's chosen way, which answers it too. An answered request
is deleted; an unanswered one goes after CONTACT_REQUEST_DAYS (shown on the page, and
purged whenever the page is opened). Staff accounts have no way in: these are the person's
words to the program."""

import phonenumbers
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from .. import contact_delivery, contact_requests, messaging
from ..extensions import db
from ..languages import language_name
from ..staff.account_forms import ConfirmForm
from . import bp
from .views import provider_required

REPLY_LENGTH = 320  # two text messages: a short answer, not a conversation


class ReplyForm(FlaskForm):
    message = TextAreaField(_l("Your message"), [
        DataRequired(_l("Write the message to send.")),
        Length(max=REPLY_LENGTH, message=_l("Keep the message to %(max)d characters or "
                                            "fewer: it is sent as a text message."))],
        render_kw={"rows": 4, "maxlength": REPLY_LENGTH})


def _own_request(request_id):
    request = contact_requests.own_request(current_user, request_id)
    if request is None:
        abort(404, description=_("There is no such request to your programs. It may have "
                                 "been answered or deleted already."))
    return request


def _can_send(channel):
    return messaging.sms_ready() if channel == "text" else messaging.email_ready()


@bp.get("/provider/contact-requests", endpoint="contact_requests")
@provider_required
def contact_requests_page():
    """Show the open requests to be contacted, oldest first."""
    contact_requests.purge()
    db.session.commit()
    return render_template("providers/contact_requests.html", confirm=ConfirmForm(),
                           requests=contact_requests.waiting(current_user.organization_id),
                           days=contact_requests.retention_days(), words=_words)


@bp.post("/provider/contact-requests/<request_id>/answered")
@provider_required
def contact_request_answered(request_id):
    """Mark a request answered (the program contacted the person its own way)."""
    request = _own_request(request_id)
    if ConfirmForm().validate_on_submit():
        contact_requests.answered(request)
        db.session.commit()
        flash(_("Marked answered. The request is deleted."), "success")
    return redirect(url_for("providers.contact_requests"))


@bp.route("/provider/contact-requests/<request_id>/reply", methods=["GET", "POST"])
@provider_required
def contact_request_reply(request_id):
    """Send the person a short message by their chosen way; it answers the request."""
    request = _own_request(request_id)
    form = ReplyForm(data={"message": contact_delivery.reply_text(request)})
    ready, problem = _can_send(request.channel), None
    if ready and form.validate_on_submit():
        try:
            contact_delivery.send_to_person(request.channel, request.address,
                                            contact_delivery.reply_subject(request),
                                            form.message.data.strip())
        except messaging.SendError as error:
            problem = str(error)
        else:
            contact_requests.answered(request)
            db.session.commit()
            flash(_("Message sent. The request is marked answered and deleted."), "success")
            return redirect(url_for("providers.contact_requests"))
    return render_template("providers/contact_reply.html", form=form, request=request,
                           ready=ready, problem=problem, words=_words), 400 if problem else 200


def _words(request):
    """Return how the page says a request's way, time, language and address (a number as
    people write it, "(714) 555-0177", with the link that texts it), and whether the
    directory can send the reply."""
    href, shown = f"mailto:{request.address}", request.address
    if request.channel == "text":
        href = f"sms:{request.address}"
        try:
            shown = phonenumbers.format_number(phonenumbers.parse(request.address, "US"),
                                               phonenumbers.PhoneNumberFormat.NATIONAL)
        except phonenumbers.NumberParseException:
            pass
    return {"channel": contact_requests.CHANNEL_LABELS[request.channel],
            "time": contact_requests.TIME_LABELS.get(request.best_time, request.best_time),
            "language": language_name(request.language, str(get_locale())) or request.language,
            "address": shown, "href": href, "can_reply": _can_send(request.channel)}
