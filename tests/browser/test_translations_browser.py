"""The staff service editor's Spanish and Vietnamese boxes in a real Chromium, phone-sized:
each is found by its accessible name (the field and the language), takes its language's
text, saves with the record, and the editor passes axe's WCAG 2.1 A and AA rules without
scrolling sideways."""

import re

import pytest

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import (
    STAFF_PASSWORD,
    axe_violations,
    described,
    no_sideways_scroll,
    staff_account,
)

pytestmark = pytest.mark.browser

EDITOR = "translations.editor@clinic.example.org"


@pytest.fixture(scope="module")
def listing(live_app):
    """A service of its own and an editor account."""
    with live_app.app_context():
        service = builders.service("Browser Translation Group", zip_code="92630",
                                   description="A weekly group for families.")
        staff_account(EDITOR, "editor")
        db.session.commit()
        service_id = service.id
        db.session.remove()
    return service_id


def test_an_editor_writes_the_description_in_spanish_and_vietnamese(browser, live_server,
                                                                   live_app, listing):
    # axe's script is let in, as test_a11y does
    context = browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    try:
        _write_both(context.new_page(), live_server, listing)
    finally:
        context.close()
    with live_app.app_context():
        service = db.session.get(m.Service, listing)
        assert service.translation("description", "es") == "Un grupo semanal para familias."
        assert service.translation("description", "vi") == "Nhóm hằng tuần cho gia đình."
        db.session.remove()


def _write_both(page, live_server, listing):
    """Sign in, write the description in both languages, check the page, and save."""
    page.goto(f"{live_server}/staff/services/{listing}/edit")
    page.get_by_label("Email").fill(EDITOR)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(rf"/staff/services/{listing}/edit$"))
    spanish = page.get_by_label("Description, Español")
    assert spanish.get_attribute("lang") == "es"
    spanish.fill("Un grupo semanal para familias.")
    page.get_by_label("Description, Tiếng Việt").fill("Nhóm hằng tuần cho gia đình.")
    assert page.get_by_role("group", name="Description in other languages").count() == 1
    assert no_sideways_scroll(page)
    violations = axe_violations(page)
    assert not violations, described(violations)
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(re.compile(rf"/staff/services/{listing}$"))
