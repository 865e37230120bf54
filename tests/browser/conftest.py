"""Browser fixtures: the app served over real HTTP on 127.0.0.1 with the sample directory,
and Debian's Chromium driven by Playwright. Without Chromium these tests are skipped, and
pytest says why; CI installs it (.ci/run)."""

import shutil
from pathlib import Path

import pytest

from tests.helpers.apps import sample_app, serving

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
    return sample_app(f"sqlite:///{folder / 'live.db'}", folder / "index",
                      WTF_CSRF_ENABLED=True)


@pytest.fixture(scope="session")
def live_server(live_app):
    """Serve `live_app` on a free loopback port; yield its base URL."""
    with serving(live_app, threaded=True) as base_url:
        yield base_url


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
