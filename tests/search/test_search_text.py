"""Full-text search: the words people type find the right services, misspelled or not."""

import pytest

from directory import search
from directory.search import concepts, textquery, wording
from tests.helpers import builders
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


@pytest.fixture
def directory(app):
    terms = builders.load_taxonomy()
    made = {
        "residential": builders.service(
            "Harbor House", terms=[terms["residential-treatment"]],
            description="A 30-day live-in program with medical withdrawal management."),
        "ride": builders.service(
            "Mercy Wheels", terms=[terms["transportation"]],
            description="Door-to-door trips for clients to medical visits."),
        "video": builders.service(
            "Calm Line", terms=[terms["telehealth"], terms["telehealth-video"]], virtual=True,
            description="Sessions with a licensed clinician from your own home."),
        "peer": builders.service(
            "Tuesday Circle", terms=[terms["group-therapy-peer-support"]],
            description="A 12-step meeting for people in recovery."),
        "counsel": builders.service(
            "Open Door Counseling", terms=[terms["outpatient-counselling"]],
            description="Individual counseling and therapy for anxiety and depression."),
        "childcare": builders.service(
            "Little Steps", terms=[terms["practical-support"]],
            description="Free childcare while parents attend treatment."),
        "food": builders.service(
            "Hope Pantry", terms=[terms["practical-support"]],
            description="Weekly groceries for families."),
        "medi": builders.service(
            "Valley Clinic", terms=[terms["outpatient-counselling"], terms["medi-cal"]],
            description="Psychiatry appointments."),
        "cafe": builders.service(
            "Café Esperanza", terms=[terms["family-education-support"]],
            description="Classes for families of people in recovery."),
    }
    return made


@pytest.mark.parametrize("typed,expected", [
    ("rehab", "Harbor House"), ("detox", "Harbor House"), ("sober living", "Harbor House"),
    ("ride", "Mercy Wheels"), ("bus", "Mercy Wheels"), ("rides", "Mercy Wheels"),
    ("transportation", "Mercy Wheels"), ("get to my appointment", "Mercy Wheels"),
    ("online", "Calm Line"), ("virtual", "Calm Line"), ("video", "Calm Line"),
    ("zoom", "Calm Line"), ("AA", "Tuesday Circle"), ("NA", "Tuesday Circle"),
    ("12-step", "Tuesday Circle"), ("support group", "Tuesday Circle"),
    ("counselling", "Open Door Counseling"), ("therapy", "Open Door Counseling"),
    ("daycare", "Little Steps"), ("childcare", "Little Steps"),
    ("food", "Hope Pantry"), ("pantry", "Hope Pantry"), ("groceries", "Hope Pantry"),
    ("Medicaid", "Valley Clinic"), ("Medi-Cal", "Valley Clinic"),
])
def test_synonyms_find_what_people_mean(directory, typed, expected):
    found = names(run(search=typed))
    assert found and found[0] == expected, (typed, found)


def test_a_spanish_stop_word_finds_no_name_through_the_english_fields(directory):
    # "de" is no English word, and no need: it once led with every Spanish name
    builders.service("Casa de la Esperanza", description="A weekly peer group.")
    assert names(run(search="ataques de pánico"))[0] == "Open Door Counseling"
    assert "Casa de la Esperanza" not in names(run(search="ataques de pánico"))
    assert wording.without_foreign_stops("ataques de pánico") == "ataques panico"
    # English keeps its words, "son" among them (a Spanish stop word)
    assert wording.without_foreign_stops("my son is using") == "my son is using"


@pytest.mark.parametrize("typed", ["depression", "feeling down", "depresión"])
def test_depression_reaches_counselling_that_never_names_it_below_every_record_that_does(
        directory, typed):
    # someone low looks for a counsellor: the clinic that says nothing of depression is
    # found through the related category, below every record that says the word
    builders.service("Mood Circle", terms=[builders.load_taxonomy()["group-therapy-peer-support"]],
                     description="A peer group for people living with depression.")
    found = names(run(search=typed))
    assert set(found[:2]) == {"Open Door Counseling", "Mood Circle"}
    assert found[2] == "Valley Clinic"


@pytest.mark.parametrize("typed,expected,corrected", [
    ("theraphy", "Open Door Counseling", "therapy"),
    ("councelling", "Open Door Counseling", "counselling"),
    ("transportaion", "Mercy Wheels", "transportation"),
    ("chilcare", "Little Steps", "childcare"),
])
def test_misspellings_still_find_results(directory, typed, expected, corrected):
    result = run(search=typed)
    assert expected in names(result)
    assert result.suggestion and corrected[:6] in result.suggestion.lower()


def test_accents_fold_and_words_stem(directory):
    assert names(run(search="cafe esperanza"))[0] == "Café Esperanza"
    assert "Café Esperanza" in names(run(search="classes family"))


def test_a_query_that_finds_nothing_offers_a_suggestion(directory):
    result = run(search="xqzvvw")
    assert result.total == 0 and result.hits == []
    nothing_close = run(search="harbr hose")
    assert names(nothing_close) == ["Harbor House"]
    # "hose" is a word: it stays as typed, and the corrected name still finds the house
    assert nothing_close.suggestion == "harbor hose"


@pytest.mark.parametrize("text,expected", [
    ("harbor AND (", ["Harbor House"]), ('"harbor house', ["Harbor House"]),
    ("title:[a TO line", ["Calm Line"]), ("calm*", ["Calm Line"]),
    ("name:foo OR", []), ('"unclosed', []), ("title:[a TO", []),
])
def test_query_syntax_is_just_words(directory, text, expected):
    """Operators, quotes, fields and ranges are read as the words they hold."""
    result = run(search=text)
    assert names(result) == expected and result.total == len(expected)


@pytest.mark.parametrize("text", ["AND (", "*", "( ) :"])
def test_a_query_of_no_words_lists_every_service(directory, text):
    assert run(search=text).total == len(directory) == run().total


def test_concept_table_is_data_with_every_tag_pointing_at_a_real_term(app):
    terms = builders.load_taxonomy()
    for concept in concepts.concepts():
        for tag in concept.tags:
            kind, _, code = tag.partition(":")
            assert code in terms and terms[code].group == kind, (concept.id, tag)
        assert concept.triggers("en") and concept.triggers("es"), concept.id
    found = [f.concept.tags[0] for f in concepts.find("I need rehab and a ride")]
    assert found == ["category:residential-treatment", "category:transportation"]


def test_a_word_of_the_other_language_does_not_trigger_a_need(directory):
    # "van" is Spanish for "they go": "ellos van al grupo" is not a ride
    assert [f.concept.id for f in concepts.find("ellos van al grupo")] == []


def test_a_term_reached_twice_keeps_its_larger_weight_and_expansions_count_below_typed(
        directory):
    reader = search.store().snapshot()[0].reader()
    typed = {}
    textquery._literal(typed, reader, "counseling", 1.0)
    assert {field for field, _ in typed} >= {"name", "body"}
    for first, then in ((1.0, True), (0.5, False)), ((0.5, False), (1.0, True)):
        weights = {}
        textquery._literal(weights, reader, "counseling", first[0], boosted=first[1])
        textquery._literal(weights, reader, "counseling", then[0], boosted=then[1])
        assert weights == typed
    expanded = {}
    textquery._literal(expanded, reader, "counseling", 0.5, boosted=False)
    # in a service's name as in its description, never with a name's boost; little in
    # its organization's and places' names (they name the agency of many services)
    assert expanded[("name", "counsel")] == expanded[("body", "counsel")]
    assert expanded[("organization", "counsel")] < expanded[("body", "counsel")]
    assert all(weight < typed[key] for key, weight in expanded.items())


def test_a_service_known_by_its_name_alone_is_found_by_the_words_records_use_for_the_need(
        app):
    # "soup kitchen" asks for meals, which records call a "dining room". The dining room's
    # record is its name alone (many 2-1-1 records are); the drop-in centre's
    # short description mentions a lunch and a dinner
    builders.service("Saint Jude Dining Room")
    builders.service("Neighborhood Drop-In Center", description=(
        "Showers, a lunch and a dinner."))
    assert names(run(search="soup kitchen"))[0] == "Saint Jude Dining Room"


def _query(text, correct=True):
    return textquery.build(search.store().snapshot()[0], text, correct)


def test_a_query_says_which_languages_it_is_in_or_names(directory):
    assert _query("rehab").languages == set()
    assert _query("desintoxicación").languages == {"es"}  # a need said in Spanish
    assert _query("counseling in Vietnamese").languages == {"vi"}


def test_a_need_said_twice_is_reached_once_and_the_needs_after_it_still_count(directory):
    once = _query("ride therapy").concepts
    assert len(once) == 2 and _query("ride, ride, therapy").concepts == once


def test_the_needs_a_query_names_are_its_concepts_and_its_other_words(directory):
    def needs(text):
        return [{term for _, term, _ in need} for need in _query(text).needs]

    assert len(needs("help paying rent")) == 1  # one concept: rent help
    assert len(needs("ride ride therapy")) == 2  # a concept said twice is one need
    counseling, vietnamese = needs("counseling in Vietnamese")
    assert "counsel" in counseling and "lang:vi" in vietnamese  # a language named: its code
    assert needs("help") == [] and needs("the") == []  # words that name no need
    assert needs("zq counseling") == needs("counseling")  # nor a word the index lacks


def test_a_score_counts_the_share_of_the_needs_met_up_to_a_long_note(directory):
    from directory.search import scoring
    searcher, facts = search.store().snapshot()
    text = _query("ride therapy")
    everything = scoring.Scope(facts.size)
    met = scoring.coordination(searcher, facts, text.needs, everything)
    assert set(met.round(3)) <= {0.0, round(0.5 ** scoring.COORDINATION, 3), 1.0}
    assert 0.0 < met.max() <= 1.0
    many = [text.needs[0]] * (scoring.MOST_COORDINATED + 1)
    assert (scoring.coordination(searcher, facts, many, everything) == 1.0).all()
    assert (scoring.coordination(searcher, facts, text.needs[:1], everything) == 1.0).all()


def test_short_words_that_match_nothing_find_nothing_rather_than_everything(directory):
    assert _query("zq").parts == [] and run(search="zq").total == 0
    assert _query("the").parts is None  # only stop words: no text constraint


def test_a_spanish_word_typed_counts_more_than_its_translation(directory):
    builders.service("Casa Renta", alternate_name="Ayuda con la renta",
                     description="Paga un mes de renta.")
    reader = search.store().snapshot()[0].reader()
    typed, translated = {}, {}
    textquery._literal(typed, reader, "renta", 1.0)
    textquery._literal(translated, reader, "renta", textquery.TRANSLATION_WEIGHT)
    assert translated[("es", "rent")] < typed[("es", "rent")]


def test_services_for_groups_not_asked_for_rank_below_one_open_to_all(app):
    from directory.populations import OLDER_MIN_AGE, YOUTH_MAX_AGE

    builders.service("Counseling Alpha", maximum_age=YOUTH_MAX_AGE, description="Counseling.")
    builders.service("Counseling Gamma", minimum_age=OLDER_MIN_AGE, description="Counseling.")
    builders.service("Counseling Omega", description="Counseling.")
    found = names(run(search="counseling"))
    assert found[0] == "Counseling Omega" and len(found) == 3


def test_every_part_of_a_record_is_searched_word_by_word(app):
    builders.service("Quiet Harbor", alternate_name="Puerto Tranquilo",
                     description="Beds tonight", eligibility_description="Adults only",
                     fees_description="Sliding fees", city="Tustin")
    for word in ("harbor", "puerto", "tranquilo", "tonight", "adults", "sliding", "tustin"):
        assert names(run(search=word)) == ["Quiet Harbor"], word

