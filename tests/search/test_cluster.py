"""Three real servers (gunicorn, as `make run` starts it), each with its own index folder,
on one PostgreSQL: concurrent staff edits through all three, one server killed with
SIGKILL during the burst and restarted; afterwards every server answers every changed
search and check-index reports zero drift on each (bench/cluster.py at a smaller size)."""

import pytest

from bench.cluster import Cluster, burst, final_answers
from tests.helpers.apps import postgres_admin_url

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(postgres_admin_url() is None, reason=(
        "several servers share one database only on PostgreSQL (SQLite is one file on one "
        "machine); run with DATABASE_URL=postgresql://... to test the cluster")),
]


@pytest.fixture
def cluster(database_factory, tmp_path):
    made = Cluster(database_factory("cluster"), tmp_path, servers=3)
    made.prepare()
    yield made
    made.stop()


def test_three_servers_follow_one_change_log_through_a_kill_and_a_reindex(cluster):
    for n in range(3):
        cluster.start(n)
    # None was reindexed: each builds its own index from the database before it is ready.
    assert all(cluster.wait_ready(n) for n in range(3)), [cluster.healthz(n) for n in range(3)]

    changes, _lags, missed = burst(cluster, edits=24, concurrency=4, kill=2, poll=0.1)
    assert missed == []
    assert cluster.wait_ready(2), cluster.healthz(2)  # restarted, caught up from the log
    assert final_answers(cluster, changes) == []
    report = cluster.flask("check-index", "--wait", "30")
    assert report.returncode == 0, report.stdout + report.stderr
    for n in range(3):
        assert f"server-{n}: lag 0, drift 0" in report.stdout, report.stdout
    assert "Indexed" not in (cluster.folder / "server-2.log").read_text()

    # A reindex on one server moves every server to a new generation of its own.
    before = [cluster.generation(n) for n in range(3)]
    done = cluster.flask("reindex")
    assert done.returncode == 0, done.stdout + done.stderr
    assert cluster.wait_for(lambda: all(cluster.generation(n) != before[n] for n in range(3)))
    assert all(cluster.wait_ready(n) for n in range(3))
    assert final_answers(cluster, changes[-3:]) == []
