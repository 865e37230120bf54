"""Reminders that keep programs' data fresh: the command sends one mail per stale
provider to a real SMTP server on loopback, and the mail's signed link confirms "still
accurate" without signing in, once."""

import re
from datetime import date, timedelta
from email import message_from_bytes, policy

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import staff_password_hash


def _provider(service, email, name):
    user = m.User(email=email, role="provider", name=name, password_hash=staff_password_hash(),
                  organization_id=service.organization_id)
    db.session.add(user)
    return user


def test_one_mail_per_stale_provider_and_its_link_confirms_once(app, runner, smtp_server):
    stale = builders.service("Old Listing", assured_date=date(2020, 1, 1))
    fresh = builders.service("Fresh Listing", assured_date=date.today())
    stale_seats = builders.service("Seats Listing", assured_date=date.today())
    stale_seats.capacities = [m.ServiceCapacity(available=2, unit=m.Unit(name="seats"),
                                                updated=m.utcnow() - timedelta(days=40))]
    builders.service("Second Old Listing", org=stale.organization, assured_date=None)
    _provider(stale, "old@program.example.org", "Ana")
    _provider(fresh, "fresh@program.example.org", "Bo")
    _provider(stale_seats, "seats@program.example.org", "Cy")
    db.session.commit()

    result = runner.invoke(args=["remind-providers"])
    assert result.exit_code == 0, result.output
    assert "Reminders sent: 2" in result.output
    recipients = sorted(rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts)
    assert recipients == ["old@program.example.org", "seats@program.example.org"]
    content = next(body for rcpts, body in smtp_server.messages
                   if rcpts == ["old@program.example.org"])
    text = message_from_bytes(content, policy=policy.default).get_body().get_content()
    assert "Old Listing" in text and "Second Old Listing" in text
    link = re.search(r"http://localhost:5000(/provider/confirm/\S+)", text).group(1)
    assert "http://localhost:5000/provider/\r\n" in text  # the form, after signing in

    visitor = app.test_client()
    page = visitor.get(link)
    assert page.status_code == 200 and "Old Listing" in page.get_data(as_text=True)
    db.session.expire_all()
    assert stale.assured_date == date(2020, 1, 1)  # opening the link changes nothing
    done = visitor.post(link)
    assert done.status_code == 200 and "still accurate" in done.get_data(as_text=True)
    db.session.expire_all()
    assert stale.assured_date >= date.today() - timedelta(days=1)
    assert stale.assurer_email == "old@program.example.org"
    names = set(db.session.scalars(select(m.ChangeRecord.updated_by).where(
        m.ChangeRecord.resource_id == stale.id, m.ChangeRecord.field_name == "assured_date",
        m.ChangeRecord.previous_value == "2020-01-01")))
    assert names == {"Ana, provider at Old Listing Organization (old@program.example.org)"}
    assert visitor.post(link).status_code == 410
    assert visitor.get(link).status_code == 410

    again = runner.invoke(args=["remind-providers"])
    assert "Reminders sent: 1" in again.output  # only the seats listing is still stale


def test_a_reminder_that_cannot_be_sent_is_counted(app, runner):
    service = builders.service("Old Listing", assured_date=None)
    _provider(service, "old@program.example.org", "Ana")
    db.session.commit()
    result = runner.invoke(args=["remind-providers"])  # no MAIL_SERVER set
    assert result.exit_code == 1 and "not sent: 1" in result.output
    assert db.session.scalar(select(m.ProviderToken)) is None
