"""The whole referral flow in a real Chromium, phone-sized, on the sample directory: a
coordinator signs in, starts a list, matches a Spanish-speaking client on Medi-Cal without
a car in 92630, adds three services, prints the list, and the QR code on the printed page
(read from a screenshot) opens the shared list in a fresh browser with no session."""

import io
import re

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import (
    STAFF_PASSWORD,
    axe_violations,
    described,
    no_sideways_scroll,
    staff_account,
)

pytestmark = pytest.mark.browser

COORDINATOR = "browser.coordinator@clinic.example.org"


@pytest.fixture(scope="module")
def coordinator(live_app):
    with live_app.app_context():
        staff_account(COORDINATOR, "coordinator")
        db.session.commit()
        db.session.remove()
    return COORDINATOR


def _csp_complaints(page):
    complaints = []
    page.on("console", lambda message: complaints.append(message.text)
            if "Content Security Policy" in message.text else None)
    return complaints


def test_match_add_three_print_and_open_the_shared_list(page, browser, live_server,
                                                       coordinator, artifacts):
    complaints = _csp_complaints(page)
    page.goto(f"{live_server}/staff/login")
    page.get_by_label("Email").fill(coordinator)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Referrals", exact=True).click()
    page.get_by_role("link", name="Start a referral list").click()

    page.get_by_label("Title").fill("Recovery options")
    page.get_by_label("Client reference").fill("JD-4411")
    assert "Never the client's name" in page.locator("#reference-warning").inner_text()
    page.get_by_role("button", name="Start the list").click()

    page.get_by_label("Groups and peer support").check()
    page.get_by_label("Where they are").fill("92630")
    page.get_by_label("Age", exact=True).fill("35")
    page.get_by_role("group", name="Languages they prefer").get_by_label("Spanish").check()
    page.get_by_label("Medi-Cal", exact=True).check()
    page.get_by_label("No car: relies on transit or rides").check()
    page.get_by_role("button", name="Find services").click()
    assert "JD-4411" not in page.url and "92630" not in page.url

    results = page.locator(".match-results > li")
    first = results.first
    assert "Spanish spoken" in first.locator(".reasons-fit").inner_text()
    assert "Takes Medi-Cal" in first.locator(".reasons-fit").inner_text()
    assert "Rides:" in first.locator(".rides").inner_text()
    chosen = []
    for _ in range(3):
        card = page.locator(".match-results > li").filter(
            has=page.get_by_role("button", name=re.compile("^Add to list"))).first
        chosen.append(card.locator(".card-title").inner_text())
        card.get_by_role("button", name=re.compile("^Add to list")).click()
        assert f"Added to the list: {chosen[-1]}." in page.locator("p.flash").inner_text()
    assert page.locator(".match-results .badge-ok").count() == 3
    assert no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "referral-match-360.png"), full_page=True)

    page.get_by_role("link", name="Open the list to print or share it").click()
    assert [t.strip() for t in page.locator(".referral-items h3 a").all_inner_texts()] == chosen
    page.get_by_role("button", name="Print", exact=True).click()
    page.wait_for_url(re.compile(r"/print"))
    assert [t.split(". ", 1)[1] for t in page.locator(".sheet-item h2").all_inner_texts()] \
        == chosen
    assert "JD-4411" not in page.content()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "referral-print-360.png"), full_page=True)
    qr = page.locator("svg.qr-code")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot(scale="device"))))
    assert found, "the QR code on the printed page could not be read"
    shared_url = found[0].text
    assert shared_url.startswith(f"{live_server}/shared/")
    assert complaints == []
    page.emulate_media(media="print")
    assert page.locator(".sheet-tools").is_hidden()  # on paper: only the list
    printed = PdfReader(io.BytesIO(page.pdf(format="Letter")))
    assert len(printed.pages) <= 2
    assert chosen[0] in printed.pages[0].extract_text().replace("\n", " ")

    fresh = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        other = fresh.new_page()
        other.goto(shared_url)
        assert other.get_by_role("heading", level=1).inner_text() == "Recovery options"
        names = [t.split(". ", 1)[1] for t in other.locator(".sheet-item h2").all_inner_texts()]
        assert names == chosen
        assert "JD-4411" not in other.content()
        assert other.get_by_role("link", name="Referrals", exact=True).count() == 0
    finally:
        fresh.close()




@pytest.fixture(scope="module")
def prepared_list(live_app, coordinator):
    """A list of two sample services with a share link: (list id, share path)."""
    from directory import catalogue

    with live_app.app_context():
        user = db.session.query(m.User).filter_by(email=coordinator).one()
        made = m.ReferralList(title="Checked for accessibility", created_by=user)
        db.session.add(made)
        housing, _total = catalogue.services_in_term(catalogue.get_term("housing"))
        for service in catalogue.get_services(housing[:2]):
            made.add_service(service, coordinator, note="Bring an ID")
        _link, token = made.share(30, coordinator)
        db.session.commit()
        found = made.id, f"/shared/{token}"
        db.session.remove()
    return found


def test_the_referral_pages_pass_axe(browser, live_server, coordinator, prepared_list):
    list_id, shared_path = prepared_list
    context = browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    page = context.new_page()
    problems = {}

    def check(name):
        problems[name] = described(axe_violations(page))

    try:
        page.goto(f"{live_server}{shared_path}")
        check("shared")
        page.goto(f"{live_server}/staff/login")
        page.get_by_label("Email").fill(coordinator)
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        for name, path in (("dashboard", "/referrals/"), ("new", "/referrals/lists/new"),
                           ("list", f"/referrals/lists/{list_id}"),
                           ("print", f"/referrals/lists/{list_id}/print")):
            page.goto(live_server + path)
            check(name)
        page.goto(f"{live_server}/referrals/lists/{list_id}/match")
        page.get_by_label("Housing").check()
        page.get_by_label("Where they are").fill("92805")
        page.get_by_label("Urgent: needs a place now").check()
        page.get_by_role("button", name="Find services").click()
        assert page.locator(".match-results > li").count() > 0
        check("match results")
    finally:
        context.close()
    assert len(problems) == 6
    assert problems == {name: "" for name in problems}
