"""The directory the page benchmark serves: a synthetic directory of N services built once
per database (SQLite file or a PostgreSQL database) with its search index, a staff
account and a referral list, cached under instance/bench-pages/ between runs; the server
started exactly as `make run` starts it; and the memory its workers hold."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "instance" / "bench-pages"
STAFF_EMAIL = "bench@example.org"
STAFF_PASSWORD = "bench-pages-password-1"
SAMPLE_IDS = 200


def _postgres_database(url, services, spread="california"):
    """Return (admin URL, database name, URL of that database) on the server of `url`."""
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    name = f"bench_pages_{services}" + ("_national" if spread == "national" else "")
    return plain, name, plain.rsplit("/", 1)[0] + "/" + name


def environment(kind, services, database_url=None, spread="california"):
    """Return the environment the app runs with for this benchmark directory (a national
    spread is a directory of its own: the California one stays as measured)."""
    folder = CACHE / (f"{kind}-{services}" + ("-national" if spread == "national" else ""))
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'directory.db'}"
    else:
        url = _postgres_database(database_url, services, spread)[2]
    return folder, {**os.environ, "DATABASE_URL": url, "SEARCH_INDEX_DIR": str(folder / "index"),
                    "SECRET_KEY": "bench-pages", "GEOCODER": "", "DIRECTORY_ENV": "development"}


def _flask(env, *args):
    subprocess.run([str(ROOT / ".venv" / "bin" / "flask"), "--app", "directory", *args],
                   env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def prepare(kind, services, database_url=None, seed=7, spread="california"):
    """Build (once) and return the facts of the benchmark directory: ids to visit, list id,
    and the build's seconds (rows, index, ANALYZE, the whole build)."""
    folder, env = environment(kind, services, database_url, spread)
    ready = folder / "ready.json"
    if ready.exists() and kind == "postgresql" and \
            not _postgres_exists(database_url, services, spread):
        ready.unlink()
    if ready.exists():
        _flask(env, "db", "upgrade")  # the code may have moved on since the build
        if kind == "postgresql":
            _postgres_analyze(database_url, services, spread)
        return json.loads(ready.read_text())
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        Path(folder / "directory.db").unlink(missing_ok=True)
    else:
        _postgres_recreate(database_url, services, spread)
    started = time.perf_counter()
    _flask(env, "db", "upgrade")
    built = subprocess.run(
        [sys.executable, "-c", ("from bench.served import _generate; import sys; "
                                "print(_generate(int(sys.argv[1]), int(sys.argv[2]), "
                                "sys.argv[3]))"),
         str(services), str(seed), spread],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    facts = json.loads(built.stdout.strip().splitlines()[-1])
    analyzed = time.perf_counter()
    if kind == "postgresql":
        _postgres_analyze(database_url, services, spread)
    facts["seconds"]["analyze"] = time.perf_counter() - analyzed
    facts["seconds"]["build"] = time.perf_counter() - started
    print(f"[{kind}] built {services:,} services and their index in "
          f"{facts['seconds']['build']:.0f} s", flush=True)
    ready.write_text(json.dumps(facts))
    return facts


def _generate(services, seed, spread="california"):
    """Fill the (migrated, empty) database of the environment; return its facts as JSON."""
    import random

    from sqlalchemy import select

    from bench import synthetic
    from directory import create_app, sample, search
    from directory import models as m
    from directory.extensions import db

    app = create_app()
    with app.app_context():
        sample.load_taxonomy()
        db.session.commit()
        started = time.perf_counter()
        # National directories are a million services: written every 50,000.
        synthetic.generate(services, seed, spread=spread,
                           chunk=50_000 if spread == "national" else None)
        rows = time.perf_counter() - started
        user = m.User(email=STAFF_EMAIL, role="admin")
        user.set_password(STAFF_PASSWORD)
        db.session.add(user)
        db.session.flush()
        referral_list = m.ReferralList(title="Benchmark client", reference="BP",
                                       created_by_id=user.id)
        db.session.add(referral_list)
        db.session.commit()
        started = time.perf_counter()
        search.rebuild()
        index = time.perf_counter() - started
        rng = random.Random(seed)
        service_ids = db.session.scalars(select(m.Service.id)).all()
        organization_ids = db.session.scalars(select(m.Organization.id)).all()
        return json.dumps({
            "services": services,
            "service_ids": rng.sample(service_ids, min(SAMPLE_IDS, len(service_ids))),
            "organization_ids": rng.sample(organization_ids,
                                           min(SAMPLE_IDS, len(organization_ids))),
            "list_id": referral_list.id, "spread": spread,
            "seconds": {"rows": rows, "index": index}})


def _postgres_exists(database_url, services, spread="california"):
    import psycopg

    admin, name, _ = _postgres_database(database_url, services, spread)
    with psycopg.connect(admin, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                            (name,)).fetchone() is not None


def _postgres_analyze(database_url, services, spread="california"):
    """Give the planner its statistics, as autovacuum would soon after a bulk load (the
    test server runs with autovacuum off; without them every join is planned blind)."""
    import psycopg

    with psycopg.connect(_postgres_database(database_url, services, spread)[2],
                         autocommit=True) as conn:
        conn.execute("ANALYZE")


def _postgres_recreate(database_url, services, spread="california"):
    import psycopg

    admin, name, _ = _postgres_database(database_url, services, spread)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


# -- serving -------------------------------------------------------------------------------
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`make serve` (the gunicorn command of `make run`) for `wsgi_app`, in its own
    process group so it can be stopped as a whole."""

    def __init__(self, env, wsgi_app="wsgi:app"):
        self.port = free_port()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            ["make", "-s", "serve", f"PORT={self.port}", f"WSGI_APP={wsgi_app}"], cwd=ROOT,
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"

    def wait_listening(self, timeout=300):
        """Wait until the port accepts connections (no request is sent); return seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped (exit {self.process.returncode})")
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("the server did not start listening")

    def workers(self):
        """Return the pids of the gunicorn workers (children of the gunicorn master)."""
        tree = _children()
        pending, gunicorns = [self.process.pid], []
        while pending:
            pid = pending.pop()
            for child in tree.get(pid, []):
                pending.append(child)
                if "gunicorn" in _cmdline(child):
                    gunicorns.append(child)
        masters = [p for p in gunicorns if _parent(p) not in gunicorns]
        return [p for p in gunicorns if p not in masters]

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


def _children():
    tree = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = _parent(int(entry.name))
            if parent is not None:
                tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _parent(pid):
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _cmdline(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def memory_mb(pid):
    """Return (RSS, PSS) of a process in MB, from /proc/PID/smaps_rollup."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("Rss", 0.0), values.get("Pss", 0.0)
