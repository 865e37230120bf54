"""Long lists come a page at a time: a category's services (20 a page, open ones first,
then by name) and the staff's services list (50 a page); the counts people see on the
home page and beside the results' filters are the database's own."""

import re

from sqlalchemy import func, select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders


def _card_names(html):
    return re.findall(r'<a href="/services/[^"]+">([^<]+)</a>', html)


def _directory(count, terms, category="group-therapy-peer-support"):
    for i in range(count):
        builders.service(f"Group {i:02d}", terms=[terms[category]], commit=False)
    db.session.commit()


def test_a_category_page_shows_twenty_services_a_page_in_name_order(client):
    terms = builders.load_taxonomy()
    _directory(24, terms)
    builders.service("Aardvark Group", terms=[terms["group-therapy-peer-support"]],
                     status="temporarily closed")
    builders.service("Retired Group", terms=[terms["group-therapy-peer-support"]],
                     status="inactive")

    first = client.get("/categories/group-therapy-peer-support").get_data(as_text=True)
    assert "25 services" in first and "Page 1 of 2" in first
    assert _card_names(first) == [f"Group {i:02d}" for i in range(20)]
    assert 'rel="next"' in first and "page=2" in first

    second = client.get("/categories/group-therapy-peer-support?page=2").get_data(as_text=True)
    # open services first, the temporarily closed one last; the inactive one nowhere
    assert _card_names(second) == [f"Group {i:02d}" for i in range(20, 24)] + ["Aardvark Group"]
    assert 'rel="prev"' in second and "Retired Group" not in second

    past = client.get("/categories/group-therapy-peer-support?page=9")
    assert past.status_code == 302 and past.headers["Location"].endswith("page=2")
    for nonsense in ("abc", "-1", "0", "1e9"):
        response = client.get(f"/categories/group-therapy-peer-support?page={nonsense}")
        assert response.status_code == 200
        assert _card_names(response.get_data(as_text=True))[0] == "Group 00"


def test_a_category_page_follows_an_edit_at_once(client):
    terms = builders.load_taxonomy()
    _directory(3, terms)
    assert _card_names(client.get("/categories/group-therapy-peer-support").get_data(
        as_text=True)) == ["Group 00", "Group 01", "Group 02"]
    service = db.session.scalar(select(m.Service).where(m.Service.name == "Group 00"))
    service.name = "Zebra Group"
    db.session.commit()
    assert _card_names(client.get("/categories/group-therapy-peer-support").get_data(
        as_text=True)) == ["Group 01", "Group 02", "Zebra Group"]


def test_the_staff_services_list_pages_by_fifty_and_keeps_the_search(app, staff_client):
    terms = builders.load_taxonomy()
    _directory(55, terms)
    builders.service("Harbor Ride Program", terms=[terms["transportation"]])
    client = staff_client("coordinator")

    first = client.get("/staff/services").get_data(as_text=True)
    rows = re.findall(r'<a href="/staff/services/[^"]+">([^<]+)</a>', first)
    assert "56 services" in first and len(rows) == 50 and "Page 1 of 2" in first
    second = client.get("/staff/services?page=2").get_data(as_text=True)
    rows_2 = re.findall(r'<a href="/staff/services/[^"]+">([^<]+)</a>', second)
    assert rows_2 == ["Group 50", "Group 51", "Group 52", "Group 53", "Group 54",
                      "Harbor Ride Program"]
    assert not set(rows) & set(rows_2)

    found = client.get("/staff/services?q=group&status=listed").get_data(as_text=True)
    assert "55 services" in found and "q=group" in found and "status=listed" in found
    past = client.get("/staff/services?q=group&page=7")
    assert past.status_code == 302 and "page=2" in past.headers["Location"]
    assert client.get("/staff/services?page=x").status_code == 200
    # the count of every service (or a status's) is kept per data stamp: a new one moves it
    builders.service("Late Addition", status="inactive")
    assert "57 services" in client.get("/staff/services").get_data(as_text=True)
    assert "56 services" in client.get("/staff/services?status=listed").get_data(as_text=True)
    assert "1 service" in client.get("/staff/services?status=inactive").get_data(as_text=True)


def _listed_in_database():
    """{category code: listed services}, counted from the tables by the test itself."""
    rows = db.session.execute(
        select(m.TaxonomyTerm.code, func.count(func.distinct(m.Service.id)))
        .join(m.Attribute, m.Attribute.taxonomy_term_id == m.TaxonomyTerm.id)
        .join(m.Service, m.Service.id == m.Attribute.link_id)
        .where(m.Service.status.in_(("active", "temporarily closed")))
        .group_by(m.TaxonomyTerm.code)).all()
    return dict(rows)


def test_counts_on_the_categories_and_results_pages_are_the_databases(client):
    terms = builders.load_taxonomy()
    _directory(3, terms)
    builders.service("Harbor Rides", terms=[terms["transportation"]])
    builders.service("Night Rides", terms=[terms["transportation"]], status="temporarily closed")
    builders.service("Old Rides", terms=[terms["transportation"]], status="inactive")
    builders.service("Both Kinds", terms=[terms["transportation"], terms["housing"]])
    gone = builders.service("Gone Housing", terms=[terms["housing"]])
    db.session.delete(gone)
    db.session.commit()
    expected = _listed_in_database()
    assert expected == {"group-therapy-peer-support": 3, "transportation": 3, "housing": 1}

    every = client.get("/categories").get_data(as_text=True)
    tiles = dict(re.findall(r'href="/categories/([a-z-]+)">[^<]*</a></h3>\s*<p>[^<]*'
                            r'<span class="muted">\((\d+) services?\)</span>', every))
    # exactly the categories with a listed service: none offered with "(0 services)"
    assert {code: int(n) for code, n in tiles.items()} == expected

    results = client.get("/search?near=92630").get_data(as_text=True)
    facet = dict(re.findall(r'category=([a-z-]+)"[^>]*>[^<]*<span class="count">\((\d+)\)',
                            results))
    assert {code: int(n) for code, n in facet.items()} == expected
