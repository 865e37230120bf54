"""The first step without a phone call, in the reader's words: the one home of how the
service page, the intake match, the printed and sent lists say it. Which ways a service
offers is ServiceFacts' answer (models/first_contact.py); this module says them:
"Text (714) 555-0100", "Online form", "Email intake@example.org", "Ask them to contact me",
"Walk in: Tuesday: 1:00 PM – 3:00 PM", "First visit by video", then whether someone may
come along and what happens at the first visit (in the record's language for the reader).
"""

from typing import NamedTuple

import phonenumbers
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .hours_text import hours_lines
from .reader_text import shown_text
from .template_helpers import local_now
from .weblinks import web_link

WAY_LABELS = {
    "text": _l("Text"),
    "online-form": _l("Online form"),
    "email": _l("Email"),
    "contact-request": _l("Ask them to contact you"),
    "walk-in": _l("Walk in"),
    "video": _l("First visit by video"),
}


class StepLine(NamedTuple):
    """One way, as shown: its kind (first_contact.WAYS), label, what to use (a number, an
    address, hours; "" when the label says it all) and the link that does it, if any."""

    kind: str
    label: str
    value: str
    href: str | None


class FirstStep(NamedTuple):
    """A service's first step: the ways without calling, whether someone may come along,
    and what happens at the first visit (a ShownText, empty when the record says nothing)."""

    lines: list
    someone_may_come: bool
    first_visit: object

    def __bool__(self):
        return bool(self.lines or self.someone_may_come or self.first_visit)


def sms_uri(phone):
    """Return the `sms:` URI that opens a text message to `phone` (E.164 for a number
    written with an extension or words around it; a short code such as 741741 as is)."""
    try:
        number = phonenumbers.parse(phone.number, "US")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        return "sms:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return "sms:" + "".join(ch for ch in phone.number if ch.isdigit())


def _line(way, today):
    label = str(WAY_LABELS[way.kind])
    if way.kind == "text":
        return StepLine(way.kind, label, way.value.number, sms_uri(way.value))
    if way.kind == "online-form":
        return StepLine(way.kind, label, "", web_link(way.value) or None)
    if way.kind == "email":
        return StepLine(way.kind, label, way.value, f"mailto:{way.value}")
    if way.kind == "walk-in":
        return StepLine(way.kind, label, "; ".join(hours_lines(way.value, today)), None)
    return StepLine(way.kind, label, "", None)


def step_lines(service, today):
    """Return the StepLines of the ways `service` can be contacted without a call."""
    return [_line(way, today) for way in service.first_contact_ways]


def first_step(service, today=None):
    """Return the FirstStep of `service` for the reader (call inside their locale)."""
    today = today or local_now().date()
    return FirstStep(lines=step_lines(service, today), someone_may_come=service.someone_may_come,
                     first_visit=shown_text(service, "first_visit"))


def first_step_summary(service, today=None):
    """Return the ways without calling on one line, for a list or a text message:
    "Text (714) 555-0100 · Online form · Walk in: Tuesday: 1:00 PM – 3:00 PM"; "" when
    there is none. "Ask them to contact you" is left out: it is a form on the service's
    page, which a printed or sent list cannot hold."""
    step = first_step(service, today)
    step = step._replace(lines=[line for line in step.lines
                                if line.kind != "contact-request"])
    parts = [f"{line.label} {line.value}" if line.kind in ("text", "email") and line.value
             else f"{line.label}: {line.value}" if line.value
             else f"{line.label}: {line.href}" if line.kind == "online-form" and line.href
             else line.label for line in step.lines]
    if step.someone_may_come:
        parts.append(_("Someone may come with you"))
    return " · ".join(parts)
