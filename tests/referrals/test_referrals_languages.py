"""A Spanish list printed, downloaded as PDF or CSV, emailed and shared reads Spanish
wherever the record has Spanish; Vietnamese the same. Where a record has only English, the
English is shown marked "(in English)" in the client's words and tagged `lang="en"`; the
cost is said once; languages are named in the client's words; the share link under the QR
code (and in the email) opens the list in the handout's language. PDFs are read back with
pypdf, QR codes with zxing-cpp, mail through a real SMTP server on loopback."""

import csv
import io
import re
from email import message_from_bytes, policy

import pytest
import zxingcpp
from pypdf import PdfReader

from directory.extensions import db
from tests.helpers.pages import html_of

# What the peer group's record says in each language, and the words of each interface.
WORDS = {
    "es": {"name": "Grupo de Apoyo Casa Esperanza",
           "apply": "Venga sin cita un día entre semana, o llame a la recepción.",
           "fees": "Sin costo con Medi-Cal; los demás pagan de $0 a $20.",
           "desk": "Recepción", "marker": "en inglés", "apply_label": "Cómo solicitar",
           "cost_label": "Costo", "languages_label": "Idiomas",
           "peer_cost": "Acepta Medi-Cal, Escala móvil",
           "residential_cost": "Acepta Medi-Cal, Gratis",
           "peer_languages": "Inglés, Español", "residential_languages": "Inglés"},
    "vi": {"name": "Nhóm Hỗ trợ Đồng đẳng Casa Esperanza",
           "apply": "Đến trực tiếp vào ngày thường, hoặc gọi quầy lễ tân.",
           "fees": "Miễn phí với Medi-Cal; người khác trả từ $0 đến $20.",
           "desk": "Quầy lễ tân", "marker": "bằng tiếng Anh", "apply_label": "Cách đăng ký",
           "cost_label": "Chi phí", "languages_label": "Ngôn ngữ",
           "peer_cost": "Nhận Medi-Cal, Giá theo thu nhập",
           "residential_cost": "Nhận Medi-Cal, Miễn phí",
           "peer_languages": "Tiếng Anh, Tiếng Tây Ban Nha", "residential_languages": "Tiếng Anh"},
}
ENGLISH_ONLY = ("Walk in on a weekday", "No cost with Medi-Cal", "Front desk", "Free.",
                "English, Spanish")
APPLY_IN_ENGLISH = "Call to book an intake interview."


@pytest.fixture
def translated(referral_list, referral_directory, terms):
    """The list's peer group with its text in Spanish and Vietnamese; the residential
    program in English only, its "Free." saying what the "Free" label says."""
    peer, residential = referral_directory["peer"], referral_directory["residential"]
    for language, words in WORDS.items():
        peer.set_translation("name", language, words["name"])
        peer.set_translation("application_process", language, words["apply"])
        peer.set_translation("fees_description", language, words["fees"])
        peer.phones[0].set_translation("description", language, words["desk"])
    residential.application_process = APPLY_IN_ENGLISH
    residential.fees_description = "Free."
    residential.tag(terms["free"])
    residential.phones[0].description = "Main line"
    db.session.commit()
    return referral_list


def _page(app, client, url):
    """Return the page at `url`, fetched in an app context of its own as every request is
    in production (the test's context would keep the first request's language in `g`)."""
    with app.app_context():
        return html_of(client.get(url))


def _printed(client, referral_list, language):
    response = client.post(f"/referrals/lists/{referral_list.id}/print",
                           data={"language": language})
    return html_of(client.get(response.headers["Location"]))


def _pdf(client, referral_list, language):
    response = client.get(f"/referrals/lists/{referral_list.id}/pdf?language={language}")
    assert response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def _text(reader):
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _assert_readers_html(page, language):
    """The sheet's services as a page shows them to a reader of `language`."""
    words = WORDS[language]
    assert f'<html lang="{language}">' in page
    assert f'1. <span lang="{language}">{words["name"]}</span></h2>' in page
    assert f'<dd><span lang="{language}">{words["apply"]}</span></dd>' in page
    assert (f'<dd>{words["peer_cost"]}. <span lang="{language}">{words["fees"]}</span></dd>'
            in page)
    assert f'(949) 555-0101 (<span lang="{language}">{words["desk"]}</span>)' in page
    assert f'<dd>{words["peer_languages"]}</dd>' in page
    # English only: tagged as English, said to be English in the reader's words
    assert '2. <span lang="en">Harbor Residential Program</span></h2>' in page  # a name
    assert (f'<dd><span lang="en">{APPLY_IN_ENGLISH}</span> '
            f'<span class="in-english">({words["marker"]})</span></dd>') in page
    assert f'(949) 555-0102 (<span lang="en">Main line</span>, {words["marker"]})' in page
    assert f'<dd>{words["residential_cost"]}</dd>' in page  # not "Gratis. Free."
    assert f'<dd>{words["residential_languages"]}</dd>' in page
    for english in ENGLISH_ONLY:
        assert english not in page, english


@pytest.mark.parametrize("language", ["es", "vi"])
def test_the_printed_list_reads_the_clients_language(app, coordinator_client, client,
                                                     translated, language):
    page = _printed(coordinator_client, translated, language)
    _assert_readers_html(page, language)
    # The share link under the QR code opens the list in the same language.
    url = re.search(r'class="sheet-url">([^<]+)<', page).group(1)
    assert url.endswith(f"?lang={language}")
    _assert_readers_html(_page(app, client, url.removeprefix("http://localhost")), language)


@pytest.mark.parametrize("language", ["es", "vi"])
def test_the_pdf_reads_the_clients_language(coordinator_client, translated, language):
    words = WORDS[language]
    _printed(coordinator_client, translated, language)  # makes the share link
    reader = _pdf(coordinator_client, translated, language)
    text = _text(reader)
    for expected in (f"1. {words['name']}", f"{words['apply_label']}: {words['apply']}",
                     f"{words['cost_label']}: {words['peer_cost']}. {words['fees']}",
                     f"(949) 555-0101 ({words['desk']})",
                     f"{words['languages_label']}: {words['peer_languages']}",
                     "2. Harbor Residential Program",
                     f"{words['apply_label']}: {APPLY_IN_ENGLISH} ({words['marker']})",
                     f"(949) 555-0102 (Main line, {words['marker']})",
                     f"{words['cost_label']}: {words['residential_cost']}"):
        assert expected in text, expected
    for english in ENGLISH_ONLY:
        assert english not in text, english
    [code] = zxingcpp.read_barcodes(reader.pages[0].images[0].image)
    assert code.text.endswith(f"?lang={language}")


def test_the_csv_reads_the_clients_language(coordinator_client, translated):
    words = WORDS["es"]
    response = coordinator_client.get(f"/referrals/lists/{translated.id}/csv?language=es")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    peer, residential = rows
    assert peer["Servicio"] == words["name"]
    assert peer["Costo"] == f"{words['peer_cost']}. {words['fees']}"
    assert peer["Idiomas"] == words["peer_languages"]
    assert peer["Teléfono"] == f"(949) 555-0101 ({words['desk']})"
    assert residential["Teléfono"] == "(949) 555-0102 (Main line, en inglés)"
    assert residential["Costo"] == words["residential_cost"]


@pytest.mark.parametrize("language", ["es", "vi"])
def test_the_email_reads_the_clients_language(app, coordinator_client, client, translated,
                                              smtp_server, language):
    words = WORDS[language]
    response = coordinator_client.post(
        f"/referrals/lists/{translated.id}/send/email",
        data={"email-address": "client@example.net", "email-language": language})
    assert response.status_code == 302
    [(_, content)] = smtp_server.messages
    body = message_from_bytes(content, policy=policy.default).get_content()
    for expected in (f"1. {words['name']} (", f"{words['apply_label']}: {words['apply']}",
                     f"{words['cost_label']}: {words['peer_cost']}. {words['fees']}",
                     f"(949) 555-0101 ({words['desk']})",
                     f"{words['apply_label']}: {APPLY_IN_ENGLISH} ({words['marker']})",
                     f"(949) 555-0102 (Main line, {words['marker']})"):
        assert expected in body, expected
    for english in ENGLISH_ONLY:
        assert english not in body, english
    link = re.search(r"http://localhost(/shared/\S+)", body).group(1)
    assert link.endswith(f"?lang={language}")
    _assert_readers_html(_page(app, client, link), language)


def test_an_english_list_reads_as_entered(coordinator_client, translated):
    page = _printed(coordinator_client, translated, "en")
    assert "<h2>1. Casa Esperanza Peer Group</h2>" in page
    assert "<dd>Walk in on a weekday, or call the front desk.</dd>" in page
    assert f"<dd>{APPLY_IN_ENGLISH}</dd>" in page
    assert "(949) 555-0101 (Front desk)" in page and "(949) 555-0102 (Main line)" in page
    assert "<dd>Takes Medi-Cal, Free</dd>" in page and "<dd>English, Spanish</dd>" in page
    assert "in-english" not in page and "<span lang" not in page
    assert re.search(r'class="sheet-url">[^<]+\?lang=en<', page)


def test_the_staff_pages_name_services_in_the_staff_members_language(app, coordinator_client,
                                                                     translated):
    page = _page(app, coordinator_client, f"/referrals/lists/{translated.id}?lang=es")
    assert f'<span lang="es">{WORDS["es"]["name"]}</span></a></h3>' in page
    assert '<span lang="en">Harbor Residential Program</span></a></h3>' in page
    with app.app_context():
        found = html_of(coordinator_client.post(
            f"/referrals/lists/{translated.id}/match?lang=es",
            data={"categories": "group-therapy-peer-support", "near": "92630", "radius": "25"}))
    assert f'<span lang="es">{WORDS["es"]["name"]}</span></a></h3>' in found


def test_saving_and_removing_an_item_names_it_in_the_staff_members_language(
        app, coordinator_client, translated):
    peer = next(item for item in translated.items if item.service.translation("name", "es"))
    base = f"/referrals/lists/{translated.id}/items/{peer.id}"
    prefix = f"item-{peer.id}-"
    with app.app_context():
        saved = html_of(coordinator_client.post(f"{base}?lang=es", data={
            prefix + "status": "referred", prefix + "note": "", prefix + "follow_up_on": ""},
            follow_redirects=True))
    assert f"{WORDS['es']['name']}." in saved
    with app.app_context():
        removed = html_of(coordinator_client.post(f"{base}/remove?lang=es", data={
            "confirmed": "yes"}, follow_redirects=True))
    assert f"{WORDS['es']['name']}." in removed
