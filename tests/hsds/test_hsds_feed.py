"""`flask sync-hsds URL` against a second instance of this app, serving the sample
directory over real HTTP on a loopback port: everything the feed lists arrives with its
source and time recorded, later runs ask only for what changed, a staff edit made here is
never overwritten (it is listed as a conflict until an editor settles it), --prune
removes what the feed dropped,
and one run at a time."""

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from directory import models as m
from directory.extensions import db
from directory.hsds import feed
from tests.helpers.apps import sample_app, serving


@pytest.fixture(scope="module")
def feed_site(database_factory, tmp_path_factory):
    """(app, base URL) of another directory's HSDS API, served on 127.0.0.1."""
    other = sample_app(database_factory("feed"), tmp_path_factory.mktemp("feed-index"))
    with serving(other) as base_url:
        yield other, f"{base_url}/api"
    with other.app_context():
        db.engine.dispose()


def _on_feed(other, change):
    """Change the feed's data with `change()` in its own app, and re-index it."""
    with other.app_context():
        change()
        db.session.commit()
        assert other.test_cli_runner().invoke(args=["reindex"]).exit_code == 0
        db.session.remove()


def _listed_on_feed(other):
    with other.app_context():
        return other.test_client().get("/api/services?minimal=true&per_page=1000").get_json()


def _sync(runner, url, *options):
    result = runner.invoke(args=["sync-hsds", url, *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_first_sync_takes_everything_and_later_runs_only_what_changed(app, runner,
                                                                       feed_site):
    other, url = feed_site
    listed = _listed_on_feed(other)
    output = _sync(runner, url)
    assert f"Fetched {listed['total_items']} service(s) from {url}" in output
    assert db.session.scalar(select(func.count()).select_from(m.Service)) == \
        listed["total_items"]
    records = db.session.scalars(select(m.FeedRecord)).all()
    source = db.session.scalar(select(m.FeedSource))
    assert source.url == url and source.high_water is not None
    assert len(records) == listed["total_items"] and not any(r.conflict for r in records)
    assert all(r.source_id == source.id and r.fetched_at for r in records)
    newest = max(s["last_modified"] for s in listed["contents"])
    again = _sync(runner, url)
    at_newest = sum(s["last_modified"] == newest for s in listed["contents"])
    assert f"Fetched {at_newest} service(s) changed since" in again  # on or after: inclusive
    assert "0 created, 0 updated" in again
    service = db.session.get(m.Service, listed["contents"][0]["id"])
    assert service.organization is not None and service.name


def test_a_staff_edit_here_is_never_overwritten_and_is_listed_as_a_conflict(app, runner,
                                                                             feed_site):
    other, url = feed_site
    _sync(runner, url)
    edited, changed = [s["id"] for s in _listed_on_feed(other)["contents"][:2]]
    service = db.session.get(m.Service, edited)
    service.name, service.version = "Edited here by staff", service.version + 1  # as editors do
    db.session.commit()

    def rename():
        for service_id in (edited, changed):
            there = db.session.get(m.Service, service_id)
            there.name, there.last_modified = f"Renamed at the feed {service_id[:4]}", \
                there.last_modified + timedelta(days=3650)
    _on_feed(other, rename)
    output = _sync(runner, url)
    db.session.expire_all()
    assert db.session.get(m.Service, edited).name == "Edited here by staff"
    assert db.session.get(m.Service, changed).name == f"Renamed at the feed {changed[:4]}"
    assert f"conflict: Renamed at the feed {edited[:4]} ({edited})" in output
    record = db.session.get(m.FeedRecord, edited)
    assert record.conflict and json.loads(record.incoming)["name"].startswith("Renamed")
    assert not db.session.get(m.FeedRecord, changed).conflict
    assert "1 conflict(s) wait for an editor" in output
    assert "1 conflict(s) wait" in _sync(runner, url, "--everything")  # still not overwritten
    assert db.session.get(m.Service, edited).name == "Edited here by staff"
    settled = _sync(runner, url, "--take-feed", edited)
    db.session.expire_all()
    assert "the feed's copy is in" in settled
    assert db.session.get(m.Service, edited).name == f"Renamed at the feed {edited[:4]}"
    assert not db.session.get(m.FeedRecord, edited).conflict
    assert "wait for an editor" not in _sync(runner, url)
    again = runner.invoke(args=["sync-hsds", url, "--keep-ours", edited])
    assert again.exit_code == 1 and "No conflict for" in again.output


def test_keeping_the_edit_made_here_lets_later_feed_changes_in(app, runner, feed_site):
    other, url = feed_site
    _sync(runner, url)
    chosen = next(s for s in _listed_on_feed(other)["contents"]
                  if not s["name"].startswith("Renamed"))["id"]
    service = db.session.get(m.Service, chosen)
    service.name, service.version = "Kept here", service.version + 1
    db.session.commit()

    def rename(name, day):  # after the far-future changes of the test above
        def change():
            there = db.session.get(m.Service, chosen)
            there.name, there.last_modified = name, datetime(2040, 1, day)
        return change
    _on_feed(other, rename("First rename at the feed", 1))
    assert f"conflict: First rename at the feed ({chosen})" in _sync(runner, url)
    assert "the edit made here stays" in _sync(runner, url, "--keep-ours", chosen)
    db.session.expire_all()
    assert db.session.get(m.Service, chosen).name == "Kept here"
    _on_feed(other, rename("Second rename at the feed", 2))
    assert "wait for an editor" not in _sync(runner, url)
    db.session.expire_all()
    assert db.session.get(m.Service, chosen).name == "Second rename at the feed"


def test_prune_removes_only_what_the_feed_dropped(app, runner, feed_site):
    other, url = feed_site
    _sync(runner, url)
    kept_local = m.Service(name="Entered here, not from the feed", status="active",
                           organization_id=db.session.scalar(select(m.Organization.id)))
    db.session.add(kept_local)
    db.session.commit()
    dropped = _listed_on_feed(other)["contents"][-1]

    def drop():
        db.session.delete(db.session.get(m.Service, dropped["id"]))
    _on_feed(other, drop)
    assert db.session.get(m.Service, dropped["id"]) is not None
    assert "pruned" not in _sync(runner, url)
    assert db.session.get(m.Service, dropped["id"]) is not None
    output = _sync(runner, url, "--prune")
    db.session.expire_all()
    assert f"pruned: {dropped['name']} ({dropped['id']})" in output
    assert db.session.get(m.Service, dropped["id"]) is None
    assert db.session.get(m.FeedRecord, dropped["id"]) is None
    assert db.session.get(m.Service, kept_local.id) is not None


def test_one_run_at_a_time(app, runner, feed_site):
    _, url = feed_site
    db.session.add(m.FeedSource(url=url, locked_by="another run",
                                locked_until=feed._utcnow() + timedelta(minutes=30)))
    db.session.commit()
    busy = runner.invoke(args=["sync-hsds", url])
    assert busy.exit_code == 1 and "being synced by another run" in busy.output
    assert db.session.scalar(select(func.count()).select_from(m.Service)) == 0
    source = db.session.scalar(select(m.FeedSource))
    source.locked_until = feed._utcnow() - timedelta(minutes=1)  # that run died long ago
    db.session.commit()
    assert "Fetched" in _sync(runner, url)
    db.session.expire_all()
    assert db.session.scalar(select(m.FeedSource)).locked_by is None


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/api", "file:///etc/passwd", "ftp://x/api"])
def test_a_feed_that_cannot_be_read_says_so(runner, url):
    result = runner.invoke(args=["sync-hsds", url])
    assert result.exit_code == 1 and "The feed could not be read" in result.output
    assert db.session.scalar(select(m.FeedSource).where(m.FeedSource.url == url)) \
        .locked_by is None
