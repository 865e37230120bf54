"""The service page's first step on a phone's first screen, in a real Chromium at 360 x 780:
for every sample service a person can first contact without calling by more than an email,
its name, the "First step" heading and the first way are on the first screen, above the
Call button; the page does not scroll sideways and axe finds nothing wrong with it."""

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.models.service_facts import LISTED
from tests.helpers.pages import axe_violations, described, no_sideways_scroll

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, bypass_csp=True)  # (axe's script)
    yield context.new_page()
    context.close()


def _reached_without_calling(app):
    with app.app_context():
        services = db.session.scalars(select(m.Service).where(m.Service.status.in_(LISTED)))
        # Every one offering more than an email (an email alone is one short line): the
        # longest first steps are where the Call button could be pushed off the screen.
        found = sorted((s for s in services if {w.kind for w in s.first_contact_ways}
                        - {"email"}), key=lambda s: -len(s.first_contact_ways))
        found = [s.id for s in found]
        db.session.remove()
    return found


def _bottom(locator):
    box = locator.bounding_box()
    assert box, locator
    return box["y"] + box["height"]


def test_the_first_step_is_on_a_phones_first_screen(phone, live_app, live_server, artifacts):
    ids = _reached_without_calling(live_app)
    assert ids, "the sample directory has services reached without a call"
    for service_id in ids:
        phone.goto(f"{live_server}/services/{service_id}")
        first_way = phone.locator(".first-step-ways li").first
        assert first_way.is_visible(), service_id
        assert _bottom(phone.locator("h1#service-name")) <= PHONE["height"]
        assert _bottom(first_way) <= PHONE["height"], (service_id, first_way.inner_text())
        call = phone.locator(".service-call .call")
        if call.count():
            assert call.bounding_box()["y"] > first_way.bounding_box()["y"]
        assert no_sideways_scroll(phone), service_id
        if service_id == ids[0]:
            phone.screenshot(path=str(artifacts / "service-first-step-360.png"))
            violations = axe_violations(phone)
            assert violations == [], described(violations)
