"""Backups that restore (`flask backup` and `flask restore`), on the database of the run:
staff keep saving services and referral lists through the app while a backup is taken; the
backup holds every save confirmed before it began, nothing half-written, and nothing
confirmed after it ended; it restores into a new, empty database whose search finds its
services, and a server whose index followed the old database rebuilds. A database in use,
a damaged file and an existing backup name are refused in words, changing nothing."""

import shutil
import threading
from types import SimpleNamespace

import pytest
from sqlalchemy import inspect, select, text

from directory import models as m
from directory import search
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.apps import make_app, postgres_admin_url
from tests.helpers.pages import form_values, sign_in, staff_password_hash
from tests.helpers.results import found

ITEMS_PER_LIST = 3
ASKED_NUMBER = "+17145550188"  # a request to be contacted: never in a backup


class Saver(threading.Thread):
    """An editor creating services and a coordinator putting each on a referral list, through
    the app's HTTP interface, one round of saves after another until stopped; `confirmed`
    holds each save the app confirmed, in order, with its round: ("service", id, round),
    ("list", id, round), ("item", list, service, round)."""

    def __init__(self, app, category):
        super().__init__(daemon=True)
        self.app, self.category = app, category
        self.confirmed, self.stopped, self.round = [], threading.Event(), 0
        self.failure = None

    def run(self):
        try:
            self._save_until_stopped()
        except Exception as exc:  # noqa: BLE001 (reported by the test, not lost in a thread)
            self.failure = exc

    def _save_until_stopped(self):
        editor, coordinator = self.app.test_client(), self.app.test_client()
        assert sign_in(editor, "editor@clinic.example.org").status_code == 302
        assert sign_in(coordinator, "coordinator@clinic.example.org").status_code == 302
        form = form_values(editor.get("/staff/services/new").get_data(as_text=True))
        n, list_id = 0, None
        while not self.stopped.is_set():
            n = self.round = n + 1  # said before the round's first request
            if n % ITEMS_PER_LIST == 1:
                made = coordinator.post("/referrals/lists/new", data={"title": f"Drill {n}"})
                assert made.status_code == 302, made.status_code
                list_id = made.headers["Location"].split("/")[-2]
                self.confirmed.append(("list", list_id, n))
            created = editor.post("/staff/services/new", data={
                **form, "name": f"Drill Service {n}", "status": "active",
                "description": f"Evening recovery circle drillword{n}.",
                "languages": "English, Spanish", "categories": self.category})
            assert created.status_code == 302, created.get_data(as_text=True)[-400:]
            service_id = created.headers["Location"].rsplit("/", 1)[-1]
            self.confirmed.append(("service", service_id, n))
            added = coordinator.post(f"/referrals/lists/{list_id}/match", data={
                "categories": "group-therapy-peer-support", "near": "92630", "radius": "25",
                "add": service_id})
            assert added.status_code == 200, added.status_code
            self.confirmed.append(("item", list_id, service_id, n))

    def wait_for(self, done):
        """Wait until `done(confirmed saves)` is true (or the saver failed)."""
        while not done(self.confirmed) and self.failure is None and self.is_alive():
            self.stopped.wait(0.01)
        assert self.failure is None, self.failure


def _invoke(app, *args):
    """Run a flask command of `app` in its own context; return the click result."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args))


def _close(app):
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="module")
def drill(database_factory, tmp_path_factory):
    """A directory made by migrations, backed up while staff save; restored into a new
    database. Returns the apps, the backup's path and output, and the saves confirmed
    before the backup began and after it ended."""
    folder = tmp_path_factory.mktemp("backup")
    # Small steps: the copy really is made a step at a time while saves land in between.
    source = make_app(database_factory("backup_source"), folder / "source-index",
                      BACKUP_STEP_PAGES=8)
    migrated = _invoke(source, "db", "upgrade")
    assert migrated.exit_code == 0, migrated.output
    with source.app_context():
        terms = builders.load_taxonomy()
        harbor = builders.service("Harbor Peer Group",
                                  terms=[terms["group-therapy-peer-support"]])
        db.session.add(m.ContactRequest(service_id=harbor.id, channel="text",
                                        address=ASKED_NUMBER, best_time="any", language="en",
                                        note="Please text after six."))
        for role in ("editor", "coordinator"):
            db.session.add(m.User(email=f"{role}@clinic.example.org", role=role, active=True,
                                  password_hash=staff_password_hash()))
        db.session.commit()
        category = terms["group-therapy-peer-support"].id
        db.session.remove()
    assert _invoke(source, "reindex").exit_code == 0

    saver = Saver(source, category)
    saver.start()
    saver.wait_for(lambda saves: len(saves) >= 8)
    before = list(saver.confirmed)
    path = folder / "directory-nightly.backup"
    backed_up = _invoke(source, "backup", str(path))
    # A round in flight may have committed before the copy's moment: later rounds cannot.
    later = saver.round + 1
    saver.wait_for(lambda saves: any(save[0] == "service" and save[-1] >= later
                                     for save in saves))  # the app kept saving
    saver.stopped.set()
    saver.join()
    assert saver.failure is None, saver.failure
    assert backed_up.exit_code == 0, backed_up.output
    assert path.stat().st_mode & 0o077 == 0  # client lists: no other account may read it

    restored = make_app(database_factory("backup_restored"), folder / "restored-index")
    restore = _invoke(restored, "restore", str(path))
    assert restore.exit_code == 0, restore.output
    yield SimpleNamespace(source=source, restored=restored, path=path, folder=folder,
                          backup_output=backed_up.output, restore_output=restore.output,
                          before=before,
                          after=[save for save in saver.confirmed if save[-1] >= later])
    _close(source)
    _close(restored)


def _saved(kind, saves):
    return [save[1:-1] for save in saves if save[0] == kind]


def test_requests_to_be_contacted_are_never_in_a_backup(drill):
    """They are kept until answered and at most CONTACT_REQUEST_DAYS: a backup kept for
    weeks, or restored, must not keep them longer."""
    with drill.source.app_context():
        assert builders.count(m.ContactRequest) == 1  # still waiting in the inbox
    with drill.restored.app_context():
        assert builders.count(m.ContactRequest) == 0
    content = drill.path.read_bytes()
    assert ASKED_NUMBER.encode() not in content and b"after six" not in content


def test_every_save_confirmed_before_the_backup_began_is_restored(drill):
    with drill.restored.app_context():
        for (service_id,) in _saved("service", drill.before):
            assert db.session.get(m.Service, service_id) is not None, service_id
        for (list_id,) in _saved("list", drill.before):
            assert db.session.get(m.ReferralList, list_id) is not None, list_id
        for list_id, service_id in _saved("item", drill.before):
            assert db.session.get(m.ReferralList, list_id).item_for(service_id) is not None
        # The backup is one moment: saves confirmed after it ended are not in it.
        for (service_id,) in _saved("service", drill.after):
            assert db.session.get(m.Service, service_id) is None, service_id


def test_nothing_in_the_backup_is_half_written(drill):
    with drill.restored.app_context():
        drills = db.session.scalars(select(m.Service).where(
            m.Service.name.like("Drill Service %"))).all()
        assert len(drills) >= len(_saved("service", drill.before))
        for service in drills:  # a service comes whole: languages, category, history
            assert sorted(lang.name for lang in service.languages) == ["English", "Spanish"]
            assert [t.code for t in service.terms] == ["group-therapy-peer-support"]
            history = db.session.scalars(select(m.ChangeRecord.field_name).where(
                m.ChangeRecord.resource_id == service.id)).all()
            assert "name" in history, service.name
        lists = db.session.scalars(select(m.ReferralList).where(
            m.ReferralList.title.like("Drill %"))).all()
        assert lists
        for referral_list in lists:  # each item with its status and the list's record of it
            assert [i.position for i in referral_list.items] == list(
                range(1, len(referral_list.items) + 1))
            added = [c.detail for c in referral_list.changes if c.action == "added"]
            assert sorted(added) == sorted(i.service.name for i in referral_list.items)
            for item in referral_list.items:
                assert [(c.status, c.service_id) for c in item.history] == [
                    ("suggested", item.service_id)]
        # What the backup said it copied is what the restore brought back.
        copied = drill.backup_output.split(": ", 1)[1].splitlines()[0].rstrip(".")
        assert f": {copied};" in drill.restore_output
        assert copied.startswith(f"{len(drills) + 1} services, ")
        assert f", {len(lists)} referral lists, " in copied


def test_the_restored_search_finds_the_restored_services(drill):
    with drill.restored.app_context():
        assert search.check() == ([], [], [])
        service = db.session.scalar(select(m.Service).where(
            m.Service.name == "Drill Service 1"))
        assert found("drillword1") == {service.id}
        page = drill.restored.test_client().get("/search?q=drillword1").get_data(as_text=True)
        assert "Drill Service 1" in page
    assert "Search index rebuilt here" in drill.restore_output


def test_a_server_whose_index_followed_the_old_database_rebuilds(drill, tmp_path):
    # The source server's index holds saves made after the backup, and its place in the
    # old database's log: pointed at the restored database, it must rebuild, not carry on.
    index = tmp_path / "moved-index"
    shutil.copytree(drill.source.config["SEARCH_INDEX_DIR"], index)
    moved = make_app(drill.restored.config["SQLALCHEMY_DATABASE_URI"], index)
    with moved.app_context():
        assert search.check()[2], "the old index should hold services the backup has not"
        search.apply_log()
        assert search.check() == ([], [], [])
    _close(moved)


def test_a_restore_leaves_an_index_in_service_to_its_server(drill, database_factory):
    # Restored with the running server's SEARCH_INDEX_DIR, the index that server answers
    # from (the database in use) is not rebuilt from the backup: it keeps finding what was
    # saved after the backup, and keeps following its own database.
    index = drill.source.config["SEARCH_INDEX_DIR"]
    with drill.source.app_context():
        generation = search.store().current_generation()
    other = make_app(database_factory("backup_second"), index)
    result = _invoke(other, "restore", str(drill.path))
    assert result.exit_code == 0, result.output
    assert "was left alone" in result.output and "rebuilds its own index" in result.output
    _close(other)
    (service_id,) = _saved("service", drill.after)[0]
    with drill.source.app_context():
        assert search.store().current_generation() == generation
        name = db.session.get(m.Service, service_id).name
        assert service_id in found(f"drillword{name.rsplit(' ', 1)[1]}")
        editor = drill.source.test_client()
        sign_in(editor, "editor@clinic.example.org")
        form = form_values(editor.get("/staff/services/new").get_data(as_text=True))
        made = editor.post("/staff/services/new", data={
            **form, "name": "After The Drill", "description": "Saved after the restore.",
            "status": "active", "languages": "English",
            "categories": db.session.scalar(select(m.TaxonomyTerm.id).where(
                m.TaxonomyTerm.code == "group-therapy-peer-support"))})
        assert made.status_code == 302
        assert made.headers["Location"].rsplit("/", 1)[-1] in found("after the drill")


def test_restore_refuses_a_database_in_use_and_changes_nothing(drill, table_snapshot):
    with drill.source.app_context():
        before = table_snapshot()
        result = drill.source.test_cli_runner().invoke(args=["restore", str(drill.path)])
        assert result.exit_code == 1
        assert "already holds" in result.output and "services" in result.output
        assert "new, empty database" in result.output
        assert "Traceback" not in result.output
        db.session.remove()
        assert table_snapshot() == before


def test_restore_refuses_a_database_holding_another_applications_tables(
        drill, database_factory, tmp_path):
    # DATABASE_URL pointed at the wrong database: a restore would replace all of it
    target = make_app(database_factory("backup_someone_elses"), tmp_path / "index")
    with target.app_context(), db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)"))
        conn.execute(text("INSERT INTO invoices VALUES (1, 120), (2, 80)"))
    result = _invoke(target, "restore", str(drill.path))
    assert result.exit_code == 1, result.output
    assert "not the directory's (invoices)" in result.output
    assert "Traceback" not in result.output
    with target.app_context():
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM invoices")) == 2
        assert "service" not in inspect(db.engine).get_table_names()
    _close(target)


@pytest.mark.parametrize("damage", ["cut short", "not a backup"])
def test_a_damaged_backup_is_refused_in_words(drill, database_factory, damage, tmp_path):
    broken = tmp_path / "broken.backup"
    if damage == "cut short":
        whole = drill.path.read_bytes()
        broken.write_bytes(whole[:len(whole) // 2])
    else:
        broken.write_text('{"id": "not a database"}')
    target = make_app(database_factory(f"backup_broken_{len(damage)}"), tmp_path / "index")
    result = _invoke(target, "restore", str(broken))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert any(words in result.output for words in (
        "damaged or cut short", "nothing was restored", "not a backup of the directory"))
    with target.app_context():  # the database was left as it was: empty
        assert "service" not in inspect(db.engine).get_table_names()
    _close(target)


def test_a_backup_never_replaces_an_existing_file(drill):
    kept = drill.path.read_bytes()
    result = _invoke(drill.source, "backup", str(drill.path))
    assert result.exit_code == 1
    assert "already exists; nothing was written" in result.output
    assert drill.path.read_bytes() == kept
    assert [p.name for p in drill.folder.iterdir() if ".partial" in p.name] == []


@pytest.mark.skipif(postgres_admin_url() is None, reason="pg_dump is for PostgreSQL only")
def test_without_pg_dump_the_backup_gives_the_command_to_run(drill, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without postgresql-client
    assert shutil.which("pg_dump") is None
    target = tmp_path / "nightly.backup"
    result = _invoke(drill.source, "backup", str(target))
    assert result.exit_code == 1
    assert "apt-get install postgresql-client" in result.output
    assert (f"pg_dump --format=custom --exclude-table-data=contact_request --file={target} "
            "--dbname=postgresql://") in result.output
    assert not target.exists()
