"""Passing an "Ask them to contact me" request on, and the words that go with it: to the
program's inbox (its provider accounts are emailed that a request waits, with none of its
details: mail passes through servers neither side controls) or, without an account, to the
service's email (the request itself, and the directory keeps no copy); then a confirmation
to the person by the way they chose, in their language; later the program's short reply
through the directory. Mail to programs is in English, as their other notices are. The
number or address goes to the mail server or gateway and nowhere else: `messaging` keeps it
out of logs and error messages."""

from typing import NamedTuple

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from . import contact_requests, messaging
from .languages import language_name
from .providers.program_referrals import providers_of


class Delivery(NamedTuple):
    """What happened to a request: passed on (False: it could not reach the program, and
    nothing was kept), and whether the person's confirmation was sent."""

    passed_on: bool
    confirmed: bool = False


class Asked(NamedTuple):
    """A request as the person filled it in (the address already E.164 or an email)."""

    channel: str
    address: str
    best_time: str
    note: str
    language: str


def deliver(service, asked):
    """Pass `asked` on to the program of `service` and confirm it to the person."""
    if contact_requests.destination(service) == contact_requests.INBOX:
        contact_requests.save(service, *asked)
        _tell_providers(service)
    else:
        try:
            _email_program(service, asked)
        except messaging.SendError:
            return Delivery(passed_on=False)
    return Delivery(passed_on=True, confirmed=_confirm(service, asked))


def _ready(channel):
    return messaging.sms_ready() if channel == "text" else messaging.email_ready()


def send_to_person(channel, address, subject, body):
    """Send `body` by text message or email; raise messaging.SendError when it cannot."""
    if channel == "text":
        messaging.send_sms(address, body)
    else:
        messaging.send_email(address, subject, body)


def _confirm(service, asked):
    if not _ready(asked.channel):
        return False
    # Discreet: a phone's lock screen, a shared inbox or someone else's number (typed by
    # mistake or on purpose) never reads which program, often a treatment program, it was.
    with force_locale(asked.language):
        when = contact_requests.TIME_LABELS[asked.best_time]
        subject = _("Your request was passed on")
        body = _("Your request was passed on to the program you chose in the directory. They "
                 "will contact you by %(way)s (%(when)s). You do not need to do anything "
                 "else. If you need help now, call or text 988.", when=str(when).lower(),
                 way=str(contact_requests.CHANNEL_LABELS[asked.channel]).lower())
    try:
        send_to_person(asked.channel, asked.address, subject, body)
    except messaging.SendError:
        return False
    return True


def _email_program(service, asked):
    with force_locale("en"):
        how = _("By text message to %(number)s", number=asked.address) \
            if asked.channel == "text" else _("By email to %(address)s", address=asked.address)
        body = _("Hello,\n\nSomeone asked %(service)s to contact them, from the service's page "
                 "in the directory.\n\n%(how)s\nWhen suits them: %(when)s\nThe language they "
                 "read: %(language)s\n", service=service.name, how=how,
                 when=contact_requests.TIME_LABELS[asked.best_time],
                 language=language_name(asked.language, "en"))
        if asked.note:
            body += "\n" + _("Their note: %(note)s", note=asked.note) + "\n"
        body += "\n" + _("The directory kept no copy of this request: this email is the only "
                         "one. Please contact them, and delete it once you have.") + "\n"
        subject = _("Please contact someone who asked: %(service)s", service=service.name)
    messaging.send_email(service.email, subject, body)


def _tell_providers(service):
    """Email each provider of the service's organization that a request waits; failures
    lose nothing (the request is in the inbox)."""
    if not messaging.email_ready():
        return
    with force_locale("en"):
        subject = _("A request to be contacted: %(service)s", service=service.name)
        body = _("Hello,\n\nSomeone asked %(service)s to contact them, from its page in the "
                 "directory. How and when to reach them are on your requests page (sign-in "
                 "needed):\n%(link)s\n\nThe directory deletes a request when you answer it, "
                 "or %(days)d days after it came.\n", service=service.name,
                 link=url_for("providers.contact_requests", _external=True),
                 days=contact_requests.retention_days())
    for user in providers_of(service.organization_id):
        try:
            messaging.send_email(user.email, subject, body)
        except messaging.SendError:
            pass


def reply_text(request):
    """Return the short reply a program sends back, in the person's language."""
    with force_locale(request.language):
        program = request.service.text_in("name", request.language).text
        return {
            "any": lambda: _("Hello, this is %(program)s. We got your request and will "
                             "contact you soon.", program=program),
            "morning": lambda: _("Hello, this is %(program)s. We got your request and will "
                                 "contact you in the morning.", program=program),
            "afternoon": lambda: _("Hello, this is %(program)s. We got your request and will "
                                   "contact you in the afternoon.", program=program),
            "evening": lambda: _("Hello, this is %(program)s. We got your request and will "
                                 "contact you in the evening.", program=program),
        }[request.best_time]()


def reply_subject(request):
    """Return the subject of the program's reply by email, in the person's language (it
    names no program: the program's own words say who writes)."""
    with force_locale(request.language):
        return _("A reply to your request")
