"""Safety and privacy in a real Chromium: leaving quickly by the button and by Shift
pressed three times (the page is blanked at once, and Back does not bring the results
back), a walk through every public page that collects no cookie, the map whose tiles
load only after "Show map" (from a tile server on loopback), and the shared list read on
a 360-pixel phone with numbers to tap."""

import io
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from directory import models as m
from directory.extensions import db

pytestmark = pytest.mark.browser

RESULTS = "/search?q=detox&near=92630"


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def loopback_sites():
    """A neutral page (slow to answer, so the blanking can be seen) and a tile server, on
    loopback; yield {"neutral": url, "tiles": url template, "tile_requests": [...]}."""
    tile, requests = _png(), []

    class Site(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith("/tiles/"):
                requests.append(self.path)
                body, kind = tile, "image/png"
            else:
                time.sleep(1.5)
                body, kind = b"<!doctype html><title>Weather</title><p>Sunny</p>", "text/html"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    yield {"neutral": base + "/weather", "tiles": base + "/tiles/{z}/{x}/{y}.png",
           "tile_requests": requests}
    server.shutdown()


@pytest.fixture
def configured(live_app, loopback_sites):
    saved = {key: live_app.config[key] for key in ("EXIT_URL", "MAP_TILE_URL")}
    live_app.config.update(EXIT_URL=loopback_sites["neutral"],
                           MAP_TILE_URL=loopback_sites["tiles"])
    yield loopback_sites
    live_app.config.update(saved)


def _watch_blanking(page):
    """Have the page report, the moment it starts leaving, whether its content is hidden:
    a same-origin beacon the test sees (the page is gone before a test could look)."""
    reports = []
    page.on("request", lambda request: "/__blanked" in request.url and reports.append(
        request.url.rsplit("=", 1)[-1]))
    page.evaluate("""() => new MutationObserver(() => {
        if (document.documentElement.classList.contains("exit-page-leaving")) {
          const main = document.querySelector("main");
          navigator.sendBeacon("/__blanked?hidden=" + (main.offsetParent === null));
        }
      }).observe(document.documentElement, {attributes: true})""")
    return reports


def test_leave_this_site_blanks_the_page_and_back_does_not_return(page, live_server,
                                                                  configured):
    page.goto(live_server + "/")
    page.goto(live_server + RESULTS)
    assert page.locator(".card").count() > 0
    reports = _watch_blanking(page)
    page.get_by_role("link", name=re.compile("^Leave this site")).click()
    page.wait_for_url(configured["neutral"])
    assert reports == ["true"]  # blanked at once, while the neutral site was loading
    assert "Sunny" in page.content()
    page.go_back()
    assert "/search" not in page.url  # the results were replaced in the history


def test_shift_three_times_leaves_but_shift_as_a_modifier_does_not(page, live_server,
                                                                  configured):
    page.goto(live_server + "/")
    page.goto(live_server + RESULTS)
    reports = _watch_blanking(page)
    page.get_by_text("Change your search").click()
    page.get_by_label("What do you need?").click()
    for letter in "ABC":  # Shift held to type capitals is not a press of Shift
        page.keyboard.press(f"Shift+{letter}")
    page.wait_for_timeout(300)
    assert reports == [] and "/search" in page.url
    status = page.locator("[data-exit-status]")
    for _ in range(2):
        page.keyboard.press("Shift")
    assert "1 more time" in status.inner_text()
    page.keyboard.press("Shift")
    page.wait_for_url(configured["neutral"])
    assert reports == ["true"]
    page.go_back()
    assert "/search" not in page.url


def test_without_javascript_leave_this_site_is_a_plain_link(browser, live_server, configured):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server + RESULTS)
        page.get_by_role("link", name=re.compile("^Leave this site")).click()
        page.wait_for_url(configured["neutral"])
    finally:
        context.close()


@pytest.fixture
def share_token(live_app):
    with live_app.app_context():
        service = next(s for s in db.session.scalars(db.select(m.Service).order_by(
            m.Service.name)) if s.phones and any(loc.has_coordinates
                                                 for loc in s.physical_locations))
        referral_list = m.ReferralList(title="Recovery options")
        referral_list.add_service(service, "browser test", note="Hỏi chị Hương")
        db.session.add(referral_list)
        _link, token = referral_list.share(30, "browser test")
        db.session.commit()
        db.session.remove()
    return token


def test_a_walk_through_every_public_page_collects_no_cookie(page, live_server, share_token):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Browse by category").first.click()
    page.locator(".category-list a").first.click()
    page.goto(live_server + "/")
    page.get_by_label("Where?").fill("92630")
    page.get_by_role("button", name="Search", exact=True).click()
    page.locator(".filter-list a").first.click()
    page.locator(".card-title a").first.click()
    page.get_by_role("link", name=re.compile("^Offered by|Offered by")).count()
    page.locator(".service-header a[href^='/organizations/']").first.click()
    page.go_back()
    page.get_by_role("link", name="Suggest a correction").click()
    page.get_by_label("What is wrong or out of date?").fill("The phone number changed.")
    page.get_by_role("button", name="Send").click()
    assert "Thank you" in page.content()
    page.get_by_role("link", name="Browse safely").click()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.get_by_role("link", name="Buscar", exact=True).first.click()
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="Tiếng Việt").click()
    assert page.locator("html").get_attribute("lang") == "vi"
    page.goto(f"{live_server}/shared/{share_token}")
    assert "Recovery options" in page.content()
    page.goto(f"{live_server}/shared/not-a-token")
    page.goto(f"{live_server}/services/no-such-service")
    assert page.context.cookies() == []


def test_the_map_loads_tiles_only_after_show_map(page, live_server, configured):
    asked, complaints = [], []
    page.on("request", lambda request: asked.append(request.url))
    page.on("console", lambda message: complaints.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(live_server + "/search?near=92630&category=residential-treatment")
    page.wait_for_load_state("networkidle")
    assert configured["tile_requests"] == [] or not any("/tiles/" in url for url in asked)
    assert not any("/tiles/" in url or "leaflet" in url for url in asked)
    notice = page.locator(".map-notice").inner_text()
    assert "127.0.0.1" in notice and "learns which area" in notice
    page.get_by_role("button", name="Show map").click()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    tiles = [url for url in asked if "/tiles/" in url]
    assert tiles and all(url.startswith(configured["tiles"].split("/tiles/")[0])
                         for url in tiles)
    assert page.locator("path.map-marker").count() >= 2
    assert page.locator("path.map-place").count() == 1
    assert all(url.startswith((live_server, "http://127.0.0.1:")) for url in asked)
    assert any(url.startswith(live_server + "/vendor/leaflet/leaflet.js") for url in asked)
    assert complaints == []  # Leaflet and the tiles keep to the page's CSP


def test_the_shared_list_on_a_phone_has_numbers_to_tap(page, live_server, share_token,
                                                       artifacts):
    page.goto(f"{live_server}/shared/{share_token}")
    assert page.viewport_size["width"] == 360
    call = page.locator(".sheet-item a.call").first
    assert call.get_attribute("href").startswith("tel:+1")
    box = call.bounding_box()
    assert box["height"] >= 40  # a thumb can hit it
    assert page.get_by_role("link", name=re.compile("^Directions")).count() >= 1
    assert page.get_by_role("link", name=re.compile("^Leave this site")).is_visible()
    assert re.search(r"Today: |Closed today", page.locator(".sheet-item").first.inner_text())
    assert "Hỏi chị Hương" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / "shared-list-phone.png"), full_page=True)
