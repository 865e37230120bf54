"""The API's ETag and Last-Modified follow the directory's data: every commit that changes
it (an edit, a bulk import, a Core insert) gives a new ETag; a change that is rolled back,
or a change to a referral list, leaves cached copies valid."""

import pytest
from sqlalchemy import insert

from directory import models as m
from directory.extensions import db
from directory.hsds import importer
from tests.helpers import builders


def _validators(client, path="/api/organizations"):
    response = client.get(path)
    assert response.status_code == 200
    return response.headers["ETag"], response.headers.get("Last-Modified")


def _still_fresh(client, etag, path="/api/organizations"):
    return client.get(path, headers={"If-None-Match": etag}).status_code == 304


def test_an_edit_gives_a_new_etag_and_a_rollback_does_not(client):
    builders.load_taxonomy()
    service = builders.service("Harbor Counseling")
    etag, modified = _validators(client)
    assert modified is not None and _still_fresh(client, etag)

    service.organization.name = "Harbor Counseling Services"
    db.session.commit()
    assert not _still_fresh(client, etag)
    assert client.get("/api/organizations").get_json()["contents"][0]["name"] == \
        "Harbor Counseling Services"

    etag, _ = _validators(client)
    service.organization.name = "Never saved"
    db.session.flush()
    db.session.rollback()
    assert _still_fresh(client, etag)


def test_bulk_rows_and_imports_give_a_new_etag(client, hsds_fixtures):
    builders.load_taxonomy()
    etag, _ = _validators(client)
    db.session.execute(insert(m.Organization), [
        {"id": m.new_id(), "name": "Bulk Loaded Alliance", "description": "Loaded in bulk"}])
    db.session.commit()
    assert not _still_fresh(client, etag)
    names = [o["name"] for o in client.get("/api/organizations").get_json()["contents"]]
    assert "Bulk Loaded Alliance" in names

    etag, _ = _validators(client, "/api/services")
    report = importer.import_path(hsds_fixtures / "package")
    assert report.created["service"] > 0
    assert not _still_fresh(client, etag, "/api/services")


def test_a_referral_list_change_leaves_the_directory_etag(client):
    builders.load_taxonomy()
    builders.service("Harbor Counseling")
    etag, _ = _validators(client)
    db.session.add(m.ReferralList(title="Client A", reference="AB"))
    db.session.commit()
    assert _still_fresh(client, etag)


# Records of the tables HSDS 3.0 added to ours last: a change to one alone must move the
# stamp, which the streamed answers' ETag and every answer's Last-Modified are made from (a
# JSON page's ETag is its body's hash), so a feed reading NDJSON misses no change.
NEWER_RECORDS = {
    "funding": lambda s: m.Funding(service_id=s.id, source="County grant"),
    "program": lambda s: m.Program(organization_id=s.organization_id, name="Recovery Program"),
    "organization_identifier": lambda s: m.OrganizationIdentifier(
        organization_id=s.organization_id, identifier_type="EIN", identifier="12-3456789"),
    "required_document": lambda s: m.RequiredDocument(service_id=s.id, document="Photo ID"),
    "url": lambda s: m.Url(service_id=s.id, url="https://example.org/intake"),
    "meta_table_description": lambda s: m.MetaTableDescription(name="service",
                                                               language="en"),
}


@pytest.mark.parametrize("kind", sorted(NEWER_RECORDS))
def test_a_record_of_any_hsds_table_gives_a_new_etag(client, kind):
    builders.load_taxonomy()
    service = builders.service("Harbor Counseling")
    path = "/api/services?format=ndjson&full=true"
    etag, _ = _validators(client, path)
    assert _still_fresh(client, etag, path)
    db.session.add(NEWER_RECORDS[kind](service))
    db.session.commit()
    assert not _still_fresh(client, etag, path)


def test_one_list_of_directory_records_moves_the_stamp_and_is_audited():
    from directory import audit, datastamp
    from directory.hsds.tables import TABLES

    hsds = {table.model for table in TABLES.values()} - {m.ChangeRecord}
    assert hsds == set(m.DIRECTORY_RECORDS)
    # and a transit feed's import: the pages read the feeds once per stamp (transit.network)
    assert set(datastamp.DIRECTORY_MODELS) == hsds | {m.ChangeRecord, m.TransitFeed}
    assert set(audit.AUDITED) == hsds | {m.User}



def test_a_provider_account_moves_the_stamp(client):
    """A program with a provider's inbox takes "Ask them to contact me" requests, which
    the pages, the API and matching show; what they keep per stamp must follow."""
    from directory import datastamp
    from tests.helpers.pages import staff_password_hash

    builders.load_taxonomy()
    service = builders.service("Harbor Counseling")
    before = datastamp.read(db.session)
    provider = m.User(email="maria@example.org", role="provider",
                      password_hash=staff_password_hash(),
                      organization_id=service.organization_id)
    db.session.add(provider)
    db.session.commit()
    assert datastamp.read(db.session) != before
    before = datastamp.read(db.session)
    provider.active = False
    db.session.commit()
    assert datastamp.read(db.session) != before
