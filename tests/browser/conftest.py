"""Browser fixtures: the app served over real HTTP on 127.0.0.1 with the sample directory,
and Debian's Chromium driven by Playwright. Without Chromium these tests are skipped, and
pytest says why; CI installs it (.ci/run)."""

import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from directory import sample, search
from directory.extensions import db
from tests.conftest import make_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium); "
                                   "browser tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """An app with the sample directory on its own SQLite file, for the browser."""
    folder = tmp_path_factory.mktemp("live")
    app = make_app(f"sqlite:///{folder / 'live.db'}", folder / "index",
                   WTF_CSRF_ENABLED=True)
    with app.app_context():
        db.create_all()
        sample.load_directory()
        search.rebuild()
        db.session.remove()
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    """Serve `live_app` on a free loopback port; yield its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Debian's), shared by the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page (its own context: no cookies carried between tests), phone-sized."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    """The folder CI keeps: screenshots go here."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """Run axe-core (the copy bundled with axe-playwright-python) with the WCAG 2.1 A and AA
    rules on the page; return its violations. The page's context must be opened with
    bypass_csp=True: the site's Content-Security-Policy forbids inline scripts, axe's too."""
    axe = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
    page.add_script_tag(path=str(axe))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS)["violations"]


def described(violations):
    """Return axe's violations as lines a person can act on (rule, impact, where)."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(node['target'])}: {summary}")
    return "\n".join(lines)
