"""Account management: admins add staff with a first password, change roles and access,
and can never leave the directory without an active admin. Also the create-user command."""

from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from tests.helpers.pages import form_values, html_of, sign_in

FIRST_PASSWORD = "first password for Rosa"


def _user(email):
    return db.session.scalar(select(m.User).where(m.User.email == email))


def test_an_admin_adds_a_staff_member_who_can_then_sign_in(app, admin_client):
    response = admin_client.post("/staff/users/new", data={
        "email": "Rosa@Clinic.example.org", "role": "editor", "password": FIRST_PASSWORD})
    assert response.status_code == 302
    assert "rosa@clinic.example.org" in html_of(admin_client.get("/staff/users"))
    rosa = app.test_client()
    assert sign_in(rosa, "rosa@clinic.example.org", FIRST_PASSWORD).status_code == 302
    assert rosa.get("/staff/suggestions").status_code == 200
    assert rosa.get("/staff/users").status_code == 403
    records = {r.field_name: r for r in db.session.scalars(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == _user("rosa@clinic.example.org").id))}
    assert (records["role"].replacement_value, records["role"].updated_by) == (
        "editor", "admin@clinic.example.org")
    secret = records["password"]
    assert secret.previous_value is None and secret.replacement_value is None


def test_new_accounts_need_a_long_password_and_a_new_email(admin_client):
    html = html_of(admin_client.post("/staff/users/new", data={
        "email": "short@clinic.example.org", "role": "editor", "password": "short"}))
    assert "at least 12 characters" in html.split('id="password-error"')[1]
    html = html_of(admin_client.post("/staff/users/new", data={
        "email": "EDITOR@clinic.example.org", "role": "editor", "password": FIRST_PASSWORD}))
    assert "already an account with this email" in html.split('id="email-error"')[1]
    html = html_of(admin_client.post("/staff/users/new", data={
        "email": "not an email", "role": "editor", "password": FIRST_PASSWORD}))
    assert "Enter an email address" in html.split('id="email-error"')[1]
    assert _user("short@clinic.example.org") is None


def test_taking_away_access_signs_the_person_out_at_once(admin_client, staff_client,
                                                        staff_users):
    editor = staff_client("editor")
    url = f"/staff/users/{staff_users['editor'].id}/edit"
    data = form_values(html_of(admin_client.get(url)))
    data.pop("active")
    assert admin_client.post(url, data=data).status_code == 302
    response = editor.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_changing_a_role_changes_what_they_may_do_on_their_next_request(admin_client,
                                                                       staff_client,
                                                                       staff_users):
    coordinator = staff_client("coordinator")
    assert coordinator.get("/staff/suggestions").status_code == 403
    url = f"/staff/users/{staff_users['coordinator'].id}/edit"
    data = form_values(html_of(admin_client.get(url)))
    data["role"] = "editor"
    admin_client.post(url, data=data)
    assert coordinator.get("/staff/suggestions").status_code == 200


def test_an_admin_resets_a_forgotten_password(app, admin_client, staff_users):
    url = f"/staff/users/{staff_users['editor'].id}/edit"
    data = form_values(html_of(admin_client.get(url)))
    data["password"] = "short"
    assert "at least 12 characters" in html_of(admin_client.post(url, data=data))
    data["password"] = "a reset password for the editor"
    admin_client.post(url, data=data)
    assert sign_in(app.test_client(), "editor@clinic.example.org",
                   "a reset password for the editor").status_code == 302


def test_the_last_active_admin_cannot_be_demoted_or_locked_out(admin_client, staff_users):
    url = f"/staff/users/{staff_users['admin'].id}/edit"
    data = form_values(html_of(admin_client.get(url)))
    data["role"] = "editor"
    html = html_of(admin_client.post(url, data=data))
    assert "at least one active admin" in html.split('id="role-error"')[1]
    assert _user("admin@clinic.example.org").role == "admin"
    assert admin_client.get("/staff/users").status_code == 200


def test_create_user_makes_the_first_admin_and_records_who(app, runner):
    result = runner.invoke(args=["create-user", "first.admin@clinic.example.org", "--role",
                                 "admin"], input="the very first admin password\n")
    assert result.exit_code == 0, result.output
    assert "can now sign in as admin" in result.output
    client = app.test_client()
    assert sign_in(client, "first.admin@clinic.example.org",
                   "the very first admin password").status_code == 302
    assert client.get("/staff/users").status_code == 200
    record = db.session.scalar(select(m.ChangeRecord).where(
        m.ChangeRecord.resource_id == _user("first.admin@clinic.example.org").id,
        m.ChangeRecord.field_name == "email"))
    assert record.updated_by == "cli"
    again = runner.invoke(args=["create-user", "first.admin@clinic.example.org", "--role",
                                "admin", "--reset"], input="another long password!\n")
    assert "its other sessions are signed out" in again.output
    assert client.get("/staff/").status_code == 302  # the old session ended
