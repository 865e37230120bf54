"""What a referral list says to the client, built once and used by the print page, the
PDF, the shared page and the messages sent: the clinic (as an admin set it on the settings
page, else the directory's name), the date, the staff contact and, for each service, its
name, address, phones (with `tel:` links), directions, today's hours and the week's, the
first step without a phone call, the nearest transit stop and its routes, how to apply,
cost, languages, website and the note.

Details are read from the directory when the sheet is built, so a sheet always shows the
phones and hours as they are today. Call `build_sheet` inside the locale the sheet is for:
the record's text is then in that language where the record has it (reader_text.py), and
each such field is a string that prints as plain text and shows on a page with its `lang`.
"""

from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from flask_babel import gettext as _

from ..first_step import first_step_summary
from ..hours_text import hours_lines, today_line
from ..labels import term_label
from ..models.clinic import clinic_profile
from ..reader_text import cost_text, language_names, phone_line, shown_text
from ..template_helpers import directions_url, local_now
from .getting_there import ways_there


@dataclass
class SheetItem:
    position: int
    name: str
    organization: str
    where: str
    phones: list = field(default_factory=list)
    phone_links: list = field(default_factory=list)  # [(shown text, tel: URI)]
    hours: list = field(default_factory=list)
    today: str = ""
    directions: str = ""
    first_step: str = ""  # the ways without a phone call, on one line
    transit: str = ""  # the nearest stop and its routes, else the record's "Getting there"
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
    clinic_address: str = ""
    clinic_phone: str = ""

    @property
    def clinic_tel(self):
        """Return the clinic's phone as a `tel:` URI (US numbers get their +1)."""
        digits = "".join(ch for ch in self.clinic_phone if ch.isdigit() or ch == "+")
        return f"tel:{'+1' + digits if len(digits) == 10 else digits}"


def clinic_details():
    """Return (name, address, phone) printed on handouts: the settings page's, else the
    CLINIC_NAME setting, else the directory's name (never a placeholder)."""
    profile = clinic_profile()
    name = (profile.name if profile else "") or current_app.config.get("CLINIC_NAME") \
        or current_app.config["DIRECTORY_NAME"]
    return name, (profile.address or "") if profile else "", \
        (profile.phone or "") if profile else ""


def build_sheet(referral_list, today=None):
    """Return the Sheet of a referral list, with every service as it is now."""
    contact = referral_list.contact or (referral_list.created_by.email
                                        if referral_list.created_by else "")
    clinic, address, phone = clinic_details()
    day = today or local_now().date()
    stops = ways_there([item.service for item in referral_list.items])
    return Sheet(clinic=clinic, clinic_address=address, clinic_phone=phone,
                 title=referral_list.title, day=day, contact=contact,
                 items=[_item(position, item, day, stops) for position, item in
                        enumerate(referral_list.items, start=1)])


def _item(position, item, day, stops):
    service = item.service
    schedules = service.hours_schedules
    phones = service.phones or service.organization.phones
    lines = [phone_line(phone) for phone in phones]
    return SheetItem(
        position=position, name=shown_text(service, "name"),
        organization=service.organization.name, where=_where(service), phones=lines,
        phone_links=[(line, phone.tel_uri) for line, phone in zip(lines, phones, strict=True)],
        hours=hours_lines(schedules, day), today=today_line(schedules, day) if schedules else "",
        directions=_directions(service), first_step=first_step_summary(service, day),
        transit=stops.get(service.id, ""), apply=shown_text(service, "application_process"),
        cost=cost_text(service), languages=language_names(service.spoken_languages),
        website=service.url or "", note=item.note or "", warning=_warning(service))


def _directions(service):
    located = [loc for loc in service.physical_locations if loc.has_coordinates]
    return directions_url(located[0]) if located else ""


def _where(service):
    locations = service.physical_locations
    if locations and locations[0].address:
        return locations[0].address.one_line()
    ways = [str(term_label(code)) for code in service.remote_ways]
    areas = ", ".join(a.name for a in service.service_areas if a.name)
    if areas:
        return _("%(ways)s: serves %(areas)s", ways=", ".join(ways) or _("Comes to you"),
                 areas=areas)
    return ", ".join(ways)


def _warning(service):
    if service.is_temporarily_closed:
        return _("Temporarily closed: call before going.")
    if not service.is_listed:
        return _("No longer listed in the directory: call before going.")
    return ""
