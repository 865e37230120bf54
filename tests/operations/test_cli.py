"""Operator commands: stats, create-user, and the database migrations."""

from sqlalchemy import inspect, select

from directory import models as m
from directory.extensions import db
from tests.helpers.apps import make_app


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


def _create(runner, *args, password="a long enough passphrase"):
    return runner.invoke(args=["create-user", *args], input=password + "\n")


def _account(email):
    return db.session.scalar(select(m.User).where(m.User.email == email))


def test_create_user_refuses_an_existing_email_without_reset(app, runner):
    assert _create(runner, "lead@clinic.example.org", "--role", "admin").exit_code == 0
    result = _create(runner, "Lead@Clinic.example.org", "--role", "coordinator",
                     password="somebody else's password")
    assert result.exit_code != 0
    assert "already has an account (admin)" in result.output
    assert "--reset" in result.output
    user = _account("lead@clinic.example.org")
    assert user.role == "admin"
    assert user.check_password("a long enough passphrase")
    assert not user.check_password("somebody else's password")


def test_create_user_with_reset_sets_the_new_password_and_role(app, runner):
    assert _create(runner, "lead@clinic.example.org", "--role", "admin").exit_code == 0
    result = _create(runner, "lead@clinic.example.org", "--role", "editor", "--reset",
                     password="a brand new passphrase")
    assert result.exit_code == 0, result.output
    assert "its password and role are reset" in result.output
    user = _account("lead@clinic.example.org")
    assert user.role == "editor"
    assert user.check_password("a brand new passphrase")


def test_create_user_with_reset_on_a_new_email_creates_it(app, runner):
    result = _create(runner, "new@clinic.example.org", "--reset", "--password-stdin")
    assert result.exit_code == 0, result.output
    assert "had no account" in result.output
    assert _account("new@clinic.example.org").role == "coordinator"


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


def test_a_directory_seeded_before_the_first_step_gets_its_terms(database_factory, tmp_path):
    """Its editors can tick the first-contact flags after `db upgrade`, without a reseed."""
    from directory import sample

    older = make_app(database_factory("seeded_before"), tmp_path / "index")
    runner = older.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "c3e8f1a5b7d2"]).exception is None
    with older.app_context():
        sample.load_taxonomy()  # as that version's seed did: everything but the new group
        group = db.session.scalar(select(m.TaxonomyTerm).where(
            m.TaxonomyTerm.code == "first-contact"))
        db.session.execute(m.TaxonomyTerm.__table__.delete().where(
            (m.TaxonomyTerm.parent_id == group.id) | (m.TaxonomyTerm.id == group.id)))
        db.session.commit()
        db.session.remove()
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exception is None, result.output
    with older.app_context():
        from directory.staff.first_contact import flag_terms

        assert [t.code for t in flag_terms()] == [
            "video-first-visit", "someone-may-come", "contact-requests"]
        db.session.remove()
        db.engine.dispose()
