"""Operator commands: stats, create-user, and the database migrations."""

from sqlalchemy import inspect, select

from directory import models as m
from directory.extensions import db
from tests.conftest import make_app


def test_stats_prints_tables_and_categories(app, runner):
    runner.invoke(args=["seed"])
    result = runner.invoke(args=["stats"])
    assert result.exit_code == 0
    services = db.session.query(m.Service).count()
    assert f"service {services:>8}".replace(" ", "") in result.output.replace(" ", "")
    assert "Residential treatment" in result.output
    assert "Transportation" in result.output


def test_create_user_reads_the_password_from_stdin(app, runner):
    result = runner.invoke(args=["create-user", "Admin@Clinic.example.org", "--role", "admin"],
                           input="a long enough passphrase\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(m.User).where(m.User.email == "admin@clinic.example.org"))
    assert user.role == "admin"
    assert user.check_password("a long enough passphrase")
    assert user.password_hash.startswith("scrypt:")


def test_create_user_refuses_a_short_password(app, runner):
    result = runner.invoke(args=["create-user", "x@clinic.example.org"], input="short\n")
    assert result.exit_code != 0
    assert "at least 12 characters" in result.output
    assert db.session.query(m.User).count() == 0


def test_migrations_build_the_same_schema_as_the_models(database_factory, tmp_path):
    url = database_factory("migrated")
    migrated = make_app(url, tmp_path / "index")
    runner = migrated.test_cli_runner()
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exception is None, result.output
    with migrated.app_context():
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            tables = set(inspect(conn).get_table_names())
        assert {"service", "organization", "location", "taxonomy_term", "attribute"} <= tables
        assert diff == [], diff
        db.engine.dispose()
