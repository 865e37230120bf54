"""A program keeps its own listing and closes the loop, in a real Chromium: an admin
invites a provider; the provider takes the one-time link, sets beds and hours and
confirms the listing; the public page shows them at once; a coordinator sends a referral
with only the client's first name; the provider accepts it; the coordinator's dashboard
shows "Accepted". Every page the provider and the inviting admin see passes axe-core's
WCAG 2.1 A and AA rules on the way."""

import re

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import STAFF_PASSWORD, axe_violations, described, staff_password_hash

pytestmark = pytest.mark.browser

ADMIN = "browser.provider-admin@clinic.example.org"
COORDINATOR = "browser.provider-coordinator@clinic.example.org"
PROVIDER = "intake@program.example.org"


@pytest.fixture(scope="module")
def setting(live_app):
    """Staff accounts, a residential service of the sample directory, and a list holding it."""
    with live_app.app_context():
        for email, role in ((ADMIN, "admin"), (COORDINATOR, "coordinator")):
            if db.session.scalar(select(m.User).where(m.User.email == email)) is None:
                db.session.add(m.User(email=email, role=role, password_hash=staff_password_hash()))
        service = next(s for s in db.session.scalars(select(m.Service).order_by(m.Service.name))
                       if "residential-treatment" in s.term_codes("category") and s.is_listed)
        coordinator = db.session.scalar(select(m.User).where(m.User.email == COORDINATOR))
        made = m.ReferralList(title="Provider loop", created_by=coordinator)
        db.session.add(made)
        made.add_service(service, COORDINATOR)
        db.session.commit()
        found = {"service_id": service.id, "service": service.name,
                 "organization": service.organization.name, "list_id": made.id}
        db.session.remove()
    return found


def _sign_in(page, live_server, email):
    page.goto(f"{live_server}/staff/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_invite_update_publish_refer_accept(browser, live_server, setting, artifacts):
    problems = {}

    def check(page, name):
        problems[name] = described(axe_violations(page))

    # bypass_csp: axe's script is inline, which the site's Content-Security-Policy forbids.
    admin = browser.new_context(bypass_csp=True).new_page()
    _sign_in(admin, live_server, ADMIN)
    admin.get_by_role("link", name="Invite a program").click()
    check(admin, "invite")
    admin.get_by_label("Email of the person at the program").fill(PROVIDER)
    admin.get_by_label("Organization").select_option(label=setting["organization"])
    admin.get_by_role("button", name="Send the invitation").click()
    link = admin.locator(".invitation-link").inner_text()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/provider/invitation/\S+", link)

    provider = browser.new_context(viewport={"width": 360, "height": 800},
                                   bypass_csp=True).new_page()
    provider.goto(link)
    check(provider, "invitation")
    provider.get_by_label("Your name").fill("Rosa Intake")
    provider.get_by_label("Choose a password").fill(STAFF_PASSWORD)
    provider.get_by_role("button", name="Create my account").click()
    service_path = f"/provider/services/{setting['service_id']}"
    check(provider, "provider home")
    provider.locator(f"a[href='{service_path}/availability']").click()
    check(provider, "availability")
    provider.get_by_label("Yes").check()
    provider.get_by_label("Counted in").select_option("beds")
    provider.get_by_label("Available now").fill("4")
    provider.get_by_label("Total").fill("20")
    provider.get_by_role("button", name="Save availability").click()
    provider.locator(f"a[href='{service_path}/hours']").click()
    check(provider, "hours")
    monday = provider.locator("#day-MO")
    monday.get_by_label("Open", exact=True).check()
    monday.get_by_label("Opens", exact=True).fill("07:30")
    monday.get_by_label("Closes", exact=True).fill("15:45")
    provider.get_by_role("button", name="Save hours").click()
    provider.locator(f"#service-{setting['service_id']}").get_by_role(
        "button", name="Still accurate").click()
    assert "marked still accurate today" in provider.locator("main").inner_text()

    public = browser.new_context().new_page()
    public.goto(f"{live_server}/services/{setting['service_id']}")
    text = public.locator("main").inner_text()
    assert "4 of 20 beds available" in text and "7:30" in text

    coordinator = browser.new_context().new_page()
    _sign_in(coordinator, live_server, COORDINATOR)
    coordinator.goto(f"{live_server}/referrals/lists/{setting['list_id']}")
    coordinator.get_by_role("link", name=re.compile("^Send the referral to the program")).click()
    coordinator.get_by_label("The client agreed to share their first name").check()
    coordinator.get_by_label("First name", exact=True).fill("Lupe")
    coordinator.get_by_role("button", name="Send the referral").click()

    provider.get_by_role("link", name="Referrals to us").click()
    assert "Lupe" in provider.locator("main").inner_text()
    check(provider, "referrals")
    provider.get_by_role("link", name=re.compile("^Answer")).first.click()
    check(provider, "answer")
    provider.get_by_label("Your answer").select_option("accepted")
    provider.get_by_role("button", name="Save the answer").click()

    coordinator.goto(f"{live_server}/referrals/")
    assert "Program: Accepted" in coordinator.locator("main").inner_text()
    coordinator.screenshot(path=str(artifacts / "provider-loop-dashboard.png"), full_page=True)
    assert len(problems) == 7
    assert problems == {name: "" for name in problems}
