"""The public "Suggest a correction" flow, end to end: the link on the service page, the
form (CSRF, honeypot, rate limit per address), the editors' queue, applying through the
edit form, and dismissing with a reason."""

from sqlalchemy import func, select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.pages import STAFF_PASSWORD, form_values, html_of, sign_in


def _suggestions():
    return db.session.scalars(select(m.Suggestion).order_by(m.Suggestion.created)).all()


def test_a_suggestion_goes_from_the_public_page_to_an_applied_correction(client, staff_client):
    service = builders.service("Lakeside Counselling")
    page = html_of(client.get(f"/services/{service.id}"))
    assert f'href="/services/{service.id}/suggest"' in page and "Suggest a correction" in page
    form = html_of(client.get(f"/services/{service.id}/suggest"))
    assert "What is wrong or out of date?" in form
    response = client.post(f"/services/{service.id}/suggest", data={
        "body": "The name changed to Lakeside Family Counselling last month.",
        "contact": "reader@example.org", "homepage": ""})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/services/{service.id}/suggest/sent"
    assert "Thank you. An editor will check the listing" in html_of(client.get(
        response.headers["Location"]))
    [suggestion] = _suggestions()
    assert (suggestion.status, suggestion.contact) == ("open", "reader@example.org")

    editor = staff_client("editor")
    assert "Suggested corrections waiting" in html_of(editor.get("/staff/"))
    queue = html_of(editor.get("/staff/suggestions"))
    assert "The name changed to Lakeside Family Counselling" in queue
    assert "reader@example.org" in queue
    apply_link = f"/staff/services/{service.id}/edit?suggestion={suggestion.id}"
    assert apply_link in queue.replace("&amp;", "&")
    edit_page = html_of(editor.get(apply_link))
    assert "The name changed to Lakeside Family Counselling" in edit_page
    data = form_values(edit_page)
    assert data["suggestion_id"] == suggestion.id
    data["name"] = "Lakeside Family Counselling"
    assert editor.post(f"/staff/services/{service.id}/edit", data=data).status_code == 302
    db.session.refresh(suggestion)
    assert (suggestion.status, suggestion.resolved_by) == ("applied", "editor@clinic.example.org")
    assert "Lakeside Family Counselling" in html_of(client.get(f"/services/{service.id}"))
    assert "No suggestions are waiting" in html_of(editor.get("/staff/suggestions"))


def test_a_suggestion_can_be_dismissed_with_a_reason(client, editor_client):
    service = builders.service("Dismiss Check Clinic")
    client.post(f"/services/{service.id}/suggest", data={"body": "They closed in 2019!"})
    [suggestion] = _suggestions()
    url = f"/staff/suggestions/{suggestion.id}/dismiss"
    html = html_of(editor_client.post(url, data={"reason": ""}))
    assert "Give a reason" in html.split('id="reason-error"')[1]
    editor_client.post(url, data={"reason": "Called them today: open as usual."})
    db.session.refresh(suggestion)
    assert suggestion.status == "dismissed"
    assert suggestion.dismiss_reason == "Called them today: open as usual."
    assert suggestion.resolved_by == "editor@clinic.example.org"
    assert "They closed in 2019" not in html_of(editor_client.get("/staff/suggestions"))


def test_a_suggestion_can_be_marked_applied_from_the_queue(client, editor_client):
    service = builders.service("Phone Fix Clinic")
    client.post(f"/services/{service.id}/suggest", data={"body": "The phone is disconnected."})
    [suggestion] = _suggestions()
    editor_client.post(f"/staff/suggestions/{suggestion.id}/apply", data={})
    db.session.refresh(suggestion)
    assert suggestion.status == "applied"


def test_the_suggestion_form_checks_what_it_gets(client):
    service = builders.service("Form Check Clinic")
    url = f"/services/{service.id}/suggest"
    html = html_of(client.post(url, data={"body": ""}))
    assert "Tell us what is wrong" in html.split('id="body-error"')[1]
    html = html_of(client.post(url, data={"body": "x" * 2001}))
    assert "Write between 5 and 2000 characters" in html.split('id="body-error"')[1]
    assert _suggestions() == []
    retired = builders.service("Closed For Good", status="defunct")
    assert client.get(f"/services/{retired.id}/suggest").status_code == 404
    assert client.get("/services/no-such-service/suggest").status_code == 404


def test_the_honeypot_keeps_robots_out_without_telling_them(client):
    service = builders.service("Honeypot Check Clinic")
    response = client.post(f"/services/{service.id}/suggest", data={
        "body": "Cheap pills at spam.example", "homepage": "https://spam.example"})
    assert response.status_code == 302
    assert "Thank you" in html_of(client.get(response.headers["Location"]))
    assert _suggestions() == []


def test_suggestions_are_rate_limited_per_address(app_with):
    service = builders.service("Rate Check Clinic")
    limited = app_with(RATELIMIT_ENABLED=True, SUGGESTION_LIMIT="2 per hour")
    here, elsewhere = limited.test_client(), limited.test_client()
    here.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.4"
    url = f"/services/{service.id}/suggest"
    for _ in range(3):  # a form sent back for a fix does not use up the allowance
        assert here.post(url, data={"body": ""}).status_code == 200
    for number in range(2):
        assert here.post(url, data={"body": f"Correction number {number}"}).status_code == 302
    response = here.post(url, data={"body": "One more correction"})
    assert response.status_code == 429
    assert "Please wait an hour before sending more" in html_of(response)
    assert here.get(url).status_code == 200  # reading the form is never limited
    assert elsewhere.post(url, data={"body": "From another place"}).status_code == 302
    assert db.session.scalar(select(func.count(m.Suggestion.id))) == 3


def test_the_suggestion_form_needs_its_token_and_sets_no_cookie(app_with):
    service = builders.service("Token Check Clinic")
    strict = app_with(WTF_CSRF_ENABLED=True)
    client = strict.test_client()
    url = f"/services/{service.id}/suggest"
    assert client.post(url, data={"body": "Their hours changed."}).status_code == 400
    assert client.post(url, data={"body": "Their hours changed.",
                                  "form_token": "forged"}).status_code == 400
    form = client.get(url)
    assert "Set-Cookie" not in form.headers
    token = form_values(html_of(form))["form_token"]
    other = builders.service("Other Token Clinic")
    assert client.post(f"/services/{other.id}/suggest", data={  # a token is for its service
        "body": "Their hours changed.", "form_token": token}).status_code == 400
    assert client.post(url, headers={"Origin": "https://elsewhere.example"}, data={
        "body": "Their hours changed.", "form_token": token}).status_code == 400
    response = client.post(url, data={"body": "Their hours changed.", "form_token": token})
    assert response.status_code == 302 and "Set-Cookie" not in response.headers
    thanks = client.get(response.headers["Location"])
    assert "Thank you. An editor will check the listing" in html_of(thanks)
    assert "Set-Cookie" not in thanks.headers and not list(client._cookies)
    assert len(_suggestions()) == 1


def test_staff_see_a_way_to_the_workspace_on_public_pages(client, staff_users):
    service = builders.service("Staff Link Clinic")
    assert "Open in the staff workspace" not in html_of(client.get(f"/services/{service.id}"))
    sign_in(client, "coordinator@clinic.example.org")
    page = html_of(client.get(f"/services/{service.id}"))
    assert f'href="/staff/services/{service.id}"' in page
    assert "Sign out coordinator@clinic.example.org" in page


def test_staff_sending_a_suggestion_keep_the_session_token(app_with, staff_users):
    service = builders.service("Staff Token Clinic")
    client = app_with(WTF_CSRF_ENABLED=True).test_client()
    login = form_values(html_of(client.get("/staff/login")))
    assert sign_in_with_token(client, login["csrf_token"]).status_code == 302
    url = f"/services/{service.id}/suggest"
    form = form_values(html_of(client.get(url)))
    assert "form_token" not in form  # signed in: the session's CSRF token, as on staff forms
    assert client.post(url, data={"body": "Hours changed.",
                                  "form_token": "x"}).status_code == 400
    response = client.post(url, data={"body": "Hours changed.", "csrf_token": form["csrf_token"]})
    assert response.status_code == 302
    assert len(_suggestions()) == 1


def sign_in_with_token(client, token):
    return client.post("/staff/login", data={"email": "editor@clinic.example.org",
                                             "password": STAFF_PASSWORD, "csrf_token": token})

