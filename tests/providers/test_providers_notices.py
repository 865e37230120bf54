"""A program hears of a referral by email: every active provider account of the
organization gets one mail (a real SMTP server on loopback), naming the service and the
link to the referrals page and none of the client's details; a mail server that is down
or not set up loses no referral."""

import re
import socket
from email import message_from_bytes, policy

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import items_by_service, send_to_program, staff_password_hash

PEER = "Casa Esperanza Peer Group"


def _account(email, organization_id, active=True):
    db.session.add(m.User(email=email, role="provider", active=active,
                          organization_id=organization_id, password_hash=staff_password_hash()))


def _mails(inbox):
    return {rcpt: message_from_bytes(content, policy=policy.default)
            for rcpts, content in inbox.messages for rcpt in rcpts}


def test_each_provider_of_the_program_is_told_without_the_clients_details(
        coordinator_client, peer_provider, referral_list, referral_directory,
        smtp_server):
    peer, residential = referral_directory["peer"], referral_directory["residential"]
    _account("second@casa.example.org", peer.organization_id)
    _account("left@casa.example.org", peer.organization_id, active=False)
    _account("intake@harbor.example.org", residential.organization_id)
    db.session.commit()

    sent = send_to_program(coordinator_client, referral_list, items_by_service(referral_list)[PEER],
                 share_first_name="y", first_name="Lupita", share_phone="y",
                 phone="(949) 555-0142")
    assert sent.status_code == 302

    mails = _mails(smtp_server)
    assert sorted(mails) == ["maria@casa.example.org", "second@casa.example.org"]
    mail = mails["maria@casa.example.org"]
    assert mail["Subject"] == f"New referral to {PEER}"
    text = mail.get_body().get_content()
    assert PEER in text
    for private in ("Lupita", "555-0142", "Ana Ruiz", "555-0199", "JD-4411",
                    "Recovery options", "Ask for Maria"):
        assert private not in text and private not in mail["Subject"]
    link = re.search(r"http://[^/\s]+(/provider/referrals)\s", text).group(1)
    assert "Lupita" in peer_provider.get(link).get_data(as_text=True)


def _sent_and_shown(coordinator_client, referral_list):
    """Send the peer group's referral; return the page the coordinator is sent back to."""
    sent = send_to_program(coordinator_client, referral_list, items_by_service(referral_list)[PEER])
    assert sent.status_code == 302
    return coordinator_client.get(sent.headers["Location"]).get_data(as_text=True)


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mail_server_that_is_down_loses_no_referral(
        app, coordinator_client, peer_provider, referral_list):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_closed_port(),
                      MAIL_SECURITY="none", MAIL_FROM="lists@clinic.example.org")
    page = _sent_and_shown(coordinator_client, referral_list)
    assert f"Sent to “{PEER}”" in page
    assert "could not be emailed about it" in page
    referral = db.session.scalar(select(m.ProgramReferral))
    assert referral is not None and referral.status == "requested"
    assert PEER in peer_provider.get("/provider/referrals").get_data(as_text=True)


def test_without_email_set_up_the_referral_goes_and_nothing_is_said_of_mail(
        app, coordinator_client, peer_provider, referral_list):
    assert not app.config.get("MAIL_SERVER")
    page = _sent_and_shown(coordinator_client, referral_list)
    assert f"Sent to “{PEER}”" in page and "emailed" not in page
    assert db.session.scalar(select(m.ProgramReferral)) is not None
