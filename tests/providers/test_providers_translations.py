"""A program writes its description and eligibility in Spanish and Vietnamese beside the
English, in the same editor: published at once, or, under PROVIDER_TEXT_REVIEW, proposed
to the directory's editors like its English text; a stale save is refused with them."""

import re

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import form_values, html_of, text_of

SPANISH = "Grupo de apoyo entre compañeros, los martes por la tarde."
VIETNAMESE = "Nhóm hỗ trợ đồng đẳng vào chiều thứ Ba."


def test_a_program_publishes_its_text_in_spanish_and_vietnamese(peer_provider,
                                                                referral_directory):
    service = referral_directory["peer"]
    url = f"/provider/services/{service.id}/text"
    page = html_of(peer_provider.get(url))
    for name in ("description", "eligibility_description"):
        for code in ("es", "vi"):
            assert re.search(rf'<textarea[^>]*id="{name}_{code}"[^>]*lang="{code}"'
                             rf'|<textarea[^>]*lang="{code}"[^>]*id="{name}_{code}"', page)
    data = form_values(page)
    data.update(description_es=SPANISH, eligibility_description_vi="Người lớn từ 18 tuổi.")
    assert peer_provider.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert service.translation("description", "es") == SPANISH
    assert service.translation("eligibility_description", "vi") == "Người lớn từ 18 tuổi."
    history = db.session.scalars(select(m.ChangeRecord.updated_by).where(
        m.ChangeRecord.resource_type == "translation")).all()
    assert history and all(who.startswith("Maria, provider at") for who in history)


def test_under_review_the_translations_wait_for_an_editor(app, peer_provider,
                                                          referral_directory):
    app.config["PROVIDER_TEXT_REVIEW"] = True
    service = referral_directory["peer"]
    url = f"/provider/services/{service.id}/text"
    data = form_values(html_of(peer_provider.get(url)))
    data.update(description_vi=VIETNAMESE)
    assert peer_provider.post(url, data=data).status_code == 302
    db.session.expire_all()
    assert service.translations == []  # nothing public yet
    suggestion = db.session.scalar(select(m.Suggestion))
    assert suggestion.body == f"From the program: Description in Vietnamese: {VIETNAMESE}"
    assert suggestion.contact == "maria@casa.example.org"
    again = form_values(html_of(peer_provider.get(url)))
    assert peer_provider.post(url, data=again).status_code == 302  # nothing changed
    assert db.session.scalars(select(m.Suggestion)).all() == [suggestion]


def test_a_stale_save_of_a_translation_is_refused(peer_provider, editor_client,
                                                  referral_directory):
    service = referral_directory["peer"]
    url = f"/provider/services/{service.id}/text"
    opened = form_values(html_of(peer_provider.get(url)))
    staff_url = f"/staff/services/{service.id}/edit"
    staff_form = form_values(html_of(editor_client.get(staff_url)))
    staff_form["description_es"] = SPANISH
    assert editor_client.post(staff_url, data=staff_form).status_code == 302
    opened["description_es"] = "Grupo de compañeros."
    refused = peer_provider.post(url, data=opened)
    assert refused.status_code == 409
    assert SPANISH in text_of(refused)
    db.session.expire_all()
    assert service.translation("description", "es") == SPANISH
