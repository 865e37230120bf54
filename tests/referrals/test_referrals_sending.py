"""Sending a list to the client, end to end: by email through a real SMTP server on
loopback (aiosmtpd) and by text message through a loopback HTTP server standing in for a
Twilio-compatible gateway. The message carries the share link and the list; the address
or number reaches the server and is stored nowhere (no table, no log), while the list's
history says how it was sent. Sends are rate-limited, failures are explained in words,
and with nothing configured the form says which settings to set."""

import base64
import logging
import re
from email import message_from_bytes, policy

import pytest
from sqlalchemy import select, text

from directory import models as m
from directory.extensions import db
from tests.helpers.apps import free_port
from tests.helpers.gateway import sms_gateway_for
from tests.helpers.pages import sign_in

ADDRESS = "client.private@example.net"
NUMBER, NUMBER_E164 = "(949) 555-0123", "+19495550123"


@pytest.fixture
def sms_gateway(app):
    """A loopback HTTP server answering like Twilio's Messages API; collects requests."""
    with sms_gateway_for(app) as received:
        yield received


def _everything_stored():
    """Return every value in every table, as one text."""
    values = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(text(f'SELECT * FROM "{table.name}"')):
            values.extend(str(value) for value in row)
    return "\n".join(values)


def _page(response):
    return response.get_data(as_text=True)


def _our_logs(caplog):
    """Return what our application logged (not the stand-in SMTP server's own log)."""
    return "\n".join(record.getMessage() for record in caplog.records
                     if not record.name.startswith("mail.log"))


def test_a_list_is_emailed_and_the_address_is_kept_nowhere(coordinator_client, client,
                                                           referral_list, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    response = coordinator_client.post(f"/referrals/lists/{referral_list.id}/send/email",
                                       data={"email-address": ADDRESS, "email-language": "es"})
    assert response.status_code == 302, _page(response)
    [(recipients, content)] = smtp_server.messages
    assert recipients == [ADDRESS]
    message = message_from_bytes(content, policy=policy.default)
    assert message["From"] == "lists@clinic.example.org"
    assert message["Subject"].startswith("Su lista")  # in the language chosen for it
    body = message.get_content()
    assert "Casa Esperanza Peer Group" in body and "Harbor Residential Program" in body
    assert "Ask for Maria, mention Dr. Lee sent you" in body and "988" in body
    assert "1-800-662-4357" in body and "JD-4411" not in body
    link = re.search(r"http://localhost(/shared/[A-Za-z0-9_-]+\?lang=es)", body).group(1)
    # The link opens the list, and carries the message's language (?lang=es) for its page.
    assert "Casa Esperanza Peer Group" in _page(client.get(link))

    page = _page(coordinator_client.get(response.headers["Location"]))
    assert "Sent by email" in page and ADDRESS not in page
    sends = db.session.scalars(select(m.ReferralSend)).all()
    assert [(s.channel, s.sent_by) for s in sends] == [("email", "coordinator@clinic.example.org")]
    assert ADDRESS not in _everything_stored()
    assert ADDRESS not in _our_logs(caplog)


def test_a_list_is_texted_through_the_gateway_and_the_number_is_kept_nowhere(
        coordinator_client, referral_list, sms_gateway, caplog):
    caplog.set_level(logging.DEBUG)
    response = coordinator_client.post(f"/referrals/lists/{referral_list.id}/send/text",
                                       data={"text-number": NUMBER, "text-language": "en"})
    assert response.status_code == 302, _page(response)
    [request] = sms_gateway
    assert request["path"] == "/2010-04-01/Accounts/AC0123/Messages.json"
    assert request["auth"] == "Basic " + base64.b64encode(b"AC0123:secret-key").decode()
    assert request["form"]["To"] == NUMBER_E164 and request["form"]["From"] == "+17145550100"
    body = request["form"]["Body"]
    assert re.search(r"http://localhost/shared/[A-Za-z0-9_-]{43}", body)
    assert "1. Casa Esperanza Peer Group (949) 555-0101" in body and len(body) <= 600
    page = _page(coordinator_client.get(response.headers["Location"]))
    assert "Sent by text message" in page
    stored = _everything_stored()
    assert NUMBER_E164 not in stored and "9495550123" not in stored and NUMBER not in stored
    assert NUMBER_E164 not in _our_logs(caplog) and "9495550123" not in _our_logs(caplog)


def test_sending_problems_are_explained_next_to_the_form(coordinator_client, referral_list,
                                                         sms_gateway, app):
    url = f"/referrals/lists/{referral_list.id}/send/text"
    wrong = coordinator_client.post(url, data={"text-number": "12"})
    assert wrong.status_code == 400 and "Enter a mobile number, like" in _page(wrong)
    refused = coordinator_client.post(url, data={"text-number": "(949) 555-0999"})
    assert refused.status_code == 502
    assert "The text message service refused this number" in _page(refused)
    app.config["MAIL_SERVER"], app.config["MAIL_FROM"] = "127.0.0.1", "lists@example.org"
    app.config["MAIL_PORT"], app.config["MAIL_SECURITY"] = free_port(), "none"
    unreachable = coordinator_client.post(f"/referrals/lists/{referral_list.id}/send/email",
                                          data={"email-address": ADDRESS})
    assert unreachable.status_code == 502
    assert "The mail server could not be reached" in _page(unreachable)
    assert ADDRESS in _page(unreachable)  # left in the form to correct, on this page only
    assert db.session.scalars(select(m.ReferralSend)).all() == []


def test_with_nothing_configured_the_form_says_what_to_set(coordinator_client, referral_list):
    page = _page(coordinator_client.get(f"/referrals/lists/{referral_list.id}"))
    assert "Email is not set up. An administrator sets MAIL_SERVER and MAIL_FROM" in page
    assert "SMS_API_URL, SMS_ACCOUNT, SMS_API_KEY and SMS_FROM" in page
    response = coordinator_client.post(f"/referrals/lists/{referral_list.id}/send/email",
                                       data={"email-address": ADDRESS})
    assert response.status_code == 400 and "Email is not set up" in _page(response)


def test_sends_are_rate_limited_per_staff_member(app_with, referral_list, sms_gateway, app):
    limited = app_with(RATELIMIT_ENABLED=True, SEND_LIMIT="2 per hour", **{
        key: app.config[key] for key in ("SMS_API_URL", "SMS_ACCOUNT", "SMS_API_KEY",
                                         "SMS_FROM")})
    client = limited.test_client()
    sign_in(client, "coordinator@clinic.example.org")
    url = f"/referrals/lists/{referral_list.id}/send/text"
    assert client.post(url, data={"text-number": "12"}).status_code == 400  # not counted
    for _ in range(2):
        assert client.post(url, data={"text-number": NUMBER}).status_code == 302
    response = client.post(url, data={"text-number": NUMBER})
    assert response.status_code == 429 and "sending is paused" in _page(response)
    assert len(sms_gateway) == 2
