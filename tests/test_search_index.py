"""The index follows the database with no drift: saves, deletes, rollbacks, two processes
writing at once, a busy lock, and a rebuild that dies half-way."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from directory import models as m
from directory import search
from directory.extensions import db
from tests import builders
from tests.search_helpers import names, run

ROOT = Path(__file__).resolve().parent.parent


def test_create_update_delete_are_searchable_when_commit_returns(app):
    svc = builders.service("Lighthouse Counseling", org=m.Organization(name="County Health"))
    svc.locations[0].name = "Main office"
    db.session.commit()
    assert names(run(search="lighthouse")) == ["Lighthouse Counseling"]
    svc.name = "Beacon Counseling"
    db.session.commit()
    assert names(run(search="lighthouse")) == []
    assert names(run(search="beacon")) == ["Beacon Counseling"]
    svc.phones.append(m.Phone(number="(949) 555-0199"))
    svc.languages.append(m.Language(name="Korean", code="ko"))
    db.session.commit()
    assert names(run(search="beacon", language="ko")) == ["Beacon Counseling"]
    svc.status = "inactive"
    db.session.commit()
    assert names(run(search="beacon")) == []
    svc.status = "active"
    db.session.commit()
    db.session.delete(svc)
    db.session.commit()
    assert names(run(search="beacon")) == []
    assert search.check() == ([], [], [])


def test_a_rollback_leaves_the_index_alone(app):
    builders.service("Anchor Group")
    svc = db.session.query(m.Service).one()
    svc.name = "Renamed Then Rolled Back"
    db.session.flush()
    db.session.rollback()
    assert names(run(search="anchor")) == ["Anchor Group"]
    assert names(run(search="rolled")) == []
    assert search.check() == ([], [], [])


def test_changes_to_an_organization_or_location_reach_its_services(app):
    svc = builders.service("Harbor Meeting")
    svc.organization.name = "Seaside Alliance"
    db.session.commit()
    assert names(run(search="seaside")) == ["Harbor Meeting"]
    location = svc.locations[0]
    location.latitude, location.longitude = 38.58, -121.49  # moved to Sacramento
    db.session.commit()
    assert names(run(near="95814", radius=5)) == ["Harbor Meeting"]
    assert names(run(near="92630", radius=5)) == []


def test_check_index_reports_drift_and_reindex_repairs_it(app, runner):
    builders.service("Quiet Harbor")
    ok = runner.invoke(args=["check-index"])
    assert ok.exit_code == 0, ok.output
    # a change written behind the index's back (sync turned off for this session)
    db.session.info["search_sync_disabled"] = True
    svc = db.session.query(m.Service).one()
    svc.name = "Loud Harbor"
    builders.service("Unindexed House")
    db.session.info.pop("search_sync_disabled")
    drift = runner.invoke(args=["check-index"])
    assert drift.exit_code == 1
    assert f"stale: {svc.id}" in drift.output and "missing:" in drift.output
    rebuilt = runner.invoke(args=["reindex"])
    assert rebuilt.exit_code == 0 and "Indexed 2 services" in rebuilt.output
    assert runner.invoke(args=["check-index"]).exit_code == 0
    assert names(run(search="loud")) == ["Loud Harbor"]


def test_a_busy_lock_queues_the_write_and_the_save_still_succeeds(app):
    store = search.store()
    store.lock_timeout = 0.2
    builders.service("First House")
    ix = store.open_index()
    holder = ix.writer()  # another process holding Whoosh's lock
    try:
        svc = builders.service("Queued House")  # commit returns normally
        assert db.session.get(m.Service, svc.id) is not None
        queued, files = store.take_queued()
        assert svc.id in queued and files
        assert names(run(search="queued")) == []
    finally:
        holder.cancel()
    builders.service("Later House")  # the next write takes the queue with it
    assert names(run(search="queued")) == ["Queued House"]
    assert store.take_queued() == (set(), [])
    assert search.check() == ([], [], [])


WRITER = textwrap.dedent("""
    import sys
    from tests.conftest import make_app
    from tests import builders
    from directory.extensions import db
    from directory import models as m
    app = make_app(sys.argv[1], sys.argv[2], SEARCH_LOCK_TIMEOUT=30)
    with app.app_context():
        org = db.session.get(m.Organization, sys.argv[4])
        for i in range(int(sys.argv[3])):
            builders.service(f"{sys.argv[5]} House {i}", org=org)
""")


def test_two_processes_writing_at_once_lose_nothing(app, tmp_path):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    index_dir = app.config["SEARCH_INDEX_DIR"]
    org = m.Organization(name="Shared Org")
    db.session.add(org)
    db.session.commit()
    search.store().ensure()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, url, index_dir, "15", org.id,
                               label], cwd=ROOT, env=env)
             for label in ("Amber", "Cobalt")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert run(search="amber").total == 15
    assert run(search="cobalt").total == 15
    assert search.check() == ([], [], [])


KILLED_REBUILD = textwrap.dedent("""
    import os, sys
    from tests.conftest import make_app
    from directory import search
    app = make_app(sys.argv[1], sys.argv[2])
    with app.app_context():
        search.rebuild(progress=lambda done, total: os._exit(9))
""")


def test_a_rebuild_killed_half_way_leaves_the_old_index_serving(app):
    builders.service("Steady Harbor")
    store = search.store()
    before = store.current_generation()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", KILLED_REBUILD,  # noqa: PLW1510
                           app.config["SQLALCHEMY_DATABASE_URI"],
                           app.config["SEARCH_INDEX_DIR"]], cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 9
    generations = [p.name for p in Path(app.config["SEARCH_INDEX_DIR"]).glob("gen-*")]
    assert len(generations) == 2  # the abandoned one is there, not in service
    assert store.current_generation() == before
    assert names(run(search="steady")) == ["Steady Harbor"]
    builders.service("Another Harbor")  # writes still work
    count, _ = search.rebuild()
    assert count == 2
    assert store.current_generation() != before
    assert names(run(search="harbor")) == ["Another Harbor", "Steady Harbor"] or \
        set(names(run(search="harbor"))) == {"Another Harbor", "Steady Harbor"}


@pytest.mark.parametrize("count", [3])
def test_searches_keep_working_while_a_rebuild_swaps(app, count):
    for i in range(count):
        builders.service(f"Rebuild House {i}")
    searcher_results = []
    search.rebuild(progress=lambda done, total: searcher_results.append(
        run(search="rebuild").total))
    assert searcher_results == [count]
    assert run(search="rebuild").total == count


def test_reindex_works_on_a_fresh_install(app, runner, tmp_path):
    app.extensions["search"] = type(search.store())(tmp_path / "never-created" / "index")
    builders.service("Fresh Harbor")
    result = runner.invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert names(run(search="fresh")) == ["Fresh Harbor"]


KILLED_AFTER_COMMIT = textwrap.dedent("""
    import os, signal, sys
    from sqlalchemy import event
    from tests.conftest import make_app
    from directory import models as m
    from directory.extensions import db
    app = make_app(sys.argv[1], sys.argv[2])
    with app.app_context():
        service = db.session.get(m.Service, sys.argv[3])
        service.description = "Now with a Saturday morning saxophone circle."
        # Dies the instant the database has committed, before the index is written: as a
        # worker killed by the OOM killer or a deploy would.
        event.listen(db.session, "after_commit",
                     lambda session: os.kill(os.getpid(), signal.SIGKILL), insert=True)
        db.session.commit()
""")


def test_a_worker_killed_between_commit_and_index_write_is_mended_by_repair(app, runner):
    killed = builders.service("Crash Test Counselling")
    others = [builders.service(f"Bystander Clinic {n}").id for n in range(3)]
    generation = search.store().current_generation()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT,
                             app.config["SQLALCHEMY_DATABASE_URI"],
                             app.config["SEARCH_INDEX_DIR"], killed.id], check=False,
                            cwd=ROOT, env=env,
                            timeout=120)
    assert worker.returncode == -9
    db.session.expire_all()
    assert "saxophone" in db.session.get(m.Service, killed.id).description  # committed
    assert run(search="saxophone").total == 0  # but not in the index, and nothing queued
    report = runner.invoke(args=["check-index"])
    assert report.exit_code == 1 and f"stale: {killed.id}" in report.output

    repaired = runner.invoke(args=["check-index", "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "Repaired 1 service(s)" in repaired.output
    assert names(run(search="saxophone")) == ["Crash Test Counselling"]
    assert search.store().current_generation() == generation  # no rebuild happened
    assert runner.invoke(args=["check-index"]).exit_code == 0
    assert len(others) == run(search="bystander").total
