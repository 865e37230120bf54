"""Record text as its reader sees it (directory/reader_text.py), on real records: the
reader's language where the record has it, else the English marked "(in English)" in the
reader's words with `lang="en"`; names never marked; phone labels and types; language names
in the reader's words; and the cost said once, whatever language each part is in."""

from contextlib import contextmanager

import pytest
from flask_babel import force_locale
from markupsafe import escape

from directory import models as m
from directory.extensions import db
from directory.reader_text import cost_text, language_names, phone_line, shown_text
from tests.helpers import builders


@pytest.fixture
def peer(terms):
    """A peer group with a Spanish translation of some of its text, none in Vietnamese."""
    made = builders.service(
        "Casa Esperanza Peer Group", languages=("English", "Spanish"),
        terms=[terms["group-therapy-peer-support"]],
        application_process="Walk in on a weekday.", eligibility_description="Adults 18+.")
    made.set_translation("name", "es", "Grupo de apoyo Casa Esperanza")
    made.set_translation("application_process", "es", "Venga sin cita un día entre semana.")
    db.session.commit()
    return made


@contextmanager
def _in(app, language):
    """Make things for a reader of `language`, as a handout in that language is made."""
    with app.test_request_context(), force_locale(language):
        yield


def test_the_readers_language_is_shown_with_its_lang_where_the_record_has_it(app, peer):
    with _in(app, "es"):
        apply = shown_text(peer, "application_process")
        assert apply == "Venga sin cita un día entre semana."
        assert str(escape(apply)) == '<span lang="es">Venga sin cita un día entre semana.</span>'
        assert shown_text(peer, "name") == "Grupo de apoyo Casa Esperanza"


@pytest.mark.parametrize(("language", "marker"), [("es", "(en inglés)"),
                                                  ("vi", "(bằng tiếng Anh)")])
def test_english_shown_to_another_reader_says_so_in_their_words(app, peer, language, marker):
    with _in(app, language):
        eligibility = shown_text(peer, "eligibility_description")
        assert eligibility == f"Adults 18+. {marker}"
        assert str(escape(eligibility)) == (
            f'<span lang="en">Adults 18+.</span> <span class="in-english">{marker}</span>')


def test_a_name_in_english_carries_its_lang_but_no_marker(app, peer):
    with _in(app, "vi"):
        name = shown_text(peer, "name")
        assert name == "Casa Esperanza Peer Group"
        assert str(escape(name)) == '<span lang="en">Casa Esperanza Peer Group</span>'


def test_an_english_reader_sees_the_record_as_entered(app, peer):
    with _in(app, "en"):
        apply = shown_text(peer, "application_process")
        assert apply == "Walk in on a weekday." == str(escape(apply))


def test_phone_labels_are_translated_marked_or_the_kind_of_line(app, peer):
    peer.phones = [m.Phone(number="(949) 555-0101", type="voice", description="Front desk"),
                   m.Phone(number="(949) 555-0103", type="voice", description="Intake line"),
                   m.Phone(number="(949) 555-0105", type="fax"),
                   m.Phone(number="(949) 555-0106", type="text"),
                   m.Phone(number="(949) 555-0107", type="voice", extension="12")]
    db.session.commit()
    peer.phones[0].set_translation("description", "es", "Recepción")
    db.session.commit()
    with _in(app, "es"):
        lines = [phone_line(phone) for phone in peer.phones]
        assert lines == ["(949) 555-0101 (Recepción)",
                         "(949) 555-0103 (Intake line, en inglés)",
                         "(949) 555-0105 (Fax)", "(949) 555-0106 (Mensajes de texto)",
                         "(949) 555-0107 ext. 12"]
        assert str(escape(lines[1])) == (
            '(949) 555-0103 (<span lang="en">Intake line</span>, en inglés)')
    with _in(app, "en"):
        assert phone_line(peer.phones[0]) == "(949) 555-0101 (Front desk)"
        assert phone_line(peer.phones[3]) == "(949) 555-0106 (Text messages)"


def test_language_names_are_the_readers_words(app, peer):
    peer.languages.append(m.Language(name="Vietnamese"))  # a name without its code
    peer.languages.append(m.Language(name="Triqui", code="trs"))  # unknown to Babel
    db.session.commit()
    for language, expected in (("en", "English, Spanish, Vietnamese, Triqui"),
                               ("es", "Inglés, Español, Vietnamita, Triqui"),
                               ("vi", "Tiếng Anh, Tiếng Tây Ban Nha, Tiếng Việt, Triqui")):
        with _in(app, language):
            assert language_names(peer.languages) == expected


# (payment terms, English fees text, its Spanish translation or None, reader, cost shown)
COSTS = [
    # the record's "Free." says only what our label says: said once, in the reader's words
    (("free",), "Free.", None, "es", "Gratis"),
    (("free",), "Free.", None, "en", "Free"),
    (("free",), "Free.", "Gratis.", "es", "Gratis"),
    (("medi-cal", "free"), "Medi-Cal, free.", None, "vi", "Nhận Medi-Cal, Miễn phí"),
    # it says more: our label, then the record's words (marked when English)
    (("free",), "Free for veterans; others $10.", None, "es",
     "Gratis. Free for veterans; others $10. (en inglés)"),
    (("medi-cal", "sliding-scale"), "No cost with Medi-Cal; others pay $0 to $20.", None, "en",
     "Takes Medi-Cal, Sliding scale. No cost with Medi-Cal; others pay $0 to $20."),
    (("medi-cal",), "No cost with Medi-Cal.", "Sin costo con Medi-Cal.", "es",
     "Acepta Medi-Cal. Sin costo con Medi-Cal."),
    # in the reader's language and holding every word of the label: the record's words alone
    (("free",), "Free for everyone.", "Gratis para todos.", "es", "Gratis para todos."),
    (("free",), "Free for everyone.", None, "en", "Free for everyone."),
    # English holding the label's English words still leaves the reader's label first
    (("free",), "Free for everyone.", None, "es", "Gratis. Free for everyone. (en inglés)"),
    ((), "Sliding scale by income.", None, "es", "Sliding scale by income. (en inglés)"),
    (("free",), None, None, "vi", "Miễn phí"),
]


@pytest.mark.parametrize(("codes", "fees", "spanish", "reader", "expected"), COSTS)
def test_the_cost_is_said_once_in_the_readers_words(app, terms, codes, fees, spanish, reader,
                                                    expected):
    service = builders.service("Harbor Program", terms=[terms[c] for c in codes],
                               fees_description=fees)
    if spanish:
        service.set_translation("fees_description", "es", spanish)
        db.session.commit()
    with _in(app, reader):
        assert cost_text(service) == expected
