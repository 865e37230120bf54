"""The cluster benchmark: N app servers (gunicorn as `make run` starts it, each with its
own index folder) on one PostgreSQL, a burst of concurrent staff edits sent through all of
them, and for every edit the time from its save returning to the change being searchable
on each *other* server (p50, p99). One server is killed with SIGKILL during the burst and
restarted: it must catch up from the change log without a reindex. At the end every server
must answer every changed search, and `check-index` must report zero drift on each.
`.venv/bin/python bench/cluster.py --database-url postgresql://postgres@127.0.0.1:5432/test`
(tests/search/test_cluster.py runs the same `Cluster` at a smaller size)."""

import argparse
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = ROOT / ".venv" / "bin"
EMAIL = "cluster-editor@example.org"
PASSWORD = "cluster-bench-password-1"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """Servers on one database, each with its own index folder under `folder`."""

    def __init__(self, database_url, folder, servers=3, workers=1):
        self.folder = Path(folder)
        self.ports = [_free_port() for _ in range(servers)]
        self.workers = workers
        self.processes = [None] * servers
        self.env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "one-cluster-key",
                    "DIRECTORY_ENV": "production", "SERVERS": str(servers), "GEOCODER": "",
                    "SEARCH_POLL_SECONDS": "1", "PYTHONPATH": str(ROOT)}
        self.env.pop("SEARCH_INDEX_DIR", None)

    def flask(self, *args, stdin=None):
        """Run a `flask` command on the cluster's database (from server 0's folder)."""
        return subprocess.run([str(BIN / "flask"), "--app", "directory", *args],
                              env=self.server_env(0), cwd=ROOT, input=stdin, text=True,
                              capture_output=True, check=False)

    def server_env(self, n):
        return {**self.env, "SEARCH_INDEX_DIR": str(self.folder / f"server-{n}" / "index"),
                "SEARCH_SERVER_NAME": f"server-{n}"}

    def prepare(self):
        """Migrate and seed the database (in this process: quicker than three commands),
        and create the staff account the edits use."""
        import flask_migrate

        from directory import create_app, sample
        from directory import models as m
        from directory.extensions import db

        app = create_app({"SQLALCHEMY_DATABASE_URI": self.env["DATABASE_URL"].replace(
            "postgresql://", "postgresql+psycopg://", 1), "SECRET_KEY": self.env["SECRET_KEY"],
            "SEARCH_INDEX_DIR": str(self.folder / "prepare-index")})
        with app.app_context():
            flask_migrate.upgrade()
            db.session.info["search_sync_disabled"] = True  # the servers build their own
            sample.load_directory()
            user = m.User(email=EMAIL, role="editor", active=True)
            user.set_password(PASSWORD)
            db.session.add(user)
            db.session.commit()
            db.session.remove()
            db.engine.dispose()

    def base(self, n):
        return f"http://127.0.0.1:{self.ports[n]}"

    def start(self, n):
        """Start server `n` (no reindex first: a new server builds its own index)."""
        log = open(self.folder / f"server-{n}.log", "a")  # noqa: SIM115 (kept by the process)
        self.processes[n] = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--workers", str(self.workers),
             "--bind", f"127.0.0.1:{self.ports[n]}", "wsgi:app"],
            env=self.server_env(n), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)

    def generation(self, n):
        """Return the index generation server n has in service (None before it has one)."""
        current = self.folder / f"server-{n}" / "index" / "CURRENT"
        return current.read_text().strip() if current.exists() else None

    @staticmethod
    def wait_for(condition, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not condition():
            time.sleep(0.2)
        return condition()

    def healthz(self, n):
        """Return (status code, reason) of server n's /healthz, or (None, error)."""
        try:
            answer = requests.get(self.base(n) + "/healthz", timeout=5)
            return answer.status_code, answer.json().get("reason")
        except (requests.RequestException, ValueError) as exc:
            return None, type(exc).__name__

    def wait_ready(self, n, seconds=180):
        return self.wait_for(lambda: self.healthz(n)[0] == 200, seconds)

    def kill(self, n):
        """SIGKILL server n's master and workers at once, as an OOM kill or power cut."""
        os.killpg(self.processes[n].pid, signal.SIGKILL)
        self.processes[n].wait()

    def stop(self, grace=20):
        """Stop every server at once (SIGTERM), then kill what is still running after
        `grace` seconds: the servers' graceful shutdowns overlap."""
        running = [p for p in self.processes if p is not None and p.poll() is None]
        for process in running:
            os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in running:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def signed_in(self):
        """Return a requests session signed in as the editor (on server 0; its cookie is
        good on every server, since they share one SECRET_KEY)."""
        from tests.helpers.pages import form_values

        session = requests.Session()
        page = session.get(self.base(0) + "/staff/login", timeout=30).text
        fields = {**form_values(page), "email": EMAIL, "password": PASSWORD}
        answer = session.post(self.base(0) + "/staff/login", data=fields, timeout=30,
                              allow_redirects=False)
        assert answer.status_code == 302, answer.text[:500]
        # Settle the session's CSRF secret before threads share the cookie (or each makes one).
        session.get(urljoin(self.base(0), answer.headers["Location"]), timeout=30)
        return session

    def service_ids(self, n=0):
        page = requests.get(self.base(n) + "/api/services?per_page=100", timeout=30).json()
        return [s["id"] for s in page["contents"]]

    def edit(self, session, n, service_id, word):
        """Add `word` to a service's description through server n's staff editor."""
        from tests.helpers.pages import form_values

        url = f"{self.base(n)}/staff/services/{service_id}/edit"
        fields = form_values(session.get(url, timeout=30).text)
        fields["description"] = f"{fields.get('description', '')} {word}".strip()
        answer = session.post(url, data=fields, timeout=30, allow_redirects=False)
        assert answer.status_code == 302, answer.text[:800]

    def finds(self, n, word, service_id):
        """Return whether server n's search for `word` finds the service (None if down)."""
        try:
            answer = requests.get(self.base(n) + "/api/services", params={"search": word},
                                  timeout=10)
        except requests.RequestException:
            return None
        return answer.status_code == 200 and \
            service_id in [s["id"] for s in answer.json()["contents"]]


def burst(cluster, edits, concurrency, kill=None, lag_timeout=30.0, poll=0.02):
    """Send `edits` edits through the servers in turn, `concurrency` at a time (each thread
    its own services); after each save, time until each other server finds it. Server
    `kill` is killed after a third of the edits and restarted after two thirds. Returns
    (changes [(service id, word)], lags in seconds, edits not found in time)."""
    session = cluster.signed_in()
    ids = cluster.service_ids()
    servers = len(cluster.ports)
    lags, changes, missed = [], [], []
    lock = threading.Lock()
    sent = [0]
    down = set()

    def one(k):
        with lock:
            sent[0] += 1
            count = sent[0]
            if kill is not None and count == edits // 3:
                cluster.kill(kill)
                down.add(kill)
            if kill is not None and count == 2 * edits // 3:
                cluster.start(kill)  # back in the rotation once its /healthz says ready
                threading.Thread(target=lambda: cluster.wait_ready(kill) and
                                 down.discard(kill), daemon=True).start()
        thread_ids = ids[k % concurrency::concurrency] or ids
        service_id = thread_ids[(k // concurrency) % len(thread_ids)]
        word = f"zq{uuid.uuid4().hex[:10]}"
        for target in [n for n in ((k + i) % servers for i in range(servers)) if n not in down]:
            with contextlib.suppress(requests.RequestException):  # killed under it: elsewhere
                cluster.edit(session, target, service_id, word)
                break
        saved = time.monotonic()
        with lock:
            changes.append((service_id, word))
        waiting = {n for n in range(servers) if n != target and n not in down}
        while waiting and time.monotonic() - saved < lag_timeout:
            waiting -= down  # killed meanwhile: its restart is checked by final_answers
            for n in sorted(waiting):
                if cluster.finds(n, word, service_id):
                    waiting.discard(n)
                    with lock:
                        lags.append(time.monotonic() - saved)
            time.sleep(poll)
        if waiting:
            with lock:
                missed.append((service_id, word, sorted(waiting)))

    def worker(slot):  # one edit after another: a thread's services never race
        for k in range(slot, edits, concurrency):
            one(k)

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    return changes, lags, missed


def final_answers(cluster, changes):
    """Return [(server, word)] for each latest change some server does not find."""
    latest = {}
    for service_id, word in changes:
        latest[service_id] = word  # an earlier word is gone once a later edit replaced it
    wrong = []
    for n in range(len(cluster.ports)):
        for service_id, word in latest.items():
            if not cluster.finds(n, word, service_id):
                wrong.append((n, word))
    return wrong


def percentile(values, share):
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _database(admin_url, label):
    import psycopg

    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    name = f"cluster_{label}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return plain.rsplit("/", 1)[0] + "/" + name


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL server's URL")
    parser.add_argument("--servers", type=int, default=3)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--kill", type=int, default=1, help="server to kill (-1: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cluster-") as folder:
        cluster = Cluster(_database(args.database_url, "bench"), folder, args.servers)
        cluster.prepare()
        try:
            started = time.monotonic()
            for n in range(args.servers):
                cluster.start(n)
            assert all(cluster.wait_ready(n) for n in range(args.servers))
            print(f"{args.servers} servers built their indexes and were ready in "
                  f"{time.monotonic() - started:.1f} s")
            began = time.monotonic()
            changes, lags, missed = burst(cluster, args.edits, args.concurrency,
                                          None if args.kill < 0 else args.kill)
            took = time.monotonic() - began
            assert cluster.wait_ready(max(args.kill, 0))
            wrong = final_answers(cluster, changes)
            report = cluster.flask("check-index", "--wait", "30")
            killed = f", server {args.kill} killed and restarted" if args.kill >= 0 else ""
            ms = [round(v * 1000) for v in (percentile(lags, 0.5), percentile(lags, 0.99),
                                            max(lags), statistics.mean(lags))]
            print(f"{len(changes)} edits in {took:.1f} s through {args.servers} servers "
                  f"({args.concurrency} at a time{killed}); lag from save to searchable on "
                  f"another server: p50 {ms[0]} ms, p99 {ms[1]} ms, max {ms[2]} ms, mean "
                  f"{ms[3]} ms ({len(lags)} measured); edits not found in time: "
                  f"{len(missed)}; wrong final answers: {len(wrong)}")
            print(report.stdout.strip())
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
