"""Record text in the reader's language: a service's name, description, how to apply, fees,
eligibility and wait, and a phone's label, written in Spanish or Vietnamese beside the
English the record keeps in its HSDS fields. `Translatable.text_in` is the one rule for
what a reader sees: their language where the record has it, otherwise the English, marked
as such (`RecordText.in_english_for`). HSDS has no place for translations: exports, the
API and imports carry them in the `translations` extension (hsds/translations.py, README);
a translation's id is derived from what it translates (`translation_id`), so it is the same
in every directory."""

import uuid
from typing import NamedTuple

from sqlalchemy import String, Text, UniqueConstraint, inspect
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from ..extensions import db
from .base import UUID_LENGTH, HSDSRecord, new_id

SOURCE_LANGUAGE = "en"
# The languages a record's text may be written in besides English (the interface's).
TRANSLATED_LANGUAGES = ("es", "vi")
# link_entity -> the fields of that record that may be translated, in the editors' order.
TRANSLATED_FIELDS = {
    "service": ("name", "description", "application_process", "fees_description",
                "eligibility_description", "wait_time", "first_visit"),
    "phone": ("description",),
}
# A translation's id is derived from what it translates, so the same text has the same id
# in every directory and an import updates it rather than adding a second one.
TRANSLATION_NAMESPACE = uuid.UUID("0b6f7f5e-3d7a-4c1e-9a57-5e2f0c8d4a31")


def translation_id(link_entity, link_id, language, field):
    """Return the id of the translation of `field` of record `link_id` into `language`."""
    return str(uuid.uuid5(TRANSLATION_NAMESPACE,
                          f"{link_entity}:{link_id}:{language}:{field}"))


class Translation(HSDSRecord, db.Model):
    """The text of one field of one record in one language (`link_entity` names the table,
    `link_id` the record, as HSDS `attribute` does)."""

    __tablename__ = "translation"
    __table_args__ = (
        UniqueConstraint("link_entity", "link_id", "language", "field",
                         name="uq_translation_link_entity"),
    )

    link_entity: Mapped[str] = mapped_column(String(50))
    link_id: Mapped[str] = mapped_column(String(UUID_LENGTH), index=True)
    language: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)


class RecordText(NamedTuple):
    """A field's text as shown, and the language it is written in."""

    text: str | None
    language: str

    def in_english_for(self, reader_language):
        """Return whether this text is the English shown to a reader of another language
        (pages then mark it "(in English)")."""
        return bool(self.text) and self.language != (reader_language or SOURCE_LANGUAGE)

    def __str__(self):
        return self.text or ""


def translations_relationship(entity):
    """Return the relationship from a record of table `entity` to its translations."""
    model = entity.capitalize()
    return relationship(
        "Translation",
        primaryjoin=f"and_({model}.id == foreign(Translation.link_id), "
        f"Translation.link_entity == '{entity}')",
        cascade="all, delete-orphan", overlaps="translations",
    )


class Translatable:
    """Mixin for records with translatable text (their table is in TRANSLATED_FIELDS)."""

    TRANSLATION_ENTITY = None  # the record's table name, set by each model

    def translation(self, field, language):
        """Return the text of `field` written in `language`, or None."""
        for row in self.translations:
            if row.field == field and row.language == language:
                return row.text
        return None

    def text_in(self, field, language):
        """Return `field` as a reader of `language` sees it: their language's text where
        the record has it, otherwise the record's own (English)."""
        if language and language != SOURCE_LANGUAGE:
            translated = self.translation(field, language)
            if translated:
                return RecordText(translated, language)
        return RecordText(getattr(self, field), SOURCE_LANGUAGE)

    def set_translation(self, field, language, text):
        """Write `field` in `language` (blank text removes it); return whether it changed."""
        if field not in TRANSLATED_FIELDS[self.TRANSLATION_ENTITY] \
                or language not in TRANSLATED_LANGUAGES:
            raise ValueError(f"{self.TRANSLATION_ENTITY}.{field} in {language!r} "
                             "cannot be translated")
        text = (text or "").strip()
        row = next((r for r in self.translations
                    if r.field == field and r.language == language), None)
        if row is None:
            if not text:
                return False
            if self.id is None:  # a record not flushed yet: its id names its translations
                self.id = new_id()
            self.translations.append(Translation(
                id=translation_id(self.TRANSLATION_ENTITY, self.id, language, field),
                link_entity=self.TRANSLATION_ENTITY, link_id=self.id, language=language,
                field=field, text=text))
            return True
        if not text:
            self.translations.remove(row)
            if inspect(row).persistent:  # deleted outright, so the history records it (a
                object_session(row).delete(row)  # row without a backref is no orphan to it)
            return True
        if row.text == text:
            return False
        row.text = text
        return True

    def translated_languages(self):
        """Return the languages this record has any text in besides English."""
        return sorted({row.language for row in self.translations})
