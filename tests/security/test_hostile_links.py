"""Hostile web addresses from another directory (issue 29, items 1 and 8): a service `url`
and an organization `website` of `javascript:`, `data:` and their disguises come in through
the real `import-hsds` command. The import keeps each record and lists each value in its
report; no page that shows them (service page and its print view, organization page,
results, a shared referral list, the list's print view and PDF) links them, though each
still shows the text; exports and the API leave them out. Staff addresses (who verified a
service, who changed it) stay out of the API and exports unless `--include-staff`.

Counts: 11 hostile variants, each on a service url and an organization website, times 7
page kinds = 77 variant-pages checked for links and text. Before the change 55 of them
linked the value (all 11 on the service page, its print view, the organization page, the
results and the shared list); the list's print view and its PDF never linked. After: 0.
"""

import csv
import io
import json
import re
import uuid
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.hidden_text import without_hidden
from tests.helpers import builders
from tests.helpers import official_hsds as official

VARIANTS = [
    "javascript:alert(document.domain)", "JaVaScRiPt:alert(1)", " javascript:alert(2)",
    "\tjavascript:alert(3)", "\x01javascript:alert(4)",
    "data:text/html,<script>alert(5)</script>", "java\tscript:alert(6)",
    "java\nscript:alert(7)", "vbscript:msgbox(8)", "&#106;avascript:alert(9)",
    "file:///etc/passwd",
]
PAGE_KINDS = ("service", "service print view", "organization", "results", "shared list",
              "list print view", "list PDF")
SAFE_PREFIXES = re.compile(r"(https?|mailto|tel):|[/#]", re.IGNORECASE)
C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
VERIFIER = "verifier@clinic.example.org"


def _id(kind, number):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"hostile-links/{kind}/{number}"))


class _Page(HTMLParser):
    """Every href of a page, and its text as a person reads it."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.hrefs, self.words = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data):
        self.words.append(data)

    @property
    def text(self):
        return "".join(self.words)


def _unsafe_hrefs(html):
    """Return the hrefs a browser would follow to something other than http(s), mail, tel
    or this site (read as the browser reads them: ends trimmed, tabs and newlines gone)."""
    read = [re.sub("[\t\n\r]", "", href.strip(C0_OR_SPACE)) for href in _Page(html).hrefs]
    return [href for href in read if not SAFE_PREFIXES.match(href)]


def _bare(value):
    """Return a value without spaces and control characters, as a PDF's text shows it."""
    return re.sub(r"[\s\x00-\x1f]", "", value)


def _service(number, url, website, **fields):
    return {"id": _id("service", number), "name": f"Hostile Link Service {number}",
            "status": "active", "url": url, **fields,
            "description": "A counselling group listed by another directory.",
            "organization": {"id": _id("organization", number),
                             "name": f"Hostile Link Agency {number}",
                             "description": "An agency listed by another directory.",
                             "website": website}}


@pytest.fixture
def imported(app, runner, tmp_path):
    """Import the hostile file through `import-hsds`; return the command's output."""
    builders.load_taxonomy()
    records = [_service(n, value, value) for n, value in enumerate(VARIANTS)]
    records.append(_service("safe", "www.example.org", "example.org/about",
                            assured_date="2026-10-01", assurer_email=VERIFIER,
                            additional_urls=[{"id": _id("url", 1), "url": "javascript:alert(10)"},
                                             {"id": _id("url", 2), "url": "https://example.org/x"}]))
    path = tmp_path / "services.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_import_keeps_each_hostile_address_and_reports_it(imported):
    for number, typed in enumerate(VARIANTS):
        value = without_hidden(typed)  # an import takes out control characters (\x01) first
        service = db.session.get(m.Service, _id("service", number))
        assert service.url == value and service.organization.website == value
        assert f"service {service.id}: url: {value!r}" in imported
        assert f"organization {service.organization_id}: website: {value!r}" in imported
    assert f"url {_id('url', 1)}: url: 'javascript:alert(10)'" in imported
    assert imported.count("kept as written, shown as text") == 2 * len(VARIANTS) + 1


def test_a_bare_address_gains_https_at_import_and_links_there(imported, client):
    service = db.session.get(m.Service, _id("service", "safe"))
    assert service.url == "https://www.example.org"
    assert service.organization.website == "https://example.org/about"
    assert 'href="https://www.example.org"' in client.get(f"/services/{service.id}").text
    assert 'href="https://www.example.org"' in client.get("/search?q=hostile+safe").text
    organization = client.get(f"/organizations/{service.organization_id}").text
    assert 'href="https://example.org/about"' in organization
    assert service.id not in imported and service.organization_id not in imported


def _shared_list(coordinator):
    """Put every hostile service on a referral list through the referral pages; return the
    list's id and the path of its share link."""
    made = coordinator.post("/referrals/lists/new", data={"title": "Hostile links"})
    list_id = made.headers["Location"].split("/")[-2]
    for number in range(len(VARIANTS)):
        added = coordinator.post(f"/referrals/lists/{list_id}/match", data={
            "text": "counselling", "near": "92630", "radius": "25",
            "add": _id("service", number)})
        assert added.status_code == 200
    coordinator.post(f"/referrals/lists/{list_id}/share")
    page = coordinator.get(f"/referrals/lists/{list_id}").text
    return list_id, re.search(r'class="share-url" href="http://localhost(/shared/[^"]+)"',
                              page).group(1)


def test_no_page_links_a_hostile_address_and_each_still_shows_it(imported, client,
                                                                  staff_client):
    coordinator = staff_client("coordinator")
    list_id, shared = _shared_list(coordinator)
    pages = {"results": client.get("/search?q=hostile&per_page=50").text,
             "shared list": client.get(shared).text,
             "list print view": coordinator.get(f"/referrals/lists/{list_id}/print").text}
    pdf = coordinator.get(f"/referrals/lists/{list_id}/pdf")
    assert b"/URI" not in pdf.data  # no link annotation at all
    pdf_text = _bare("".join(page.extract_text() for page in PdfReader(
        io.BytesIO(pdf.data)).pages))
    tried = 0
    for number, value in enumerate(VARIANTS):
        service = db.session.get(m.Service, _id("service", number))
        pages |= {"service": client.get(f"/services/{service.id}").text,
                  "service print view": client.get(f"/services/{service.id}?print=1").text,
                  "organization": client.get(f"/organizations/{service.organization_id}").text}
        for kind, html in pages.items():
            assert _unsafe_hrefs(html) == [], (kind, value)
            assert without_hidden(value).strip(" ") in _Page(html).text, (kind, value)
            tried += 1
        assert _bare(value) in pdf_text, value
        tried += 1
    print(f"{len(VARIANTS)} variants x {len(PAGE_KINDS)} page kinds = {tried} checked")
    assert tried == len(VARIANTS) * len(PAGE_KINDS)


def test_exports_and_the_api_leave_hostile_addresses_out(imported, client, runner, tmp_path):
    for profile in official.VERSIONS:
        folder = tmp_path / f"json-{profile}"
        assert runner.invoke(args=["export-hsds", str(folder), "--profile", profile]
                             ).exit_code == 0
        services = json.loads((folder / "services.json").read_text())
        organizations = json.loads((folder / "organizations.json").read_text())
        assert official.objects_errors(profile, "service", services) == []
        assert official.objects_errors(profile, "organization", organizations) == []
        urls = {s["name"]: s.get("url") for s in services}
        assert urls == {f"Hostile Link Service {n}": None for n in range(len(VARIANTS))} | {
            "Hostile Link Service safe": "https://www.example.org"}
        assert {o.get("website") for o in organizations} == {None, "https://example.org/about"}
        safe = next(s for s in services if s["name"] == "Hostile Link Service safe")
        assert [u["url"] for u in safe.get("additional_urls", [])] == (
            ["https://example.org/x"] if profile == "3.1" else [])
    page = client.get("/api/services?per_page=50&full=true").json
    assert {s.get("url") for s in page["contents"]} == {None, "https://www.example.org"}
    one = client.get(f"/api/services/{_id('service', 0)}").json
    assert "url" not in one and "website" not in one["organization"]


def _verified_by_editor(staff_client):
    """Have an editor mark a service verified (a staff address in the record and history)."""
    service = builders.service("Verified Counselling")
    editor = staff_client("editor")
    assert editor.post(f"/staff/services/{service.id}/verify", data={}).status_code == 302
    return service, "editor@clinic.example.org"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_staff_addresses_stay_out_of_exports_unless_asked_for(app, runner, staff_client,
                                                              tmp_path, fmt):
    service, email = _verified_by_editor(staff_client)
    assert db.session.get(m.Service, service.id).assurer_email == email
    public, full = tmp_path / "public", tmp_path / "full"
    assert runner.invoke(args=["export-hsds", str(public), "--format", fmt]).exit_code == 0
    result = runner.invoke(args=["export-hsds", str(full), "--format", fmt, "--include-staff"])
    assert result.exit_code == 0, result.output
    written = "".join(p.read_text() for p in sorted(public.iterdir()))
    assert email not in written and "@clinic.example.org" not in written
    everything = "".join(p.read_text() for p in sorted(full.iterdir()))
    assert email in everything
    if fmt == "json":
        exported = json.loads((public / "services.json").read_text())[0]
        assert "assurer_email" not in exported and exported["assured_date"]
        assert official.objects_errors("3.0", "service", [exported]) == []
        history = exported["metadata"]
        kept = json.loads((full / "services.json").read_text())[0]
        assert kept["assurer_email"] == email
    else:
        with (public / "metadata.csv").open(newline="", encoding="utf-8") as handle:
            history = list(csv.DictReader(handle))
    # The history still says a staff member verified it, not which one.
    verified = [row for row in history if row["field_name"] == "assurer_email"]
    assert [(row["updated_by"], row["replacement_value"]) for row in verified] == [
        ("staff", "")]


def test_the_api_never_shows_who_verified_a_service(client, staff_client):
    service, email = _verified_by_editor(staff_client)
    for path in (f"/api/services/{service.id}", "/api/services?full=true",
                 f"/api/organizations/{service.organization_id}?full_service=true"):
        response = client.get(path)
        assert response.status_code == 200
        assert "assurer_email" not in response.text and email not in response.text, path


@pytest.mark.parametrize("value", [*VARIANTS, "mailto:intake@example.org",
                                   "https://exa mple.org"])
def test_the_staff_form_still_refuses_each_one(editor_client, value):
    response = editor_client.post("/staff/organizations/new", data={
        "name": "Form Check Agency", "website": value})
    if "\x01" in value:  # every form refuses invisible control characters first
        assert response.status_code == 400 and "invisible control characters" in response.text
    else:
        assert response.status_code == 200
        assert "Enter a full web address" in response.text.split('id="website-error"')[1]
    assert db.session.scalar(select(m.Organization)) is None


def test_the_staff_form_completes_a_bare_address(editor_client):
    editor_client.post("/staff/organizations/new", data={
        "name": "Form Check Agency", "website": "  www.example.org\t"})
    assert db.session.scalar(select(m.Organization.website)) == "https://www.example.org"
