"""Fixtures: apps on a real database (SQLite files, or PostgreSQL when DATABASE_URL names
one), a real search index in a temporary folder, and test clients and CLI runners.

`app` is an empty directory, fresh for each test. `seeded_app` holds the sample
directory, loaded once per session: tests using it must not change it.
"""

import os
import uuid

import psycopg
import pytest
from sqlalchemy import text

from directory import create_app
from directory.config import from_environment
from directory.extensions import db

RUN_ID = uuid.uuid4().hex[:8]


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
        made.append(name)
        return admin.rsplit("/", 1)[0] + "/" + name

    yield make
    if admin:
        with psycopg.connect(_plain(admin), autocommit=True) as conn:
            for name in made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
    return create_app(config)


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
    tables = [t.name for t in db.metadata.sorted_tables]
    if db.engine.dialect.name == "postgresql":
        quoted = ", ".join(f'"{t}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {quoted} CASCADE"))
    else:
        for name in reversed(tables):
            db.session.execute(text(f'DELETE FROM "{name}"'))
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
        if "reindex" in app.cli.commands:
            app.test_cli_runner().invoke(args=["reindex"])
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def seeded_client(seeded_app):
    with seeded_app.app_context():
        yield seeded_app.test_client()


def pytest_report_header(config):
    url = _postgres_admin_url()
    return f"database: {'PostgreSQL ' + url if url else 'SQLite'}"


os.environ.setdefault("FLASK_DEBUG", "0")
