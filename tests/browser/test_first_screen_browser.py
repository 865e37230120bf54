"""A phone's first screen after a search, measured in a real Chromium at 360 x 780 (issue
26): for every kind of search the first result's name and its distance are on it, under a
heading that says what was searched for and where, with the crisis banner still above; at
1280 px the filters stay beside the results. Also: "Narrow the results" brings its heading
out from under the sticky bar, the home page's tiles are even, and the search box's example
is not cut on a phone."""

import re

import pytest

from tests.helpers.pages import no_sideways_scroll

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
WIDE = {"width": 1280, "height": 800}
# kind -> (how to reach the results, what the heading says)
SEARCHES = {
    "words": ("/search?q=group+therapy", r"\d+ services for “group therapy”"),
    "words and place": ("/search?q=group+therapy&near=Irvine",
                        r"\d+ services for “group therapy” near Irvine, CA"),
    "place": ("/search?near=92618", r"\d+ services near 92618 \(Irvine, CA\)"),
    "home tile": ("tile", r"\d+ services for “Residential treatment”"),
    "home tile and place": ("tile 92630",
                            r"\d+ services for “Groups and peer support” near 92630 .*"),
    "treatment, with the helpline": ("/search?q=residential+treatment&near=Anaheim",
                                     r"\d+ services for “residential treatment” near .*"),
    "filters": ("/search?q=counseling&near=Irvine&payment=medi-cal&language=es",
                r"\d+ services? for “counseling” near Irvine, CA"),
    "outside the area": ("/search?q=counseling&near=San+Diego",
                         r"\d+ services? for “counseling” near San Diego, CA"),
}
TILES = {"tile": "Residential treatment", "tile 92630": "Groups and peer support"}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def _search(page, base, how):
    if how in TILES:  # from the home page, as a person does: a tile, after a place or not
        page.goto(base + "/")
        if " " in how:
            page.get_by_label("Where?").fill(how.split()[1])
        page.get_by_role("button", name=TILES[how]).click()
        page.wait_for_url(re.compile(r"/search\?"))
    else:
        page.goto(base + how)


def _bottom(locator):
    box = locator.bounding_box()
    assert box, locator
    return box["y"] + box["height"]


def _where_fact(card):
    """The first card's distance (or, for a remote service, where it serves), or None."""
    rows = card.locator("dl.facts > div").filter(
        has=card.page.locator("dt", has_text=re.compile(r"^(Distance|Where)$")))
    return rows.first if rows.count() else None


@pytest.mark.parametrize("kind", SEARCHES)
def test_the_first_result_is_on_a_phones_first_screen(phone, live_server, kind):
    how, heading = SEARCHES[kind]
    _search(phone, live_server, how)
    # After the count of matches, how many more are related, when some are.
    assert re.fullmatch(heading + r"(?: · \d+ related)?",
                        " ".join(phone.locator("h1").inner_text().split()))
    card = phone.locator("ol.results > li").first.locator("article.card")
    assert _bottom(card.locator(".card-title")) <= PHONE["height"]
    where = _where_fact(card)
    if "place" in kind or how == "tile 92630" or "near=" in how:
        assert where is not None, "a search from a place says how far"
        assert _bottom(where) <= PHONE["height"], where.inner_text()
    # Nothing a person needs was dropped to get there.
    crisis = phone.locator("aside.crisis")
    assert crisis.is_visible() and _bottom(crisis) <= 120
    assert phone.get_by_role("link", name=re.compile("^Leave this site")).is_visible()
    if "helpline" in kind or "counseling" in how:
        assert phone.locator(".helpline a.call").first.is_visible()
    if "outside" in kind:
        phone.locator(".outside-line a").click()
        assert phone.locator("#outside-heading").is_visible()
    assert phone.get_by_role("link", name="Narrow the results").is_visible()
    assert no_sideways_scroll(phone)


def test_at_1280_the_filters_stay_beside_the_results(browser, live_server):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    try:
        _search(page, live_server, SEARCHES["filters"][0])
        card = page.locator("ol.results article.card").first
        card_box, filters_box = card.bounding_box(), page.locator("nav.filters").bounding_box()
        assert filters_box["x"] >= card_box["x"] + card_box["width"]
        assert filters_box["y"] < WIDE["height"]
        quick = page.locator("nav.quick-filters li")
        assert quick.count() >= 2
        boxes = [quick.nth(index).bounding_box() for index in range(quick.count())]
        assert all(box["y"] + box["height"] <= card_box["y"] for box in boxes)
        assert _bottom(_where_fact(card)) <= WIDE["height"]
        assert page.locator(".jump-to-filters").is_hidden()
        assert no_sideways_scroll(page)
    finally:
        context.close()


def test_narrow_the_results_brings_its_heading_below_the_sticky_bar(phone, live_server):
    _search(phone, live_server, SEARCHES["words and place"][0])
    phone.get_by_role("link", name="Narrow the results").click()
    phone.wait_for_function("location.hash === '#filters-heading'")
    phone.wait_for_timeout(100)
    heading = phone.locator("#filters-heading").bounding_box()
    bar = phone.locator(".exit-page").bounding_box()
    assert bar["y"] <= 1, "the bar stays at the top as the page scrolls"
    assert heading["y"] >= bar["y"] + bar["height"], (heading, bar)
    assert heading["y"] + heading["height"] <= PHONE["height"]


def test_the_home_tiles_are_even_at_1280(browser, live_server):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    try:
        page.goto(live_server + "/")
        rows = {}
        for tile in page.locator("button.tile").all():
            box = tile.bounding_box()
            rows.setdefault(round(box["y"]), []).append(round(box["height"]))
        assert len(rows) == 2, rows  # eight tiles, four a row
        assert all(len(set(heights)) == 1 for heights in rows.values()), rows
    finally:
        context.close()


def test_the_search_boxs_example_is_whole_on_a_phone(phone, live_server):
    phone.goto(live_server + "/")
    box = phone.locator("input#q")
    cut = box.evaluate("""el => {
        if (!el.placeholder) return false;
        const style = getComputedStyle(el);
        const context = document.createElement("canvas").getContext("2d");
        context.font = style.font;
        const room = el.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight);
        return context.measureText(el.placeholder).width > room;
    }""")
    assert not cut, "the placeholder runs past the box"
    hint = phone.locator("#q-hint")
    assert hint.is_visible() and "For example" in hint.inner_text()
    assert box.get_attribute("aria-describedby") == "q-hint"
    hint_box = hint.bounding_box()
    assert hint_box["x"] + hint_box["width"] <= PHONE["width"]
