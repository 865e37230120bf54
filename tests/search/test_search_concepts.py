"""The concept vocabulary (directory/search/concepts.json): every concept is reached from
its words in every language the search reads (English, Spanish, Vietnamese) and points at
real codes; a Spanish or Vietnamese need reaches the services an English one does; a match
through an expansion stays below the word typed."""

import json
from pathlib import Path

import pytest

from directory.search import concepts, languages
from directory.search.languages import fold
from tests.helpers import builders
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)

TABLE = concepts.concepts()


@pytest.fixture(autouse=True, scope="module")
def _cold_tables():
    """Read the table and build the scanner afresh for this module: a warm cache from
    an earlier module would hide a broken loader or scanner (mutation runs fork warm)."""
    for cached in (concepts.concepts, concepts._scanner, concepts.vocabulary,
                   concepts._word_set):
        cached.cache_clear()


AROUND = {"en": "I need {} please", "es": "necesito {} por favor", "vi": "tôi cần {} ạ"}


@pytest.mark.parametrize("concept", TABLE, ids=[c.id for c in TABLE])
def test_each_concept_is_reached_in_every_language_of_the_search(concept):
    for language in languages.CODES:
        assert concept.triggers(language), (concept.id, language)
        for phrase in concept.triggers(language):
            found = concepts.find(AROUND[language].format(phrase))
            assert [f.concept.id for f in found] == [concept.id], (language, phrase, found)
            if language == "vi":  # typed without tone marks, the same need
                found = concepts.find(fold(phrase))
                assert [f.concept.id for f in found] == [concept.id], (phrase, found)
    assert all(len(word) > 1 for word in concept.expand)


@pytest.mark.parametrize("concept", [c for c in TABLE if c.tags or c.related],
                         ids=lambda c: c.id)
def test_each_tag_names_a_term_of_the_project_taxonomy(concept):
    taxonomy = json.loads(Path("seeds/taxonomy.json").read_text(encoding="utf-8"))
    groups = {t["id"]: t["code"] for t in taxonomy["terms"]}
    known = {f"{groups.get(t['parent_id'])}:{t['code']}" for t in taxonomy["terms"]}
    assert set(concept.tags) | set(concept.related) <= known, concept
    assert not set(concept.tags) & set(concept.related), concept  # one or the other


def test_accents_and_case_do_not_change_what_is_found():
    for typed in ("DESINTOXICACIÓN", "desintoxicacion", "Desintoxicación"):
        assert [f.concept.id for f in concepts.find(typed)] == ["detox"]
    assert fold("Línea de Crisis") == "linea de crisis"


def test_a_phrase_in_two_concepts_is_refused(tmp_path):
    table = tmp_path / "concepts.json"
    table.write_text(json.dumps({"concepts": [
        {"id": "a", "en": ["ride"], "es": ["raite"]},
        {"id": "b", "en": ["rides"], "es": ["Raite"]}]}), encoding="utf-8")
    with pytest.raises(concepts.VocabularyError, match="raite"):
        concepts.load(table)


def test_the_longest_phrase_wins_and_words_are_whole():
    found = [f.concept.id for f in concepts.find("group therapy for my anxiety")]
    assert found == ["group-therapy", "anxiety"]
    assert concepts.find("caravan") == []  # "van" inside a word is not a ride


def test_a_word_typed_outranks_the_same_need_reached_through_an_expansion(app):
    terms = builders.load_taxonomy()
    builders.service("Panic Recovery Circle", terms=[terms["group-therapy-peer-support"]],
                     description="A weekly circle for people living with panic.")
    builders.service("Calm Minds Clinic", terms=[terms["outpatient-counselling"]],
                     description="Counselling for anxiety and worry.")
    assert names(run(search="anxiety"))[0] == "Calm Minds Clinic"
    assert names(run(search="panic"))[0] == "Panic Recovery Circle"
    assert set(names(run(search="panic"))) == {"Panic Recovery Circle", "Calm Minds Clinic"}


def test_a_spanish_need_reaches_the_services_an_english_one_does(app):
    terms = builders.load_taxonomy()
    builders.service("Harbor Detox", terms=[terms["residential-treatment"]],
                     description="Medically supervised withdrawal management.")
    builders.service("Ride Share for Recovery", terms=[terms["transportation"]],
                     description="Free rides to appointments.")
    builders.service("Tuesday Pantry", terms=[terms["practical-support"]],
                     description="Groceries every Tuesday.")
    for english, spanish in (("detox", "desintoxicación"), ("ride", "raite"),
                             ("food pantry", "despensa de comida")):
        assert names(run(search=english)) == names(run(search=spanish)), (english, spanish)


def _table(tmp_path, *rows):
    table = tmp_path / "concepts.json"
    table.write_text(json.dumps({"concepts": list(rows)}), encoding="utf-8")
    return table


def test_a_table_row_is_read_whole_with_its_defaults(tmp_path):
    full = {"id": "ride", "group": "transport", "tags": ["category:transportation"],
            "en": ["ride", "lift"], "es": ["raite"], "expand": ["transportation"],
            "audience": ["veterans"], "related": ["category:medical-transport"]}
    bare = {"id": "food", "en": ["food"], "es": ["comida", "Food"]}
    assert concepts.load(_table(tmp_path, full, bare)) == (
        concepts.Concept("ride", "transport", ("category:transportation",),
                         (("en", ("ride", "lift")), ("es", ("raite",))), ("transportation",),
                         ("veterans",), ("category:medical-transport",)),
        concepts.Concept("food", "", (), (("en", ("food",)), ("es", ("comida", "Food"))), ()))
    assert concepts.load(_table(tmp_path, full))[0].head("es") == "raite"
    assert concepts.load(_table(tmp_path, full))[0].head("en") == "ride"
    assert concepts.load(_table(tmp_path, full))[0].head("vi") is None


@pytest.mark.parametrize(("rows", "message"), [
    ([{"id": "a", "en": ["x"], "es": ["y"]}, {"id": "a", "en": ["z"], "es": ["w"]}],
     "concept 'a' is defined twice"),
    ([{"id": "a", "en": [], "es": ["y"]}],
     "concept 'a' needs triggers in 'en', the main language"),
    ([{"id": "a", "es": ["y"], "vi": ["z"]}],
     "concept 'a' needs triggers in 'en', the main language"),
    ([{"id": "a", "en": ["Ride "], "es": ["y"]}, {"id": "b", "en": ["ride"], "es": ["w"]}],
     "'ride' triggers both 'a' and 'b'"),
])
def test_a_table_that_cannot_be_used_is_refused_saying_why(tmp_path, rows, message):
    with pytest.raises(concepts.VocabularyError) as refused:
        concepts.load(_table(tmp_path, *rows))
    assert str(refused.value) == message


def test_the_package_table_is_the_default():
    assert concepts.load() == concepts.load(concepts.TABLE) == TABLE


@pytest.mark.parametrize(("phrase", "variants"), [
    ("juntas de recuperacion", {"junta de recuperacion", "juntas de recuperacions",
                                "juntas de recuperaciones"}),
    ("crisis lines", {"crisi lines", "crisis line"}),
    ("food bank", {"foods bank", "foodes bank", "food banks", "food bankes"}),
    ("classes de ayuda", {"class de ayuda", "classe de ayuda", "classes de ayudas",
                          "classes de ayudaes"}),
    ("clases de ayuda", {"clas de ayuda", "clase de ayuda", "clases de ayudas",
                         "clases de ayudaes"}),
    ("rides 4u", {"ride 4u"}), ("ride", set()), ("", set()),
])
def test_number_variants_of_a_phrase(phrase, variants):
    assert concepts._number_variants(phrase) == variants


def test_a_phrase_is_also_found_in_the_other_number():
    assert [f.concept.id for f in concepts.find("a crisis lines number")] == ["crisis-line"]


@pytest.mark.parametrize(("phrase", "variants"), [
    ("sleeping in my car", {f"sleeping in {d} car" for d in ("her", "his", "their", "our",
                                                              "your", "a", "the")}
     | {"sleeping in car"}),
    ("my son", {f"{d} son" for d in ("her", "his", "their", "our", "your", "a", "the")}),
])
def test_determiner_variants_of_an_english_phrase(phrase, variants):
    assert concepts._determiner_variants(phrase, ("en",)) == variants


@pytest.mark.parametrize(("phrase", "variants"), [
    ("cuido a mi mamá", {"cuido a su mamá", "cuido a tu mamá"}),  # "a" is no article here
    ("con mis hijos", {"con sus hijos", "con tus hijos"}), ("el medical", set()),
])
def test_determiner_variants_of_a_spanish_phrase(phrase, variants):
    assert concepts._determiner_variants(phrase, ("es",)) == variants


def test_a_coordinator_s_note_is_read_whatever_its_determiners():
    # notes speak of the client in the third person and drop articles
    assert [f.concept.id for f in concepts.find("Sleeping in car.")] == ["homeless"]
    assert [f.concept.id for f in concepts.find("Worried about her son")] == ["parent-of-teen"]
    assert [f.concept.id for f in concepts.find("la medical")] == ["medi-cal"]
    # a phrase never shrinks to one word: "medical" alone is not Medi-Cal
    assert "medi-cal" not in [f.concept.id for f in concepts.find("medical")]


@pytest.mark.parametrize("typed", ["mental health crisis", "crisis de salud mental"])
def test_a_mental_health_crisis_is_one_need_not_counselling_and_a_crisis(typed):
    # as two needs, an outpatient clinic met both and led the walk-in crisis services
    assert [f.concept.id for f in concepts.find(typed)] == ["crisis"]


def test_marks_typed_must_agree_with_the_phrase_s_and_marks_left_out_may_be_any():
    assert [f.concept.id for f in concepts.find("tôi cần cuộc gọi")] == ["phone-support"]
    assert [f.concept.id for f in concepts.find("thẻ căn cước")] == ["id-documents"]
    assert [f.concept.id for f in concepts.find("the can cuoc")] == ["id-documents"]


def test_found_triggers_say_where_and_in_which_language():
    text = "I need a ride, necesito despensa de comida, zoom"
    found = concepts.find(text)
    assert [(f.concept.id, set(f.languages), text[f.start:f.end]) for f in found] == [
        ("rides", {"en"}, "need a ride"), ("food-pantry", {"es"}, "despensa de comida"),
        ("telehealth", {"en", "es", "vi"}, "zoom")]
    assert [f.concept.id for f in concepts.find("necesito raite al doctor")] == [
        "medical-transport"]


@pytest.mark.parametrize("typed", ["shelter tonight", "a place to sleep tonight",
                                   "albergue para dormir esta noche", "chỗ ngủ tối nay"])
def test_a_shelter_tonight_is_one_need_not_a_shelter_and_walk_in_hours(typed):
    # as two needs, "tonight" asked for walk-in and drop-in hours, and a drop-in centre
    # with a men's programme met both before the shelters whose records say "emergency"
    assert {f.concept.id for f in concepts.find(typed)} == {"shelter"}
