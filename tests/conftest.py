"""Fixtures: apps on a real database (SQLite files, or PostgreSQL when DATABASE_URL names
one), a real search index in a temporary folder, and test clients and CLI runners.

`app` is an empty directory, fresh for each test. `seeded_app` holds the sample
directory, loaded once per session: tests using it must not change it.

Test databases need no durability across a power cut, only the same transactions, locks
and visibility, so they skip the wait for the disk: temporary folders (SQLite files,
search indexes) are in RAM where /dev/shm exists (a SQLite commit took 5.3 ms on this
machine's disk, 0.03 ms there), and PostgreSQL's test databases commit without waiting for
the WAL flush (3.3 ms to 0.2 ms). What is tested does not change.
"""

import functools
import os
import re
import tempfile
import uuid
from html.parser import HTMLParser

import psycopg
import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from directory import create_app
from directory.config import from_environment
from directory.extensions import db

RUN_ID = uuid.uuid4().hex[:8]
RAM, RAM_NEEDED = "/dev/shm", 1 << 30  # a run writes some tens of megabytes at most


def _ram_free(path):
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


if "TMPDIR" not in os.environ and os.path.isdir(RAM) and os.access(RAM, os.W_OK) \
        and _ram_free(RAM) >= RAM_NEEDED:  # a container's 64 MB /dev/shm is left alone
    tempfile.tempdir = RAM  # read by pytest's tmp_path, also in xdist's workers


def _postgres_admin_url():
    url = from_environment().get("SQLALCHEMY_DATABASE_URI", "")
    return url if url.startswith("postgresql") else None


def _plain(url):
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="session")
def database_factory(tmp_path_factory):
    """Return a function making a new, empty database URL; drops them at the end."""
    admin = _postgres_admin_url()
    made = []

    def make(label):
        if admin is None:
            path = tmp_path_factory.mktemp("db") / f"{label}.db"
            return f"sqlite:///{path}"
        name = f"directory_test_{RUN_ID}_{label}"
        with psycopg.connect(_plain(admin), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
            conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
        made.append(name)
        return admin.rsplit("/", 1)[0] + "/" + name

    yield make
    if admin:
        with psycopg.connect(_plain(admin), autocommit=True) as conn:
            for name in made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


EDITOR_PATH = re.compile(r"/(staff|provider)/.+/(edit|phones|hours|areas|availability|text)$")
STAMP_INPUT = re.compile(r'name="stamp" type="hidden" value="([0-9a-f]*)"')


class BrowserClient(FlaskClient):
    """A test client that posts an editor's form the way a browser does: with the stamp of
    the record as the form showed it (opened just before). Tests of editors at once pass
    their own `stamp`."""

    def post(self, *args, **kwargs):
        url, data = (args[0] if args else kwargs.get("path", "")), kwargs.get("data")
        path = url.split("?", 1)[0]
        if isinstance(data, dict) and "stamp" not in data and EDITOR_PATH.search(path):
            found = STAMP_INPUT.search(self.get(url).get_data(as_text=True))
            kwargs["data"] = {**data, "stamp": found.group(1) if found else ""}
        return super().post(*args, **kwargs)


def make_app(url, index_dir, **extra):
    """Create an app on database `url` with its search index in `index_dir`."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": url,
        "SEARCH_INDEX_DIR": str(index_dir),
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "GEOCODER": "",
    }
    config.update(extra)
    app = create_app(config)
    app.test_client_class = BrowserClient
    return app


@pytest.fixture(scope="session")
def _function_database(database_factory):
    """One database for function-scoped apps, its tables created once."""
    url = database_factory("fn")
    app = make_app(url, "/nonexistent")
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    return url


def _empty_all_tables():
    """Delete every row, children first. On PostgreSQL the DELETEs go in one round trip:
    a TRUNCATE of the 42 tables took 0.6 s per test there, the DELETEs 2 ms."""
    deletes = [f'DELETE FROM "{t.name}"' for t in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        db.session.connection().exec_driver_sql("; ".join(deletes))
    else:
        for statement in deletes:
            db.session.execute(text(statement))
    db.session.commit()


@pytest.fixture
def app(_function_database, tmp_path):
    """An app on an empty database and an empty search index."""
    app = make_app(_function_database, tmp_path / "index")
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def seeded_app(database_factory, tmp_path_factory):
    """An app holding the sample directory, loaded once. Do not change its data."""
    from directory import sample

    app = make_app(database_factory("seeded"), tmp_path_factory.mktemp("seeded-index"))
    with app.app_context():
        db.create_all()
        sample.load_directory()
        result = app.test_cli_runner().invoke(args=["reindex"])
        assert result.exit_code == 0, result.output
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def seeded_client(seeded_app):
    with seeded_app.app_context():
        yield seeded_app.test_client()


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only", action="store_true",
        help="run only the tests that open a test database (make test's PostgreSQL half: the "
             "others, pure functions and servers on their own SQLite file, ran in the first)")


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    others = [item for item in items if "database_factory" not in item.fixturenames]
    if others:
        config.hook.pytest_deselected(items=others)
        items[:] = [item for item in items if "database_factory" in item.fixturenames]


def pytest_report_header(config):
    url = _postgres_admin_url()
    return f"database: {'PostgreSQL ' + url if url else 'SQLite'}"


os.environ.setdefault("FLASK_DEBUG", "0")


# Staff workspace: one account per role, signed-in clients, and apps with stricter settings.
STAFF_PASSWORD = "correct horse battery staple"


@functools.lru_cache(maxsize=1)
def staff_password_hash():
    """Return the scrypt hash of STAFF_PASSWORD, computed once (scrypt is slow on purpose)."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(STAFF_PASSWORD, method="scrypt")


def sign_in(client, email, password=STAFF_PASSWORD):
    """Post the staff sign-in form; return the response."""
    return client.post("/staff/login", data={"email": email, "password": password})


@pytest.fixture
def staff_users(app):
    """One active account per role: {"admin": User, "editor": User, "coordinator": User}."""
    from directory import models as m

    users = {}
    for role in m.ROLES:
        user = m.User(email=f"{role}@clinic.example.org", role=role, active=True,
                      password_hash=staff_password_hash())
        db.session.add(user)
        users[role] = user
    db.session.commit()
    return users


@pytest.fixture
def staff_client(app, staff_users):
    """Return a function giving a new test client signed in with a role's account."""

    def make(role):
        client = app.test_client()
        response = sign_in(client, staff_users[role].email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return make


@pytest.fixture
def editor_client(staff_client):
    return staff_client("editor")


@pytest.fixture
def admin_client(staff_client):
    return staff_client("admin")


@pytest.fixture
def coordinator_client(staff_client):
    return staff_client("coordinator")


@pytest.fixture
def terms(app):
    """The project taxonomy loaded into `app`: {code: TaxonomyTerm}."""
    from tests import builders

    return builders.load_taxonomy()


@pytest.fixture
def app_with(app):
    """Return a function making another app on the `app` fixture's database and index with
    some settings changed (e.g. WTF_CSRF_ENABLED=True, RATELIMIT_ENABLED=True)."""
    made = []

    def make(**config):
        other = make_app(app.config["SQLALCHEMY_DATABASE_URI"], app.config["SEARCH_INDEX_DIR"],
                         **config)
        made.append(other)
        return other

    yield make
    for other in made:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


HSDS_FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "hsds")


@pytest.fixture
def hsds_fixtures():
    """The folder of our own HSDS 3.0 fixtures (JSON files and a CSV data package)."""
    from pathlib import Path

    return Path(HSDS_FIXTURES)


@pytest.fixture
def table_snapshot():
    """Return a function giving every row of every table, to tell whether anything changed."""

    def snapshot():
        return {table.name: sorted(tuple(map(repr, row)) for row in db.session.execute(
            table.select())) for table in db.metadata.sorted_tables}

    return snapshot


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


def form_values(html, index=-1):
    """Return {name: value or [values]} that a browser would post for a page's POST form
    (the last one by default: the page's own form, after the header's sign-out form)."""
    reader = _FormReader()
    reader.feed(html)
    values = {}
    for name, value in reader.forms[index]["fields"]:
        if name in values:
            values[name] = (values[name] if isinstance(values[name], list)
                            else [values[name]]) + [value]
        else:
            values[name] = value
    return values


# Referral work: a small directory around Lake Forest (92630) and a list made from it.
@pytest.fixture
def referral_directory(app):
    """Four services near 92630, rich enough to print: {short name: Service}."""
    from datetime import date, timedelta

    from directory import models as m
    from directory.models import utcnow
    from tests import builders

    terms = builders.load_taxonomy()

    def tagged(*codes):
        return [terms[code] for code in codes]

    peer = builders.service(
        "Casa Esperanza Peer Group", languages=("English", "Spanish"), commit=False,
        terms=tagged("group-therapy-peer-support", "in-person", "medi-cal", "sliding-scale",
                     "near-transit", "wheelchair-access"),
        application_process="Walk in on a weekday, or call the front desk.",
        fees_description="No cost with Medi-Cal; others pay $0 to $20.")
    peer.phones = [m.Phone(number="(949) 555-0101", type="voice", description="Front desk")]
    peer.schedules = [m.Schedule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at="09:00",
                                 closes_at="17:00"),
                      m.Schedule(freq="WEEKLY", byday="SA", opens_at="10:00",
                                 closes_at="12:00")]
    peer.capacities = [m.ServiceCapacity(available=3, unit=m.Unit(name="seats"),
                                         updated=utcnow() - timedelta(days=2))]
    residential = builders.service(
        "Harbor Residential Program", zip_code="92653", city="Laguna Hills", lat=33.6125,
        lng=-117.7126, minimum_age=18, wait_time="Waitlist: 6 weeks", commit=False,
        terms=tagged("residential-treatment", "in-person", "medi-cal"),
        assured_date=date(2024, 3, 1))
    residential.phones = [m.Phone(number="(949) 555-0102", type="voice")]
    online = builders.service(
        "Online Recovery Circle", virtual=True, commit=False,
        terms=tagged("telehealth", "group-therapy-peer-support", "online-group", "free"))
    rides = builders.service(
        "Lake Forest Rides", virtual=True, languages=("English", "Spanish"), commit=False,
        areas=[("Lake Forest", "postal_code:92630 92610")],
        terms=tagged("transportation", "in-person", "free"))
    rides.phones = [m.Phone(number="(949) 555-0104", type="voice")]
    db.session.commit()
    return {"peer": peer, "residential": residential, "online": online, "rides": rides}


@pytest.fixture
def referral_list(referral_directory, staff_users):
    """A coordinator's list holding the peer group (with a note) and the residential program."""
    from directory import models as m

    coordinator = staff_users["coordinator"]
    made = m.ReferralList(title="Recovery options", reference="JD-4411", created_by=coordinator,
                          contact="Ana Ruiz, (949) 555-0199", notes="Staff only: prefers mornings")
    db.session.add(made)
    made.add_service(referral_directory["peer"], coordinator.email,
                     note="Ask for Maria, mention Dr. Lee sent you")
    made.add_service(referral_directory["residential"], coordinator.email)
    db.session.commit()
    return made


# Interface translations: `make` compiles them at install; a bare `pytest` compiles them here.
TRANSLATIONS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "directory", "translations")


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile each catalog (.po to .mo) that is missing or older than its .po."""
    from pathlib import Path

    from babel.messages.frontend import CommandLineInterface

    catalogs = list(Path(TRANSLATIONS).glob("*/LC_MESSAGES/messages.po"))
    stale = [po for po in catalogs if not po.with_suffix(".mo").exists()
             or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime]
    if stale:
        CommandLineInterface().run(["pybabel", "-q", "compile", "-d", TRANSLATIONS])
    return Path(TRANSLATIONS)
