"""The words that only qualify a need's phrase (search/qualifiers.py): "social" in "social
anxiety" counts for a service in full only beside another word of the phrase or the need
itself; a word that names a need on its own ("ride", "detox") always counts."""

import pytest

from tests.helpers import builders
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


def test_a_name_sharing_one_word_of_the_phrase_is_not_the_need(app):
    builders.service("Social-Model Detox", description="A supportive non-hospital detox.")
    builders.service("Online Meeting", virtual=True,
                     description="An evening meeting by video. Suits people with social "
                                 "anxiety: cameras may stay off.")
    builders.service("Worry Group", description="A group for anxiety and panic.")
    found = names(run(search="social anxiety"))
    # the phrase and the need come first; the one word alone is related, last
    assert set(found[:2]) == {"Online Meeting", "Worry Group"}
    assert found[2:] == ["Social-Model Detox"]
    # the word alone is still searched as typed
    assert "Social-Model Detox" in names(run(search="social"))


def test_a_word_that_names_a_need_of_its_own_always_counts(app):
    builders.service("Discharge Rides Home", description="A ride home when you leave detox.")
    builders.service("Rides to Treatment", description="Rides to appointments.")
    builders.service("Social-Model Detox", description="A supportive non-hospital detox.")
    builders.service("Home Care Agency", description="Aides who come to your home.")
    result = run(search="ride home from detox")
    scores = {name: hit.score for name, hit in zip(names(result), result.hits, strict=True)}
    assert names(result)[0] == "Discharge Rides Home"
    # "ride" and "detox" name needs of their own: in full; "home" only qualifies the phrase
    assert min(scores["Rides to Treatment"], scores["Social-Model Detox"]) > \
        3 * scores["Home Care Agency"]
