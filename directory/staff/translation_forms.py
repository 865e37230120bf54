"""The Spanish and Vietnamese boxes beside a record's English text in the editors (a
service's details, its phones, a provider's description): one field per translated field
and language, named `<field>_<language>` ("description_es"), labelled with the English
field's label and the language's own name, and bounded as the English field is. The form's
stamp covers them like any other field, so a stale save is refused with its translations
(conflicts.py). Filling them from a record and writing them back are here too; which
fields and languages are translated is the model's rule (models/translation.py)."""

from flask_babel.speaklater import LazyString
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, Optional

from ..languages import language_name
from ..models.translation import TRANSLATED_FIELDS, TRANSLATED_LANGUAGES

SHORT = 255
# Fields whose English is a line, not a text: the same bound for their translations.
SHORT_FIELDS = {("service", "name"), ("phone", "description")}


def box_name(field, language):
    """Return the name of the form field holding `field` written in `language`."""
    return f"{field}_{language}"


def _label(english, language):
    return LazyString(lambda: f"{english} ({language_name(language, language)})")


def _box(entity, field, language, english, long_text):
    label, attributes = _label(english, language), {"lang": language}
    if (entity, field) in SHORT_FIELDS:
        return StringField(label, [Optional(), Length(max=SHORT)], render_kw=attributes)
    return TextAreaField(label, [Optional(), long_text()], render_kw={**attributes, "rows": 4})


def with_translations(form_class, entity, long_text, fields=None, **labels):
    """Add to `form_class` a box per language for each of `fields` (by default every
    translated field of `entity`), labelled like the form's English field or as `labels`
    say (a field the form does not edit in English); long text is bounded by the
    `long_text` validator, as the English is. Set `translated` ({field: [(language, its
    own name)]}) for the templates."""
    translated = {}
    for field in fields or TRANSLATED_FIELDS[entity]:
        assert field in TRANSLATED_FIELDS[entity], (entity, field)
        english = labels.get(field) or getattr(form_class, field).args[0]
        translated[field] = []
        for language in TRANSLATED_LANGUAGES:
            setattr(form_class, box_name(field, language),
                    _box(entity, field, language, english, long_text))
            translated[field].append((language, LazyString(language_name, language, language)))
    form_class.translated = translated
    return form_class


def translations_of(record, fields):
    """Return {box name: text} of a record's translations of `fields` (to fill a form)."""
    return {box_name(field, language): record.translation(field, language)
            for field in fields for language in TRANSLATED_LANGUAGES}


def fill(form, record):
    """Fill the translation boxes of `form` from `record` (an editor opened on it)."""
    for name, text in translations_of(record, form.translated).items():
        form[name].data = text


def changed_translations(record, data, fields):
    """Return {(field, language): text} of the translations in `data` (posted boxes) that
    differ from the record's; an empty box is no translation."""
    found = {}
    for field in fields:
        for language in TRANSLATED_LANGUAGES:
            name = box_name(field, language)
            if name not in data:
                continue
            text = (data[name] or "").strip() or None
            if text != record.translation(field, language):
                found[(field, language)] = text
    return found


def save(record, data, fields):
    """Write the posted translations of `fields` to `record`; return whether any changed."""
    changes = changed_translations(record, data, fields)
    for (field, language), text in changes.items():
        record.set_translation(field, language, text)
    return bool(changes)
