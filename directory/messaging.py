"""Sending a referral list to the client: by email through an SMTP server (MAIL_*
settings) or by text message through an HTTP gateway with Twilio's request shape
(SMS_API_URL, SMS_ACCOUNT, SMS_API_KEY, SMS_FROM). The address or number is used for
the one send and kept nowhere: not returned, not logged, not in an error message (mail
servers echo the recipient in theirs, so their words are never passed on). Failures raise
`SendError` with a sentence a case worker can act on."""

import base64
import logging
import smtplib
import urllib.error
import urllib.parse
import urllib.request
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app
from flask_babel import lazy_gettext as _

from . import boundedjson

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 15
GATEWAY_ANSWER_BYTES = 64 * 1024  # what is read of the gateway's answer: a code, not a book
SMS_LENGTH = 600  # about four text messages: enough for the link and the first services


class SendError(Exception):
    """A send that did not happen, with the reason in plain words."""


def email_ready(config=None):
    """Return whether email can be sent (a server and a sender address are set)."""
    config = config or current_app.config
    return bool(config.get("MAIL_SERVER") and config.get("MAIL_FROM"))


def sms_ready(config=None):
    """Return whether text messages can be sent (a gateway, its account, key and sender)."""
    config = config or current_app.config
    return all(config.get(key) for key in ("SMS_API_URL", "SMS_ACCOUNT", "SMS_API_KEY",
                                           "SMS_FROM"))


def send_email(address, subject, body):
    """Send a plain-text email to `address`; raise SendError when it cannot be sent."""
    config = current_app.config
    if not email_ready(config):
        raise SendError(_("Email is not set up: an administrator sets MAIL_SERVER and "
                          "MAIL_FROM."))
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config["MAIL_FROM"], address, subject
    message["Message-ID"] = make_msgid(domain=config["MAIL_FROM"].rpartition("@")[2] or None)
    message.set_content(body)
    security = (config.get("MAIL_SECURITY") or "starttls").lower()
    connect = smtplib.SMTP_SSL if security == "ssl" else smtplib.SMTP
    try:
        with connect(config["MAIL_SERVER"], int(config["MAIL_PORT"]),
                     timeout=TIMEOUT_SECONDS) as server:
            if security == "starttls":
                server.starttls()
            if config.get("MAIL_USERNAME"):
                server.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            server.send_message(message)
    except smtplib.SMTPRecipientsRefused:
        raise SendError(_("The mail server refused this address. Check it and try "
                          "again.")) from None
    except smtplib.SMTPAuthenticationError:
        log.warning("Email not sent: the mail server refused MAIL_USERNAME/MAIL_PASSWORD")
        raise SendError(_("The mail server refused our sign-in: an administrator should "
                          "check MAIL_USERNAME and MAIL_PASSWORD.")) from None
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("Email not sent: %s", type(exc).__name__)
        raise SendError(_("The mail server could not be reached or did not take the "
                          "message. Try again in a few minutes; if it keeps failing, an "
                          "administrator should check MAIL_SERVER and MAIL_PORT.")) from None


def send_sms(number, body):
    """Send a text message to `number` (E.164); raise SendError when it cannot be sent."""
    config = current_app.config
    if not sms_ready(config):
        raise SendError(_("Text messages are not set up: an administrator sets SMS_API_URL, "
                          "SMS_ACCOUNT, SMS_API_KEY and SMS_FROM."))
    url = config["SMS_API_URL"].replace("{account}", urllib.parse.quote(config["SMS_ACCOUNT"]))
    form = urllib.parse.urlencode({"To": number, "From": config["SMS_FROM"],
                                   "Body": body[:SMS_LENGTH]}).encode()
    credentials = base64.b64encode(
        f"{config['SMS_ACCOUNT']}:{config['SMS_API_KEY']}".encode()).decode()
    request = urllib.request.Request(url, data=form, method="POST", headers={
        "Authorization": f"Basic {credentials}", "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            response.read(GATEWAY_ANSWER_BYTES)
    except urllib.error.HTTPError as exc:
        code = _gateway_code(exc)
        log.warning("Text message not sent: gateway answered %s (code %s)", exc.code, code)
        if exc.code in (401, 403):
            raise SendError(_("The text message service refused our account details: an "
                              "administrator should check SMS_ACCOUNT and "
                              "SMS_API_KEY.")) from None
        if exc.code in (400, 422):
            raise SendError(_("The text message service refused this number. Check it is "
                              "a mobile number that can receive texts, and try "
                              "again.")) from None
        raise SendError(_("The text message service had a problem. Try again in a few "
                          "minutes.")) from None
    except (OSError, ValueError) as exc:  # timeouts are OSErrors
        log.warning("Text message not sent: %s", type(exc).__name__)
        raise SendError(_("The text message service could not be reached. Try again in a "
                          "few minutes; if it keeps failing, an administrator should check "
                          "SMS_API_URL.")) from None


def _gateway_code(error):
    try:
        return boundedjson.loads(error.read(GATEWAY_ANSWER_BYTES) or b"{}").get("code")
    except (ValueError, AttributeError, OSError):
        return None
