"""How record text and typed text become index words: folding, stop words, stems, the
Spanish analysis, the spelling vocabulary and the schema's fields (no index needed)."""

import pytest
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT

from directory.search import schema


def words(analyzer, text):
    return [t.text for t in analyzer(text)]


def test_english_analysis_folds_drops_stop_words_and_stems():
    assert words(schema.stemming_analyzer(), "The Counseling for FAMILIES, café a b") == [
        "counsel", "famili", "cafe"]
    assert words(schema.stemming_analyzer(), "Medi-Cal e.g. x") == ["medi", "cal", "e.g"]


def test_english_analysis_is_whooshs_stemming_analyzer_with_folding():
    text = "Running clinics, housing vouchers and tele-health in Cañon City"
    ours = words(schema.stemming_analyzer(), text)
    whoosh = [schema.fold(t.text) for t in StemmingAnalyzer()(schema.fold(text))]
    assert ours == whoosh


def test_english_stems_are_cached_and_the_cache_bounded(monkeypatch):
    monkeypatch.setattr(schema, "_STEMS", {})
    assert words(schema.stemming_analyzer(), "counseling") == ["counsel"]
    assert schema._STEMS == {"counseling": "counsel"}
    monkeypatch.setattr(schema, "_STEMS", {str(i): str(i) for i in range(200_001)})
    assert words(schema.stemming_analyzer(), "housing") == ["hous"]
    assert schema._STEMS == {"housing": "hous"}


def test_spanish_analysis_folds_before_stemming_and_drops_spanish_stop_words():
    analyzer = schema.spanish_analyzer()
    assert words(analyzer, "Depresión y la DEPRESION de los niños") == [
        "depresion", "depresion", "nin"]
    assert words(analyzer, "a terapia") == [schema.spanish_stem("terapia")]


def test_spanish_stems_are_cached_and_the_cache_bounded(monkeypatch):
    monkeypatch.setattr(schema, "_SPANISH_STEMS", {})
    stem = schema.spanish_stem("terapias")
    assert stem == schema._SPANISH("terapias") != "terapias"
    assert schema._SPANISH_STEMS == {"terapias": stem}
    monkeypatch.setattr(schema, "_SPANISH_STEMS", {str(i): str(i) for i in range(100_001)})
    assert schema.spanish_stem("terapias") == stem
    assert schema._SPANISH_STEMS == {"terapias": stem}


def test_analyzers_are_equal_by_kind():
    assert schema.stemming_analyzer() == schema.stemming_analyzer()
    assert hash(schema.stemming_analyzer()) == hash(schema.stemming_analyzer())
    assert schema.spanish_analyzer() == schema.spanish_analyzer()
    assert schema.spanish_analyzer() != schema.stemming_analyzer()


def test_fold():
    assert schema.fold("Café ÑANDÚ") == "cafe nandu"
    assert schema.fold(None) == "" and schema.fold("") == ""


@pytest.mark.parametrize(("text", "spanish"), [
    ("Terapia para la familia y los niños", True),
    ("Therapy for the family and the children", False),
    ("Atención", True), ("Prevención", True), ("Soluciones", True), ("¿Qué?", True),
    ("Nation", False), ("Ayuda", False), ("", False), (None, False),
    ("Ayuda de la casa, the and of it", False),  # more English stop words than Spanish
    ("de la del y en los the", True),
    ("Ayuda para la casa", True),  # Spanish stop words only
    ("la casa the house", False),  # as many of each: not Spanish
])
def test_looks_spanish(text, spanish):
    assert schema.looks_spanish(text) is spanish


def test_distinct_words_for_the_spelling_vocabulary():
    assert schema.distinct_words("Café CAFE de 12 counselors, counselors x-ray") == [
        "cafe", "counselors", "ray"]


def test_the_schema_fields():
    built = schema.build_schema()
    assert set(built.names()) == {"id", "name", "organization", "terms", "body", "es", "tags",
                                  "spell", "fingerprint", "facts"}
    assert isinstance(built["id"], ID) and built["id"].stored and built["id"].unique
    for name in schema.TEXT_FIELDS:
        assert isinstance(built[name], TEXT) and built[name].analyzer == schema.FoldingStemmer()
        assert not built[name].format.supports("positions")
    assert built["es"].analyzer == schema.SpanishFoldingStemmer()
    assert not built["es"].format.supports("positions")
    assert isinstance(built["tags"], KEYWORD)
    assert [t.text for t in built["tags"].analyzer("Category:Detox,lang:es")] == [
        "Category:Detox", "lang:es"]
    assert isinstance(built["spell"], KEYWORD) and not built["spell"].scorable
    assert [t.text for t in built["spell"].analyzer("Cafe rent")] == ["Cafe", "rent"]
    assert isinstance(built["fingerprint"], STORED) and isinstance(built["facts"], STORED)
    assert schema.SCORED_FIELDS == (*schema.TEXT_FIELDS, schema.SPANISH_FIELD)


@pytest.mark.parametrize("analyzer", [schema.stemming_analyzer(), schema.spanish_analyzer()])
def test_two_letter_words_are_kept_and_single_letters_dropped(analyzer):
    assert words(analyzer, "AA x NA") == ["aa", "na"]


@pytest.mark.parametrize("name", [*schema.TEXT_FIELDS, schema.SPANISH_FIELD])
def test_a_word_weighs_in_the_index_as_often_as_it_occurs(name):
    field = schema.build_schema()[name]
    indexed = {word: (freq, weight) for word, freq, weight, _ in field.index(
        "terapia terapia counseling counseling counseling aa")}
    assert indexed and all(weight == freq for freq, weight in indexed.values())
    assert sorted(freq for freq, _ in indexed.values()) == [1, 2, 3]
