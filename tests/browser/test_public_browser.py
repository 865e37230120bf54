"""The public search in a real Chromium: from the home page to a phone number in three
interactions on a phone-sized window, filters on and off, help when nothing is found, the
service page and its print view, the Spanish switch, the pages without JavaScript, "Use my
location", no horizontal scrolling, keyboard focus, and screenshots for the design review."""

import re
from itertools import pairwise
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

ZIP = "92630"
GROUPS = "Groups and peer support"
LAKE_FOREST = {"latitude": 33.6437, "longitude": -117.6868}
NO_RESULTS = "/search?q=snorkelling&near=92630&radius=5&category=housing&language=ko"
PAGES = {
    "home": "/",
    "results": "/search?near=92630&category=group-therapy-peer-support",
    "no-results": NO_RESULTS,
}


def _query(page):
    return parse_qs(urlparse(page.url).query)


def _summary(page):
    return " ".join(page.locator("#results-heading").inner_text().split())


def _card_facts(card):
    """Return {term: description} of a result card's facts list."""
    facts = {}
    for row in card.locator("dl.facts > div").all():
        facts[row.locator("dt").inner_text().strip()] = row.locator("dd").inner_text().strip()
    return facts


def _miles(text):
    """Return the miles a card's distance says: "In ZIP code 92630" (the searched one) is
    none, "About 3.2 miles" (a place known only by its ZIP code) is 3.2."""
    if text.startswith("In ZIP code"):
        return 0.0
    return float(re.match(r"(?:About )?([\d.]+) miles?", text).group(1))


def _in_view(page, locator):
    box = locator.bounding_box()
    return box is not None and -1 <= box["y"] and box["y"] + box["height"] <= \
        page.viewport_size["height"]


def _assert_black_and_white(page):
    """Every visible element prints black on no background (or white)."""
    colours = page.locator("body, body *").evaluate_all("""els => {
        const seen = new Set();
        for (const el of els) {
            if (!el.getClientRects().length) continue;
            const style = getComputedStyle(el);
            seen.add(style.color);
            seen.add(style.backgroundColor);
        }
        return [...seen];
    }""")
    assert set(colours) <= {"rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}, colours


def _search_groups_near_zip(page, base):
    """Interactions 1 and 2: type the ZIP code, choose the groups tile."""
    page.goto(base + "/")
    page.get_by_label("Where?").fill(ZIP)
    page.get_by_role("button", name=GROUPS).click()
    page.wait_for_url(re.compile(r"/search\?"))


def _filter_link(page, label):
    """The filter link whose words are `label`, followed by its count."""
    return page.locator("nav.filters a").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)} \(\d+\)"))


def test_three_interactions_lead_to_a_spanish_medi_cal_group_phone(page, live_server,
                                                                   artifacts):
    _search_groups_near_zip(page, live_server)
    assert _query(page) == {"near": [ZIP], "category": ["group-therapy-peer-support"]}
    # interaction 3: the quick filter above the results, on screen without scrolling
    spanish = page.locator("nav.quick-filters a").filter(
        has_text=re.compile(r"^\s*Spanish \(\d+\)"))
    box = spanish.bounding_box()
    assert box and box["y"] + box["height"] <= page.viewport_size["height"], box
    spanish.click()
    page.wait_for_url(re.compile(r"language=es"))

    card = page.locator("ol.results > li > article.card").first
    facts = _card_facts(card)
    assert _miles(facts["Distance"]) <= 10, facts
    assert "Spanish" in facts["Languages"], facts
    assert "Takes Medi-Cal" in facts["Cost"], facts
    call = card.locator("a.call")
    assert call.get_attribute("href").startswith("tel:+1")
    assert re.fullmatch(r"Call \(\d{3}\) \d{3}-\d{4}", call.inner_text().strip())
    assert call.is_visible()
    card.evaluate("el => el.scrollIntoView()")
    page.screenshot(path=str(artifacts / "three-interactions-360.png"))


def test_filters_apply_and_come_off_again(page, live_server):
    _search_groups_near_zip(page, live_server)
    medi_cal = _filter_link(page, "Takes Medi-Cal")
    count = int(re.search(r"\((\d+)\)", medi_cal.inner_text()).group(1))
    medi_cal.click()
    page.wait_for_url(re.compile(r"payment=medi-cal"))
    assert _summary(page).startswith(f"{count} service")
    assert 0 < page.locator("ol.results article.card").count() <= count
    for card in page.locator("ol.results article.card").all():
        assert "Takes Medi-Cal" in _card_facts(card)["Cost"]
    # The chosen filter reads as chosen without colour: a tick and words for screen readers.
    chosen = page.locator("nav.filters a[aria-current=true]").filter(has_text="Takes Medi-Cal")
    assert "✓" in chosen.inner_text() and "selected" in chosen.inner_text()

    _filter_link(page, "Spanish").click()
    page.wait_for_url(re.compile(r"language=es"))
    chips = page.locator("ul.chips a.chip:not(.chip-clear)")
    assert sorted(c.inner_text().split("×")[0].strip() for c in chips.all()) == \
        [GROUPS, "Spanish", "Takes Medi-Cal"]

    chips.filter(has_text="Takes Medi-Cal").click()
    page.wait_for_url(lambda url: "payment=" not in url)
    assert _query(page)["language"] == ["es"]
    page.get_by_role("link", name="Clear all filters").click()
    page.wait_for_url(lambda url: "language=" not in url)
    # Clearing the filters (the tile's category too) keeps the place.
    assert page.locator("ul.chips").count() == 0
    assert "category" not in _query(page) and _query(page)["near"] == [ZIP]
    assert page.locator("ol.results article.card").count() > 0


def test_nothing_found_offers_ways_out(page, live_server):
    page.goto(live_server + NO_RESULTS)
    assert _summary(page).startswith("0 services for “snorkelling” near 92630")
    help_box = page.get_by_role("region", name="Nothing matched all of that")
    assert help_box.is_visible()
    assert help_box.get_by_role("link", name="Search a wider area (within 10 miles)").is_visible()
    assert help_box.get_by_role("link", name="Browse every category").is_visible()
    assert help_box.get_by_text("Call or text 988").is_visible()
    remote = help_box.locator("ol.results article.card")
    assert remote.count() >= 1
    assert remote.first.locator("a.call").get_attribute("href").startswith("tel:")

    help_box.get_by_role("link", name=re.compile("Remove the filter “Korean”")).click()
    page.wait_for_url(lambda url: "language=" not in url)
    assert "radius=5" in page.url and "category=housing" in page.url


def test_service_page_and_its_print_view(page, live_server, artifacts):
    _search_groups_near_zip(page, live_server)
    first = page.locator("article.card h3 a").first
    name = first.inner_text().strip()
    first.click()
    page.wait_for_url(re.compile(r"/services/"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == name
    assert re.search(r"[\d.]+ miles? from 92630", page.locator("p.distance").inner_text())
    assert page.locator("a[href^='tel:+1']").first.is_visible()

    page.emulate_media(media="print")
    for chrome in ("header nav", ".language-switch", ".site-footer", ".print-link",
                   ".skip-link"):
        for element in page.locator(chrome).all():
            assert element.is_hidden(), chrome
    # Links to other sites have their address written out after them.
    for link in page.locator("main a[href^='http']").all():
        after = link.evaluate("el => getComputedStyle(el, '::after').content")
        href = link.get_attribute("href")
        if link.inner_text().strip() == href:
            assert after in ("none", "normal"), "the address is already the link's words"
        else:
            assert href in after, (href, after)
    _assert_black_and_white(page)
    pdf = artifacts / "service-print.pdf"
    page.pdf(path=str(pdf), format="Letter")
    assert pdf.stat().st_size > 5_000 and pdf.read_bytes().startswith(b"%PDF")


def test_results_print_without_navigation_or_filters(page, live_server, artifacts):
    _search_groups_near_zip(page, live_server)
    page.emulate_media(media="print")
    for chrome in ("header nav", "form.search-form", "nav.filters", ".alternatives",
                   ".site-footer", ".barrier", ".jump-to-filters", ".chip-clear"):
        for element in page.locator(chrome).all():
            assert element.is_hidden(), chrome
    assert page.locator("ol.results article.card").first.is_visible()
    # The printed list says what it is a list of.
    assert page.locator("#results-heading").is_visible()
    assert page.locator("a.chip").first.inner_text().startswith(GROUPS)
    _assert_black_and_white(page)
    website = page.locator("ol.results a[href^='http']").first
    after = website.evaluate("el => getComputedStyle(el, '::after').content")
    assert website.get_attribute("href") in after
    pdf = artifacts / "results-print.pdf"
    page.pdf(path=str(pdf), format="Letter")
    assert pdf.stat().st_size > 5_000


def test_a_phone_reaches_the_filters_without_scrolling_past_the_results(page, live_server):
    _search_groups_near_zip(page, live_server)
    filters = page.get_by_role("heading", name="Narrow the results")
    assert not _in_view(page, filters), "the filters come after the results on a phone"
    page.get_by_role("link", name="Narrow the results").click()
    assert _in_view(page, filters)
    # Choosing a sort order waits for "Update": the page does not change under the chooser.
    page.select_option("#sort", "distance")
    page.wait_for_timeout(300)
    assert "sort=" not in page.url
    page.get_by_role("button", name="Update").click()
    page.wait_for_url(re.compile(r"sort=distance"))


def test_the_filters_link_is_not_needed_beside_the_results(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server + PAGES["results"])
        assert page.locator(".jump-to-filters").is_hidden()
        assert _in_view(page, _filter_link(page, "Telehealth"))
    finally:
        context.close()


def test_spanish_switch_changes_the_interface_language_and_is_kept_in_links(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"lang=es"))
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_label(re.compile("Where|Dónde")).fill(ZIP)
    page.locator("button.tile[value=group-therapy-peer-support]").click()
    page.wait_for_url(re.compile(r"/search\?"))
    assert _query(page)["lang"] == ["es"]  # carried by the form, not by a cookie
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.context.cookies() == []
    switch = page.get_by_role("navigation", name=re.compile("Language|Idioma"))
    assert switch.locator("[aria-current=true]").inner_text().strip() == "Español"


def test_search_and_filters_work_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        _search_groups_near_zip(page, live_server)
        assert page.locator("button.locate-button").is_hidden()
        _filter_link(page, "Spanish").click()
        page.wait_for_url(re.compile(r"language=es"))
        assert page.locator("ol.results article.card").count() >= 1
        page.select_option("#sort", "distance")
        page.get_by_role("button", name="Update").click()
        page.wait_for_url(re.compile(r"sort=distance"))
        query = _query(page)
        assert query["language"] == ["es"] and query["near"] == [ZIP]
        assert query["category"] == ["group-therapy-peer-support"]
        facts = [_card_facts(card) for card in page.locator("ol.results article.card").all()]
        distances = [_miles(f["Distance"]) for f in facts if "Distance" in f]
        assert distances == sorted(distances) and distances
    finally:
        context.close()


def test_use_my_location_searches_where_the_phone_is(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 800},
                                  geolocation=LAKE_FOREST, permissions=["geolocation"])
    page = context.new_page()
    try:
        page.goto(live_server + "/")
        button = page.get_by_role("button", name="Use my location")
        assert button.is_visible()
        button.click()
        page.wait_for_url(re.compile(r"lat="))
        query = _query(page)
        assert abs(float(query["lat"][0]) - 33.6437) < 1e-3
        assert abs(float(query["lng"][0]) + 117.6868) < 1e-3
        assert "near My location" in _summary(page)
        facts = [_card_facts(card) for card in page.locator("ol.results article.card").all()]
        nearest = min(_miles(f["Distance"]) for f in facts if "Distance" in f)
        assert nearest < 5
        # The place stays in the form, so a filter keeps searching near the phone.
        _filter_link(page, "Spanish").click()
        page.wait_for_url(re.compile(r"language=es"))
        assert "lat" in _query(page) and "near My location" in _summary(page)
    finally:
        context.close()


def _service_url(page, base):
    page.goto(base + PAGES["results"])
    return page.locator("article.card h3 a").first.get_attribute("href")


@pytest.mark.parametrize("width", [360, 1280])
def test_no_horizontal_scrolling_and_screenshots(browser, live_server, artifacts, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        urls = dict(PAGES, service=_service_url(page, live_server))
        for name, url in urls.items():
            page.goto(live_server + url)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{name} scrolls sideways at {width} px ({scroll} px wide)"
            if name != "no-results":
                page.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=True)
    finally:
        context.close()
    for name in ("home", "results", "service"):
        assert (artifacts / f"{name}-{width}.png").stat().st_size > 0


def test_keyboard_skip_link_and_visible_focus(page, live_server):
    page.goto(live_server + PAGES["results"])
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"
    # Every control shows where the focus is (the search form folds away above results).
    page.locator("details.change-search > summary").click()
    for selector in ("#q", "#near", "nav.filters a", "article.card h3 a", "button.button-primary",
                     "#sort"):
        element = page.locator(selector).first
        element.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        outline = element.evaluate(
            "el => { const s = getComputedStyle(el); return [el === document.activeElement, "
            "s.outlineStyle, parseFloat(s.outlineWidth)]; }")
        assert outline[0] and outline[1] != "none" and outline[2] >= 2, (selector, outline)
    page.goto(live_server + "/")
    tile = page.locator("button.tile").first
    tile.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert tile.evaluate("el => el === document.activeElement && "
                         "getComputedStyle(el).outlineStyle !== 'none'")


def test_landmarks_headings_and_announced_results(page, live_server):
    urls = dict(PAGES, service=_service_url(page, live_server))
    for name, url in urls.items():
        page.goto(live_server + url)
        assert page.get_by_role("main").count() == 1, name
        assert page.get_by_role("banner").count() == 1, name
        assert page.get_by_role("contentinfo").count() == 1, name
        levels = page.locator("h1, h2, h3, h4, h5, h6").evaluate_all(
            "els => els.map(e => Number(e.tagName[1]))")
        assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
        for before, after in pairwise(levels):
            assert after <= before + 1, f"{name}: heading level jumps {before}→{after}"
    for name in ("results", "no-results"):
        page.goto(live_server + PAGES[name])
        count = _summary(page).split()[0]
        # The count is in the title, which a screen reader reads when the page loads, and in
        # a status region.
        assert page.title().startswith(f"{count} service"), page.title()
        status = page.locator("[role=status]").filter(has_text=re.compile(rf"^\s*{count} "))
        assert status.count() == 1
        # ... and the summary stays a heading, for people who move by headings.
        assert page.get_by_role("heading", level=1, name=_summary(page)).count() == 1
