"""Every filter narrows the results, and every facet count says how many it would give."""

from datetime import UTC, date, datetime, timedelta

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.results import names, run

pytestmark = pytest.mark.index_answers  # once, on SQLite (conftest.py)

# A Wednesday, 10:30 in Los Angeles (18:30 UTC).
WEDNESDAY_MORNING = datetime(2026, 11, 25, 18, 30, tzinfo=UTC)


@pytest.fixture
def directory(app):
    t = builders.load_taxonomy()
    a = builders.service("Alpha Group", terms=[t["group-therapy-peer-support"], t["medi-cal"],
                                               t["in-person"], t["wheelchair-access"],
                                               t["adults"]],
                         languages=("English", "Spanish"), minimum_age=18)
    a.schedules = [m.Schedule(freq="WEEKLY", byday="MO,WE", opens_at="09:00",
                              closes_at="12:00")]
    b = builders.service("Beta Residential", terms=[t["residential-treatment"], t["free"],
                                                    t["in-person"], t["youth"]],
                         minimum_age=12, maximum_age=17, assured_date=date(2024, 1, 5))
    b.capacities = [m.ServiceCapacity(available=0, maximum=10)]
    c = builders.service("Gamma Video", terms=[t["telehealth"], t["telehealth-video"],
                                               t["sliding-scale"], t["lgbtq"]],
                         virtual=True, languages=("Vietnamese",))
    c.schedules = [m.Schedule(freq="WEEKLY", byday="WE", opens_at="20:00", closes_at="22:00")]
    d = builders.service("Delta Beds", terms=[t["residential-treatment"], t["medi-cal"],
                                              t["in-person"]])
    d.capacities = [m.ServiceCapacity(available=3, maximum=12)]
    db.session.commit()
    return t


def _run(**args):
    from werkzeug.datastructures import MultiDict

    from directory import locate, search

    params, errors = search.parse(MultiDict({k: str(v) for k, v in args.items()}))
    assert not errors
    params.place = locate.resolve(params.near, params.lat, params.lng)
    return search.search(params, now=WEDNESDAY_MORNING)


@pytest.mark.parametrize("args,expected", [
    ({"category": "residential-treatment"}, {"Beta Residential", "Delta Beds"}),
    ({"category": "residential-treatment,telehealth"},
     {"Beta Residential", "Delta Beds", "Gamma Video"}),
    ({"delivery": "telehealth-video"}, {"Gamma Video"}),
    ({"payment": "medi-cal"}, {"Alpha Group", "Delta Beds"}),
    ({"payment": "medi-cal", "category": "residential-treatment"}, {"Delta Beds"}),
    ({"language": "es"}, {"Alpha Group"}),
    ({"language": "Vietnamese"}, {"Gamma Video"}),
    ({"population": "lgbtq"}, {"Gamma Video"}),
    ({"age": 16}, {"Beta Residential", "Gamma Video", "Delta Beds"}),
    ({"age": 30}, {"Alpha Group", "Gamma Video", "Delta Beds"}),
    ({"wheelchair": "true"}, {"Alpha Group"}),
    ({"open_now": "true"}, {"Alpha Group"}),
    ({"accepting": "true"}, {"Alpha Group", "Gamma Video", "Delta Beds"}),
    ({"verified_within_months": 6}, {"Alpha Group", "Gamma Video", "Delta Beds"}),
])
def test_each_filter(directory, args, expected):
    result = _run(per_page=50, **args)
    assert set(names(result)) == expected


def test_facet_counts_match_what_each_filter_would_give(directory):
    everything = _run(per_page=50)
    facets = everything.facets
    assert everything.total == 4
    assert facets["category"]["residential-treatment"] == 2
    assert facets["payment"]["medi-cal"] == 2
    assert facets["language"]["es"] == 1 and facets["language"]["vi"] == 1
    assert facets["open_now"] == 1
    assert facets["accepting"] == 3
    assert facets["wheelchair"] == 1
    assert facets["verified_within_months"]["6"] == 3
    for group in ("category", "payment", "delivery", "population"):
        for code, count in facets[group].items():
            assert _run(per_page=50, **{group: code}).total == count, (group, code)
    narrowed = _run(category="residential-treatment")
    assert narrowed.facets["payment"] == {"free": 1, "medi-cal": 1}


def test_open_now_follows_the_clock(directory):
    evening = WEDNESDAY_MORNING + timedelta(hours=10)  # 20:30 in Los Angeles
    from werkzeug.datastructures import MultiDict

    from directory import search

    params, _ = search.parse(MultiDict({"open_now": "true"}))
    assert set(names(search.search(params, now=evening))) == {"Gamma Video"}


def test_inactive_services_never_appear_and_closed_ones_come_last(directory):
    t = directory
    builders.service("Epsilon Gone", terms=[t["residential-treatment"]], status="inactive")
    builders.service("Zeta Defunct", terms=[t["residential-treatment"]], status="defunct")
    builders.service("Aardvark Paused", terms=[t["residential-treatment"]],
                     status="temporarily closed")
    found = names(run(category="residential-treatment", per_page=50))
    assert "Epsilon Gone" not in found and "Zeta Defunct" not in found
    assert found[-1] == "Aardvark Paused"


def test_pages_keep_the_order(directory):
    first = run(per_page=2, page=1)
    second = run(per_page=2, page=2)
    assert first.total == second.total == 4
    assert len(set(names(first)) | set(names(second))) == 4
    assert first.total_pages == 2


def test_organization_and_taxonomy_term_filters(directory):
    t = directory
    alpha = db.session.scalar(db.select(m.Service).filter_by(name="Alpha Group"))
    assert set(names(_run(organization_id=alpha.organization_id))) == {"Alpha Group"}
    assert set(names(_run(taxonomy_term_id=t["medi-cal"].id, per_page=50))) == {
        "Alpha Group", "Delta Beds"}
    either = _run(taxonomy_term_id=f"{t['lgbtq'].id},{t['youth'].id}", per_page=50)
    assert set(names(either)) == {"Beta Residential", "Gamma Video"}


def test_modified_after(directory):
    assert _run(modified_after="2000-01-01", per_page=50).total == 4
    assert _run(modified_after="2999-01-01", per_page=50).total == 0


def test_an_empty_directory_finds_nothing(app):
    assert run().total == 0 and run(search="counseling", category="detox").hits == []
    assert (run().unknown, run().corrections, run().suggestion) == ([], {}, None)
