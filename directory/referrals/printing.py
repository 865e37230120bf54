"""What a referral list says to the client, built once and used by the print page, the
PDF and the shared page: the clinic, the date, the staff contact and, for each service,
its name, address, phones, hours, how to apply, cost, languages and the note.

Details are read from the directory when the sheet is built, so a sheet always shows the
phones and hours as they are today. Call `build_sheet` inside the locale the sheet is for.
"""

from dataclasses import dataclass, field
from datetime import date, time

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import hours
from ..filters import local_now, time_of_day
from ..labels import language_label, term_label
from ..models.location import WEEKDAYS

DAY_LABELS = dict(zip(WEEKDAYS, (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"),
                                 _l("Friday"), _l("Saturday"), _l("Sunday")), strict=True))
REMOTE = ("telehealth-video", "online-group", "phone", "home-visit")


@dataclass
class SheetItem:
    position: int
    name: str
    organization: str
    where: str
    phones: list = field(default_factory=list)
    hours: list = field(default_factory=list)
    apply: str = ""
    cost: str = ""
    languages: str = ""
    website: str = ""
    note: str = ""
    warning: str = ""


@dataclass
class Sheet:
    clinic: str
    title: str
    day: date
    contact: str
    items: list = field(default_factory=list)


def build_sheet(referral_list, today=None):
    """Return the Sheet of a referral list, with every service as it is now."""
    contact = referral_list.contact or (referral_list.created_by.email
                                        if referral_list.created_by else "")
    return Sheet(clinic=current_app.config["CLINIC_NAME"], title=referral_list.title,
                 day=today or local_now().date(), contact=contact,
                 items=[_item(position, item) for position, item in
                        enumerate(referral_list.items, start=1)])


def _item(position, item):
    service = item.service
    return SheetItem(
        position=position, name=service.name, organization=service.organization.name,
        where=_where(service), phones=_phones(service), hours=hours_lines(_schedules(service)),
        apply=service.application_process or "", cost=_cost(service),
        languages=", ".join(str(language_label(lang.code)) if lang.code else lang.name or ""
                            for lang in service.languages),
        website=service.url or "", note=item.note or "", warning=_warning(service))


def _where(service):
    locations = service.physical_locations
    if locations and locations[0].address:
        return locations[0].address.one_line()
    ways = [str(term_label(code)) for code in REMOTE if code in service.term_codes("delivery")]
    areas = ", ".join(a.name for a in service.service_areas if a.name)
    if areas:
        return _("%(ways)s: serves %(areas)s", ways=", ".join(ways) or _("Comes to you"),
                 areas=areas)
    return ", ".join(ways)


def _phones(service):
    phones = service.phones or service.organization.phones
    shown = []
    for phone in phones:
        text = phone.number + (f" {_('ext.')} {phone.extension}" if phone.extension else "")
        shown.append(f"{text} ({phone.description})" if phone.description else text)
    return shown


def _schedules(service):
    if service.schedules:
        return service.schedules
    for location in service.physical_locations:
        if location.schedules:
            return location.schedules
    return []


def hours_lines(schedules):
    """Return the opening hours as short lines: "Monday to Friday: 9:00 AM – 5:00 PM"."""
    groups = {}
    for day, spans in hours.weekly_hours(schedules):
        if spans:
            groups.setdefault(tuple(spans), []).append(day)
    lines = []
    for spans, days in groups.items():
        times = ", ".join(_("Open 24 hours") if opens == time(0) and closes >= time(23, 59)
                          else f"{time_of_day(opens)} – {time_of_day(closes)}"
                          for opens, closes in spans)
        lines.append(f"{_days(days)}: {times}")
    return lines


def _days(days):
    indexes = [WEEKDAYS.index(d) for d in days]
    if len(days) >= 3 and indexes == list(range(indexes[0], indexes[0] + len(days))):
        return _("%(first)s to %(last)s", first=DAY_LABELS[days[0]],
                 last=DAY_LABELS[days[-1]])
    return ", ".join(str(DAY_LABELS[d]) for d in days)


def _cost(service):
    terms = ", ".join(str(t) for t in (term_label(t.code, t.name)
                                       for t in service.terms_in("payment")))
    fees = service.fees_description or ""
    return ". ".join(part for part in (terms, fees) if part)


def _warning(service):
    if service.status == "temporarily closed":
        return _("Temporarily closed: call before going.")
    if not service.is_listed:
        return _("No longer listed in the directory: call before going.")
    return ""
