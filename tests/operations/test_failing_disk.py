"""A database that goes away under a running server: its SQLite file moved or deleted (the
connection then refuses writes: SQLITE_READONLY_DBMOVED), opened read-only, or a
PostgreSQL database set read-only. Every save answers a calm 503 that says nothing was
saved (JSON for the API), never a 500; the cause is logged once without what was typed;
/healthz says 503 with the reason; and once the database is back, saves and /healthz work
again in the same server. Each test has a database of its own, so it can be taken away."""

import logging
import os
import sqlite3
import uuid

import psycopg
import pytest
from sqlalchemy import func, select

from directory import models as m
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.apps import make_app, postgres_admin_url
from tests.helpers.pages import form_values, sign_in, staff_password_hash

NOTE = "Ask for Maria at the side door"  # what a person typed: never in a log


class Database:
    """The test's own database, which the test can take away and give back."""

    def __init__(self, app, url):
        self.app, self.url = app, url
        self.sqlite = url.startswith("sqlite")
        self.path = url.removeprefix("sqlite:///")

    def _set_read_only(self, on):
        admin = self.url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)
        name = admin[1]
        with psycopg.connect(f"{admin[0]}/postgres", autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ' + (
                "SET default_transaction_read_only = on" if on
                else "RESET default_transaction_read_only"))
        if on:  # the setting reaches new connections; once off, the server finds out itself
            db.session.remove()
            db.engine.dispose()

    def take_away(self):
        """Move the SQLite file away (the tester's case), or make PostgreSQL read-only."""
        if self.sqlite:
            os.rename(self.path, self.path + ".away")
        else:
            self._set_read_only(True)

    def give_back(self):
        """Put the file back, or make PostgreSQL writable again."""
        if self.sqlite:
            os.replace(self.path + ".away", self.path)
        else:
            self._set_read_only(False)


@pytest.fixture
def database(request, database_factory, tmp_path):
    """An app on a database of its own, with a service, an editor, a coordinator and the
    service's provider; yields a Database. Settings may come as the fixture's parameter."""
    url = database_factory(f"disk_{uuid.uuid4().hex[:8]}")
    app = make_app(url, tmp_path / "index", **getattr(request, "param", {}))
    with app.app_context():
        db.create_all()
        service = builders.service("Harbor Peer Support")
        for role in ("editor", "coordinator"):
            db.session.add(m.User(email=f"{role}@clinic.example.org", role=role, active=True,
                                  password_hash=staff_password_hash()))
        db.session.add(m.User(email="maria@harbor.example.org", role="provider", name="Maria",
                              organization_id=service.organization_id,
                              password_hash=staff_password_hash()))
        db.session.commit()
        yield Database(app, url)
        db.session.remove()
        db.engine.dispose()


def _client(app, email):
    client = app.test_client()
    assert sign_in(client, email).status_code == 302
    return client


def _service_id():
    return db.session.scalar(select(m.Service.id))


def _new_list(client):
    response = client.post("/referrals/lists/new", data={"title": "Options", "reference": "K1"})
    assert response.status_code == 302
    return db.session.scalar(select(m.ReferralList.id))


# Each save: (who signs in, a step before the database goes, the save, what it would have
# changed). The step before reads the form as the person's browser showed it.
def _service_edit(app):
    client, sid = _client(app, "editor@clinic.example.org"), _service_id()
    data = form_values(client.get(f"/staff/services/{sid}/edit").get_data(as_text=True))
    data["name"] = "Harbor Peer Support Renamed"
    return (lambda: client.post(f"/staff/services/{sid}/edit", data=data),
            lambda: db.session.scalar(select(m.Service.name)) == "Harbor Peer Support Renamed")


def _making_a_list(app):
    client = _client(app, "coordinator@clinic.example.org")
    return (lambda: client.post("/referrals/lists/new", data={"title": "Recovery options"}),
            lambda: db.session.scalar(select(func.count(m.ReferralList.id))) > 0)


def _adding_an_item(app):
    client = _client(app, "coordinator@clinic.example.org")
    list_id, sid = _new_list(client), _service_id()
    answers = {"text": "peer support", "near": "92630", "radius": "25", "add": sid}
    return (lambda: client.post(f"/referrals/lists/{list_id}/match", data=answers),
            lambda: db.session.scalar(select(func.count(m.ReferralItem.id))) > 0)


def _noting_an_item(app):
    client = _client(app, "coordinator@clinic.example.org")
    list_id, sid = _new_list(client), _service_id()
    client.post(f"/referrals/lists/{list_id}/match",
                data={"text": "peer support", "near": "92630", "radius": "25", "add": sid})
    item_id = db.session.scalar(select(m.ReferralItem.id))
    return (lambda: client.post(f"/referrals/lists/{list_id}/items/{item_id}",
                                data={f"item-{item_id}-note": NOTE,
                                      f"item-{item_id}-status": "suggested"}),
            lambda: db.session.scalar(select(m.ReferralItem.note)) == NOTE)


def _public_suggestion(app):
    client, sid = app.test_client(), _service_id()
    data = form_values(client.get(f"/services/{sid}/suggest").get_data(as_text=True))
    data.update(body=NOTE, contact="reader@example.org")
    return (lambda: client.post(f"/services/{sid}/suggest", data=data),
            lambda: db.session.scalar(select(func.count(m.Suggestion.id))) > 0)


def _provider_availability(app):
    client, sid = _client(app, "maria@harbor.example.org"), _service_id()
    url = f"/provider/services/{sid}/availability"
    data = form_values(client.get(url).get_data(as_text=True))
    data.update(unit="beds", accepting="yes", available="4", note=NOTE)
    return (lambda: client.post(url, data=data),
            lambda: db.session.scalar(select(func.count(m.ServiceCapacity.id))) > 0)


SAVES = {"staff service edit": _service_edit, "making a referral list": _making_a_list,
         "adding an item": _adding_an_item, "a note on an item": _noting_an_item,
         "public suggestion": _public_suggestion,
         "provider availability": _provider_availability}


def _health(app):
    answer = app.test_client().get("/healthz")
    return answer.status_code, answer.get_json()["reason"]


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_save_with_the_database_gone_says_nothing_was_saved(database, caplog, save):
    app = database.app
    send, saved = save(app)
    assert _health(app) == (200, "ready")
    database.take_away()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        response = send()
    page = response.get_data(as_text=True)
    assert response.status_code == 503, page
    assert "Nothing was saved" in page and "try again in a few minutes" in page
    assert "Traceback" not in page and "sqlite" not in page.lower()
    assert response.headers["Retry-After"] == "120"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "refuses writes" in errors[0].getMessage()
    assert NOTE not in caplog.text and "reader@example.org" not in caplog.text

    status, reason = _health(app)
    assert status == 503 and reason.startswith("the database refuses writes:")
    database.give_back()
    assert _health(app) == (200, "ready")
    assert not saved()  # nothing of the refused save reached the database
    again = send()  # the same server saves again: the failed session was rolled back
    assert again.status_code in (200, 302), again.get_data(as_text=True)
    assert saved()


def test_the_reason_names_a_moved_file_and_a_deleted_one(database):
    if not database.sqlite:
        pytest.skip("SQLite files only")
    app = database.app
    app.config["HEALTH_PROBE_SECONDS"] = 0  # probe at each call (else once a second at most)
    assert _health(app) == (200, "ready")
    os.rename(database.path, database.path + ".away")
    status, reason = _health(app)
    assert status == 503 and "its file was moved or deleted" in reason
    assert "SQLITE_READONLY_DBMOVED" in reason
    os.replace(database.path + ".away", database.path)
    assert _health(app) == (200, "ready")
    os.unlink(database.path)  # deleted outright: the same refusal, and no way back
    status, reason = _health(app)
    assert status == 503 and "moved or deleted" in reason


def test_a_server_that_opened_its_database_read_only_is_not_ready(database, tmp_path):
    if database.sqlite:
        url = f"sqlite:///file:{database.path}?mode=ro&uri=true"
    else:
        database.take_away()  # default_transaction_read_only, for every new connection
        url = database.url
    reader = make_app(url, tmp_path / "index")
    with reader.app_context():
        status, reason = _health(reader)
        response = reader.test_client().post(
            f"/services/{_service_id()}/suggest", data={"body": NOTE})
        db.session.remove()
        db.engine.dispose()
    assert status == 503 and reason.startswith("the database refuses writes:")
    assert "read-only" in reason
    assert response.status_code in (400, 503)  # no token: refused before or at the save


def test_pages_and_the_api_answer_503_when_the_database_does_not_answer(app_with):
    away = app_with(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:9/none")
    client = away.test_client()
    api = client.get("/api/services")
    assert api.status_code == 503 and api.is_json
    assert "Nothing was saved" in api.get_json()["detail"]
    page = client.get("/categories")
    assert page.status_code == 503 and "try again in a few minutes" in page.get_data(
        as_text=True)
    status, reason = _health(away)
    assert status == 503 and "database does not answer" in reason


def test_connections_opened_while_the_file_was_away_do_not_outlive_its_return(database):
    if not database.sqlite:
        pytest.skip("SQLite files only")
    app = database.app
    editor = _client(app, "editor@clinic.example.org")
    sid = _service_id()
    database.take_away()
    busy = db.engine.connect()  # a request in flight holds the server's one connection
    busy.exec_driver_sql("SELECT 1")
    status, reason = _health(app)  # so the probe opens another, on an empty file
    assert status == 503 and "lacks the directory's tables" in reason
    busy.close()
    database.give_back()
    assert [_health(app) for _ in range(3)] == [(200, "ready")] * 3
    data = form_values(editor.get(f"/staff/services/{sid}/edit").get_data(as_text=True))
    data["name"] = "Harbor Peer Support Again"
    assert editor.post(f"/staff/services/{sid}/edit", data=data).status_code == 302


# Writers wait this long for a lock before the database gives up (SQLite waits 5 s by
# default, PostgreSQL for ever).
WAIT = {"pool_pre_ping": True, "hide_parameters": True, "connect_args":
        {"options": "-c lock_timeout=200"} if postgres_admin_url() else {"timeout": 0.2}}


@pytest.mark.parametrize("database", [{"SQLALCHEMY_ENGINE_OPTIONS": WAIT}], indirect=True,
                         ids=["writers wait 0.2 s"])
def test_a_save_behind_a_lock_held_too_long_says_nothing_was_saved(database):
    app = database.app
    send, saved = _service_edit(app)
    if database.sqlite:
        holder = sqlite3.connect(database.path)
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock and hangs
    else:
        holder = psycopg.connect(database.url.replace("postgresql+psycopg://", "postgresql://"))
        holder.execute("LOCK TABLE service IN EXCLUSIVE MODE")  # reads pass, writes wait
    try:
        response = send()
        page = response.get_data(as_text=True)
        assert response.status_code == 503 and "Nothing was saved" in page
        # Locked is busy, not broken: the balancer keeps this server, the probe did not wait.
        assert _health(app) == (200, "ready")
    finally:
        holder.rollback()
        holder.close()
    assert not saved()
    assert send().status_code == 302 and saved()


# Sign-in counts failed attempts in the database after the page is made (Flask-Limiter's
# after_request), so that write fails after the view; errors are answered, not raised.
@pytest.mark.parametrize("database", [{"RATELIMIT_ENABLED": True,
                                       "PROPAGATE_EXCEPTIONS": False}], indirect=True,
                         ids=["limits counted in the database"])
def test_signing_in_with_the_database_gone_answers_the_calm_page(database):
    app = database.app
    visitor = app.test_client()
    assert visitor.get("/staff/login").status_code == 200
    database.take_away()
    response = visitor.post("/staff/login", data={"email": "editor@clinic.example.org",
                                                  "password": "not the password at all"})
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and "try again in a few minutes" in page
    database.give_back()
    assert _health(app) == (200, "ready")


@pytest.mark.parametrize("database", [{"SEARCH_POLL_SECONDS": 0.1}], indirect=True)
def test_the_index_follower_says_once_that_it_waits_for_the_database(database, caplog):
    from directory import search

    search.rebuild()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="directory.search.follow"):
        follower = search.start_following(database.app)
        try:
            database.take_away()
            for _ in range(100):  # a few seconds at most: the follower polls every 0.1 s
                if "waits for the database" in caplog.text:
                    break
                follower.stopped.wait(0.05)
            follower.stopped.wait(1.0)  # ten more polls with the database still away
            database.give_back()
            for _ in range(100):
                if "applies the change log again" in caplog.text:
                    break
                follower.stopped.wait(0.05)
        finally:
            follower.stop()
    said = [r for r in caplog.records if r.name == "directory.search.follow"]
    assert [r.levelno for r in said] == [logging.WARNING, logging.WARNING], caplog.text
    assert "waits for the database" in said[0].getMessage()
    assert "applies the change log again" in said[1].getMessage()
    assert not any(r.exc_info for r in said)
