"""Sign-in and suggestion limits: one count shared by every server process (real gunicorn
servers on loopback) with the embedded default storage, the database, and with the Redis
that deploy/directory.env names (the one on 127.0.0.1:6379 here), counted per account
at an address so a guesser elsewhere cannot lock a colleague out, and the same password
check for every failed sign-in whatever the account."""

import hashlib
import http.client
import socket
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

from directory.extensions import db
from tests.helpers import builders
from tests.helpers.apps import free_port
from tests.helpers.pages import STAFF_PASSWORD, sign_in

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"


def _redis():
    """Return a client of the Redis on loopback, or skip the test when none answers."""
    client = redis.Redis.from_url(REDIS, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis answers at {REDIS} ({error}): limits shared through Redis "
                    "not tested")
    return client


@pytest.fixture(params=["database://", REDIS], ids=["database", "redis"])
def servers(app, tmp_path, request):
    """Start two gunicorn servers on the `app` fixture's database (as two workers of
    `make run` would be, but each reachable by its own port), counting in the storage of
    the parameter; yield their ports."""
    storage, prefix = request.param, f"test-{uuid.uuid4().hex}"
    client = _redis() if storage.startswith("redis") else None
    (tmp_path / "limited_server.py").write_text(textwrap.dedent(f"""
        from directory import create_app
        app = create_app({{
            "SQLALCHEMY_DATABASE_URI": {app.config["SQLALCHEMY_DATABASE_URI"]!r},
            "SEARCH_INDEX_DIR": {app.config["SEARCH_INDEX_DIR"]!r},
            "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False, "GEOCODER": "",
            "RATELIMIT_ENABLED": True, "LOGIN_LIMIT_PER_ACCOUNT": "5 per 15 minutes",
            "SUGGESTION_LIMIT": "5 per hour", "RATELIMIT_STORAGE_URI": {storage!r},
            "RATELIMIT_KEY_PREFIX": {prefix!r}}})
    """))
    ports, processes = [free_port(), free_port()], []
    for port in ports:
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind",
             f"127.0.0.1:{port}", "limited_server:app"],
            cwd=tmp_path, env={"PYTHONPATH": f"{tmp_path}:{ROOT}", "PATH": "/usr/bin:/bin"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        for port in ports:
            _wait_for(port)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        db.session.remove()
        if client is not None:
            counted = list(client.scan_iter(f"*{prefix}*"))
            assert counted, "nothing was counted in Redis"
            client.delete(*counted)


def _wait_for(port):
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server on port {port} did not start")


def _post(port, path, fields):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", path, body=urlencode(fields),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    status = connection.getresponse().status
    connection.close()
    return status


def test_failed_sign_ins_are_counted_once_across_server_processes(staff_users, servers):
    first, second = servers
    wrong = {"email": "editor@clinic.example.org", "password": "a wrong password!"}
    assert [_post(port, "/staff/login", wrong) for port in (first, first, first, second,
                                                            second)] == [200] * 5
    right = {**wrong, "password": STAFF_PASSWORD}
    assert _post(first, "/staff/login", right) == 429
    assert _post(second, "/staff/login", right) == 429


def test_suggestions_are_counted_once_across_server_processes(app, servers):
    service = builders.service("Shared Count Counselling")
    path = f"/services/{service.id}/suggest"
    fields = {"body": "The phone number changed to 555-0199.", "homepage": ""}
    first, second = servers
    assert [_post(port, path, fields) for port in (first, second, first, second, first)] \
        == [302] * 5
    assert _post(second, path, fields) == 429
    assert _post(first, path, fields) == 429


def test_a_guesser_elsewhere_cannot_lock_a_colleague_out(app_with, staff_users):
    limited = app_with(RATELIMIT_ENABLED=True, LOGIN_LIMIT_PER_ACCOUNT="3 per 15 minutes")
    guesser = limited.test_client()
    guesser.environ_base["REMOTE_ADDR"] = "203.0.113.7"
    for _ in range(3):
        sign_in(guesser, "editor@clinic.example.org", "a wrong password!")
    assert sign_in(guesser, "editor@clinic.example.org").status_code == 429
    colleague = limited.test_client()
    colleague.environ_base["REMOTE_ADDR"] = "198.51.100.20"
    assert sign_in(colleague, "editor@clinic.example.org").status_code == 302


def test_every_failed_sign_in_costs_one_password_check(app, client, staff_users, monkeypatch):
    """The time of an answer tells which emails belong to former staff when a deactivated
    account skips the (slow on purpose) password hash: count the hashes computed."""
    staff_users["coordinator"].active = False
    db.session.commit()
    computed = []
    real_scrypt = hashlib.scrypt

    def counted(*args, **kwargs):
        computed.append(1)
        return real_scrypt(*args, **kwargs)

    sign_in(client, "nobody@clinic.example.org", "a wrong password!")  # warm the cache
    monkeypatch.setattr(hashlib, "scrypt", counted)
    for email, password in [("nobody@clinic.example.org", "a wrong password!"),
                            ("coordinator@clinic.example.org", "a wrong password!"),
                            ("coordinator@clinic.example.org", STAFF_PASSWORD),
                            ("editor@clinic.example.org", "a wrong password!")]:
        computed.clear()
        response = sign_in(client, email, password)
        assert response.status_code == 200, email
        assert "The email or password is not right" in response.get_data(as_text=True)
        assert len(computed) == 1, (email, len(computed))
