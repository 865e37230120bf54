"""The first step without a phone call, for matching's "Social anxiety, or prefers remote"
barrier: a service the client can first contact without calling gains NO_CALL_POINTS and
says the first way ("First contact by text: (714) 555-0100"). Which ways a service offers,
and in what order, is directory/first_step.py's answer; a service whose only way is a call
loses nothing and says nothing (every service can be called)."""

from datetime import UTC
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l

from ..first_step import step_lines
from . import weights as w


def _reason(line):
    """Return the words of a match's reason for the first way `line` (a StepLine)."""
    if line.kind == "text":
        return _l("First contact by text: %(number)s", number=line.value)
    if line.kind == "email":
        return _l("First contact by email: %(address)s", address=line.value)
    return {"online-form": _l("Online form for a first request"),
            "contact-request": _l("Takes requests to be contacted from this directory"),
            "walk-in": _l("Walk-in hours, no appointment"),
            "video": _l("First visit by video")}[line.kind]


def without_calling(item, context):
    """For a client who finds calling hard: a service reached first without a call fits."""
    if "remote" not in context.needs.barriers or not item.service.contactable_without_calling:
        return
    today = context.now.replace(tzinfo=context.now.tzinfo or UTC).astimezone(
        ZoneInfo(context.zone)).date()
    lines = step_lines(item.service, today)
    if lines:
        item.fit("first-contact", _reason(lines[0]), w.NO_CALL_POINTS)
