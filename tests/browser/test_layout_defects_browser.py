"""Layout defects of issue 26, measured in a real Chromium: the coordinator's answer on the
match page opens at the services that fit (the needs folded a click away); the shared list
keeps an address whole and shows no paper tick boxes on screen; and the buttons of a
referral list (Print beside "Print in Español", Move beside Remove) stand in line."""

import re

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import STAFF_PASSWORD, staff_account

pytestmark = pytest.mark.browser

COORDINATOR = "browser.layout@clinic.example.org"


@pytest.fixture(scope="module")
def layout_list(live_app):
    """A coordinator's list of two sample services with a share link: (list id, token)."""
    with live_app.app_context():
        user = staff_account(COORDINATOR, "coordinator")
        services = [s for s in db.session.scalars(db.select(m.Service).order_by(m.Service.name))
                    if s.phones and any(loc.has_coordinates for loc in s.physical_locations)]
        made = m.ReferralList(title="Layout list", created_by=user)
        db.session.add(made)
        for service in services[:2]:
            made.add_service(service, COORDINATOR)
        _link, token = made.share(30, COORDINATOR)
        db.session.commit()
        found = made.id, token
        db.session.remove()
    return found


def _signed_in(browser, live_server, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{live_server}/staff/login")
    page.get_by_label("Email").fill(COORDINATOR)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/")
    return context, page


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 780},
                                      {"width": 1280, "height": 800}])
def test_the_match_answer_opens_at_the_services_that_fit(browser, live_server, layout_list,
                                                         viewport):
    list_id, _token = layout_list
    context, page = _signed_in(browser, live_server, viewport)
    try:
        page.goto(f"{live_server}/referrals/lists/{list_id}/match")
        page.get_by_label("Groups and peer support").check()
        page.get_by_label("Where they are").fill("92630")
        page.get_by_role("button", name="Find services").click()
        page.wait_for_load_state()
        heading = page.locator("#results-heading")
        assert re.fullmatch(r"\d+ services? fits?", heading.inner_text().strip())
        box = heading.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], box  # no scrolling to find it
        assert page.evaluate("window.scrollY") == 0
        where = page.get_by_label("Where they are")
        assert where.is_hidden()  # folded, a click away
        page.get_by_text("Change the client's needs").click()
        assert where.is_visible() and where.input_value() == "92630"
    finally:
        context.close()


def test_the_shared_list_keeps_an_address_whole_and_no_tick_boxes_on_screen(browser,
                                                                           live_server,
                                                                           layout_list):
    _list_id, token = layout_list
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/shared/{token}")
        for address in page.locator(".sheet-details dd").filter(
                has=page.locator("a.sheet-action")).all():
            lines = address.evaluate("""el => {
                const range = document.createRange();
                range.selectNodeContents(el.firstChild);
                const tops = [...new Set([...range.getClientRects()].map(r => r.top))];
                const link = el.querySelector("a.sheet-action").getBoundingClientRect();
                const text = range.getBoundingClientRect();
                return {tops, textBottom: text.bottom, linkTop: link.top,
                        size: parseFloat(getComputedStyle(el).fontSize)};
            }""")
            gaps = [b - a for a, b in zip(lines["tops"], lines["tops"][1:])]
            assert all(gap <= 1.6 * lines["size"] for gap in gaps), lines  # no hole inside
            assert lines["linkTop"] >= lines["textBottom"] - 1, lines  # Directions below
        boxes = page.locator(".sheet-item .checkbox")
        assert boxes.count() == 2
        assert all(box.is_hidden() for box in boxes.all())
        item = page.locator(".sheet-item").first
        assert item.evaluate("el => getComputedStyle(el).paddingLeft") == "0px"
        page.emulate_media(media="print")
        assert all(box.is_visible() for box in boxes.all())  # paper keeps its tick boxes
    finally:
        context.close()


def _tops_and_heights(locator):
    boxes = [button.bounding_box() for button in locator.all()]
    return {round(box["y"]) for box in boxes}, {round(box["height"]) for box in boxes}


def test_the_buttons_of_a_referral_list_stand_in_line(browser, live_server, layout_list):
    list_id, _token = layout_list
    context, page = _signed_in(browser, live_server, {"width": 1280, "height": 800})
    try:
        page.goto(f"{live_server}/referrals/lists/{list_id}")
        prints = page.locator(".handouts button")
        assert prints.count() == 3  # Print, Print in Español, Print in Tiếng Việt
        tops, heights = _tops_and_heights(prints)
        assert len(tops) == 1 and len(heights) == 1, (tops, heights)
        actions = page.locator(".item-actions").first.locator("button")
        assert actions.count() == 3  # Move up, Move down, Remove
        tops, heights = _tops_and_heights(actions)
        assert len(tops) == 1 and len(heights) == 1, (tops, heights)
    finally:
        context.close()
