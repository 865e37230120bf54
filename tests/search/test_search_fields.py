"""How record text and typed text become index words: the languages table (folding, stop
words, stems, syllable pairs, recognition), the spelling vocabulary and the index's fields
(no index needed)."""

import pytest
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT

from directory.search import fields, languages

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


def words(analyzer, text):
    return [t.text for t in analyzer(text)]


SPANISH = fields.language_analyzer("es")
VIETNAMESE = fields.language_analyzer("vi")


def test_english_analysis_folds_drops_stop_words_and_stems():
    assert words(fields.stemming_analyzer(), "The Counseling for FAMILIES, café a b") == [
        "counsel", "famili", "cafe"]
    assert words(fields.stemming_analyzer(), "Medi-Cal e.g. x") == ["medi", "cal", "e.g"]


def test_english_analysis_is_whooshs_stemming_analyzer_with_folding():
    text = "Running clinics, housing vouchers and tele-health in Cañon City"
    ours = words(fields.stemming_analyzer(), text)
    whoosh = [languages.fold(t.text) for t in StemmingAnalyzer()(languages.fold(text))]
    assert ours == whoosh


def test_stems_are_cached_and_the_cache_bounded(monkeypatch):
    monkeypatch.setitem(languages._CACHES, "en", {})
    assert words(fields.stemming_analyzer(), "counseling") == ["counsel"]
    assert languages._CACHES["en"] == {"counseling": "counsel"}
    monkeypatch.setitem(languages._CACHES, "en", {str(i): str(i) for i in range(200_001)})
    assert words(fields.stemming_analyzer(), "housing") == ["hous"]
    assert languages._CACHES["en"] == {"housing": "hous"}


def test_spanish_analysis_folds_before_stemming_and_drops_spanish_stop_words():
    assert words(SPANISH, "Depresión y la DEPRESION de los niños") == [
        "depresion", "depresion", "nin"]
    assert words(SPANISH, "a terapia") == [languages.stem("es", "terapia")] != ["terapia"]


def test_vietnamese_analysis_folds_tone_marks_and_keeps_syllables_and_their_pairs():
    # NFD without the marks, and "đ" (which decomposition leaves whole) as "d"
    assert words(VIETNAMESE, "Trị liệu nhóm cho gia đình") == [
        "tri", "lieu", "nhom", "cho", "gia", "dinh",
        "tri_lieu", "lieu_nhom", "nhom_cho", "cho_gia", "gia_dinh"]
    assert words(VIETNAMESE, "tri lieu nhom") == words(VIETNAMESE, "trị liệu nhóm")
    assert languages.fold("ĐƯA ĐÓN tiếng Việt") == "dua don tieng viet"


def test_analyzers_are_equal_by_language():
    assert fields.stemming_analyzer() == fields.stemming_analyzer()
    assert hash(fields.stemming_analyzer()) == hash(fields.stemming_analyzer())
    assert SPANISH == fields.language_analyzer("es") != fields.stemming_analyzer()
    assert VIETNAMESE != SPANISH


def test_fold():
    assert languages.fold("Café ÑANDÚ") == "cafe nandu"
    assert languages.fold(None) == "" and languages.fold("") == ""


@pytest.mark.parametrize(("text", "code"), [
    ("Terapia para la familia y los niños", "es"),
    ("Therapy for the family and the children", "en"),
    ("Atención", "es"), ("Prevención", "es"), ("Soluciones", "es"), ("¿Qué?", "es"),
    ("Nation", "en"), ("Ayuda", "en"), ("", "en"), (None, "en"),
    ("Ayuda de la casa, the and of it", "en"),  # more English stop words than Spanish
    ("de la del y en los the", "es"),
    ("Ayuda para la casa", "es"),  # Spanish stop words only
    ("la casa the house", "en"),  # as many of each: the main language
    ("Nhóm hỗ trợ cho gia đình", "vi"), ("tiếng Việt", "vi"),
    ("bác sĩ miễn phí", "vi"),  # two Vietnamese letters outweigh the Spanish "si"
    ("nha o cho nguoi vo gia cu", "vi"),  # without tone marks: its stop words
])
def test_a_text_is_recognised_as_the_language_it_reads_as(text, code):
    assert languages.language_of(text) == code


def test_the_languages_table_names_a_field_for_each_language_but_the_main_one():
    assert languages.CODES[:3] == ("en", "es", "vi")
    assert fields.LANGUAGE_FIELDS == {"es": "es", "vi": "vi"}
    assert languages.MAIN.field is None


def test_spelling_dictionaries_know_real_words_of_each_language_and_not_typos():
    assert languages.is_word("sleep") and languages.is_word("group")
    assert languages.is_word("vivienda", ("es",)) and not languages.is_word("vivienda", ("en",))
    assert languages.is_word("nguoi", ("vi",))  # folded, as typed without tone marks
    for typo in ("grop", "anxeity", "methodone", "shleter", "lawer", "imigration"):
        assert not languages.is_word(typo), typo


def test_distinct_words_for_the_spelling_vocabulary():
    assert fields.distinct_words("Café CAFE de 12 counselors, counselors x-ray") == [
        "cafe", "counselors", "ray"]


def test_the_schema_fields():
    built = fields.build_schema()
    assert set(built.names()) == {"id", "name", "organization", "terms", "body", "es", "vi",
                                  "tags", "spell", "fingerprint", "facts"}
    assert isinstance(built["id"], ID) and built["id"].stored and built["id"].unique
    for name in fields.TEXT_FIELDS:
        assert isinstance(built[name], TEXT)
        assert built[name].analyzer == fields.stemming_analyzer()
        assert not built[name].format.supports("positions")
    for code, name in fields.LANGUAGE_FIELDS.items():
        assert built[name].analyzer == fields.language_analyzer(code)
        assert not built[name].format.supports("positions")
    assert isinstance(built["tags"], KEYWORD)
    assert [t.text for t in built["tags"].analyzer("Category:Detox,lang:es")] == [
        "Category:Detox", "lang:es"]
    assert isinstance(built["spell"], KEYWORD) and not built["spell"].scorable
    assert [t.text for t in built["spell"].analyzer("Cafe rent")] == ["Cafe", "rent"]
    assert isinstance(built["fingerprint"], STORED) and isinstance(built["facts"], STORED)
    assert fields.SCORED_FIELDS == (*fields.TEXT_FIELDS, "es", "vi")


@pytest.mark.parametrize("analyzer", [fields.stemming_analyzer(), SPANISH])
def test_two_letter_words_are_kept_and_single_letters_dropped(analyzer):
    assert words(analyzer, "AA x NA") == ["aa", "na"]


@pytest.mark.parametrize("name", [*fields.TEXT_FIELDS, "es"])
def test_a_word_weighs_in_the_index_as_often_as_it_occurs(name):
    field = fields.build_schema()[name]
    indexed = {word: (freq, weight) for word, freq, weight, _ in field.index(
        "terapia terapia counseling counseling counseling aa")}
    assert indexed and all(weight == freq for freq, weight in indexed.values())
    assert sorted(freq for freq, _ in indexed.values()) == [1, 2, 3]
