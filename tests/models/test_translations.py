"""A record's text in another language: written even before the record is first saved,
under an id every directory derives the same way; a reader of that language sees it, any
other reader the English; emptied, it is gone, and the history says so; a field or
language that is not translated is refused."""

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders


def test_a_new_record_is_translated_under_the_id_its_text_derives(app):
    service = m.Service(name="Harbor Group", status="active",
                        organization=m.Organization(name="Harbor", description="A group."))
    assert service.set_translation("name", "es", "  Grupo Harbor  ")
    db.session.add(service)
    db.session.commit()
    row = db.session.scalar(select(m.Translation))
    assert (row.link_entity, row.link_id, row.text) == ("service", service.id, "Grupo Harbor")
    assert row.id == m.translation_id("service", service.id, "es", "name")
    assert not service.set_translation("name", "es", "Grupo Harbor")  # unchanged


def test_each_reader_sees_their_language_or_the_english(app):
    service = builders.service("Harbor Group", description="A weekly group.")
    builders.translate(service, "vi", description="Nhóm hằng tuần.")
    assert service.text_in("description", "vi") == ("Nhóm hằng tuần.", "vi")
    shown = service.text_in("description", "es")
    assert shown == ("A weekly group.", "en") and shown.in_english_for("es")
    assert not service.text_in("description", "en").in_english_for("en")
    assert service.translated_languages() == ["vi"]


def test_an_emptied_translation_is_gone_and_the_history_says_so(app):
    service = builders.service("Harbor Group", description="A weekly group.")
    builders.translate(service, "es", description="Un grupo semanal.")
    assert service.set_translation("description", "es", "")
    db.session.commit()
    assert db.session.scalars(select(m.Translation)).all() == []
    actions = db.session.scalars(select(m.ChangeRecord.last_action_type).where(
        m.ChangeRecord.resource_type == "translation",
        m.ChangeRecord.field_name == "text")).all()
    assert sorted(actions) == ["create", "delete"]


def test_a_field_or_language_not_translated_is_refused(app):
    service = builders.service("Harbor Group")
    for field, language in (("email", "es"), ("description", "fr")):
        with pytest.raises(ValueError, match="cannot be translated"):
            service.set_translation(field, language, "texto")
