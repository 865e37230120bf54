"""What the server keeps: the app served as `make run` serves it (gunicorn with
gunicorn.conf.py, on loopback), a search with words and a place, a service page reached
from it, and a share link opened; then the access and error logs are read whole. They
hold each request, but no search word, place or token, and no response says `gunicorn`."""

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from directory import models as m
from directory.extensions import db
from directory.logs import RedactingFilter, redact_path
from tests.helpers.apps import free_port, sample_app

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORDS, PLACE = "methadone", "92630"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Start gunicorn as `make run` does on a prepared directory; yield (base URL, token,
    log file). One server for the module: its tests only read, and each reads the log for
    what it sent."""
    tmp_path = tmp_path_factory.mktemp("served")
    database = f"sqlite:///{tmp_path / 'served.db'}"
    app = sample_app(database, tmp_path / "index")
    with app.app_context():
        referral_list = m.ReferralList(title="Recovery options")
        referral_list.add_service(db.session.scalars(db.select(m.Service)).first(), "test")
        db.session.add(referral_list)
        _link, token = referral_list.share(30, "test")
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    port = free_port()
    log = tmp_path / "server.log"
    env = dict(os.environ, DATABASE_URL=database, SEARCH_INDEX_DIR=str(tmp_path / "index"),
               SECRET_KEY="served-test", GEOCODER="")
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(GUNICORN), "-c", "gunicorn.conf.py", "--workers", "2", "--bind",
             f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env, stdout=out,
            stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/categories", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        try:
            yield base, token, log
        finally:
            server.terminate()
            server.wait(timeout=20)


def _get(url, referer=None):
    request = urllib.request.Request(url, headers={"Referer": referer} if referer else {})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, dict(response.headers), response.read().decode()


def test_the_server_logs_no_search_words_places_or_tokens(served):
    base, token, log = served
    search_url = f"{base}/search?q={WORDS}&near={PLACE}&lang=es"
    status, headers, page = _get(search_url)
    assert status == 200 and PLACE in page
    assert "Server" not in headers
    service_path = page.split('href="/services/', 1)[1].split('"', 1)[0]
    status, headers, _ = _get(f"{base}/services/{service_path}", referer=search_url)
    assert status == 200 and "Server" not in headers
    status, headers, page = _get(f"{base}/shared/{token}", referer=search_url)
    assert status == 200 and "Recovery options" in page and "Server" not in headers
    assert _get(f"{base}/shared/{token}x{WORDS}")[0] == 404

    time.sleep(1)  # gunicorn writes the line after the response
    text = log.read_text()
    lines = [line for line in text.splitlines() if '"GET ' in line]
    assert any('"GET /search" 200' in line for line in lines), text
    assert any('"GET /shared/-" 200' in line for line in lines), text
    assert any('"GET /shared/-" 404' in line for line in lines), text
    for secret in (WORDS, PLACE, token, token[:12], "lang=", "127.0.0.1 -"):
        assert secret not in text, f"{secret!r} is in the server log:\n{text}"


def test_application_log_records_lose_queries_and_tokens():
    record = logging.LogRecord("directory", logging.ERROR, __file__, 1,
                               "Unhandled error on %s %s (from %s)",
                               ("GET", "/shared/abcDEF123-_", "/search?q=detox&near=92630"),
                               None)
    RedactingFilter().filter(record)
    message = record.getMessage()
    assert message == "Unhandled error on GET /shared/- (from /search)"
    assert redact_path("http://x.example/shared/tok?lang=vi") == "http://x.example/shared/-"


# Malformed requests a scanner or a broken client sends, each carrying search words, a
# place and a forwarded address: gunicorn refuses them itself and warns in its error log.
MALFORMED = [
    b"GET /search?q=sober living&near=92630 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /search?q=methadone&near=92630 HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET /search?q=methadone&near=92630 HTTP/1.1\r\nHost: x\r\nX methadone 92630: 1\r\n\r\n",
    b"G\x01T /search?q=methadone&near=92630 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /search?q=" + b"methadone+92630+" * 600 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    (b"GET /search?q=methadone&near=92630 HTTP/1.1\r\nHost: x\r\n"
     b"X-Forwarded-For: 203.0.113.9\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello"),
    (b"POST /search?q=methadone&near=92630 HTTP/1.1\r\nHost: x\r\n"
     b"Transfer-Encoding: chunked\r\n\r\nzz methadone 92630\r\n\r\n"),
    b"GET /search?q=methadone&near=92630 HTTP/1.1\r\nHost: x\r\nX-Note: a\x01methadone\r\n\r\n",
]


def _send_raw(base, request):
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_malformed_requests_leave_no_request_line_words_or_address_in_either_log(served):
    base, _token, log = served
    answers = [_send_raw(base, request) for request in MALFORMED]
    assert all(answer.startswith(b"HTTP/1.1 4") for answer in answers), answers
    time.sleep(1)
    text = log.read_text()
    assert text.count("Invalid request refused") >= 6, text  # the warnings are still there
    for secret in (WORDS, PLACE, "sober", "living", "203.0.113.9"):
        assert secret not in text, f"{secret!r} is in the server log:\n{text}"
    assert not [line for line in text.splitlines()
                if "127.0.0.1" in line and "Listening at" not in line], text


def test_a_plain_request_claiming_https_gets_no_hsts_nor_secure_cookie(served):
    base, _token, _log = served
    request = urllib.request.Request(f"{base}/staff/login",
                                     headers={"X-Forwarded-Proto": "https"})
    response = urllib.request.urlopen(request, timeout=10)
    assert response.status == 200
    assert "Strict-Transport-Security" not in response.headers
    cookies = response.headers.get_all("Set-Cookie") or []
    assert cookies and all("Secure" not in cookie for cookie in cookies), cookies


def test_a_coloured_request_line_is_withheld_too():
    # werkzeug's development server colours its request lines with ANSI escapes
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - [%s] "%s" %s -',
                               ("127.0.0.1", "06/Dec/2026 21:48:58",
                                "\x1b[36mGET /search?q=sober living&near=92630 HTTP/1.1\x1b[0m",
                                "200"), None)
    RedactingFilter().filter(record)
    message = record.getMessage()
    assert message == '[address withheld] - - [06/Dec/2026 21:48:58] "[request withheld]" 200 -'


def test_a_traceback_loses_share_tokens_request_lines_and_addresses():
    try:
        raise ValueError("GET /shared/abcDEF123-_ HTTP/1.1 from 203.0.113.9")
    except ValueError:
        import sys

        record = logging.LogRecord("directory", logging.ERROR, __file__, 1, "Unhandled error",
                                   (), sys.exc_info())
    RedactingFilter().filter(record)
    text = logging.Formatter().format(record)
    assert "ValueError" in text and "Unhandled error" in text
    for secret in ("abcDEF123", "203.0.113.9", "GET /shared"):
        assert secret not in text, text
