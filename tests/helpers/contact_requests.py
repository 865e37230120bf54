"""What the "Ask them to contact me" tests share: a program that takes requests, the public
form filled in as a person fills it, and what the directory kept, mailed and logged."""

import re
from email import message_from_bytes, policy

from sqlalchemy import select, text

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values, html_of

PROGRAM = "Harbor Light Counseling"
PROGRAM_EMAIL = "intake@harborlight.example.org"
PROVIDER_EMAIL = "maria@harborlight.example.org"
NUMBER, NUMBER_E164 = "(949) 555-0123", "+19495550123"
ADDRESS = "quiet.reader@example.net"
NOTE = "Prefer after 5pm, my shift ends then"


def opted_in(terms, name=PROGRAM, **fields):
    """A program that takes requests through the directory (the contact-requests term)."""
    service = builders.tagged_service(terms, name, ["contact-requests"], **fields)
    service.phones = [m.Phone(number="(949) 555-0177", type="voice")]
    db.session.commit()
    return service


def fresh(client, method, url, **kwargs):
    """Make a request in an application context of its own, as a server does (within the
    test's context, `g` would keep the first request's language for the next ones)."""
    with client.application.app_context():
        return getattr(client, method)(url, **kwargs)


def ask_form(page):
    """Return what a browser posts for the page's "Ask them to contact me" form."""
    section = page[page.index('id="ask-to-contact"'):]
    return form_values(section[:section.index("</section>")], index=0)


def ask(client, service, query="", **fields):
    """Fill in the form on the service page as a person does; return the response (a field
    given as None is left out of the post)."""
    page = html_of(fresh(client, "get", f"/services/{service.id}{query}"))
    values = {**ask_form(page), "channel": "text", "address": NUMBER, "best_time": "evening",
              "note": NOTE, "consent": "y", **fields}
    url = re.search(r'<form method="post" action="([^"]+)"', page[page.index(
        'id="ask-to-contact"'):]).group(1).replace("&amp;", "&")
    return fresh(client, "post", url, data={k: v for k, v in values.items() if v is not None})


def requests_kept():
    return db.session.scalars(select(m.ContactRequest)).all()


def mails(inbox):
    """Return what the loopback SMTP server received as [(recipients, parsed message)]."""
    return [(rcpts, message_from_bytes(content, policy=policy.default))
            for rcpts, content in inbox.messages]


def everything_stored():
    """Return every value in every table, as one text."""
    return "\n".join(str(value) for table in db.metadata.sorted_tables
                     for row in db.session.execute(text(f'SELECT * FROM "{table.name}"'))
                     for value in row)


def our_logs(caplog):
    """Everything logged while the test ran (not the stand-in SMTP server's own log)."""
    return "\n".join(f"{record.name} {record.getMessage()} {record.args!r}"
                     for record in caplog.records if not record.name.startswith("mail.log"))
