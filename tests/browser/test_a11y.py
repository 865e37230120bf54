"""axe-core's WCAG 2.1 A and AA rules on the public search pages (home, results, no
results, a service) and "Browse safely": zero violations."""

import pytest

from tests.helpers.pages import axe_violations, described

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "results": "/search?near=92630&category=group-therapy-peer-support",
    "no-results": "/search?q=snorkelling&near=92630&radius=5&category=housing&language=ko",
    "service": None,  # the first result of the search above
    "browse-safely": "/browse-safely",
}


# Every page on a phone; on a desktop only the results, the one page whose layout changes
# (the filters move beside the list). Colours and markup are the same at every width.
CASES = [(name, 360) for name in PAGES] + [("results", 1280)]


@pytest.mark.parametrize(("name", "width"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_axe_finds_no_wcag_violations(browser, live_server, name, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    try:
        url = PAGES[name]
        if url is None:
            page.goto(live_server + PAGES["results"])
            url = page.locator("article.card h3 a").first.get_attribute("href")
        page.goto(live_server + url)
        violations = axe_violations(page)
    finally:
        context.close()
    assert not violations, f"{name} at {width} px:\n{described(violations)}"
