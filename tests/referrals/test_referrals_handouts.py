"""What the client is handed: the print page (clinic, date, staff contact and, for each
service, address, phone, hours, how to apply, cost, languages, a box to tick and the
note), its QR code (drawn from the page's own SVG and decoded back to the share link), the
same sheet with Spanish dates and times, and the PDF read back as text."""

import io
import re

import pytest
import zxingcpp
from babel.dates import format_date
from PIL import Image, ImageDraw
from pypdf import PdfReader

from directory import models as m
from directory.extensions import db
from directory.template_helpers import local_now
from tests.helpers.pages import html_of


def local_today():
    return local_now().date()  # the sheet's date is the clinic's, not the server's


@pytest.fixture
def clinic(app):
    app.config["CLINIC_NAME"] = "Saddleback Recovery Clinic"
    return app.config["CLINIC_NAME"]


def qr_image(svg, scale=6):
    """Draw segno's inline SVG (rows of 1-unit strokes) as an image a decoder can read."""
    size = int(re.search(r'd="M0 0h(\d+)v', svg).group(1))
    path = re.search(r'<path[^>]*stroke="#000"[^>]*d="([^"]+)"', svg).group(1)
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, first, second in re.findall(r"([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command in "Mm":
            x, y = (float(first), float(second)) if command == "M" else (
                x + float(first), y + float(second))
        else:
            row = int(y)
            draw.rectangle([x * scale, row * scale, (x + float(first)) * scale - 1,
                            (row + 1) * scale - 1], fill=0)
            x += float(first)
    return image


def decode(image):
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code could be read"
    return found[0].text


def _printed(client, referral_list, language="en"):
    """Press "Print" on the list page and follow it to the print page."""
    response = client.post(f"/referrals/lists/{referral_list.id}/print",
                           data={"language": language})
    assert response.status_code == 302
    return html_of(client.get(response.headers["Location"]))


def test_the_print_page_holds_what_the_client_needs(coordinator_client, referral_list, clinic):
    page = _printed(coordinator_client, referral_list)
    assert clinic in page and "Recovery options" in page
    assert format_date(local_today(), "long", locale="en") in page
    assert "Your contact: Ana Ruiz, (949) 555-0199" in page
    for expected in ("Casa Esperanza Peer Group", "1 Test Way, Lake Forest, CA 92630",
                     "(949) 555-0101 (Front desk)", "Monday to Friday: 9:00 AM – 5:00 PM",
                     "Saturday: 10:00 AM – 12:00 PM",
                     "Walk in on a weekday, or call the front desk.",
                     "Takes Medi-Cal, Sliding scale. No cost with Medi-Cal; others pay $0 to $20.",
                     "English, Spanish", "Ask for Maria, mention Dr. Lee sent you",
                     "Harbor Residential Program", "(949) 555-0102", "Call for hours",
                     "In crisis? Call or text 988"):
        assert expected in page, expected
    assert page.count('<span class="checkbox"') == 2
    # Staff-only words stay off the paper, and the page keeps to the CSP.
    assert "JD-4411" not in page and "prefers mornings" not in page
    assert "style=" not in page and "<script>" not in page


def test_the_qr_code_on_the_page_opens_the_shared_list(coordinator_client, client,
                                                       referral_list):
    page = _printed(coordinator_client, referral_list)
    svg = re.search(r'<svg[^>]*class="qr-code".*?</svg>', page, re.DOTALL).group(0)
    url = decode(qr_image(svg))
    # The link opens the list in the handout's language (see test_referrals_languages).
    assert re.fullmatch(r"http://localhost/shared/[A-Za-z0-9_-]{43}\?lang=en", url)
    assert url in page  # also printed in words under the code
    shared = client.get(url.removeprefix("http://localhost"))
    assert shared.status_code == 200
    assert "Casa Esperanza Peer Group" in html_of(shared)
    # Printing again in the same session keeps the same link.
    assert url in _printed(coordinator_client, referral_list)
    assert len(db.session.get(m.ReferralList, referral_list.id).share_links) == 1


def test_the_sheet_can_be_printed_with_spanish_dates_and_times(coordinator_client,
                                                               referral_list):
    page = _printed(coordinator_client, referral_list, language="es")
    assert '<html lang="es">' in page
    assert format_date(local_today(), "long", locale="es") in page
    assert ": 09:00 – 17:00" in page
    english = html_of(coordinator_client.get(f"/referrals/lists/{referral_list.id}"))
    assert '<html lang="en">' in english  # the staff member's own pages stay as they were


def test_the_pdf_reads_back_as_the_same_list(coordinator_client, referral_list, clinic):
    item = referral_list.items[0]
    item.note = "Pregunte por María: ¿mañana a las 9? ¡Gracias! – Ana"
    db.session.commit()
    response = coordinator_client.get(f"/referrals/lists/{referral_list.id}/pdf")
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in (clinic, "Recovery options", format_date(local_today(), "long", locale="en"),
                     "Your contact: Ana Ruiz, (949) 555-0199", "1. Casa Esperanza Peer Group",
                     "Address: 1 Test Way, Lake Forest, CA 92630",
                     "Phone: (949) 555-0101 (Front desk)",
                     "Hours: Monday to Friday: 9:00 AM – 5:00 PM; Saturday: 10:00 AM – 12:00 PM",
                     "How to apply: Walk in on a weekday, or call the front desk.",
                     "Languages: English, Spanish", "2. Harbor Residential Program",
                     "Note: Pregunte por María: ¿mañana a las 9? ¡Gracias! – Ana",
                     "In crisis? Call or text 988"):
        assert expected in text, expected
    assert "JD-4411" not in text


def test_the_spanish_pdf_carries_a_spanish_date(coordinator_client, referral_list):
    response = coordinator_client.get(f"/referrals/lists/{referral_list.id}/pdf?language=es")
    text = " ".join(PdfReader(io.BytesIO(response.data)).pages[0].extract_text().split())
    assert format_date(local_today(), "long", locale="es") in text
    assert "09:00 – 17:00" in text


def test_the_pdf_carries_the_same_qr_code_once_the_list_is_shared(coordinator_client,
                                                                   referral_list):
    page = _printed(coordinator_client, referral_list)
    url = re.search(r'class="sheet-url">([^<]+)<', page).group(1)
    response = coordinator_client.get(f"/referrals/lists/{referral_list.id}/pdf")
    images = PdfReader(io.BytesIO(response.data)).pages[0].images
    assert len(images) == 1
    assert decode(images[0].image) == url
