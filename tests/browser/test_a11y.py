"""axe-core's WCAG 2.1 A and AA rules on the public search pages (home, results, no
results, a service) and "Browse safely": zero violations."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "/",
    "results": "/search?near=92630&category=group-therapy-peer-support",
    "no-results": "/search?q=snorkelling&near=92630&radius=5&category=housing&language=ko",
    "service": None,  # the first result of the search above
    "browse-safely": "/browse-safely",
}


def _axe_script():
    """The axe-core bundled with axe-playwright-python."""
    axe_playwright_python = pytest.importorskip("axe_playwright_python")
    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


def _describe(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(node['target'])}: {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe_script():
    return _axe_script()


# Every page on a phone; on a desktop only the results, the one page whose layout changes
# (the filters move beside the list). Colours and markup are the same at every width.
CASES = [(name, 360) for name in PAGES] + [("results", 1280)]


@pytest.mark.parametrize(("name", "width"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_axe_finds_no_wcag_violations(browser, live_server, axe_script, name, width):
    # The site's Content-Security-Policy forbids inline scripts, axe's included.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    try:
        url = PAGES[name]
        if url is None:
            page.goto(live_server + PAGES["results"])
            url = page.locator("article.card h3 a").first.get_attribute("href")
        page.goto(live_server + url)
        page.add_script_tag(path=str(axe_script))
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    finally:
        context.close()
    violations = results["violations"]
    assert not violations, f"{name} at {width} px:\n{_describe(violations)}"
