"""The words of a referral list sent to the client: an email (subject and plain text:
the share link, then each service with its address, phone, today's hours, its first step
without a phone call, the nearest transit stop, how to apply and the note, then the
helplines) and a text message (the link and each service's name and first phone, with its
first step and transit stop while they fit, as many services as fit). Built from the
same Sheet as the print page; call inside the locale the client reads."""

from flask_babel import gettext as _

from ..helplines import SAMHSA_NUMBER
from ..messaging import SMS_LENGTH


def subject(sheet):
    """Return the email's subject line."""
    return _("Your referral list from %(clinic)s", clinic=sheet.clinic)


def _helplines():
    return [_("In crisis? Call or text 988, or call 911."),
            _("SAMHSA National Helpline (free, confidential, 24/7, English and Spanish): "
              "%(number)s", number=SAMHSA_NUMBER)]


def email_text(sheet, url):
    """Return the plain-text body of the email."""
    lines = [sheet.clinic, sheet.title, "",
             _("Open your list, with today's phone numbers and hours: %(url)s", url=url), ""]
    for item in sheet.items:
        lines.append(f"{item.position}. {item.name} ({item.organization})")
        if item.warning:
            lines.append(f"   {item.warning}")
        for label, value in ((_("Address"), item.where), (_("Phone"), "; ".join(item.phones)),
                             (_("Hours"), "; ".join(item.hours) or _("Call for hours")),
                             (_("First step"), item.first_step), (_("Transit"), item.transit),
                             (_("How to apply"), item.apply), (_("Cost"), item.cost),
                             (_("Note"), item.note)):
            if value:
                lines.append(f"   {label}: {value}")
        lines.append("")
    if sheet.contact:
        lines.append(_("Your contact: %(contact)s", contact=sheet.contact))
    clinic = " · ".join(part for part in (sheet.clinic_address, sheet.clinic_phone) if part)
    if clinic:
        lines.append(f"{sheet.clinic}: {clinic}")
    return "\n".join([*lines, "", *_helplines()]) + "\n"


def sms_text(sheet, url):
    """Return the text message: the link first, then services while they fit."""
    text = _("%(clinic)s: your referral list: %(url)s", clinic=sheet.clinic, url=url)
    ending = "\n" + _("In crisis? Call or text 988.")
    for item in sheet.items:
        line = f"\n{item.position}. {item.name}" + (f" {item.phones[0]}" if item.phones else "")
        # The first step and the stop when they fit; else the name and phone alone.
        full = line + "".join(f"\n{detail}" for detail in (item.first_step, item.transit)
                              if detail)
        for candidate in (full, line):
            if len(text) + len(candidate) + len(ending) <= SMS_LENGTH:
                text += candidate
                break
        else:
            break
    return text + ending
