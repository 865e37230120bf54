"""/api/services answers a page from the HSDS objects each worker keeps for the current data
(api/services.py, kept.py): the same answer as read from the database, a change in the
next answer, and no more objects kept than API_SERVICES_KEPT allows."""

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.apps import make_app

SEARCHES = [
    "/api/services?search=counseling&near=92630",
    "/api/services?search=counseling&near=92630&full=true",
    "/api/services?search=group&per_page=5&page=2",
    "/api/services?near=92701&minimal=true",
    "/api/services?category=group-therapy-peer-support&language=es&full=true",
]


@pytest.fixture(scope="module")
def unkept(seeded_app):
    """A second app on the sample's database and index that keeps nothing."""
    other = make_app(seeded_app.config["SQLALCHEMY_DATABASE_URI"],
                     seeded_app.config["SEARCH_INDEX_DIR"], API_SERVICES_KEPT=0)
    yield other
    with other.app_context():
        db.engine.dispose()


def test_a_kept_page_is_the_page_read_from_the_database(seeded_app, unkept):
    kept, fresh = seeded_app.test_client(), unkept.test_client()
    for path in SEARCHES:
        first, again, read = (kept.get(path), kept.get(path), fresh.get(path))
        assert first.status_code == again.status_code == read.status_code == 200, path
        assert first.get_json()["contents"], path
        assert again.get_data() == first.get_data() == read.get_data(), path
    assert 0 < len(seeded_app.extensions["api_services"].values) <= 2000
    assert not unkept.extensions["api_services"].values


def test_an_edit_is_in_the_next_page_and_the_setting_bounds_what_is_kept(app):
    builders.load_taxonomy()
    services = [builders.service(f"Harbor Group {n}") for n in range(4)]
    app.config["API_SERVICES_KEPT"] = 3
    client = app.test_client()
    names = sorted(s["name"] for s in client.get("/api/services?per_page=4").get_json()[
        "contents"])
    assert names == [f"Harbor Group {n}" for n in range(4)]
    assert len(app.extensions["api_services"].values) == 3
    db.session.get(m.Service, services[0].id).name = "Harbor Peer Group"
    db.session.commit()
    names = {s["name"] for s in client.get("/api/services?per_page=4").get_json()["contents"]}
    assert "Harbor Peer Group" in names and "Harbor Group 0" not in names
