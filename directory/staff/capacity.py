"""The quick availability update for the services that count beds or seats (which ones:
`ServiceFacts.needs_fresh_availability`): how many are free, whether new clients are
accepted, and how long the waitlist is.

It is stored as HSDS `service_capacity` (available, maximum, unit, description and the
`updated` time the public page shows) and the service's HSDS `wait_time` text, with that
text in Spanish and Vietnamese (the interface's words), so a translation never tells of an
older waitlist. One capacity row per unit is kept current; the audit history holds the
earlier numbers.
"""

from flask_babel import force_locale, ngettext
from sqlalchemy import select

from ..extensions import db
from ..models import TRANSLATED_LANGUAGES, ServiceCapacity, Unit, utcnow

ACCEPTING = "Accepting new clients."
NOT_ACCEPTING = "Not accepting new clients."
def waitlist_text(weeks):
    """Return the HSDS wait_time text for a waitlist of `weeks` (None when there is none)."""
    if not weeks:
        return None
    return f"Waitlist: {weeks} week{'s' if weeks != 1 else ''}"


def waitlist_in(language, weeks):
    """Return the wait_time text for a waitlist of `weeks` written in `language`."""
    with force_locale(language):
        return ngettext("Waitlist: %(num)d week", "Waitlist: %(num)d weeks", weeks)


def _weeks(wait_time):
    digits = "".join(ch for ch in (wait_time or "") if ch.isdigit())
    return int(digits) if wait_time and wait_time.startswith("Waitlist:") and digits else None


def current(service):
    """Return what the form starts from: the service's current availability as a dict."""
    capacity = service.current_capacity
    if capacity is None:
        return {"unit": "beds" if "residential-treatment" in service.term_codes("category")
                else "seats", "waitlist_weeks": _weeks(service.wait_time)}
    description = capacity.description or ""
    accepting = ("no" if description.startswith(NOT_ACCEPTING)
                 else "yes" if description.startswith(ACCEPTING) or capacity.available else None)
    note = description.removeprefix(NOT_ACCEPTING).removeprefix(ACCEPTING).strip()
    wait = waitlist_text(_weeks(service.wait_time))
    note = note.removeprefix(f"{wait}." if wait else "").strip()
    return {"unit": capacity.unit.name if capacity.unit else "places",
            "available": capacity.available, "maximum": capacity.maximum,
            "accepting": accepting, "waitlist_weeks": _weeks(service.wait_time),
            "note": note or None}


def unit_named(name):
    """Return the Unit called `name`, creating it when the directory has none yet."""
    unit = db.session.scalar(select(Unit).where(Unit.name == name).order_by(Unit.id).limit(1))
    return unit or Unit(name=name)


def update(service, unit, accepting, available, maximum, waitlist_weeks, note, now=None):
    """Record the service's availability now; return the capacity row."""
    accepting = accepting == "yes"
    available = available if accepting else 0
    capacity = next((c for c in service.capacities if c.unit is not None
                     and c.unit.name == unit.name), None)
    if capacity is None:
        capacity = ServiceCapacity(unit=unit)
        service.capacities.append(capacity)
    sentence = ACCEPTING if accepting else NOT_ACCEPTING
    wait = waitlist_text(waitlist_weeks)
    parts = [sentence, f"{wait}." if wait else None, (note or "").strip() or None]
    capacity.available = available
    capacity.maximum = maximum
    capacity.description = " ".join(p for p in parts if p)
    capacity.updated = now or utcnow()
    if service.wait_time != wait and (wait or _weeks(service.wait_time) is not None):
        service.wait_time = wait
        for language in TRANSLATED_LANGUAGES:  # what the English now says, in each language
            service.set_translation("wait_time", language,
                                    waitlist_in(language, waitlist_weeks) if wait else None)
    return capacity
