"""Writing a service's text in Spanish and Vietnamese beside the English: the editor's boxes
say to a screen reader which field and language each is and carry their `lang`; a save
lands with the service's own fields, is searchable at once and shows in the history; an
emptied box removes the translation; a save from a form opened before a colleague's
translation is refused with both versions; too long a translation is refused next to its
box; a phone's label gets its boxes too; and the availability update writes the wait in
every language."""

import re
from html import unescape

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import form_values, html_of, text_of
from tests.helpers.results import found

SPANISH = "Grupo semanal de apoyo entre compañeros, en español."
VIETNAMESE = "Nhóm hỗ trợ đồng đẳng hằng tuần bằng tiếng Việt."


def _opened(client, url):
    return form_values(html_of(client.get(url)))


def _service():
    return builders.service("Harbor Peer Group", description="A weekly peer support group.",
                            wait_time="Waitlist: 2 weeks")


def test_each_box_says_its_field_and_language_to_a_screen_reader(editor_client):
    service = _service()
    page = html_of(editor_client.get(f"/staff/services/{service.id}/edit"))
    for name in ("name", "description", "application_process", "fees_description",
                 "eligibility_description", "wait_time"):
        for code, language in (("es", "Español"), ("vi", "Tiếng Việt")):
            box = re.search(rf'<(?:input|textarea)[^>]*id="{name}_{code}"[^>]*>', page)
            assert box and f'lang="{code}"' in box.group(0), (name, code)
            label = re.search(rf'<label for="{name}_{code}">(.*?)</label>', page,
                              re.DOTALL)
            spoken = unescape(re.sub(r"<[^>]+>", "", label.group(1)))
            assert spoken.endswith(language) and len(spoken) > len(language) + 2, spoken
    assert "Description, Español" in unescape(re.sub(r"<[^>]+>", "", page))
    assert "Waitlist: 2 weeks" in page  # the English the wait boxes translate


def test_translations_save_with_the_service_and_are_searchable_and_in_the_history(
        editor_client):
    service = _service()
    url = f"/staff/services/{service.id}/edit"
    data = _opened(editor_client, url)
    data.update(description_es=SPANISH, description_vi=VIETNAMESE,
                name_es="Grupo de compañeros Harbor", wait_time_vi="Danh sách chờ: 2 tuần")
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert service.text_in("description", "es").text == SPANISH
    assert service.text_in("description", "vi").text == VIETNAMESE
    assert service.text_in("wait_time", "vi").text == "Danh sách chờ: 2 tuần"
    assert service.text_in("description", "en").text == "A weekly peer support group."
    assert service.id in found("semanal") and service.id in found("đồng đẳng")
    page = text_of(editor_client.get(f"/staff/services/{service.id}"))
    assert "added translation (description, Español)" in page
    assert "added translation (description, Tiếng Việt)" in page
    again = _opened(editor_client, url)  # the form opens with what was saved
    assert again["description_es"] == SPANISH and again["name_es"] == "Grupo de compañeros Harbor"
    again.update(description_es="", description_vi=VIETNAMESE + " Mỗi thứ Ba.")
    assert editor_client.post(url, data=again).status_code == 302
    db.session.expire_all()
    assert service.translation("description", "es") is None
    assert service.text_in("description", "es").text == "A weekly peer support group."
    assert service.id not in found("semanal")  # in the removed Spanish text only
    page = text_of(editor_client.get(f"/staff/services/{service.id}"))
    assert "removed translation (description, Español)" in page
    assert "changed translation (description, Tiếng Việt)" in page


def test_a_stale_save_is_refused_with_the_colleagues_translation_shown(staff_client):
    service = _service()
    url = f"/staff/services/{service.id}/edit"
    alice, bob = staff_client("editor"), staff_client("admin")
    alice_form, bob_form = _opened(alice, url), _opened(bob, url)
    bob_form["description_es"] = SPANISH
    assert bob.post(url, data=bob_form).status_code == 302
    alice_form["description_es"] = "Un grupo de apoyo."
    refused = alice.post(url, data=alice_form)
    assert refused.status_code == 409
    page = text_of(refused)
    assert "Someone else saved this record after you opened it" in page
    assert "Description (Español)" in page and SPANISH in page and "Un grupo de apoyo." in page
    db.session.expire_all()
    assert service.translation("description", "es") == SPANISH  # the colleague's stands


def test_too_long_a_translation_is_refused_next_to_its_box(editor_client):
    service = _service()
    url = f"/staff/services/{service.id}/edit"
    data = _opened(editor_client, url)
    data.update(name_vi="Nhóm " * 60, description_es=SPANISH)
    refused = editor_client.post(url, data=data)
    assert refused.status_code == 200
    page = html_of(refused)
    assert re.search(r'id="name_vi-error"', page)
    assert re.search(r'<input[^>]*aria-describedby="name_vi-error"[^>]*aria-invalid="true"'
                     r'|<input[^>]*aria-invalid="true"[^>]*id="name_vi"', page)
    assert "Field cannot be longer than 255 characters." in unescape(page)
    db.session.expire_all()
    assert service.translations == []  # nothing of a refused form is saved


def test_a_phone_label_is_written_in_each_language(editor_client):
    service = _service()
    service.phones = [m.Phone(number="(714) 555-0100", type="voice", description="Intake line")]
    db.session.commit()
    url = f"/staff/services/{service.id}/phones"
    page = html_of(editor_client.get(url))
    assert re.search(r'<input[^>]*id="phones-0-description_es"[^>]*lang="es"'
                     r'|<input[^>]*lang="es"[^>]*id="phones-0-description_es"', page)
    data = form_values(page)
    data.update({"phones-0-description_es": "Línea de admisión",
                 "phones-0-description_vi": "Đường dây tiếp nhận",
                 "phones-1-number": "(714) 555-0101", "phones-1-description": "Text line",
                 "phones-1-description_es": "Línea de mensajes de texto"})
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    phones = {p.number: p for p in service.phones}
    assert phones["(714) 555-0100"].text_in("description", "vi").text == "Đường dây tiếp nhận"
    assert phones["(714) 555-0101"].translation("description", "es") \
        == "Línea de mensajes de texto"
    assert "added translation (description, Español)" in text_of(
        editor_client.get(f"/staff/services/{service.id}"))
    data = _opened(editor_client, url)
    data["phones-0-remove"] = "y"  # a removed phone takes its translations with it
    assert editor_client.post(url, data=data).status_code == 302
    held = db.session.scalars(select(m.Translation.link_id).where(
        m.Translation.link_entity == "phone")).all()
    assert held == [phones["(714) 555-0101"].id]


def test_the_availability_update_writes_the_wait_in_every_language(editor_client):
    service = _service()
    builders.translate(service, "es", wait_time="Unas dos semanas de espera.")
    url = f"/staff/services/{service.id}/availability"
    data = _opened(editor_client, url)
    data.update(unit="beds", accepting="no", available="0", waitlist_weeks="3")
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert service.wait_time == "Waitlist: 3 weeks"
    assert service.translation("wait_time", "es") == "Lista de espera: 3 semanas"
    assert service.translation("wait_time", "vi") == "Danh sách chờ: 3 tuần"
    data = _opened(editor_client, url)
    data.update(accepting="yes", available="2", waitlist_weeks="")
    assert editor_client.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert service.wait_time is None and service.translations == []
