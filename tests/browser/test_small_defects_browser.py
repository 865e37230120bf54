"""Layout defects a phone showed, checked in a real Chromium at 360 x 800: the home page's
categories once, the service page's call button on the first screen with a way back to the
results, the dashboard's status words kept whole, and delete, remove and revoke that look
dangerous and ask on a page of their own (with JavaScript off)."""

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.template_helpers import local_now
from tests.helpers.pages import STAFF_PASSWORD, staff_password_hash

pytestmark = pytest.mark.browser

CASE_WORKER = "browser.caseworker@clinic.example.org"
SEARCH = "/search?near=92630&category=group-therapy-peer-support"


@pytest.fixture(scope="module")
def case_list(live_app):
    """A coordinator with a list of two services: one Contacted, one Suggested, both due."""
    with live_app.app_context():
        user = db.session.scalar(select(m.User).where(m.User.email == CASE_WORKER))
        if user is None:
            user = m.User(email=CASE_WORKER, role="coordinator", active=True,
                          password_hash=staff_password_hash())
            db.session.add(user)
        services = db.session.scalars(select(m.Service).where(m.Service.status == "active")
                                      .order_by(m.Service.name).limit(2)).all()
        made = m.ReferralList(title="Phone layout list", created_by=user)
        db.session.add(made)
        for service in services:
            item = made.add_service(service, CASE_WORKER)
            item.follow_up_on = local_now().date() - timedelta(days=1)
        made.items[0].set_status("contacted", CASE_WORKER)
        db.session.commit()
        list_id = made.id
        db.session.remove()
    return list_id


def _sign_in(page, live_server):
    page.goto(f"{live_server}/staff/login")
    page.get_by_label("Email").fill(CASE_WORKER)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/")


def _background(locator):
    return locator.evaluate("el => getComputedStyle(el).backgroundColor")


def test_the_home_page_on_a_phone_lists_the_categories_once(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("button.tile").count() == 8
    assert page.locator("a.tile").count() == 0  # no second list of the same categories
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 1800, height  # it was 2,313 px with the categories twice
    page.get_by_role("link", name="See every category").click()
    page.wait_for_url("**/categories")


def test_the_service_page_on_a_phone_calls_first_and_leads_back(page, live_server):
    page.goto(live_server + SEARCH)
    page.locator("ol.results h3.card-title a").first.click()
    page.wait_for_url("**/services/**")
    call = page.locator("p.service-call a.call")
    box = call.bounding_box()
    assert box and box["y"] + box["height"] <= 800, box  # on the first screen, no scrolling
    assert call.get_attribute("href").startswith("tel:+1")
    description = page.locator("p.lede").bounding_box()
    correction = page.get_by_role("link", name="Suggest a correction").bounding_box()
    assert description["y"] < correction["y"]
    page.get_by_role("link", name="Back to the results").click()
    page.wait_for_url("**/search?**")
    assert parse_qs(urlparse(page.url).query) == parse_qs(urlparse(SEARCH).query)


def test_the_dashboard_keeps_each_status_word_whole(page, live_server, case_list):
    _sign_in(page, live_server)
    page.goto(live_server + "/referrals/")
    cells = page.locator("#due-heading ~ .table-scroll td:nth-child(3)")
    assert cells.count() >= 2
    for index in range(cells.count()):
        lines = cells.nth(index).evaluate("""el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        }""")
        assert lines == 1, cells.nth(index).inner_text()  # "Contacted", never "Contacte d"


def test_dangerous_buttons_look_it_and_ask_first_without_javascript(browser, live_server,
                                                                   case_list):
    context = browser.new_context(viewport={"width": 360, "height": 800},
                                  java_script_enabled=False)
    page = context.new_page()
    try:
        _sign_in(page, live_server)
        list_url = f"{live_server}/referrals/lists/{case_list}"
        page.goto(list_url)
        save = page.get_by_role("button", name="Save").first
        delete = page.get_by_role("button", name="Delete this list now")
        remove = page.get_by_role("button", name="Remove").first
        assert _background(delete) == "rgb(138, 28, 28)" != _background(save)
        assert remove.evaluate("el => getComputedStyle(el).color") == "rgb(138, 28, 28)"
        assert _background(remove) != _background(save)

        remove.click()
        assert page.get_by_role("heading", level=1).inner_text().startswith("Take “")
        page.get_by_role("link", name="Cancel, keep it").click()
        assert page.locator("ol.referral-items > li").count() == 2

        page.get_by_role("button", name="Delete this list now").click()
        assert page.get_by_role("heading", level=1).inner_text() == (
            "Delete the list “Phone layout list”?")
        confirm = page.get_by_role("button", name="Delete the list")
        assert _background(confirm) == "rgb(138, 28, 28)"
        assert page.request.get(list_url).status == 200  # asking deleted nothing
        confirm.click()
        page.wait_for_url("**/referrals/lists")
        assert page.request.get(list_url).status == 404
    finally:
        context.close()
