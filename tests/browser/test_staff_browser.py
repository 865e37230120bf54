"""The staff workspace in a real Chromium, phone-sized: an editor signs in, changes a
service's phone number and its weekly hours, and sees the public page change. The pages
work without JavaScript, send CSRF tokens, and never scroll sideways at 360 px."""

import re

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import STAFF_PASSWORD, no_sideways_scroll, staff_account

pytestmark = pytest.mark.browser

EDITOR = "browser.editor@clinic.example.org"


@pytest.fixture(scope="module")
def listing(live_app):
    """A service of its own (the sample directory stays as it is) and an editor account."""
    with live_app.app_context():
        service = builders.service("Browser Check Counselling", zip_code="92630")
        service.phones.append(m.Phone(number="(949) 555-0170", type="voice",
                                      description="Front desk"))
        staff_account(EDITOR, "editor")
        db.session.commit()
        service_id = service.id
        db.session.remove()
    return service_id


def test_an_editor_changes_phone_and_hours_and_the_public_page_follows(
        page, live_server, listing, artifacts):
    page.goto(f"{live_server}/staff/services/{listing}")
    assert "/staff/login" in page.url  # signing in first
    page.get_by_label("Email").fill(EDITOR)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(rf"/staff/services/{listing}$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Browser Check Counselling"

    page.get_by_role("link", name="Edit phone numbers").click()
    phone = page.get_by_role("group", name="Phone 1")
    phone.get_by_label("Number", exact=True).fill("714.834.1234")
    assert no_sideways_scroll(page)
    page.get_by_role("button", name="Save phone numbers").click()
    assert "Phone numbers saved." in page.locator(".flashes").inner_text()

    page.get_by_role("link", name="Edit hours").click()
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
        group = page.get_by_role("group", name=day)
        group.get_by_label("Open", exact=True).check()
        group.get_by_label("Opens", exact=True).fill("08:30")
        group.get_by_label("Closes", exact=True).fill("16:00")
    page.get_by_role("group", name="Saturday").get_by_label("Open 24 hours").check()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "staff-hours-editor-360.png"), full_page=True)
    page.get_by_role("button", name="Save hours").click()
    assert "Hours saved." in page.locator(".flashes").inner_text()

    page.get_by_role("link", name="Public page").click()
    page.wait_for_url(re.compile(rf"/services/{listing}$"))
    contact = page.locator("section[aria-labelledby='contact-heading']")
    assert "(714) 834-1234" in contact.inner_text()
    assert "(949) 555-0170" not in contact.inner_text()
    assert contact.get_by_role("link", name="(714) 834-1234").get_attribute("href") \
        == "tel:+17148341234"
    hours = page.locator("table.hours")
    monday = hours.get_by_role("row", name=re.compile("^Monday"))
    assert "8:30 AM – 4:00 PM" in monday.inner_text()
    # Saturday was entered as 12:00 AM to 11:59 PM: the whole day, said as people say it.
    assert "Open 24 hours" in hours.get_by_role(
        "row", name=re.compile("^Saturday")).inner_text()
    assert "Closed" in hours.get_by_role("row", name=re.compile("^Sunday")).inner_text()
    assert page.get_by_role("link", name="Suggest a correction").is_visible()
    page.screenshot(path=str(artifacts / "staff-edited-public-page-360.png"), full_page=True)


def test_the_staff_pages_work_without_javascript(browser, live_server, listing):
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/staff/login")
        page.get_by_label("Email").fill(EDITOR)
        page.get_by_label("Password").fill("not the right password")
        page.get_by_role("button", name="Sign in").click()
        assert "The email or password is not right" in page.locator("main").inner_text()
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        assert page.get_by_role("heading", name="What needs attention").is_visible()
        page.goto(f"{live_server}/staff/services/{listing}/availability")
        page.get_by_label("Yes").check()
        page.get_by_label("Available now").fill("2")
        page.get_by_label("Total").fill("8")
        page.get_by_role("button", name="Save availability").click()
        assert "Availability updated" in page.locator(".flashes").inner_text()
        page.get_by_role("button", name=re.compile("^Sign out")).click()
        assert "You are signed out." in page.locator(".flashes").inner_text()
    finally:
        context.close()
