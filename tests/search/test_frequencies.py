"""The document frequencies a text query asks for, remembered per index version
(search/frequencies.py): the same answers as the index's, a new index version asks again,
and a flood of made-up words cannot grow the memory past its bound."""

import pytest

from directory import search
from directory.search import frequencies
from directory.search.fields import TEXT_FIELDS
from tests.helpers import builders
from tests.helpers.results import found

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


def test_remembered_answers_are_the_index_s(seeded_app):
    with seeded_app.app_context():
        searcher, _ = search.store().snapshot()
        remembering = frequencies.RememberingSearcher(searcher, {})
        words = ["group", "therapi", "detox", "housing", "nosuchword", "counsel"]
        for _ in range(2):  # asked, then remembered
            for name in TEXT_FIELDS:
                for word in words:
                    assert remembering.reader().doc_frequency(name, word) == \
                        searcher.reader().doc_frequency(name, word), (name, word)
        assert any(remembering.doc_frequency(name, "group") for name in TEXT_FIELDS)
        assert ("spell", "group") in remembering


def test_a_new_word_is_found_once_the_index_holds_it(app):
    terms = builders.load_taxonomy()
    builders.service("Harbor Counselling", terms=[terms["outpatient-counselling"]])
    assert found("kayaking") == set()  # asked and remembered as unknown
    kayak = builders.service("Kayaking Peer Group", terms=[terms["outpatient-counselling"]])
    assert found("kayaking") == {kayak.id}


def test_the_memory_is_bounded(seeded_app, monkeypatch):
    monkeypatch.setattr(frequencies, "MAX_REMEMBERED", 10)
    with seeded_app.app_context():
        searcher, _ = search.store().snapshot()
        memo = {}
        remembering = frequencies.RememberingSearcher(searcher, memo)
        for number in range(25):
            remembering.doc_frequency("name", f"made{number}")
        assert 0 < len(memo["doc frequencies"]) <= 10


def test_a_text_query_is_built_once_per_index_version_and_reading(seeded_app, monkeypatch):
    from directory.search.textquery import build

    built = []

    def counting(*args, **kwargs):
        built.append(args[1:])
        return build(*args, **kwargs)

    with seeded_app.app_context():
        searcher, _ = search.store().snapshot()
        memo = {}
        first = frequencies.text_query(counting, searcher, memo, "grop therapy", True, ["en"])
        assert frequencies.text_query(counting, searcher, memo, "grop therapy", True,
                                      ["en"]) is first
        assert first.corrections == {"grop": "group"}
        as_typed = frequencies.text_query(counting, searcher, memo, "grop therapy", False, ["en"])
        assert as_typed.corrections == {} and as_typed.unknown == ["grop"]
        frequencies.text_query(counting, searcher, memo, "grop therapy", True, ["es"])
        assert len(built) == 3
        monkeypatch.setattr(frequencies, "MAX_QUERIES", 4)
        for number in range(9):
            frequencies.text_query(counting, searcher, memo, f"made{number}", True, ["en"])
        assert 0 < len(memo["text queries"]) <= 4


def test_a_result_s_corrections_and_unknown_words_are_its_own(seeded_app):
    """The query is kept for the next search: what a caller does with one result's
    corrections and unknown words cannot reach the next result."""
    from directory.search import SearchParams

    with seeded_app.app_context():
        first = search.search(SearchParams(text="grop therapy zzqxv"))
        assert first.corrections == {"grop": "group"} and first.unknown == ["zzqxv"]
        first.corrections.clear()
        first.unknown.append("changed")
        again = search.search(SearchParams(text="grop therapy zzqxv"))
        assert again.corrections == {"grop": "group"} and again.unknown == ["zzqxv"]
