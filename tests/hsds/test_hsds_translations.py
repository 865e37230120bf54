"""A service's and a phone's text in Spanish and Vietnamese travels with HSDS: the export
keeps English in the standard fields and carries the rest in the documented `translations`
extension (a property of each service and phone object; translations.csv in the data
package), still valid against the official schemas; an import reads both forms back into
another directory and refuses, record by record, a language or field it does not keep; the
API's full service objects and the sync-hsds feed carry them too."""

import csv
import json

import pytest
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.hsds import export, importer
from tests.helpers import builders
from tests.helpers import official_hsds as official
from tests.helpers.apps import serving

SPANISH = {"name": "Grupo de apoyo entre pares",
           "description": "Un grupo semanal en español, dirigido por compañeros en recuperación.",
           "wait_time": "Sin espera."}
VIETNAMESE = {"description": "Nhóm hỗ trợ hằng tuần bằng tiếng Việt cho người đang cai nghiện."}


def _translated_service():
    service = builders.service("Peer Support Group", description="A weekly peer group.",
                               wait_time="No wait.", languages=("English", "Spanish"))
    service.phones = [m.Phone(number="(949) 555-0142", type="voice", description="Intake line")]
    db.session.commit()
    builders.translate(service, "es", **SPANISH)
    builders.translate(service, "vi", **VIETNAMESE)
    builders.translate(service.phones[0], "es", description="Línea de admisión")
    builders.translate(service.phones[0], "vi", description="Đường dây tiếp nhận")
    builders.service("Plain Service", description="English only.")
    return service


def _held():
    """Return every translation the directory holds, as comparable tuples."""
    return sorted((t.link_entity, t.link_id, t.language, t.field, t.text)
                  for t in db.session.scalars(select(m.Translation)))


@pytest.mark.parametrize("profile", official.VERSIONS)
def test_the_json_export_carries_translations_and_stays_official(app, tmp_path, profile):
    service = _translated_service()
    export.export(tmp_path / "out", "json", profile=profile)
    services = json.loads((tmp_path / "out" / "services.json").read_text())
    exported = next(s for s in services if s["id"] == service.id)
    assert exported["description"] == "A weekly peer group."  # English stays where it was
    assert exported["translations"] == {"es": SPANISH, "vi": VIETNAMESE}
    assert list(exported["translations"]["es"]) == ["name", "description", "wait_time"]
    assert exported["phones"][0]["translations"] == {
        "es": {"description": "Línea de admisión"}, "vi": {"description": "Đường dây tiếp nhận"}}
    plain = next(s for s in services if s["name"] == "Plain Service")
    assert "translations" not in plain
    assert official.objects_errors(profile, "service", services) == []
    assert [k for s in services for k in official.unknown_keys(profile, "service", s)] == []


def test_the_data_package_declares_and_holds_the_translations_table(app, tmp_path):
    service = _translated_service()
    export.export(tmp_path / "out", "csv")
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    resource = next(r for r in descriptor["resources"] if r["name"] == "translation")
    assert resource["path"] == "translations.csv"
    assert [f["name"] for f in resource["schema"]["fields"]] == [
        "id", "link_entity", "link_id", "language", "field", "text"]
    with (tmp_path / "out" / "translations.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    assert {"link_entity": "service", "link_id": service.id, "language": "vi",
            "field": "description", "text": VIETNAMESE["description"]} in [
        {k: v for k, v in row.items() if k != "id"} for row in rows]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exported_translations_arrive_whole_in_another_directory(app, fresh_app, tmp_path,
                                                                 fmt):
    _translated_service()
    export.export(tmp_path / "out", fmt)
    held = _held()
    with fresh_app.app_context():
        report = importer.import_path(tmp_path / "out")
        assert report.problems == [] and report.ignored == {}
        assert report.created["translation"] == 6
        assert _held() == held
        again = importer.import_path(tmp_path / "out")  # the same file twice changes nothing
        assert again.changed == 0 and _held() == held
        db.session.remove()


def _service_object(service_id, translations, phone_translations=None):
    phone = {"id": f"{service_id[:-4]}ph01", "number": "(714) 555-0100", "type": "voice",
             "description": "Main line"}
    if phone_translations is not None:
        phone["translations"] = phone_translations
    return {"id": service_id, "name": "Imported Group", "status": "active",
            "description": "A group.", "translations": translations, "phones": [phone],
            "organization": {"id": f"{service_id[:-4]}org1", "name": "Imported Org",
                             "description": "An organization."}}


def test_an_import_refuses_a_language_or_field_it_does_not_keep_record_by_record(app,
                                                                                  tmp_path):
    good = "11111111-1111-4111-8111-111111111111"
    bad = "22222222-2222-4222-8222-222222222222"
    builders.hsds_file(tmp_path, "services.json", [
        _service_object(good, {"es": {"description": "Un grupo."},
                               "vi": {"name": "Nhóm " * 60}},
                        {"vi": {"description": "Đường dây chính"}}),
        _service_object(bad, {"fr": {"description": "Un groupe."},
                              "es": {"hours": "Lunes", "name": "Grupo importado"}},
                        {"es": {"number": "555"}}),
    ])
    report = importer.import_path(tmp_path / "services.json")
    messages = [str(p) for p in report.problems]
    assert len(messages) == 4, messages
    assert any(f"the translation of service {good}: its name is 300 characters long; at "
               "most 255 fit" in text for text in messages)
    assert any(f"the translation of service {bad}: 'fr' is not a language" in text
               and "(it keeps es, vi)" in text for text in messages)
    assert any(f"the translation of service {bad}: 'hours' is not a field of a service"
               in text for text in messages)
    assert any("the translation of phone" in text and "'number' is not a field of a phone"
               in text for text in messages)
    service = db.session.get(m.Service, bad)  # the record lands with what was right
    assert service.translation("name", "es") == "Grupo importado"
    assert service.translated_languages() == ["es"]
    assert db.session.get(m.Service, good).translation("description", "es") == "Un grupo."
    assert db.session.get(m.Service, good).phones[0].translation("description", "vi") \
        == "Đường dây chính"


def test_a_strict_import_with_a_bad_translation_writes_nothing(app, tmp_path, table_snapshot):
    before = table_snapshot()
    builders.hsds_file(tmp_path, "services.json", [_service_object(
        "33333333-3333-4333-8333-333333333333", {"vi": {"eligibility": "Người lớn"}})])
    report = importer.import_path(tmp_path / "services.json", strict=True)
    assert [p.field for p in report.problems] == ["field"]
    assert not report.written and table_snapshot() == before


def test_a_translations_table_with_ids_of_its_own_updates_what_is_held(app, fresh_app,
                                                                       tmp_path):
    service = _translated_service()
    export.export(tmp_path / "out", "csv")
    with fresh_app.app_context():
        importer.import_path(tmp_path / "out")
        path = tmp_path / "out" / "translations.csv"
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for number, row in enumerate(rows):  # another directory numbers them its own way
            row["id"] = f"their-own-{number}"
            if row["language"] == "vi" and row["link_id"] == service.id:
                row["text"] = "Nhóm hỗ trợ mỗi tuần."
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        report = importer.import_path(tmp_path / "out")
        assert report.problems == []
        assert report.updated["translation"] == 1 and report.created["translation"] == 0
        assert db.session.get(m.Service, service.id).translation("description", "vi") \
            == "Nhóm hỗ trợ mỗi tuần."
        db.session.remove()


def test_the_api_full_service_objects_carry_translations(app, client):
    service = _translated_service()
    one = client.get(f"/api/services/{service.id}").get_json()
    assert one["translations"] == {"es": SPANISH, "vi": VIETNAMESE}
    assert one["phones"][0]["translations"]["vi"] == {"description": "Đường dây tiếp nhận"}
    assert official.objects_errors("3.0", "service", [one]) == []
    page = client.get("/api/services?full=true&per_page=50").get_json()
    listed = {s["id"]: s for s in page["contents"]}
    assert listed[service.id]["translations"]["es"]["name"] == SPANISH["name"]
    brief = client.get("/api/services?per_page=50").get_json()["contents"]
    assert all("translations" not in s for s in brief)  # a service by its own fields only


def test_a_sync_from_another_directory_keeps_its_translations(app, runner, fresh_app):
    with fresh_app.app_context():
        service = _translated_service()
        service_id, held = service.id, _held()
        assert fresh_app.test_cli_runner().invoke(args=["reindex"]).exit_code == 0
        db.session.remove()
    with serving(fresh_app) as base_url:
        result = runner.invoke(args=["sync-hsds", f"{base_url}/api"])
    assert result.exit_code == 0, result.output
    assert _held() == held
    assert db.session.get(m.Service, service_id).text_in("description", "vi").text \
        == VIETNAMESE["description"]


def test_a_deleted_record_leaves_no_translation_in_the_export(app, fresh_app, tmp_path):
    service = _translated_service()
    db.session.delete(service)  # as a feed's --prune does; its phones go in the database
    db.session.commit()
    export.export(tmp_path / "out", "csv")
    with (tmp_path / "out" / "translations.csv").open(newline="", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle)) == []
    with fresh_app.app_context():
        report = importer.import_path(tmp_path / "out")
        assert report.problems == []
        db.session.remove()
