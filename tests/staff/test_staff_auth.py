"""Signing in and out, password rules, signing out everywhere on a password change,
session expiry after inactivity, CSRF refusal and sign-in rate limits."""

import hashlib
import time

from flask.sessions import session_json_serializer
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import STAFF_PASSWORD, html_of, sign_in

NEW_PASSWORD = "a brand new long passphrase"


def test_signing_in_and_out(client, staff_users):
    assert client.get("/staff/").status_code == 302
    response = sign_in(client, "Editor@Clinic.example.org")  # any case
    assert response.status_code == 302 and response.headers["Location"] == "/staff/"
    page = html_of(client.get("/staff/"))
    assert "Signed in as editor@clinic.example.org" in page
    assert "Sign out editor@clinic.example.org" in page
    client.post("/staff/logout")
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_a_wrong_password_or_unknown_email_says_so_without_telling_which(client, staff_users):
    for email, password in (("editor@clinic.example.org", "not the password at all"),
                            ("nobody@clinic.example.org", STAFF_PASSWORD)):
        response = sign_in(client, email, password)
        assert response.status_code == 200
        assert "The email or password is not right" in html_of(response)
    assert client.get("/staff/").status_code == 302


def test_an_account_that_cannot_sign_in_is_refused(client, staff_users):
    staff_users["editor"].active = False
    db.session.commit()
    response = sign_in(client, "editor@clinic.example.org")
    assert "The email or password is not right" in html_of(response)


def test_sign_in_returns_to_the_page_asked_for_but_never_to_another_site(client, staff_users):
    response = client.get("/staff/services?q=day")
    assert "next=" in response.headers["Location"]
    response = client.post("/staff/login?next=/staff/services%3Fq%3Dday",
                           data={"email": "editor@clinic.example.org", "password": STAFF_PASSWORD})
    assert response.headers["Location"] == "/staff/services?q=day"
    client.post("/staff/logout")
    for target in ("https://evil.example.com/", "//evil.example.com/", "/\\evil.example.com"):
        response = client.post(f"/staff/login?next={target}", data={
            "email": "editor@clinic.example.org", "password": STAFF_PASSWORD})
        assert response.headers["Location"] == "/staff/"
        client.post("/staff/logout")


def test_password_rules_on_change(editor_client):
    cases = [
        ({"current_password": STAFF_PASSWORD, "new_password": "too short",
          "confirm": "too short"}, "at least 12 characters"),
        ({"current_password": STAFF_PASSWORD, "new_password": NEW_PASSWORD,
          "confirm": "something else entirely"}, "The two new passwords are not the same"),
        ({"current_password": "not my password", "new_password": NEW_PASSWORD,
          "confirm": NEW_PASSWORD}, "This is not your current password"),
    ]
    for data, message in cases:
        response = editor_client.post("/staff/password", data=data)
        assert response.status_code == 200
        assert message in html_of(response)
    user = db.session.scalar(select(m.User).where(m.User.email == "editor@clinic.example.org"))
    db.session.refresh(user)
    assert user.check_password(STAFF_PASSWORD)


def test_changing_the_password_signs_out_every_other_session(app, staff_client):
    phone, laptop = staff_client("editor"), staff_client("editor")
    response = laptop.post("/staff/password", data={
        "current_password": STAFF_PASSWORD, "new_password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Password changed" in html_of(laptop.get("/staff/"))
    response = phone.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert "The email or password is not right" in html_of(
        sign_in(app.test_client(), "editor@clinic.example.org", STAFF_PASSWORD))
    assert sign_in(app.test_client(), "editor@clinic.example.org",
                   NEW_PASSWORD).status_code == 302
    user = db.session.scalar(select(m.User).where(m.User.email == "editor@clinic.example.org"))
    assert user.password_hash.startswith("scrypt:")


def test_session_cookie_is_httponly_lax_and_secure_over_https(app, app_with, staff_users):
    response = sign_in(app.test_client(), "editor@clinic.example.org")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    response = app.test_client().post(
        "/staff/login", data={"email": "editor@clinic.example.org", "password": STAFF_PASSWORD},
        base_url="https://directory.example.org")
    assert "Secure" in response.headers["Set-Cookie"]
    behind_proxy = app_with(PROXY_FIX=1)
    response = behind_proxy.test_client().post(
        "/staff/login", data={"email": "editor@clinic.example.org", "password": STAFF_PASSWORD},
        headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in response.headers["Set-Cookie"]


def _session_signed_hours_ago(app, client, hours):
    """Return the client's session cookie as if it had been signed `hours` ago."""
    value = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value

    class EarlierSigner(TimestampSigner):
        def get_timestamp(self):
            return int(time.time() - hours * 3600)

    def serializer(signer):
        return URLSafeTimedSerializer(
            app.secret_key, salt="cookie-session", serializer=session_json_serializer,
            signer=signer, signer_kwargs={"key_derivation": "hmac",
                                          "digest_method": hashlib.sha1})

    data = serializer(TimestampSigner).loads(value)
    return serializer(EarlierSigner).dumps(data)


def test_a_session_ends_after_the_configured_inactivity(app, app_with, staff_users):
    for config, idle_hours, signed_in in (({}, 7, True), ({}, 9, False),
                                          ({"SESSION_HOURS": 1}, 2, False)):
        subject = app_with(**config) if config else app
        client = subject.test_client()
        sign_in(client, "editor@clinic.example.org")
        stale = _session_signed_hours_ago(subject, client, idle_hours)
        client.set_cookie(subject.config["SESSION_COOKIE_NAME"], stale)
        response = client.get("/staff/")
        assert (response.status_code == 200) is signed_in, (config, idle_hours)


def test_each_request_extends_the_session(client, staff_users):
    sign_in(client, "editor@clinic.example.org")
    response = client.get("/categories")
    assert "Expires=" in response.headers.get("Set-Cookie", "")


def test_forms_without_a_csrf_token_are_refused(app_with, staff_users):
    strict = app_with(WTF_CSRF_ENABLED=True)
    client = strict.test_client()
    response = client.post("/staff/login", data={
        "email": "editor@clinic.example.org", "password": STAFF_PASSWORD})
    assert response.status_code == 400
    assert "This form has expired or did not come from this site" in html_of(response)
    page = html_of(client.get("/staff/login"))
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/staff/login", data={
        "email": "editor@clinic.example.org", "password": STAFF_PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    response = client.post("/staff/password", data={
        "current_password": STAFF_PASSWORD, "new_password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD})
    assert response.status_code == 400
    assert client.get("/staff/").status_code == 200  # still signed in, password unchanged


def test_failed_sign_ins_are_limited_per_account(app_with, staff_users):
    limited = app_with(RATELIMIT_ENABLED=True, LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    client = limited.test_client()
    for _ in range(3):
        assert sign_in(client, "editor@clinic.example.org", "a wrong password!").status_code \
            == 200
    response = sign_in(client, "editor@clinic.example.org")  # even the right password
    assert response.status_code == 429
    assert "Too many sign-in attempts" in html_of(response)
    assert "wait 15 minutes" in html_of(response)
    assert sign_in(client, "admin@clinic.example.org").status_code == 302  # others still can


def test_failed_sign_ins_are_limited_per_address(app_with, staff_users):
    limited = app_with(RATELIMIT_ENABLED=True, LOGIN_LIMIT_PER_ADDRESS="4 per 15 minutes")
    here = limited.test_client()
    here.environ_base["REMOTE_ADDR"] = "203.0.113.7"
    for number in range(4):
        sign_in(here, f"guess{number}@clinic.example.org", "a wrong password!")
    assert sign_in(here, "editor@clinic.example.org").status_code == 429
    elsewhere = limited.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.20"
    assert sign_in(elsewhere, "editor@clinic.example.org").status_code == 302


def test_successful_sign_ins_do_not_count_against_the_limit(app_with, staff_users):
    limited = app_with(RATELIMIT_ENABLED=True, LOGIN_LIMIT_PER_ACCOUNT="2 per 15 minutes")
    for _ in range(4):
        client = limited.test_client()
        assert sign_in(client, "editor@clinic.example.org").status_code == 302


def _session_cookie(client):
    return client.get_cookie("session").value


def test_signing_out_ends_the_session_on_the_server(app, staff_users):
    from tests.helpers.pages import sign_in as post_sign_in

    client = app.test_client()
    assert post_sign_in(client, "editor@clinic.example.org").status_code == 302
    copied = _session_cookie(client)
    assert client.post("/staff/logout").status_code == 302
    replay = app.test_client()
    replay.set_cookie("session", copied)
    response = replay.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
