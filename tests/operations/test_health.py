"""Readiness for the load balancer (/healthz: 200 or 503 with the reason) and the settings
production refuses because they would break several servers."""

from datetime import timedelta

import pytest
from sqlalchemy import insert

from directory import config, create_app, search
from directory import models as m
from directory.extensions import db
from tests.helpers import builders


def health(client):
    answer = client.get("/healthz")
    return answer.status_code, answer.get_json()["reason"]


def test_a_server_whose_index_is_not_built_is_not_ready(client):
    status, reason = health(client)
    assert status == 503 and "being built" in reason


def test_a_server_whose_index_follows_the_log_is_ready(client):
    builders.service("Ready Harbor")
    assert health(client) == (200, "ready")


def test_a_server_behind_the_log_is_not_ready_until_it_catches_up(app, client):
    svc = builders.service("Behind Harbor")
    svc.name = "Caught Harbor"
    db.session.info["search_sync_disabled"] = True  # a change this process did not apply
    db.session.execute(insert(m.IndexChange).values(
        kind="service", service_id=svc.id, changed_at=m.utcnow() - timedelta(seconds=60)))
    db.session.commit()
    db.session.info.pop("search_sync_disabled")
    status, reason = health(client)
    assert status == 503 and "1 change(s)" in reason and "behind" in reason
    search.apply_log()  # what the follower does within a second
    assert health(client) == (200, "ready")


def test_a_server_without_its_database_is_not_ready(app_with):
    away = app_with(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:9/none")
    status, reason = health(away.test_client())
    assert status == 503 and "database does not answer" in reason


CLUSTER = {"SECRET_KEY": "one-key-for-all", "SERVERS": 3, "GEOCODER": "",
           "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://app@db.internal/directory",
           "RATELIMIT_STORAGE_URI": "redis://cache.internal:6379/0"}


@pytest.mark.parametrize(("change", "named"), [
    ({"RATELIMIT_STORAGE_URI": "memory://"}, "memory://"),
    ({"SQLALCHEMY_DATABASE_URI": "sqlite:///directory.db"}, "SQLite"),
])
def test_production_refuses_settings_that_break_a_cluster(monkeypatch, tmp_path, change, named):
    monkeypatch.setenv("DIRECTORY_ENV", "production")
    with pytest.raises(config.ClusterMisconfigured, match=named):
        create_app({**CLUSTER, "SEARCH_INDEX_DIR": str(tmp_path), **change})


def test_production_starts_with_settings_a_cluster_shares(monkeypatch, tmp_path):
    monkeypatch.setenv("DIRECTORY_ENV", "production")
    made = create_app({**CLUSTER, "SEARCH_INDEX_DIR": str(tmp_path)})
    assert made.config["SERVERS"] == 3
    # One server may count its limits in memory; only several may not.
    create_app({**CLUSTER, "SERVERS": 1, "RATELIMIT_STORAGE_URI": "memory://",
                "SEARCH_INDEX_DIR": str(tmp_path)})


def test_production_refuses_a_per_host_secret(monkeypatch, tmp_path):
    monkeypatch.setenv("DIRECTORY_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(config.MissingSecretKey):
        create_app({**CLUSTER, "SECRET_KEY": "", "SEARCH_INDEX_DIR": str(tmp_path)})


def test_the_log_is_trimmed_once_every_live_server_applied_it(app, client):
    from sqlalchemy import select

    from directory.search import sync

    for n in range(3):
        builders.service(f"Trim House {n}")
    head = sync.head(db.session)
    sync.report(db.session, "app-1", applied=head)
    sync.report(db.session, "app-2", applied=head - 1)
    db.session.add(m.IndexServer(name="gone", applied=0,  # not heard from for an hour
                                 seen_at=m.utcnow() - timedelta(hours=1)))
    db.session.commit()
    assert sync.trim(db.session, live_seconds=600) > 0
    assert db.session.scalars(select(m.IndexChange.seq)).all() == [head]  # the last stays
    # An index behind the trim cannot follow the log: it says so, then rebuilds.
    search.store().mark_applied(head - 2)
    status, reason = health(client)
    assert status == 503 and "too far behind" in reason
    search.apply_log()
    assert health(client) == (200, "ready")
    assert search.check() == ([], [], [])
