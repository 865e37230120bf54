"""The public "Ask them to contact me" form, end to end: on the page of a program that opted
in and that a request can reach, sent without an account or a cookie, checked field by
field in the reader's language, limited per number or address and per network address,
then kept for the program's inbox (its providers emailed without the details) or emailed
to the service when it has no provider account (and kept nowhere), and confirmed to the
person by a real loopback SMTP server or text gateway. Old requests are deleted by
`flask purge` and whenever a request is saved. Nothing of a request reaches a log."""

import logging
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from directory import models as m
from directory.config import from_environment
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.apps import free_port
from tests.helpers.contact_requests import (
    ADDRESS,
    NOTE,
    NUMBER,
    NUMBER_E164,
    PROGRAM,
    PROGRAM_EMAIL,
    PROVIDER_EMAIL,
    ask,
    ask_form,
    everything_stored,
    fresh,
    mails,
    opted_in,
    our_logs,
    requests_kept,
)
from tests.helpers.gateway import sms_gateway_for
from tests.helpers.pages import form_values, html_of, signed_in_provider, text_of


@pytest.fixture
def sms_gateway(app):
    with sms_gateway_for(app) as received:
        yield received


@pytest.fixture
def program(app, terms):
    """An opted-in program with a provider account (requests go to its inbox)."""
    service = opted_in(terms, email=PROGRAM_EMAIL)
    signed_in_provider(app, service, PROVIDER_EMAIL)
    return service


def test_the_form_is_offered_only_where_the_program_opted_in_and_can_be_reached(
        app, client, terms):
    reachable = opted_in(terms, email="intake@harborlight.example.org")
    nowhere = opted_in(terms, "Nowhere To Send Clinic")  # no email, no provider account
    not_opted = builders.service("Calls Only Clinic", email="desk@callsonly.example.org")
    signed_in_provider(app, not_opted, "desk@callsonly.example.org")
    # Where this directory sends no mail, an email-only program takes no request: the form
    # would only ever fail.
    assert 'id="ask-to-contact"' not in html_of(client.get(f"/services/{reachable.id}"))
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_FROM="directory@example.org")

    page = text_of(client.get(f"/services/{reachable.id}"))
    assert 'id="ask-to-contact"' in page and "Ask them to contact you" in page
    assert page.index('id="contact-heading"') < page.index('id="ask-to-contact"') \
        < page.index('id="hours-heading"')
    assert f"I agree that {PROGRAM} may contact me" in page and "keeps no copy" in page
    for service in (nowhere, not_opted):
        assert 'id="ask-to-contact"' not in html_of(client.get(f"/services/{service.id}"))
        refused = client.post(f"/services/{service.id}/contact", data={
            "channel": "text", "address": NUMBER, "consent": "y"})
        assert refused.status_code == 404
        assert "does not take requests through the directory" in text_of(refused)
    assert requests_kept() == []


def test_a_text_request_goes_to_the_inbox_the_program_is_told_and_the_person_gets_a_text(
        client, program, smtp_server, sms_gateway, caplog):
    caplog.set_level(logging.DEBUG)
    page = client.get(f"/services/{program.id}")
    assert "Set-Cookie" not in page.headers
    assert "at most 30 days" in text_of(page)  # the inbox: kept until answered, 30 days

    sent = ask(client, program)
    assert sent.status_code == 303, html_of(sent)
    assert "Set-Cookie" not in sent.headers
    location = sent.headers["Location"]
    assert "555" not in location and "shift" not in location
    thanks = client.get(location)
    assert "Set-Cookie" not in thanks.headers and not list(client._cookies)
    said = text_of(thanks)
    assert f"Your request was passed on to {PROGRAM}" in said and "by text message" in said
    assert "We also sent you a message to confirm it." in said

    [kept] = requests_kept()
    assert (kept.service_id, kept.channel, kept.address, kept.best_time, kept.note,
            kept.language) == (program.id, "text", NUMBER_E164, "evening", NOTE, "en")
    [confirmation] = sms_gateway
    assert confirmation["form"]["To"] == NUMBER_E164
    assert "passed on to the program you chose" in confirmation["form"]["Body"]
    assert "evenings" in confirmation["form"]["Body"]
    assert "Harbor" not in confirmation["form"]["Body"]  # a lock screen never names it

    [(recipients, mail)] = mails(smtp_server)
    assert recipients == ["maria@harborlight.example.org"]
    body = mail.get_body().get_content()
    assert PROGRAM in body and "/provider/contact-requests" in body
    for private in ("555-0123", "5550123", "shift", "evening"):
        assert private not in body and private not in mail["Subject"]
    logged = our_logs(caplog)
    for private in (NUMBER_E164, "5550123", "555-0123", NOTE, "shift"):
        assert private not in logged


def test_an_email_request_read_in_spanish_is_confirmed_in_spanish(client, program,
                                                                   smtp_server):
    sent = ask(client, program, query="?lang=es", channel="email", address=ADDRESS,
               best_time="morning", note="")
    assert sent.status_code == 303, html_of(sent)
    assert "lang=es" in sent.headers["Location"] and ADDRESS not in sent.headers["Location"]
    assert "Su solicitud se envió a" in text_of(fresh(client, "get", sent.headers["Location"]))
    [kept] = requests_kept()
    assert (kept.channel, kept.address, kept.language, kept.note) == ("email", ADDRESS, "es",
                                                                      None)
    confirmation = [mail for rcpts, mail in mails(smtp_server) if rcpts == [ADDRESS]]
    assert len(confirmation) == 1
    assert confirmation[0]["Subject"] == "Su solicitud se envió"
    assert "Su solicitud se envió al programa que eligió" in confirmation[0].get_content()
    assert "Harbor" not in confirmation[0].get_content()


def test_without_a_provider_account_the_request_is_emailed_to_the_service_and_not_kept(
        client, terms, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    service = opted_in(terms, email="intake@harborlight.example.org")
    sent = ask(client, service, channel="email", address=ADDRESS)
    assert sent.status_code == 303, html_of(sent)
    assert requests_kept() == []
    by_recipient = {rcpts[0]: mail for rcpts, mail in mails(smtp_server)}
    assert sorted(by_recipient) == ["intake@harborlight.example.org", ADDRESS]
    request_mail = by_recipient["intake@harborlight.example.org"].get_content()
    assert ADDRESS in request_mail and NOTE in request_mail and "Evenings" in request_mail
    assert "kept no copy" in request_mail
    assert ADDRESS not in everything_stored() and NOTE not in everything_stored()
    assert ADDRESS not in our_logs(caplog) and NOTE not in our_logs(caplog)


def test_a_request_the_programs_mail_server_refuses_is_not_lost_silently(client, terms, app):
    service = opted_in(terms, email="intake@harborlight.example.org")
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_SECURITY="none",
                      MAIL_FROM="directory@clinic.example.org")  # nothing listens there
    sent = ask(client, service)
    assert sent.status_code == 502
    said = text_of(sent)
    assert "could not be passed on to the program" in said and "(949) 555-0177" in said
    assert NUMBER not in said and NUMBER_E164 not in said
    assert requests_kept() == []


def test_with_no_gateway_the_page_says_no_confirmation_could_be_sent(client, program):
    sent = ask(client, program)  # neither mail nor text messages are set up
    said = text_of(client.get(sent.headers["Location"]))
    assert "No confirmation message could be sent to you, but your request was passed on." \
        in said
    assert len(requests_kept()) == 1


def test_mistakes_are_explained_next_to_each_field_in_the_readers_language(client, program):
    missing = ask(client, program, query="?lang=es", channel=None, address="",
                  note="x" * 501, consent=None)
    assert missing.status_code == 400
    page = text_of(missing)
    assert 'id="ask-to-contact"' in page and "Algunas respuestas necesitan un cambio" in page
    assert re.search(r'id="channel-error">.*Elija un mensaje de texto o un correo', page)
    assert re.search(r'id="address-error">.*Escriba el número de celular', page)
    assert re.search(r'id="note-error">.*500 caracteres o menos', page)
    assert re.search(r'id="consent-error">.*marque la casilla', page)
    assert re.search(r'<a href="#address">[^<]*: Escriba el número de celular', page)
    assert re.search(r'action="[^"]*#ask-to-contact"', page)  # back at the form, not the top
    wrong_number = text_of(ask(client, program, query="?lang=es", address="12345"))
    assert re.search(r'id="address-error">.*Escriba un número de celular de EE\. UU\.',
                     wrong_number)
    for not_textable, why in (("+84 912 345 678", "Enter a US mobile number"),
                              ("+1 876 555 1234", "Enter a US mobile number"),  # Jamaica
                              ("+1 416 555 0123", "Enter a US mobile number"),  # Canada
                              ("(900) 288-1234", "900 numbers are paid lines"),
                              ("(800) 555-1234", "Toll-free numbers cannot get text")):
        said = text_of(ask(client, program, address=not_textable))
        assert why in said, not_textable
    wrong_email = text_of(ask(client, program, query="?lang=vi", channel="email",
                              address="not-an-address"))
    assert re.search(r'id="address-error">.*Nhập một địa chỉ email', wrong_email)
    assert requests_kept() == []


def test_the_form_needs_its_token_and_sets_no_cookie(app_with, program):
    client = app_with(WTF_CSRF_ENABLED=True).test_client()
    url = f"/services/{program.id}/contact"
    fields = {"channel": "text", "address": NUMBER, "best_time": "any", "consent": "y"}
    assert client.post(url, data=fields).status_code == 400
    assert client.post(url, data={**fields, "form_token": "forged"}).status_code == 400
    suggestion_page = html_of(client.get(f"/services/{program.id}/suggest"))
    other_purpose = form_values(suggestion_page)["form_token"]  # the correction form's
    assert client.post(url, data={**fields, "form_token": other_purpose}).status_code == 400
    token = ask_form(html_of(client.get(f"/services/{program.id}")))["form_token"]
    assert client.post(url, headers={"Origin": "https://elsewhere.example"},
                       data={**fields, "form_token": token}).status_code == 400
    assert requests_kept() == []
    sent = client.post(url, data={**fields, "form_token": token})
    assert sent.status_code == 303 and "Set-Cookie" not in sent.headers
    assert not list(client._cookies) and len(requests_kept()) == 1


def test_requests_are_limited_per_number_and_per_network_address(app_with, program, caplog):
    caplog.set_level(logging.DEBUG)
    limited = app_with(RATELIMIT_ENABLED=True, CONTACT_REQUEST_LIMIT_PER_ADDRESS="2 per day",
                       CONTACT_REQUEST_LIMIT_PER_NETWORK="4 per day")
    here, elsewhere = limited.test_client(), limited.test_client()
    here.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.4"
    assert ask(here, program, consent=None).status_code == 400  # a fix does not count
    assert ask(here, program).status_code == 303
    assert ask(elsewhere, program, address="949.555.0123").status_code == 303  # same number
    over = ask(here, program, address="+1 949 555 0123")
    assert over.status_code == 429 and over.headers["Cache-Control"] == "no-store"
    assert "Several requests were sent for this number or address today" in text_of(over)
    assert len(requests_kept()) == 2
    assert ask(here, program, address="(949) 555-0124").status_code == 303
    assert ask(here, program, address="(949) 555-0125").status_code == 303
    assert ask(here, program, address="(949) 555-0126").status_code == 303
    crowded = ask(here, program, address="(949) 555-0127")
    assert crowded.status_code == 429
    assert "Many requests were sent from this network today" in text_of(crowded)
    assert ask(elsewhere, program, address="(949) 555-0127").status_code == 303
    assert len(requests_kept()) == 6
    counts = "\n".join(db.session.scalars(select(m.RateLimitCount.key)))
    assert "5550123" not in counts and "203.0.113.9" not in counts  # counted as hashes
    assert "ratelimit" in our_logs(caplog) and "5550123" not in our_logs(caplog)


def test_old_requests_are_deleted_by_a_new_one_and_by_purge(client, runner, program):
    old = m.ContactRequest(service_id=program.id, channel="text", address="+19495550150",
                           best_time="any", language="en",
                           created_at=m.utcnow() - timedelta(days=31))
    recent = m.ContactRequest(service_id=program.id, channel="text", address="+19495550151",
                              best_time="any", language="en",
                              created_at=m.utcnow() - timedelta(days=29))
    db.session.add_all([old, recent])
    db.session.commit()
    assert ask(client, program).status_code == 303
    db.session.expire_all()
    assert sorted(r.address for r in requests_kept()) == [NUMBER_E164, "+19495550151"]

    recent.created_at = m.utcnow() - timedelta(days=31)
    db.session.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "Purged 1 contact requests older than 30 days." in result.output
    db.session.expire_all()
    assert [r.address for r in requests_kept()] == [NUMBER_E164]


def test_how_long_requests_are_kept_is_a_setting():
    assert from_environment({"CONTACT_REQUEST_DAYS": "7"})["CONTACT_REQUEST_DAYS"] == 7
    assert from_environment({"CONTACT_REQUEST_LIMIT_PER_ADDRESS": "1 per day"})[
        "CONTACT_REQUEST_LIMIT_PER_ADDRESS"] == "1 per day"
