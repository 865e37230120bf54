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

import os
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller

from directory.extensions import db
from tests.helpers import builders
from tests.helpers.apps import (
    empty_all_tables,
    free_port,
    make_app,
    postgres_admin_url,
    sample_app,
)
from tests.helpers.pages import sign_in, staff_password_hash
from tests.helpers.routing import share_url_builders

share_url_builders()  # an app per test: each URL builder is compiled once per process
RUN_ID = uuid.uuid4().hex[:8]
RAM, RAM_NEEDED = "/dev/shm", 1 << 30  # a run writes some tens of megabytes at most


def _ram_free(path):
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


if "TMPDIR" not in os.environ and os.path.isdir(RAM) and os.access(RAM, os.W_OK) \
        and _ram_free(RAM) >= RAM_NEEDED:  # a container's 64 MB /dev/shm is left alone
    tempfile.tempdir = RAM  # read by pytest's tmp_path, also in xdist's workers


def _plain(url):
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="session")
def database_factory(tmp_path_factory):
    """Return a function making a new, empty database URL; drops them at the end."""
    admin = postgres_admin_url()
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


@pytest.fixture(scope="session")
def _function_database(database_factory):
    """One database for function-scoped apps, its tables created once."""
    url = database_factory("fn")
    app = make_app(url, "/nonexistent")
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    return url


@pytest.fixture
def app(_function_database, tmp_path):
    """An app on an empty database and an empty search index."""
    app = make_app(_function_database, tmp_path / "index")
    with app.app_context():
        yield app
        db.session.remove()
        empty_all_tables()
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
    app = sample_app(database_factory("seeded"), tmp_path_factory.mktemp("seeded-index"))
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def seeded_client(seeded_app):
    with seeded_app.app_context():
        yield seeded_app.test_client()


def pytest_addoption(parser):
    parser.addoption("--database-tests-only", action="store_true", help="make test's "
                     "PostgreSQL half: the tests that open a database, not index_answers")


def pytest_collection_modifyitems(config, items):
    """--database-tests-only: leave out the tests that open no database, and those of what
    the search index answers (the same files whichever database the rows came from)."""
    if not config.getoption("--database-tests-only"):
        return
    kept = [item for item in items if "database_factory" in item.fixturenames
            and item.get_closest_marker("index_answers") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=list(set(items) - set(kept)))
        items[:] = kept


def pytest_report_header(config):
    return f"database: {'PostgreSQL ' + url if (url := postgres_admin_url()) else 'SQLite'}"


os.environ.setdefault("FLASK_DEBUG", "0")


# Staff workspace: one account per role and signed-in clients.
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


HSDS_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hsds"


@pytest.fixture
def hsds_fixtures():
    """The folder of our own HSDS 3.0 fixtures (JSON files and a CSV data package)."""
    return HSDS_FIXTURES


@pytest.fixture
def table_snapshot():
    """Return a function giving every row of every table, to tell whether anything changed."""

    def snapshot():
        return {table.name: sorted(tuple(map(repr, row)) for row in db.session.execute(
            table.select())) for table in db.metadata.sorted_tables}

    return snapshot


# Referral work: a small directory around Lake Forest (92630) and a list made from it.
@pytest.fixture
def referral_directory(app):
    """Four services near 92630, rich enough to print: {short name: Service}."""
    return builders.referral_directory()


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


# Mail: the referral lists and the programs' notices and reminders send it.
class _Inbox:
    """What a real SMTP server (aiosmtpd) on loopback received: [(recipients, bytes)]."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server(app):
    """A real SMTP server on loopback that `app` sends its mail to; yields its inbox."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port,
                      MAIL_SECURITY="none", MAIL_FROM="lists@clinic.example.org")
    yield inbox
    controller.stop()


# Interface translations: `make` compiles them at install; a bare `pytest` compiles them here.
TRANSLATIONS = Path(__file__).resolve().parents[1] / "directory" / "translations"


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Compile each catalog (.po to .mo) that is missing or older than its .po."""
    from babel.messages.frontend import CommandLineInterface

    catalogs = list(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    stale = [po for po in catalogs if not po.with_suffix(".mo").exists()
             or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime]
    if stale:
        CommandLineInterface().run(["pybabel", "-q", "compile", "-d", str(TRANSLATIONS)])
    return TRANSLATIONS
