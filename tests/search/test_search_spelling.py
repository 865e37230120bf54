"""Spelling that never hides what was typed: corrections only into the directory's words,
never replacing a word it knows, always said on the page with a way back to the words as
typed, and a word nobody mentions named rather than dropped."""

import pytest

from directory.search.languages import fold
from tests.helpers import builders
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


def _edits(a, b):
    """Return the Levenshtein distance between two words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@pytest.fixture
def directory(app):
    terms = builders.load_taxonomy()
    builders.service("Open Door Counseling", terms=[terms["outpatient-counselling"]],
                     description="Individual therapy at home or in the office.")
    builders.service("Casa Renta Help", terms=[terms["financial-assistance"]],
                     alternate_name="Ayuda con la renta",
                     description="Pays a month of rent for families in recovery.")
    builders.service("Mercy Wheels", terms=[terms["transportation"]],
                     description="Door-to-door rides to medical visits.")


def test_a_word_nobody_mentions_is_named_not_replaced_by_a_distant_lookalike(directory):
    result = run(search="horse therapy")
    # "home" is two edits away, too far for five letters; what a change there is is said
    assert "home" not in (result.suggestion or "")
    assert all(_edits(wrong, right) <= 1 for wrong, right in result.corrections.items())
    assert bool(result.corrections) == (result.suggestion is not None)
    typed = run(search="horse therapy", as_typed="1")
    assert typed.corrections == {} and typed.unknown == ["horse"]
    assert names(typed) == ["Open Door Counseling"]
    assert run(search="qwxyz therapy").unknown == ["qwxyz"]


def test_words_of_the_vocabulary_are_never_corrected_in_either_language(directory):
    result = run(search="ayuda con renta")
    assert result.corrections == {} and result.suggestion is None  # never "ayuda van rent"
    assert names(result)[0] == "Casa Renta Help"
    assert run(search="raite").corrections == {}  # a concept's word, not "rate"


def test_a_close_misspelling_is_corrected_into_the_directory_s_words(directory):
    result = run(search="theraphy")
    assert result.corrections == {"theraphy": "therapy"}
    assert result.suggestion == "therapy"
    assert names(result) == ["Open Door Counseling"]


def test_searching_as_typed_changes_no_word(directory):
    result = run(search="theraphy", as_typed="1")
    assert result.corrections == {} and result.suggestion is None
    assert result.unknown == ["theraphy"] and result.total == 0


def test_a_word_with_nothing_close_finds_nothing_and_says_which_word(directory):
    result = run(search="zzqxv")
    assert result.total == 0 and result.unknown == ["zzqxv"]
    assert run(search="zzz").unknown == ["zzz"]  # too short to correct, still named


def test_the_page_says_what_it_searched_and_links_to_the_words_as_typed(directory, client):
    page = client.get("/search?q=theraphy").get_data(as_text=True)
    assert "Showing results for" in page and "<strong>therapy</strong>" in page
    assert "Search instead for “theraphy”" in page
    assert "as_typed=1" in page
    typed = client.get("/search?q=theraphy&as_typed=1").get_data(as_text=True)
    assert "Showing results for" not in typed
    assert "No service mentions the word “theraphy”." in typed
    nobody = client.get("/search?q=qwxyz+therapy").get_data(as_text=True)
    assert "No service mentions the word “qwxyz”." in nobody
    assert "Open Door Counseling" in nobody


def test_a_pasted_paragraph_is_not_corrected_word_by_word(directory):
    text = " ".join(f"therapyx{n}" for n in range(12)) + " theraphy"
    result = run(search=text[:300])
    assert len(result.corrections) <= 8
    assert "theraphy" in result.unknown  # the ninth word and on: named, not searched for


def test_a_correction_that_finds_nothing_is_still_said_with_the_way_back(directory, client):
    page = client.get("/search?q=theraphy&category=housing").get_data(as_text=True)
    assert "Showing results for" in page and "Search instead for “theraphy”" in page
    assert "Did you mean" not in page


@pytest.mark.parametrize("prefix", ["name", "title", "description", "body", "tags"])
def test_a_field_prefix_is_never_corrected(directory, prefix):
    """`name:harbor` is a field and a word: the field is never "corrected" into "same"."""
    result = run(search=f"{prefix}:therapy")
    assert result.corrections == {} and result.suggestion is None
    assert prefix not in result.unknown
    assert names(result) == ["Open Door Counseling"]
    misspelled = run(search=f"{prefix}:theraphy")
    assert misspelled.corrections == {"theraphy": "therapy"}
    assert misspelled.suggestion == f"{prefix}:therapy"


def test_a_correction_keeps_the_rest_as_typed_and_only_folds_when_it_must(directory):
    assert run(search="Open Theraphy").suggestion == "Open therapy"
    # "İ" lower-cases into two characters: the words are then given folded
    assert run(search="İstanbul theraphy").suggestion == fold("İstanbul") + " therapy"


def test_words_the_index_or_the_concept_table_knows_are_neither_corrected_nor_unknown(
        directory):
    for text in ("pays", "tratamiento", "raite", "crisis lines", "therapy with your home",
                 "ayuda para la renta"):
        result = run(search=text)
        assert result.corrections == {} and result.unknown == [], text


def test_the_edits_allowed_grow_with_the_word(directory):
    assert run(search="theraapyy").corrections == {"theraapyy": "therapy"}  # two, 9 letters
    assert run(search="wheelz").corrections == {"wheelz": "wheels"}  # one, 6 letters
    six = run(search="whelez").corrections  # six letters: two edits allowed
    assert list(six) == ["whelez"] and _edits("whelez", six["whelez"]) == 2


def test_short_words_and_words_with_digits_are_not_checked(directory):
    for text in ("zq therapy", "x12 therapy"):
        result = run(search=text)
        assert result.unknown == [] and result.corrections == {}, text


def test_a_known_word_does_not_stop_the_check_of_the_words_after_it(directory):
    assert run(search="tratamiento qwxyz").unknown == ["qwxyz"]


def test_only_the_first_eight_words_are_corrected(directory):
    assert run(search="a b c d e f g theraphy").corrections == {"theraphy": "therapy"}
    ninth = run(search="a b c d e f g h theraphy")
    assert ninth.corrections == {} and ninth.unknown == ["theraphy"]


def test_words_up_to_twenty_letters_are_corrected(directory):
    builders.service("Psychopharmacologist Referrals")  # twenty letters
    assert run(search="psychopharmacologust").corrections == {
        "psychopharmacologust": "psychopharmacologist"}
    longer = run(search="psychopharmacologistt")  # twenty-one: named, not corrected
    assert longer.corrections == {} and longer.unknown == ["psychopharmacologistt"]


def test_a_misspelled_word_of_a_name_is_corrected_into_it(directory):
    assert run(search="mercyy").corrections == {"mercyy": "mercy"}  # no concept says "mercy"
