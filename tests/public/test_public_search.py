"""The public search pages over HTTP: results, filters, help when nothing is found, the
service page's extras, and the weight of what a phone downloads."""

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

from tests.helpers.results import run


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def test_search_by_zip_and_category_shows_cards_with_distance_and_phone(seeded_client):
    html = _html(seeded_client, "/search?near=92630&category=group-therapy-peer-support")
    # The heading names what was asked (the tile's category) and where (issue 26).
    assert "services for “Groups and peer support” near 92630 (Lake Forest, CA)" in html
    assert html.count('class="card"') >= 10
    assert "miles</dd>" in html and 'href="tel:+1' in html
    assert "Verified" in html and "No car? Show transport options" in html
    # Every in-person card, and the line after them, link to the rides near the same place.
    rides = '<a href="/search?category=transportation&amp;near=92630">'
    assert html.count(rides) == html.count("No car? Show transport options") + 1
    assert "Prefer not to go in person? Telehealth and online groups" in html


def test_filters_show_counts_and_become_removable_chips(seeded_client):
    base = "/search?near=92630&category=group-therapy-peer-support"
    html = _html(seeded_client, base)
    match = re.search(r'href="([^"]*language=es[^"]*)">Spanish <span class="count">\((\d+)\)',
                      html)
    assert match, "a Spanish filter with its count"
    url, count = match.group(1).replace("&amp;", "&"), int(match.group(2))
    filtered = _html(seeded_client, url)
    assert re.search(rf"{count} services? for “Groups and peer support” near", filtered)
    chip = re.search(r'<a class="chip" href="([^"]+)">Spanish', filtered)
    assert chip
    query = parse_qs(urlparse(chip.group(1).replace("&amp;", "&")).query)
    assert "language" not in query and query["category"] == ["group-therapy-peer-support"]


def test_pagination_keeps_every_parameter(seeded_client):
    html = _html(seeded_client, "/search?near=92630&radius=50&payment=free&sort=distance")
    link = re.search(r'href="([^"]+)" rel="next"', html)
    assert link
    query = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)
    assert query == {"near": ["92630"], "radius": ["50"], "payment": ["free"],
                     "sort": ["distance"], "page": ["2"]}


def test_nothing_found_says_what_to_relax_and_offers_remote_services(seeded_client):
    html = _html(seeded_client,
                 "/search?q=snorkelling&near=92630&radius=5&category=housing&language=ko")
    assert "Nothing matched all of that" in html
    assert "Search a wider area (within 10 miles)" in html
    assert "Remove the filter" in html and "Search without the words" in html
    assert "Telehealth and phone services that serve your area" in html
    assert "serves California" in html


def test_a_spelling_suggestion_is_offered(seeded_client):
    html = _html(seeded_client, "/search?q=theraphy")
    assert "Showing results for" in html and "therapy" in html


def test_an_unknown_place_keeps_the_form_filled_in(seeded_client):
    html = _html(seeded_client, "/search?q=groups&near=Narnia")
    assert "We could not find “Narnia”" in html
    assert 'value="Narnia"' in html and 'value="groups"' in html
    assert 'aria-invalid="true"' in html


def test_bad_options_are_a_400_page_with_the_reason(seeded_client):
    html = _html(seeded_client, "/search?near=92630&radius=999", status=400)
    assert "radius must be between 1 and 200" in html


def test_service_page_from_a_search_shows_distance_directions_and_rides(seeded_app):
    with seeded_app.app_context():
        hit = run(near="92630", category="group-therapy-peer-support", sort="distance").hits[0]
        client = seeded_app.test_client()
        html = _html(client, f"/services/{hit.service_id}?near=92630")
    assert re.search(r"[\d.]+ miles from 92630", html)
    assert "openstreetmap.org/directions?route=33.64" in html
    assert "Rides to get here" in html
    assert "Print this page" in html


def test_pages_are_light_and_load_nothing_from_elsewhere(seeded_client):
    for url in ("/", "/search?near=92630&category=group-therapy-peer-support"):
        html = _html(seeded_client, url)
        assets = re.findall(r'<(?:link|script)[^>]+(?:href|src)="([^"]+)"', html)
        assert assets and all(a.startswith("/static/") or a == "/favicon.ico"
                              for a in assets), assets
        weight = len(html.encode()) + sum(
            len(seeded_client.get(a).data) for a in assets)
        assert weight < 100_000, weight
        assert "<script>" not in html and " style=" not in html


def test_the_whole_search_state_is_in_the_url(seeded_client):
    first = _html(seeded_client, "/search?q=counseling&near=Irvine&language=es&sort=distance")
    again = _html(seeded_client, "/search?sort=distance&language=es&near=Irvine&q=counseling")
    pick = re.compile(r'id="svc-([0-9a-f-]+)"')
    assert pick.findall(first) == pick.findall(again) and pick.findall(first)


def test_a_page_past_the_end_goes_to_the_last_page(seeded_client):
    response = seeded_client.get("/search?near=92630&page=99999")
    assert response.status_code == 302
    query = parse_qs(urlparse(response.headers["Location"]).query)
    assert query["near"] == ["92630"] and int(query["page"][0]) < 99999
    assert seeded_client.get(response.headers["Location"]).status_code == 200


def test_an_unknown_zip_code_is_named_as_such(seeded_client):
    html = _html(seeded_client, "/search?near=00000")
    assert "There is no ZIP code “00000” in our list" in html


def _filter_options(html):
    """Return [(label, count)] of every option in the filter panel."""
    panel = html.split('<nav class="filters"', 1)[1].split("</nav>", 1)[0]
    return [(unescape(label).strip(), int(count)) for label, count in re.findall(
        r'<a href="[^"]*"[^>]*>(?:<span aria-hidden="true">✓ </span>)?([^<]+)'
        r'<span class="count">\((\d+)\)</span>', panel)]


def test_filters_offer_each_option_once_and_none_that_gives_nothing(seeded_client):
    for url in ("/search?near=92630", "/search?q=counselling",
                "/search?near=92630&category=group-therapy-peer-support&wheelchair=true"):
        options = _filter_options(_html(seeded_client, url))
        labels = [label for label, _count in options]
        assert labels.count("Wheelchair accessible") == 1, (url, labels)
        assert len(labels) == len(set(labels)), url
        assert all(count > 0 for _label, count in options), (url, options)
    # A chosen filter that now gives nothing stays on offer, so it can be taken off.
    html = _html(seeded_client, "/search?near=92630&category=crisis-support&payment=free"
                                "&language=vi&open_now=true")
    assert "Open now" in html.split('<nav class="filters"', 1)[1].split("</nav>", 1)[0]


def test_a_service_opened_from_the_results_leads_back_to_them(seeded_client):
    search = "/search?near=92630&category=group-therapy-peer-support&language=es&page=1"
    html = _html(seeded_client, search)
    link = re.search(r'<h3 class="card-title"[^>]*><a href="([^"]+)"', html).group(1)
    link = unescape(link)
    assert parse_qs(urlparse(link).query) == parse_qs(urlparse(search).query)
    page = _html(seeded_client, link)
    back = re.search(r'<p class="back-link[^"]*"><a href="([^"]+)"', page)
    assert back, "a link back to the results"
    target = unescape(back.group(1))
    assert urlparse(target).path == "/search"
    assert parse_qs(urlparse(target).query) == parse_qs(urlparse(search).query)
    # Opened on its own (a shared or typed address) there are no results to go back to.
    service_path = urlparse(link).path
    assert 'class="back-link' not in _html(seeded_client, service_path)


def test_the_service_page_puts_the_call_first_and_the_correction_last(seeded_client):
    html = _html(seeded_client, "/search?near=92630&category=group-therapy-peer-support")
    link = unescape(re.search(r'<h3 class="card-title"[^>]*><a href="([^"]+)"', html).group(1))
    page = _html(seeded_client, urlparse(link).path)
    call, description = page.index('class="call button-primary"'), page.index('class="lede"')
    assert page.index('id="service-name"') < call < description
    assert description < page.index("Suggest a correction")
    assert page.index('id="verified-heading"') < page.index("Suggest a correction")


def test_the_site_has_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype in {"image/vnd.microsoft.icon", "image/x-icon"}
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert 'rel="icon" href="/favicon.ico"' in client.get("/").get_data(as_text=True)
