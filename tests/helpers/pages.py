"""Pages as a person meets them: a response's HTML and its text as read, staff accounts,
their password and the sign-in form, what a browser would post for a page's form, a referral
list's share link and its items sent to a program, the security headers every page
carries, and axe-core's accessibility check in the browser tests."""

import functools
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from directory import models as m
from directory.extensions import db

STAFF_PASSWORD = "correct horse battery staple"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def html_of(response):
    """Return a response's body as the HTML it is (entities left as written)."""
    return response.get_data(as_text=True)


def text_of(response):
    """Return a response's body with its entities read (`&amp;` as `&`), as a person reads it."""
    return unescape(response.get_data(as_text=True))


@functools.lru_cache(maxsize=1)
def staff_password_hash():
    """Return the scrypt hash of STAFF_PASSWORD, computed once (scrypt is slow on purpose)."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(STAFF_PASSWORD, method="scrypt")


def staff_account(email, role):
    """Return the active staff account `email` (STAFF_PASSWORD), adding it with `role` when
    the database has none (the browser tests share one database per session)."""
    user = db.session.query(m.User).filter_by(email=email).first()
    if user is None:
        user = m.User(email=email, role=role, active=True, password_hash=staff_password_hash())
        db.session.add(user)
    return user


def sign_in(client, email, password=STAFF_PASSWORD):
    """Post the staff sign-in form; return the response."""
    return client.post("/staff/login", data={"email": email, "password": password})


class _FormReader(HTMLParser):
    """Collect what a browser would send for each POST form of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea, self._option = [], None, None, \
            None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = {"action": a.get("action"), "fields": []}
            self.forms.append(self._form)
        if self._form is None or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append([a["name"], a.get("value", "on")])
            elif kind not in ("submit", "button", "image", "reset"):
                self._form["fields"].append([a["name"], a.get("value", "")])
        elif tag == "select":
            self._select = [a.get("name"), None, None]  # name, selected value, first value
        elif tag == "option" and self._select is not None:
            self._option = a.get("value")
            if self._select[2] is None:
                self._select[2] = self._option
            if "selected" in a:
                self._select[1] = self._option
        elif tag == "textarea":
            self._textarea = [a.get("name"), ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "select" and self._select is not None:
            name, chosen, first = self._select
            self._form["fields"].append([name, chosen if chosen is not None else first or ""])
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._textarea[1] = self._textarea[1].removeprefix("\r").removeprefix("\n")
            self._form["fields"].append(self._textarea)
            self._textarea = None
        elif tag == "form":
            self._form = None


def form_values(page, index=-1):
    """Return {name: value or [values]} that a browser would post for a page's POST form
    (the last one by default: the page's own form, after the header's sign-out form)."""
    reader = _FormReader()
    reader.feed(page)
    values = {}
    for name, value in reader.forms[index]["fields"]:
        if name in values:
            values[name] = (values[name] if isinstance(values[name], list)
                            else [values[name]]) + [value]
        else:
            values[name] = value
    return values


def signed_in_provider(app, service, email):
    """Add a provider account (Maria) for `service`'s program; return a client signed in."""
    user = m.User(email=email, role="provider", name="Maria", password_hash=staff_password_hash(),
                  organization_id=service.organization_id)
    db.session.add(user)
    db.session.commit()
    client = app.test_client()
    sign_in(client, email)
    return client


def share_link(client, referral_list):
    """Make a share link from the list page; return its path as the page shows it."""
    client.post(f"/referrals/lists/{referral_list.id}/share")
    page = html_of(client.get(f"/referrals/lists/{referral_list.id}"))
    return re.search(r'class="share-url" href="http://localhost(/shared/[^"]+)"', page).group(1)


def items_by_service(referral_list):
    """Return a list's items by the name of their service."""
    return {item.service.name: item for item in referral_list.items}


def send_to_program(coordinator_client, referral_list, item, **fields):
    """Post a list item's referral to its program (with the coordinator's contact)."""
    url = f"/referrals/lists/{referral_list.id}/items/{item.id}/program"
    return coordinator_client.post(url, data={"contact": "Ana Ruiz, (949) 555-0199", **fields})


def assert_safe_headers(response):
    """Assert the security headers every page carries (CSP without inline code, and more)."""
    headers = response.headers
    policy = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'",
                      "form-action 'self'", "script-src 'self'", "style-src 'self'",
                      "object-src 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin",
                                          "no-referrer")


def no_sideways_scroll(page):
    """Return whether a browser's page fits its window's width (nothing to scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def axe_violations(page):
    """Run axe-core (the copy bundled with axe-playwright-python) with the WCAG 2.1 A and AA
    rules on the page; return its violations. The page's context must be opened with
    bypass_csp=True: the site's Content-Security-Policy forbids inline scripts, axe's too."""
    axe = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
    # A click that submits a form returns once the navigation has begun; the next page may
    # have no <head> yet, so wait for it to load before adding axe to it.
    page.wait_for_load_state("load")
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
