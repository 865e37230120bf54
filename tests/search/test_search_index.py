"""The index follows the database's change log with no drift: saves, deletes, rollbacks,
two processes writing at once, a busy lock, a worker killed after its commit, a rebuild
that dies half-way, and the parallel rebuild."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from directory import models as m
from directory import search
from directory.extensions import db
from tests.helpers import builders
from tests.helpers.results import names, run

ROOT = Path(__file__).resolve().parents[2]


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


def logged_since(seq):
    """Return the service ids of the change log's entries after number `seq`."""
    return db.session.scalars(select(m.IndexChange.service_id).where(
        m.IndexChange.seq > seq).order_by(m.IndexChange.seq)).all()


def log_head():
    return db.session.scalar(select(m.IndexChange.seq).order_by(
        m.IndexChange.seq.desc()).limit(1)) or 0


def test_a_rollback_leaves_the_index_and_the_log_alone(app):
    builders.service("Anchor Group")
    other = builders.service("Keel House")
    svc = db.session.scalars(select(m.Service).where(m.Service.name == "Anchor Group")).one()
    before = log_head()
    svc.name = "Renamed Then Rolled Back"
    db.session.flush()
    db.session.rollback()
    assert names(run(search="anchor")) == ["Anchor Group"]
    assert names(run(search="rolled")) == []
    other.description = "Open on Sundays."
    db.session.commit()
    # The rolled-back change is forgotten: the next commit logs only what it changed.
    assert logged_since(before) == [other.id]
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


def test_a_busy_lock_leaves_the_change_in_the_log_and_the_save_succeeds(app):
    store = search.store()
    store.lock_timeout = 0.2
    builders.service("First House")
    ix = store.open_index()
    holder = ix.writer()  # another process holding Whoosh's lock
    try:
        before = log_head()
        svc = builders.service("Waiting House")  # commit returns normally
        assert db.session.get(m.Service, svc.id) is not None
        assert logged_since(before) == [svc.id]
        assert names(run(search="waiting")) == []
        assert store.applied() == before
    finally:
        holder.cancel()
    builders.service("Later House")  # the next catch-up applies both entries, in order
    assert names(run(search="waiting")) == ["Waiting House"]
    assert store.applied() == log_head()
    assert search.check() == ([], [], [])


WRITER = textwrap.dedent("""
    import sys
    from tests.helpers.apps import make_app
    from tests.helpers import builders
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
    from tests.helpers.apps import make_app
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
    from tests.helpers.apps import make_app
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


def test_a_worker_killed_between_commit_and_index_write_loses_nothing(app, runner):
    killed = builders.service("Crash Test Counselling")
    others = [builders.service(f"Bystander Clinic {n}").id for n in range(3)]
    generation = search.store().current_generation()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT,
                             app.config["SQLALCHEMY_DATABASE_URI"],
                             app.config["SEARCH_INDEX_DIR"], killed.id], check=False,
                            cwd=ROOT, env=env, timeout=120)
    assert worker.returncode == -9
    db.session.expire_all()
    assert "saxophone" in db.session.get(m.Service, killed.id).description  # committed
    assert run(search="saxophone").total == 0  # not in the index yet, but in the log
    assert logged_since(search.store().applied()) == [killed.id]

    follower = search.start_following(app)  # what every server runs
    try:
        assert wait_for(lambda: names(run(search="saxophone")) == ["Crash Test Counselling"])
    finally:
        follower.stop()
    assert search.store().current_generation() == generation  # no rebuild happened
    assert runner.invoke(args=["check-index", "--wait", "0"]).exit_code == 0
    assert len(others) == run(search="bystander").total


def wait_for(condition, seconds=20.0):
    """Return True as soon as condition() holds, False after `seconds` (no timing asserted:
    only that it happens)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_check_index_repair_mends_every_server_through_the_log(app, runner):
    svc = builders.service("Quiet Lantern")
    db.session.info["search_sync_disabled"] = True  # behind the index's back
    svc.name = "Bright Lantern"
    db.session.commit()
    db.session.info.pop("search_sync_disabled")
    before = log_head()
    repaired = runner.invoke(args=["check-index", "--repair", "--wait", "0"])
    assert repaired.exit_code == 0, repaired.output
    assert "Repaired 1 service(s)" in repaired.output
    assert logged_since(before) == [svc.id]  # other servers rewrite it too
    assert names(run(search="bright")) == ["Bright Lantern"]


def test_the_parallel_rebuild_writes_every_service_once(app_with):
    parallel = app_with(SEARCH_REBUILD_WORKERS=2, SEARCH_PARALLEL_FROM=4)
    with parallel.app_context():
        for n in range(9):
            builders.service(f"Split House {n}", lat=33.6 + n, lng=-117.7 - n)
        count, _ = search.rebuild()
        assert count == 9
        assert len(list(Path(parallel.config["SEARCH_INDEX_DIR"]).glob("gen-*/part-*"))) == 0
        assert run(search="split", per_page=20).total == 9
        assert search.check() == ([], [], [])


def test_a_retired_service_never_shows_even_from_an_index_behind(app):
    kept = builders.service("Harbor Kept")
    retired = builders.service("Harbor Retired")
    assert run(search="harbor").total == 2  # what the database said is kept for its stamp
    db.session.info["search_sync_disabled"] = True  # as on a server that has not caught up
    retired.status = "inactive"
    db.session.commit()
    db.session.info.pop("search_sync_disabled")
    result = run(search="harbor")
    assert [h.service_id for h in result.hits] == [kept.id]
    assert result.total == 1


def _without_vietnamese(_monkeypatch):
    from directory.search.fields import build_schema

    earlier = build_schema()  # as the version before Vietnamese search made it
    earlier.remove("vi")
    return earlier


def _with_a_gone_analyser(monkeypatch):
    """A schema whose analyser is pickled as a class this version no longer has (as indexes
    written before the languages table named `directory.search.schema.FoldingStemmer`)."""
    import types

    from directory.search.fields import build_schema
    from directory.search.languages import FoldingAnalyzer

    gone = types.ModuleType("directory.search.schema")
    gone.FoldingStemmer = type("FoldingStemmer", (FoldingAnalyzer,),
                               {"__module__": gone.__name__})
    monkeypatch.setitem(sys.modules, gone.__name__, gone)
    earlier = build_schema()
    earlier.remove("name")
    earlier.add("name", type(earlier["body"])(analyzer=gone.FoldingStemmer("en"), phrase=False))
    return earlier


@pytest.mark.parametrize("earlier", [_without_vietnamese, _with_a_gone_analyser])
def test_an_index_made_by_an_earlier_version_is_rebuilt_before_the_server_is_ready(
        app, monkeypatch, earlier):
    from whoosh import index as whoosh_index

    from directory.search import indexer

    builders.service("Steady Harbor")
    store = search.store()
    applied = store.applied()
    path = Path(app.config["SEARCH_INDEX_DIR"]) / "gen-earlier"
    path.mkdir()
    with monkeypatch.context() as scope:
        whoosh_index.create_in(str(path), earlier(scope))
    store.promote(path)
    store.mark_applied(applied, path)
    ready, reason = search.readiness()
    assert not ready and "earlier version" in reason
    indexer.catch_up(store, db.engine)
    assert search.readiness() == (True, "ready")
    assert names(run(search="steady")) == ["Steady Harbor"]
