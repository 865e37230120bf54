"""A service that lists no language of its own speaks its places' (HSDS puts a language on a
service or a location; a 2-1-1 export lists them on the place): the language filter finds
it, matching counts it for the client's language, and its card and page say the languages,
the page saying where they come from. A service that lists its own keeps them."""

import pytest

from directory import models as m
from directory.extensions import db
from directory.search.service_rows import load_records
from tests.helpers import builders
from tests.helpers.results import match_at_now, names, reasons, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)


@pytest.fixture
def directory(app):
    t = builders.load_taxonomy()
    group = [t["group-therapy-peer-support"], t["in-person"]]
    at_place = builders.service("Tenderloin Family Center", terms=group, languages=())
    at_place.locations[0].languages = [m.Language(name="Vietnamese", code="vi")]
    own = builders.service("Own Words Group", terms=group, languages=("Spanish",))
    own.locations[0].languages = [m.Language(name="Vietnamese", code="vi")]
    builders.service("Silent Group", terms=group, languages=())
    db.session.commit()
    return t


def _codes(languages):
    return [lang.code for lang in languages]


def test_the_places_languages_when_the_record_lists_none_on_models_and_records(directory):
    by_name = {s.name: s for s in db.session.scalars(db.select(m.Service))}
    # a place lists the languages spoken besides English, the records' own
    assert _codes(by_name["Tenderloin Family Center"].spoken_languages) == ["en", "vi"]
    assert _codes(by_name["Own Words Group"].spoken_languages) == ["es"]
    assert by_name["Silent Group"].spoken_languages == []
    records = {r.name: r for r in load_records(db.session, [s.id for s in by_name.values()])}
    for name, service in by_name.items():
        assert _codes(records[name].spoken_languages) == _codes(service.spoken_languages)


def test_the_language_filter_finds_a_service_by_its_places_languages(directory):
    assert names(run(language="vi", per_page=50)) == ["Tenderloin Family Center"]
    assert names(run(language="es", per_page=50)) == ["Own Words Group"]
    assert run(per_page=50).facets["language"]["vi"] == 1


def test_matching_counts_the_places_languages_for_the_client(directory):
    result = match_at_now(categories=["group-therapy-peer-support"], languages=["vi"])
    fits, misfits = reasons(result, "Tenderloin Family Center")
    assert "Vietnamese spoken" in fits and not misfits
    assert names(result)[0] == "Tenderloin Family Center"
    assert "Vietnamese not listed" in reasons(result, "Own Words Group")[1]
    # the place's list names what is spoken besides English: an English speaker fits too
    english = match_at_now(categories=["group-therapy-peer-support"], languages=["en"])
    fits, misfits = reasons(english, "Tenderloin Family Center")
    assert "English spoken" in fits and not misfits


@pytest.mark.parametrize("lang,said,names", [
    ("en", "(spoken at its location)", "English, Vietnamese"),
    ("es", "(se hablan en el lugar)", "Inglés, Vietnamita"),
    ("vi", "(được sử dụng tại địa điểm)", "Tiếng Anh, Tiếng Việt")])
def test_the_page_and_card_say_the_places_languages(client, directory, lang, said, names):
    by_name = {s.name: s.id for s in db.session.scalars(db.select(m.Service))}
    page = client.get(f"/services/{by_name['Tenderloin Family Center']}?lang={lang}")
    assert page.status_code == 200
    assert f"{names} <span class=\"muted\">{said}</span>" in page.get_data(as_text=True)
    for other in ("Own Words Group", "Silent Group"):  # its own languages; none at all
        text = client.get(f"/services/{by_name[other]}?lang={lang}").get_data(as_text=True)
        assert said not in text
    results = client.get(f"/search?language=vi&lang={lang}").get_data(as_text=True)
    assert "Tenderloin Family Center" in results and "Own Words Group" not in results
    assert f"<dd>{names}</dd>" in results  # the card
