"""The list reaches the client: the shared page works on a phone (numbers to tap, website
links, directions, today's hours, no repeated cost), handouts name the clinic an admin set
on the settings page (and the directory, never a placeholder, before that), every handout
carries SAMHSA's National Helpline, and the PDF prints Vietnamese and Spanish notes as
typed (read back with pypdf)."""

import io
import re

from pypdf import PdfReader

from directory import models as m
from directory.extensions import db
from directory.referrals.pdf import font_folder
from tests.helpers.pages import html_of, share_link


def test_the_shared_list_has_links_to_call_visit_and_go(coordinator_client, client,
                                                        referral_list, referral_directory):
    peer = referral_directory["peer"]
    peer.url = "https://casa.example.org/peer"
    db.session.commit()
    page = html_of(client.get(share_link(coordinator_client, referral_list)))
    assert '<a class="call" href="tel:+19495550101">(949) 555-0101 (Front desk)</a>' in page
    assert 'href="https://casa.example.org/peer"' in page
    assert "https://www.openstreetmap.org/directions?" in page and ">Directions<" in page
    assert re.search(r"<strong>(Today: 9:00 AM – 5:00 PM|Today: 10:00 AM – 12:00 PM|"
                     r"Closed today)</strong>", page)
    assert "SAMHSA National Helpline" in page and 'href="tel:+18006624357"' in page
    assert "Your clinic" not in page


def test_a_cost_is_not_said_twice(coordinator_client, client, referral_list,
                                  referral_directory):
    terms = {t.code: t for t in db.session.query(m.TaxonomyTerm) if t.code}
    residential = referral_directory["residential"]
    residential.tag(terms["free"])
    residential.fees_description = "Free."
    db.session.commit()
    page = html_of(client.get(share_link(coordinator_client, referral_list)))
    assert "Free. Free." not in page and "Free, Free" not in page
    assert re.search(r"<dt>Cost</dt><dd>[^<]*Free[^<]*</dd>", page)


def test_handouts_name_the_directory_until_an_admin_sets_the_clinic(
        app, coordinator_client, admin_client, client, referral_list):
    app.config["CLINIC_NAME"] = ""
    shared = share_link(coordinator_client, referral_list)
    page = html_of(client.get(shared))
    assert app.config["DIRECTORY_NAME"] in page and "Your clinic" not in page

    assert coordinator_client.get("/staff/settings").status_code == 403
    form = html_of(admin_client.get("/staff/settings"))
    assert "Clinic name" in form and app.config["DIRECTORY_NAME"] in form
    response = admin_client.post("/staff/settings", data={
        "name": "Saddleback Recovery Clinic", "address": "24 Alicia Pkwy, Mission Viejo",
        "phone": "(949) 555-0150"})
    assert response.status_code == 302
    page = html_of(client.get(shared))
    assert '<p class="sheet-clinic">Saddleback Recovery Clinic</p>' in page
    assert "24 Alicia Pkwy, Mission Viejo" in page and 'href="tel:+19495550150"' in page
    printed = coordinator_client.post(f"/referrals/lists/{referral_list.id}/print")
    sheet = html_of(coordinator_client.get(printed.headers["Location"]))
    assert "Saddleback Recovery Clinic" in sheet and "(949) 555-0150" in sheet
    assert "1-800-662-4357" in sheet
    text = _pdf_text(coordinator_client, referral_list)
    assert "Saddleback Recovery Clinic" in text and "24 Alicia Pkwy, Mission Viejo" in text
    too_long = admin_client.post("/staff/settings", data={"name": "x" * 200})
    assert too_long.status_code == 200 and "120" in html_of(too_long)


def _pdf_text(client, referral_list, language="en"):
    response = client.get(f"/referrals/lists/{referral_list.id}/pdf?language={language}")
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_prints_vietnamese_and_spanish_notes_as_typed(coordinator_client,
                                                              referral_list):
    assert font_folder() is not None, "DejaVu Sans is missing: apt-get install fonts-dejavu-core"
    first, second = referral_list.items
    first.note = "Hỏi chị Nguyễn Thị Hương, nói rằng bác sĩ Lê giới thiệu. Được miễn phí."
    # Typed on a keyboard that sends combining marks: printed as the composed letters.
    second.note = "Pregunte por Begoña: ¿mañana? ¡Sí! – Dr. Lê\u0301"
    db.session.commit()
    text = _pdf_text(coordinator_client, referral_list)
    assert "Hỏi chị Nguyễn Thị Hương, nói rằng bác sĩ Lê giới thiệu. Được miễn phí." in text
    assert "Pregunte por Begoña: ¿mañana? ¡Sí! – Dr. Lế" in text
    assert "SAMHSA National Helpline" in text and "1-800-662-4357" in text
    assert "?" not in text.replace("¿mañana?", "").replace("In crisis?", "")


def test_the_pdf_prints_the_vietnamese_interface(coordinator_client, referral_list):
    text = _pdf_text(coordinator_client, referral_list, language="vi")
    assert "Casa Esperanza Peer Group" in text
    assert "Address:" not in text and "Phone:" not in text  # the labels are Vietnamese
    assert re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", text)


def test_the_list_page_offers_a_copy_link_button(coordinator_client, referral_list):
    share_link(coordinator_client, referral_list)
    page = html_of(coordinator_client.get(f"/referrals/lists/{referral_list.id}"))
    assert re.search(r'<button type="button" class="button-secondary copy-link" '
                     r'data-copy="http://localhost/shared/[^"]+"', page)
    assert "js/referrals.js" in page
    for language in ("Español", "Tiếng Việt"):
        assert f"Print in {language}" in page and f"PDF in {language}" in page
