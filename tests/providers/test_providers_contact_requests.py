"""The program's side of "Ask them to contact me", end to end: a request sent from the
public page lands in the inbox of the program's provider (signed in), who sees how and when
to reach the person and their note, and replies through the directory (a real loopback text
gateway or SMTP server takes the reply to the person, in their language) or marks it
answered; either deletes it. A provider sees its own organization's requests only, staff
accounts none, and nothing of a request reaches a log, the change history or a URL."""

import logging
from datetime import timedelta

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.contact_requests import (
    ADDRESS,
    NOTE,
    NUMBER,
    NUMBER_E164,
    PROGRAM,
    PROGRAM_EMAIL,
    PROVIDER_EMAIL,
    ask,
    everything_stored,
    mails,
    opted_in,
    our_logs,
    requests_kept,
)
from tests.helpers.gateway import REFUSED_NUMBER, sms_gateway_for
from tests.helpers.pages import form_values, html_of, signed_in_provider, text_of


@pytest.fixture
def sms_gateway(app):
    with sms_gateway_for(app) as received:
        yield received


@pytest.fixture
def program(terms):
    """A program that takes requests through the directory."""
    return opted_in(terms, email=PROGRAM_EMAIL)


@pytest.fixture
def provider(app, program):
    """A client signed in as the program's provider (Maria)."""
    return signed_in_provider(app, program, PROVIDER_EMAIL)


def waiting_request(service, address=NUMBER_E164, channel="text", **fields):
    request = m.ContactRequest(service_id=service.id, channel=channel, address=address,
                               best_time="any", language="en", **fields)
    db.session.add(request)
    db.session.commit()
    return request


def test_from_the_public_page_to_the_provider_and_back_to_the_person_by_text(
        client, provider, program, sms_gateway, smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    urls = []
    sent = ask(client, program, query="?lang=es")
    assert sent.status_code == 303
    urls.append(sent.headers["Location"])
    [confirmation] = sms_gateway
    assert confirmation["form"]["To"] == NUMBER_E164

    home = text_of(provider.get("/provider/"))
    assert "1 person asked to be contacted." in home
    inbox = provider.get("/provider/contact-requests")
    said = text_of(inbox)
    assert PROGRAM in said and NUMBER in said and NOTE in said  # as people write it
    assert f'href="sms:{NUMBER_E164}"' in html_of(inbox)  # a tap texts them
    assert "Evenings" in said and "Spanish" in said
    [request] = requests_kept()
    reply_url = f"/provider/contact-requests/{request.id}/reply"
    assert reply_url in html_of(inbox)
    form = form_values(html_of(provider.get(reply_url)))
    assert form["message"] == (f"Hola, le saluda {PROGRAM}. Recibimos su solicitud y nos "
                               "comunicaremos con usted por la noche.")
    replied = provider.post(reply_url, data={**form, "message": form["message"] + " Ana."})
    assert replied.status_code == 302, html_of(replied)
    urls += [reply_url, replied.headers["Location"]]

    reply = sms_gateway[-1]["form"]
    assert reply["To"] == NUMBER_E164 and reply["Body"].endswith("por la noche. Ana.")
    assert requests_kept() == []
    after = text_of(provider.get("/provider/contact-requests"))
    assert "Message sent. The request is marked answered and deleted." in after
    assert "No requests waiting." in after
    stored = everything_stored()
    for private in (NUMBER_E164, "5550123", NOTE):
        assert private not in stored  # not in the change history, nor anywhere else
    logged = our_logs(caplog)
    for private in (NUMBER_E164, "5550123", "555-0123", NOTE, "shift"):
        assert private not in logged and not any(private in url for url in urls)


def test_an_email_request_is_answered_by_email_in_english(client, provider, program,
                                                           smtp_server):
    assert ask(client, program, channel="email", address=ADDRESS,
               best_time="any").status_code == 303
    [request] = requests_kept()
    url = f"/provider/contact-requests/{request.id}/reply"
    form = form_values(html_of(provider.get(url)))
    assert form["message"] == (f"Hello, this is {PROGRAM}. We got your request and will "
                               "contact you soon.")
    assert provider.post(url, data=form).status_code == 302
    replies = [mail for rcpts, mail in mails(smtp_server) if rcpts == [ADDRESS]]
    assert len(replies) == 2  # the confirmation, then the program's reply
    assert replies[-1]["Subject"] == "A reply to your request"
    assert "We got your request" in replies[-1].get_content()
    assert requests_kept() == []


def test_marking_a_request_answered_deletes_it(provider, program):
    request = waiting_request(program, note=NOTE)
    assert NOTE in text_of(provider.get("/provider/contact-requests"))
    done = provider.post(f"/provider/contact-requests/{request.id}/answered")
    assert done.status_code == 302
    assert "Marked answered. The request is deleted." in text_of(provider.get(
        done.headers["Location"]))
    assert requests_kept() == []


def test_a_provider_sees_and_answers_only_its_own_organizations_requests(
        app, provider, program, terms, sms_gateway):
    elsewhere = builders.tagged_service(terms, "Elsewhere Recovery", ["contact-requests"])
    signed_in_provider(app, elsewhere, "desk@elsewhere.example.org")
    theirs = waiting_request(elsewhere, address="+19495550188", note="For the other program")
    ours = waiting_request(program)
    inbox = text_of(provider.get("/provider/contact-requests"))
    assert NUMBER_E164 in inbox
    assert "+19495550188" not in inbox and "For the other program" not in inbox
    assert provider.get(f"/provider/contact-requests/{theirs.id}/reply").status_code == 404
    assert provider.post(f"/provider/contact-requests/{theirs.id}/reply",
                         data={"message": "Hello"}).status_code == 404
    assert provider.post(f"/provider/contact-requests/{theirs.id}/answered").status_code == 404
    assert sms_gateway == []
    assert {r.id for r in requests_kept()} == {theirs.id, ours.id}


def test_staff_accounts_do_not_see_the_requests(staff_client, program, client):
    waiting_request(program, note=NOTE)
    for role in ("admin", "editor", "coordinator"):
        page = staff_client(role).get("/provider/contact-requests")
        assert page.status_code == 403 and NOTE not in text_of(page)
    assert client.get("/provider/contact-requests").status_code in (302, 401)


def test_a_reply_that_cannot_be_sent_keeps_the_request_and_says_why(provider, program,
                                                                    sms_gateway):
    request = waiting_request(program, address=REFUSED_NUMBER)
    url = f"/provider/contact-requests/{request.id}/reply"
    refused = provider.post(url, data={"message": "Hello, this is Harbor Light."})
    assert refused.status_code == 400
    assert "refused this number" in text_of(refused)
    assert [r.id for r in requests_kept()] == [request.id]
    empty = provider.post(url, data={"message": ""})
    assert "Write the message to send." in text_of(empty)
    assert len(sms_gateway) == 1


def test_without_a_gateway_the_provider_is_told_to_reach_them_directly(provider, program):
    request = waiting_request(program)
    inbox = html_of(provider.get("/provider/contact-requests"))
    assert f"/provider/contact-requests/{request.id}/reply" not in inbox  # nothing to send
    assert "Mark answered and delete" in inbox
    page = provider.get(f"/provider/contact-requests/{request.id}/reply")
    assert "Text messages are not set up in this directory" in text_of(page)
    assert f'<a href="sms:{NUMBER_E164}">{NUMBER}</a>' in html_of(page)  # reach them here
    assert "the message below" not in text_of(page)
    assert provider.post(f"/provider/contact-requests/{request.id}/reply",
                         data={"message": "Hello"}).status_code == 200
    assert len(requests_kept()) == 1


def test_opening_the_inbox_deletes_requests_past_their_days(provider, program):
    waiting_request(program, address="+19495550150",
                    created_at=m.utcnow() - timedelta(days=31))
    recent = waiting_request(program, address="+19495550151")
    page = text_of(provider.get("/provider/contact-requests"))
    assert "+19495550151" in page and "+19495550150" not in page
    db.session.expire_all()
    assert [r.id for r in requests_kept()] == [recent.id]
