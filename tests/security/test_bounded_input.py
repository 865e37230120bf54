"""Hostile input is refused in words at a bounded cost, never with a 500 or a traceback:
JSON nested 1,000 and 100,000 deep (API bodies, import files, a feed), bodies past their
size, zip bombs (peak memory of the refusing process measured), zips that are damaged,
encrypted, crowded or climb out of their folder, CSV values and row counts past their
bounds, and text longer than TEXT_MAX_CHARS (the record named and skipped, the rest
imported; the staff and provider forms say so next to the field)."""

import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from directory import models as m
from directory.extensions import db

ROOT = Path(__file__).resolve().parents[2]
LISTINGS = ["/api/services", "/api/organizations", "/api/taxonomy_terms", "/api/taxonomies",
            "/api/service_at_locations"]
MB = 1024 * 1024
PEAK_MB = 256


def _nested(depth):
    return "[" * depth + "]" * depth


def _services():
    return db.session.scalar(select(func.count()).select_from(m.Service))


@pytest.mark.parametrize("path", LISTINGS)
def test_an_api_body_nested_deep_is_a_400_saying_what_to_send(app, client, path):
    for body in (_nested(1000), '{"search": ' + _nested(1000) + "}"):
        answer = client.post(path, data=body, content_type="application/json")
        assert answer.status_code == 400 and answer.mimetype == "application/problem+json"
        assert "levels deep; at most 64 are accepted" in answer.get_json()["errors"]["body"]
        assert 'one flat JSON object, like {"search"' in answer.get_json()["detail"]
    deepest = client.post(path, data=_nested(100_000), content_type="application/json")
    assert deepest.status_code == 413  # 200 kB: past the API's 64 kB before any parsing
    assert "larger than the 65,536 bytes the API accepts" in deepest.get_json()["detail"]
    app.config["API_MAX_BODY_BYTES"] = MB
    deepest = client.post(path, data=_nested(100_000), content_type="application/json")
    assert deepest.status_code == 400
    assert "100,000 levels deep" in deepest.get_json()["errors"]["body"]


def test_an_oversize_body_is_a_413_in_words_with_or_without_its_length(app, client):
    big = json.dumps({"search": "x" * (2 * MB)}).encode()
    answer = client.post("/api/services", data=big, content_type="application/json")
    assert answer.status_code == 413 and "the API accepts" in answer.get_json()["detail"]
    chunked = client.post("/api/services", input_stream=io.BytesIO(big),
                          content_type="application/json",
                          environ_overrides={"wsgi.input_terminated": True})
    assert chunked.status_code == 413 and "the API accepts" in chunked.get_json()["detail"]
    page = client.post("/staff/login", data={"email": "a@b.org", "password": "x" * (3 * MB)})
    assert page.status_code == 413 and "Too much was sent" in page.get_data(as_text=True)


@pytest.mark.parametrize("name, text, depth", [
    ("deep.json", _nested(1000), "1,000"),
    ("deeper.json", _nested(100_000), "100,000"),
    ("record.json", '[{"id": "x", "name": ' + _nested(5000) + "}]", "5,002"),
    ("lines.ndjson", '{"id": "x"}\n' + _nested(100_000) + "\n", "100,000"),
])
def test_an_import_of_json_nested_deep_says_so_and_imports_nothing(
        runner, tmp_path, table_snapshot, name, text, depth):
    (tmp_path / name).write_text(text)
    before = table_snapshot()
    result = runner.invoke(args=["import-hsds", str(tmp_path / name)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    line = " line 2:" if name.endswith(".ndjson") else ""
    assert f"Error: {name}:{line} nests arrays and objects {depth} levels deep; at most 64 " \
           "are accepted (JSON_MAX_DEPTH" in result.output
    assert table_snapshot() == before


def _deflate(data):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _write_zip(path, members):
    """Write a zip by hand from (name, raw deflate stream, crc, size) members, so a test can
    hold a bomb made of one compressed megabyte repeated."""
    with open(path, "wb") as out:
        directory = b""
        for name, stream, crc, size in members:
            offset, encoded = out.tell(), name.encode()
            out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, crc,
                                  len(stream), size, len(encoded), 0) + encoded + stream)
            directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 33, crc,
                                     len(stream), size, len(encoded), 0, 0, 0, 0, 0,
                                     offset) + encoded
        start = out.tell()
        out.write(directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members),
                                          len(members), len(directory), start, 0))


def _package_members(hsds_fixtures, leave_out=()):
    return [(p.name, _deflate(p.read_bytes()), zlib.crc32(p.read_bytes()), p.stat().st_size)
            for p in sorted((hsds_fixtures / "package").iterdir()) if p.name not in leave_out]


def _zip_bomb(path, hsds_fixtures, megabytes=2048):
    """A data package whose services.csv is a header and `megabytes` MB of zeros on one
    line, its sizes declared truthfully: 2 GB compress to about 2 MB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(b"id,name\n") + packer.flush(zlib.Z_FULL_FLUSH)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)  # restarts clean
    crc = zlib.crc32(b"id,name\n")
    for _ in range(megabytes):
        crc = zlib.crc32(bytes(MB), crc)
    stream = head + zeros * megabytes + b"\x03\x00"  # then an empty last block
    _write_zip(path, _package_members(hsds_fixtures, {"services.csv"}) + [
        ("services.csv", stream, crc, 8 + megabytes * MB)])


def _too_many_rows(path, hsds_fixtures):
    """2,100,000 one-line phones (4.6 MB zipped): more rows than one import takes (which
    took 836 MB before it was refused)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("phones.csv", b"id,number\n" + b"".join(
            b"%d,1\n" % i for i in range(2_100_000)))


MEASURED = ("import resource, subprocess, sys\n"
            "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, "
            "done.returncode)\n"
            "print(done.stdout + done.stderr)\n")


@pytest.mark.parametrize("case, settings, refusal", [
    ("bomb", {}, "services.csv expands to more than 100 times its compressed size"),
    # with any ratio allowed, the endless line is what stops it
    ("one line", {"HSDS_IMPORT_MAX_RATIO": "1000000"},
     "services.csv line 2: longer than 1,048,576 characters"),
    ("rows", {}, "holds 2,100,000 rows; at most 2,000,000 records are imported at once"),
])
def test_a_small_zip_that_would_take_gigabytes_is_refused_by_a_process_that_stays_small(
        app, hsds_fixtures, tmp_path, case, settings, refusal):
    path = tmp_path / "package.zip"
    if case == "rows":
        _too_many_rows(path, hsds_fixtures)
    else:
        _zip_bomb(path, hsds_fixtures, 2048 if case == "bomb" else 512)
    assert path.stat().st_size < 5 * MB
    # The headers' 2 GB are allowed, so only the bytes really read can stop it.
    env = {**os.environ, "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "SEARCH_INDEX_DIR": app.config["SEARCH_INDEX_DIR"], "SECRET_KEY": "test-secret",
           "HSDS_IMPORT_MAX_BYTES": str(4 * 1024 * MB), **settings}
    measured = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-m", "flask", "--app", "directory",
         "import-hsds", str(path)], check=False, capture_output=True, text=True, env=env, cwd=ROOT)
    first, _, output = measured.stdout.partition("\n")
    peak_mb, status = map(int, first.split())
    assert status == 1 and refusal in output and "Traceback" not in output, output
    assert peak_mb < PEAK_MB, f"the refusing process peaked at {peak_mb} MB"
    assert _services() == 0


def _good_zip(path, hsds_fixtures):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted((hsds_fixtures / "package").iterdir()):
            archive.write(file, file.name)
    return path


def _damage(path, hsds_fixtures, case):
    """Make the hostile zip of `case` at `path`; return the refusal expected."""
    good = _good_zip(path.with_name("good.zip"), hsds_fixtures)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("services.csv")
        names = archive.namelist()
    if case == "bad CRC":
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        data[start + info.compress_size // 2] ^= 0x55
        path.write_bytes(data)
        return "services.csv is damaged (Bad CRC-32 for file 'services.csv'); make the zip"
    if case == "truncated":
        path.write_bytes(data[: len(data) // 2])
        return "not a zip file, or a damaged or incomplete one; make it again"
    if case == "not a zip":
        path.write_text("id,name\nthis is a CSV file named .zip\n")
        return "not a zip file, or a damaged or incomplete one"
    if case == "encrypted":
        at = data.find(b"PK\x01\x02")
        while data[at + 46:at + 58] != b"services.csv":
            at = data.find(b"PK\x01\x02", at + 4)
        data[at + 8] |= 1  # the table of contents' "encrypted" flag of services.csv
        path.write_bytes(data)
        return "services.csv is encrypted; export the package without a password"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, (hsds_fixtures / "package" / name).read_bytes(),
                             zipfile.ZIP_BZIP2 if case == "bzip2" and name == "services.csv"
                             else zipfile.ZIP_DEFLATED)
        if case in ("climbs out", "absolute"):
            archive.writestr("../services.csv" if case == "climbs out" else "/etc/cron.d/x",
                             b"id\n1\n")
        if case == "crowded":
            for number in range(1200):
                archive.writestr(f"notes/{number}.txt", b"")
    return {"bzip2": "services.csv is compressed with bzip2; make the zip again",
            "climbs out": "holds '../services.csv', a path that leaves the package",
            "absolute": "holds '/etc/cron.d/x', a path that leaves the package",
            "crowded": "lists more than 1,000 files; at most 1,000 are read"}[case]


@pytest.mark.parametrize("case", ["bad CRC", "truncated", "not a zip", "encrypted", "bzip2",
                                  "climbs out", "absolute", "crowded"])
def test_a_hostile_zip_is_a_clear_error_and_imports_nothing(
        runner, hsds_fixtures, tmp_path, table_snapshot, case):
    path = tmp_path / "package.zip"
    expected = _damage(path, hsds_fixtures, case)
    before = table_snapshot()
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert f"Error: package.zip: {expected}" in result.output
    assert table_snapshot() == before


def test_csv_values_and_rows_past_their_bounds_are_refused(app, runner, hsds_fixtures,
                                                           tmp_path):
    package = tmp_path / "package"
    shutil.copytree(hsds_fixtures / "package", package)
    services = (package / "services.csv").read_text().splitlines()
    first = services[1].split(",")
    first[2] = '"' + "x" * 200_000 + '"'  # a quoted value past the csv module's bound
    (package / "services.csv").write_text("\n".join([services[0], ",".join(first)]) + "\n")
    result = runner.invoke(args=["import-hsds", str(package)])
    assert "services.csv line 2: a value is longer than 131,072 characters " \
           "(HSDS_IMPORT_MAX_FIELD_CHARS)" in result.output and _services() == 0
    shutil.copy(hsds_fixtures / "package" / "services.csv", package / "services.csv")
    app.config["HSDS_IMPORT_MAX_RECORDS"] = 5
    result = runner.invoke(args=["import-hsds", str(package)])
    assert result.exit_code == 1 and "rows; at most 5 records are imported at once" \
        in result.output and _services() == 0


def test_text_past_the_bound_skips_its_record_by_name_and_the_rest_imports(
        client, runner, hsds_fixtures, tmp_path):
    """A CSV cell under the csv bound but past TEXT_MAX_CHARS (a 20 MB one in JSON is in
    test_hsds_malformed.py)."""
    package = tmp_path / "package"
    shutil.copytree(hsds_fixtures / "package", package)
    with (package / "services.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    long_one = rows[1][0]
    rows[1][rows[0].index("description")] = "Stay with us. " * 7000
    with (package / "services.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = runner.invoke(args=["import-hsds", str(package)])
    assert result.exit_code == 1
    assert f"skipped: service {long_one}: description: is 98,000 characters long; at most " \
           "10,000 are accepted (TEXT_MAX_CHARS)" in result.output
    assert db.session.get(m.Service, long_one) is None and _services() == 1
    assert client.get(f"/services/{long_one}").status_code == 404
    assert client.get(f"/services/{rows[2][0]}").status_code == 200


def test_the_forms_take_text_up_to_the_same_bound_and_say_so_past_it(
        app, staff_client, referral_directory):
    from tests.helpers.pages import form_values, sign_in, staff_password_hash

    service = referral_directory["peer"]
    editor = staff_client("editor")
    url = f"/staff/services/{service.id}/edit"
    data = form_values(editor.get(url).get_data(as_text=True))
    assert 'maxlength="10000"' in editor.get(url).get_data(as_text=True)
    refused = editor.post(url, data={**data, "description": "y" * 10_001})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "Use at most 10,000 characters here; this has 10,001." in \
        html.split('id="description-error"', 1)[1].split("</p>", 1)[0]
    assert editor.post(url, data={**data, "description": "y" * 10_000}).status_code == 302
    db.session.add(m.User(email="maria@casa.example.org", role="provider", name="Maria",
                          organization_id=service.organization_id,
                          password_hash=staff_password_hash()))
    db.session.commit()
    provider = app.test_client()
    sign_in(provider, "maria@casa.example.org")
    text_url = f"/provider/services/{service.id}/text"
    answer = provider.post(text_url, data={"description": "z" * 10_001,
                                           "eligibility_description": "Adults"})
    assert "Use at most 10,000 characters here; this has 10,001." in \
        answer.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(m.Service, service.id).description == "y" * 10_000


@pytest.fixture
def hostile_site():
    """(answer, base URL) of a loopback site giving every request answer["body"] with the
    status answer["status"], streamed without a Content-Length (read until a bound)."""
    answer = {"status": "200 OK"}

    def respond(environ, start_response):
        body = answer["body"]
        start_response(answer["status"], [("Content-Type", "application/json")])
        return [body[i:i + 65536] for i in range(0, len(body), 65536)]

    server = make_server("127.0.0.1", 0, respond)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield answer, f"http://127.0.0.1:{server.server_port}/api"
    server.shutdown()
    thread.join()


def test_a_feed_answering_too_deep_or_too_much_is_refused_in_words(app, runner, hostile_site):
    answer, url = hostile_site
    answer["body"] = _nested(100_000).encode()
    result = runner.invoke(args=["sync-hsds", url])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "the answer nests arrays and objects 100,000 levels deep; at most 64 are " \
           "accepted (JSON_MAX_DEPTH)" in result.output
    app.config["HSDS_FEED_MAX_BYTES"] = MB
    page = {"contents": [], "last_page": True, "padding": "x" * (2 * MB)}
    answer["body"] = json.dumps(page).encode()
    result = runner.invoke(args=["sync-hsds", url])
    assert result.exit_code == 1
    assert "the answer is longer than the 1,048,576 bytes accepted (HSDS_FEED_MAX_BYTES)" \
        in result.output


def test_a_text_gateway_refusing_in_deep_json_is_explained_not_a_500(
        app, coordinator_client, referral_list, hostile_site):
    answer, url = hostile_site
    answer["status"], answer["body"] = "400 Bad Request", _nested(100_000).encode()
    app.config.update(SMS_API_URL=f"{url}/Messages.json", SMS_ACCOUNT="AC0123",
                      SMS_API_KEY="secret-key", SMS_FROM="+17145550100")
    sent = coordinator_client.post(f"/referrals/lists/{referral_list.id}/send/text",
                                   data={"text-number": "(949) 555-0999"})
    assert sent.status_code == 502
    assert "The text message service refused this number" in sent.get_data(as_text=True)
