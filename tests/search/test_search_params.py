"""Search parameters read from a query string: each bound, default and alias, and a message
that names what to fix (no index, no database: these rules are the parser's own)."""

import time
from datetime import datetime

import pytest
from werkzeug.datastructures import MultiDict

from directory.search import params as p


def parse(allowed_terms=None, **args):
    return p.parse(MultiDict(args), allowed_terms)


def test_nothing_given_is_the_defaults_and_no_filter():
    params, errors = parse()
    assert errors == {}
    assert params == p.SearchParams(terms={group: [] for group in p.GROUP_PARAMS.values()})
    assert (params.radius, params.unit, params.sort, params.page, params.per_page) == (
        25.0, "mi", "relevance", 1, 20)
    assert not params.has_filters


def test_text_from_search_or_q_with_spaces_collapsed_and_a_length_bound():
    assert parse(search="  needle \t exchange ")[0].text == "needle exchange"
    assert parse(q="detox")[0].text == "detox"
    assert parse(search="rehab", q="detox")[0].text == "rehab"
    assert parse(search="x" * 300) == (parse(search="x" * 300)[0], {})
    params, errors = parse(search="x" * 301)
    assert params.text == "" and errors == {
        "search": "The search text is too long: use at most 300 characters."}


def test_place_words_are_trimmed_and_cut_and_coordinates_kept_as_given():
    params, _ = parse(near="  " + "n" * 250, lat="33.6", lng="-117.7")
    assert params.near == "n" * 200 and (params.lat, params.lng) == ("33.6", "-117.7")


@pytest.mark.parametrize(("radius", "value"), [("1", 1.0), ("200", 200.0), ("2.5", 2.5)])
def test_radius_within_its_bounds(radius, value):
    assert parse(radius=radius) == (parse(radius=radius)[0], {})
    assert parse(radius=radius)[0].radius == value


@pytest.mark.parametrize("radius", ["0.99", "200.01", "nan", "-5", "inf"])
def test_radius_out_of_bounds_says_them_and_keeps_the_default(radius):
    params, errors = parse(radius=radius)
    assert params.radius == 25.0
    assert errors == {"radius": "radius must be between 1 and 200."}


def test_a_radius_that_is_no_number_says_so():
    assert parse(radius="far")[1] == {"radius": "radius must be a number."}
    assert parse(page="2.5")[1] == {"page": "page must be a whole number."}


def test_units_and_miles():
    assert parse(unit=" KM ", radius="16.09344")[0].radius_miles == pytest.approx(10.0)
    assert parse(unit="mi", radius="10")[0].radius_miles == 10.0
    params, errors = parse(unit="furlong")
    assert params.unit == "mi" and errors == {"unit": "unit must be mi or km."}


@pytest.mark.parametrize("raw", ["1", "true", "YES", " on "])
def test_flags_read_true(raw):
    for name in ("wheelchair", "open_now", "as_typed", "accepting"):
        params, errors = parse(**{name: raw})
        assert getattr(params, name) is True and errors == {}


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_flags_read_false(raw):
    for name in ("wheelchair", "open_now", "as_typed", "accepting"):
        params, errors = parse(**{name: raw})
        assert getattr(params, name) is False and errors == {}


@pytest.mark.parametrize("name", ["wheelchair", "open_now", "as_typed", "accepting"])
def test_a_flag_that_is_neither_says_so(name):
    params, errors = parse(**{name: "maybe"})
    assert getattr(params, name) is False
    assert errors == {name: f"{name} must be true or false."}


def test_term_codes_split_on_commas_and_repeats_and_unknown_ones_named():
    args = MultiDict([("category", "detox, ,housing"), ("category", "food"),
                      ("payment", "medi-cal")])
    params, errors = p.parse(args)
    assert params.terms["category"] == ["detox", "housing", "food"]
    assert params.terms["payment"] == ["medi-cal"] and errors == {}
    allowed = {"category": {"housing", "detox"}, "payment": {"medi-cal"}}
    params, errors = p.parse(args, allowed)
    assert params.terms["category"] == ["detox", "housing"]
    assert params.terms["payment"] == ["medi-cal"]
    assert errors == {"category": "Unknown category food; use one of: detox, housing."}
    assert p.parse(MultiDict({"category": "food,bus"}), allowed)[1] == {
        "category": "Unknown category food, bus; use one of: detox, housing."}
    assert parse({}, delivery="home-visits")[1] == {
        "delivery": "Unknown delivery home-visits; use one of: ."}


def test_languages_by_code_or_name_and_a_bad_one_named():
    params, errors = parse(language="Spanish, vi,zz-latn,abc-defg")
    assert params.languages == ["es", "vi", "zz-latn", "abc-defg"] and errors == {}
    for bad in ("abcd-efgh", "toolonglanguage", "es1", "c++"):
        params, errors = parse(language=bad)
        assert params.languages == []
        assert errors == {"language": "language must be a language code such as es, or a name."}


@pytest.mark.parametrize(("name", "low", "high"), [
    ("age", 0, 120), ("verified_within_months", 1, 120), ("page", 1, 100000),
    ("per_page", 1, 100)])
def test_whole_numbers_within_their_bounds(name, low, high):
    for value in (low, high):
        params, errors = parse(**{name: str(value)})
        assert getattr(params, name) == value and errors == {}
    for value in (low - 1, high + 1):
        params, errors = parse(**{name: str(value)})
        assert errors == {name: f"{name} must be between {low} and {high}."}
        assert getattr(params, name) == getattr(p.SearchParams(), name)


def test_organization_and_taxonomy_ids_are_trimmed_and_bounded():
    params, _ = parse(organization_id="  " + "o" * 70 + " ",
                      taxonomy_term_id=",".join(f"t{i}" for i in range(25)))
    assert params.organization_id == "o" * 64
    assert params.taxonomy_term_ids == [f"t{i}" for i in range(20)]
    assert parse(organization_id="   ")[0].organization_id is None


def test_modified_after_is_read_as_utc():
    assert parse(modified_after="2026-11-30")[0].modified_after == datetime(2026, 11, 30)
    params, errors = parse(modified_after="2026-11-30T10:00:00-08:00")
    assert params.modified_after == datetime(2026, 11, 30, 18) and errors == {}
    assert params.modified_after.tzinfo is None
    for bad in ("yesterday", "9999-12-31T23:59:59-14:00"):
        params, errors = parse(modified_after=bad)
        assert params.modified_after is None
        assert errors == {
            "modified_after": "modified_after must be an ISO 8601 date or date-time."}


def test_modified_after_is_utc_whatever_the_server_s_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # fourteen hours ahead of UTC
    time.tzset()
    try:
        params, errors = parse(modified_after="2026-11-30T10:00:00-08:00")
        assert params.modified_after == datetime(2026, 11, 30, 18) and errors == {}
        params, errors = parse(modified_after="0001-01-01")  # the first day UTC holds
        assert params.modified_after == datetime(1, 1, 1) and errors == {}
    finally:
        monkeypatch.undo()
        time.tzset()


def test_sort():
    assert parse(sort=" Distance ")[0].sort == "distance"
    params, errors = parse(sort="newest")
    assert params.sort == "relevance"
    assert errors == {"sort": "sort must be relevance or distance."}


@pytest.mark.parametrize("args", [
    {"category": "detox"}, {"payment": "medi-cal"}, {"language": "es"}, {"age": "0"},
    {"wheelchair": "1"}, {"open_now": "1"}, {"accepting": "1"},
    {"verified_within_months": "6"}, {"organization_id": "org-1"},
    {"taxonomy_term_id": "t1"}, {"modified_after": "2026-01-01"}])
def test_each_filter_counts_as_one(args):
    assert parse(**args)[0].has_filters is True


@pytest.mark.parametrize("args", [
    {"search": "rehab"}, {"near": "92630"}, {"radius": "5"}, {"sort": "distance"},
    {"page": "2"}, {"as_typed": "1"}])
def test_what_is_no_filter(args):
    assert parse(**args)[0].has_filters is False
