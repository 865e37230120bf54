"""A referral list as CSV, one row per service, for a clinic's own records. It carries
what the list says (no client reference) and each referral's status and follow-up date,
in the language it is made in (the records' text in it where they have it, else their
English marked as such). Cells that a spreadsheet would run as a formula are prefixed with
an apostrophe."""

import csv
import io

from flask_babel import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def render(referral_list, sheet, status_labels):
    """Return the CSV text of a list, given its Sheet and the words for each status."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Order"), _("Service"), _("Organization"), _("Address"), _("Phone"),
                     _("Hours"), _("First step"), _("Transit"), _("Cost"), _("Languages"),
                     _("Website"), _("Status"), _("Status changed"), _("Follow up on"),
                     _("Note for the client"), _("Service id")])
    for item, row in zip(referral_list.items, sheet.items, strict=True):
        writer.writerow([_cell(v) for v in (
            row.position, row.name, row.organization, row.where, "; ".join(row.phones),
            "; ".join(row.hours), row.first_step, row.transit, row.cost, row.languages,
            row.website,
            status_labels.get(item.status, item.status),
            item.status_changed_at.date().isoformat() if item.status_changed_at else "",
            item.follow_up_on.isoformat() if item.follow_up_on else "", row.note,
            item.service_id)])
    return out.getvalue()
