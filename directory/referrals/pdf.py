"""The referral list as a PDF, made on the server with fpdf2 (pure Python, from PyPI alone):
the same sheet as the print page, black on white, A4/Letter-safe margins, a box to tick
for each service and the QR code of the share link when there is one.

The PDF uses the core Helvetica font, whose encoding is Latin-1: that covers English and
Spanish (á é í ó ú ñ ¿ ¡); typographic dashes and quotes become their plain forms and any
other character becomes "?" rather than breaking the download.
"""

import io

from flask_babel import format_date
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from . import qr

PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                       "…": "...", "•": "-", "\u00a0": " ", "\u202f": " "})
MARGIN, BOX, QR_SIZE = 15, 4, 32


def latin1(text):
    """Return `text` as the core PDF fonts can show it."""
    return str(text or "").translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


class _Document(FPDF):
    crisis = ""

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, latin1(self.crisis), align="C")


def render(sheet, share_url=None):
    """Return the PDF bytes of a Sheet (see printing.build_sheet)."""
    pdf = _Document(format="letter")
    pdf.crisis = _("In crisis? Call or text 988, or call 911.")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(latin1(sheet.title))
    pdf.set_creator(latin1(sheet.clinic))
    pdf.add_page()
    _heading(pdf, sheet, share_url)
    for item in sheet.items:
        _item(pdf, item)
    return bytes(pdf.output())


def _line(pdf, text, size=10, style="", height=5):
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(0, height, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _heading(pdf, sheet, share_url):
    top = pdf.get_y()
    if share_url:
        pdf.image(io.BytesIO(qr.png(share_url)), x=pdf.w - MARGIN - QR_SIZE, y=top,
                  w=QR_SIZE, h=QR_SIZE)
        pdf.set_right_margin(MARGIN + QR_SIZE + 4)
    _line(pdf, sheet.clinic, size=16, style="B", height=8)
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
            (_("How to apply"), item.apply), (_("Cost"), item.cost),
            (_("Languages"), item.languages), (_("Website"), item.website)]
    for label, value in rows:
        if value:
            _line(pdf, f"{label}: {value}")
    if item.note:
        _line(pdf, f"{_('Note')}: {item.note}", style="B")
    pdf.ln(2)
