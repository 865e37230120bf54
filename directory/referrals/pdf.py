"""The referral list as a PDF, made on the server with fpdf2 (pure Python, from PyPI alone):
the same sheet as the print page, black on white, A4/Letter-safe margins, a box to tick
for each service and the QR code of the share link when there is one.

The PDF embeds DejaVu Sans (Debian's `fonts-dejavu-core`, which `make install` and .ci/run
put in place; PDF_FONT_DIR says where), so every interface language and any text typed in
a note (Vietnamese, Chinese names in Latin script, accents, dashes) prints as written,
normalised to composed characters first. Without the font the core Helvetica is used,
whose encoding is Latin-1: other characters then become "?" rather than break the download.
"""

import io
import logging
import unicodedata
from pathlib import Path

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..helplines import SAMHSA_NUMBER
from . import qr

log = logging.getLogger(__name__)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                       "…": "...", "•": "-", "\u00a0": " ", "\u202f": " "})
MARGIN, BOX, QR_SIZE = 15, 4, 32


def latin1(text):
    """Return `text` as the core PDF fonts can show it."""
    return str(text or "").translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def font_folder():
    """Return the folder holding DejaVu Sans, or None when it is not installed."""
    folder = Path(current_app.config.get("PDF_FONT_DIR") or "")
    return folder if all((folder / name).is_file() for name in FONT_FILES.values()) else None


class _Document(FPDF):
    crisis = ()
    family = "Helvetica"

    def text(self, value):
        """Return `value` as this document's font can show it."""
        value = unicodedata.normalize("NFC", str(value or ""))
        return value if self.family == "DejaVu" else latin1(value)

    def footer(self):
        self.set_y(-14)
        self.set_font(self.family, size=8)
        for line in self.crisis:
            self.cell(0, 4, self.text(line), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render(sheet, share_url=None):
    """Return the PDF bytes of a Sheet (see sheet.build_sheet)."""
    pdf = _Document(format="letter")
    folder = font_folder()
    if folder is not None:
        for style, name in FONT_FILES.items():
            pdf.add_font("DejaVu", style, str(folder / name))
        pdf.family = "DejaVu"
    else:
        log.warning("DejaVu Sans is not in %s: the PDF falls back to Latin-1 Helvetica "
                    "(apt-get install fonts-dejavu-core)", current_app.config.get("PDF_FONT_DIR"))
    pdf.crisis = (_("In crisis? Call or text 988, or call 911."),
                  _("SAMHSA National Helpline (free, confidential, 24/7, English and Spanish): "
                    "%(number)s", number=SAMHSA_NUMBER))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(pdf.text(sheet.title))
    pdf.set_creator(pdf.text(sheet.clinic))
    pdf.add_page()
    _heading(pdf, sheet, share_url)
    for item in sheet.items:
        _item(pdf, item)
    return bytes(pdf.output())


def _line(pdf, text, size=10, style="", height=5):
    pdf.set_font(pdf.family, style=style, size=size)
    pdf.multi_cell(0, height, pdf.text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _heading(pdf, sheet, share_url):
    top = pdf.get_y()
    if share_url:
        pdf.image(io.BytesIO(qr.png(share_url)), x=pdf.w - MARGIN - QR_SIZE, y=top,
                  w=QR_SIZE, h=QR_SIZE)
        pdf.set_right_margin(MARGIN + QR_SIZE + 4)
    _line(pdf, sheet.clinic, size=16, style="B", height=8)
    clinic_contact = " · ".join(part for part in (sheet.clinic_address, sheet.clinic_phone)
                                if part)
    if clinic_contact:
        _line(pdf, clinic_contact, size=9)
    _line(pdf, sheet.title, size=13, style="B", height=7)
    _line(pdf, format_date(sheet.day, "long"))
    if sheet.contact:
        _line(pdf, _("Your contact: %(contact)s", contact=sheet.contact))
    if share_url:
        _line(pdf, _("Scan the code to see this list online, with today's phone numbers and "
                     "hours."), size=9)
        pdf.set_y(max(pdf.get_y(), top + QR_SIZE + 2))
        pdf.set_right_margin(MARGIN)
    pdf.ln(3)


def _item(pdf, item):
    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.set_draw_color(0)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(2)
    pdf.rect(MARGIN, pdf.get_y() + 1, BOX, BOX)
    pdf.set_x(MARGIN + BOX + 3)
    _line(pdf, f"{item.position}. {item.name}", size=12, style="B", height=6)
    _line(pdf, item.organization, size=9)
    if item.warning:
        _line(pdf, item.warning, style="B")
    rows = [(_("Address"), item.where), (_("Phone"), "; ".join(item.phones)),
            (_("Hours"), "; ".join(item.hours) or _("Call for hours")),
            (_("First step"), item.first_step), (_("Transit"), item.transit),
            (_("How to apply"), item.apply), (_("Cost"), item.cost),
            (_("Languages"), item.languages), (_("Website"), item.website)]
    for label, value in rows:
        if value:
            _line(pdf, f"{label}: {value}")
    if item.note:
        _line(pdf, f"{_('Note')}: {item.note}", style="B")
    pdf.ln(2)
