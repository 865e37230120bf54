"""Referrals to the program, end to end: a coordinator sends a list item with only the
details the client agreed to share; the program's provider sees it (and nothing else of
the list), answers; the coordinator's dashboard and outcome counts show the answer; the
purge removes what was shared; the FHIR R4 Bundle validates with `fhir.resources`."""

from datetime import date, timedelta

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select

from directory import models as m
from directory.extensions import db
from directory.models.referral import purge_lists
from directory.referrals import outcomes
from tests.helpers.pages import items_by_service, send_to_program, signed_in_provider


def _validated(bundle):
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return {entry["resource"]["resourceType"]: entry["resource"] for entry in bundle["entry"]}


def test_only_agreed_details_go_and_the_answer_comes_back(
        coordinator_client, peer_provider, referral_list):
    items = items_by_service(referral_list)
    peer, residential = items["Casa Esperanza Peer Group"], items["Harbor Residential Program"]
    page = coordinator_client.get(f"/referrals/lists/{referral_list.id}").get_data(as_text=True)
    assert page.count("Send the referral to the program") == 1  # only the peer group has one
    assert send_to_program(coordinator_client, referral_list, residential).status_code == 404
    refused = send_to_program(coordinator_client, referral_list, peer, share_phone="y")
    assert refused.status_code == 200 and "untick the box" in refused.get_data(as_text=True)
    sent = send_to_program(coordinator_client, referral_list, peer, share_first_name="y",
                 first_name="Ana", phone="(949) 555-0142", contact_time="mornings")
    assert sent.status_code == 302
    referral = db.session.scalar(select(m.ProgramReferral))
    assert (referral.first_name, referral.phone, referral.contact_time, referral.status) == \
        ("Ana", None, None, "requested")
    assert peer.status == "referred"

    incoming = peer_provider.get("/provider/referrals").get_data(as_text=True)
    assert "Ana" in incoming and "Sent, not answered yet" in incoming
    for private in ("555-0142", "mornings", "JD-4411", "prefers mornings", "Recovery options",
                    "Ask for Maria"):
        assert private not in incoming
    assert peer_provider.get("/provider/").get_data(as_text=True).count("waiting for your") == 1
    assert peer_provider.post(f"/provider/referrals/{referral.id}",
                              data={"answer": "declined"}).status_code == 200  # no reason
    answered = peer_provider.post(f"/provider/referrals/{referral.id}",
                                  data={"answer": "accepted"})
    assert answered.status_code == 302
    dashboard = coordinator_client.get("/referrals/").get_data(as_text=True)
    assert "Program: Accepted" in dashboard
    listing = coordinator_client.get(f"/referrals/lists/{referral_list.id}")
    assert "Their answer: <strong>Accepted</strong>" in listing.get_data(as_text=True)

    peer_provider.post(f"/provider/referrals/{referral.id}", data={"answer": "completed"})
    db.session.expire_all()
    assert peer.status == "enrolled"
    rows = {row.label: row for row in outcomes.per_service(date.today() - timedelta(days=1),
                                                           date.today() + timedelta(days=1))}
    assert (rows["Casa Esperanza Peer Group"].referred,
            rows["Casa Esperanza Peer Group"].enrolled) == (1, 1)


def test_another_programs_provider_sees_none_of_it(app, coordinator_client, peer_provider,
                                                   referral_directory, referral_list):
    peer = items_by_service(referral_list)["Casa Esperanza Peer Group"]
    send_to_program(coordinator_client, referral_list, peer, share_first_name="y", first_name="Ana")
    referral = db.session.scalar(select(m.ProgramReferral))
    other = signed_in_provider(app, referral_directory["rides"], "driver@rides.example.org")
    assert "Ana" not in other.get("/provider/referrals").get_data(as_text=True)
    assert other.get(f"/provider/referrals/{referral.id}").status_code == 404
    assert other.post(f"/provider/referrals/{referral.id}",
                      data={"answer": "cancelled"}).status_code == 404
    db.session.expire_all()
    assert referral.status == "requested"
    assert other.get(f"/referrals/lists/{referral_list.id}/items/{peer.id}/fhir.json") \
        .status_code == 403


def test_the_purge_takes_what_was_shared_with_the_list(coordinator_client, peer_provider,
                                                       referral_list):
    peer = items_by_service(referral_list)["Casa Esperanza Peer Group"]
    send_to_program(coordinator_client, referral_list, peer, share_first_name="y", first_name="Ana")
    referral_list.updated_at = m.utcnow() - timedelta(days=100)
    db.session.commit()
    assert purge_lists(90) == 1
    assert db.session.scalar(select(m.ProgramReferral)) is None
    assert "Ana" not in peer_provider.get("/provider/referrals").get_data(as_text=True)


def test_the_fhir_bundle_validates_and_holds_a_patient_only_when_shared(
        coordinator_client, peer_provider, referral_list):
    peer = items_by_service(referral_list)["Casa Esperanza Peer Group"]
    url = f"/referrals/lists/{referral_list.id}/items/{peer.id}/fhir.json"
    before = coordinator_client.get(url)
    assert before.mimetype == "application/fhir+json"
    resources = _validated(before.get_json())
    assert set(resources) == {"ServiceRequest", "Task", "Organization", "Location",
                              "HealthcareService"}
    assert resources["Task"]["status"] == "draft"
    assert resources["HealthcareService"]["name"] == "Casa Esperanza Peer Group"
    assert "JD-4411" not in before.get_data(as_text=True)

    send_to_program(coordinator_client, referral_list, peer, share_first_name="y", first_name="Ana",
          share_contact_time="y", contact_time="after 3pm")
    referral = db.session.scalar(select(m.ProgramReferral))
    peer_provider.post(f"/provider/referrals/{referral.id}",
                       data={"answer": "waitlisted", "reason_text": "About two weeks"})
    resources = _validated(coordinator_client.get(url).get_json())
    assert resources["Patient"]["name"] == [{"given": ["Ana"]}]
    assert "telecom" not in resources["Patient"]
    assert resources["Task"]["status"] == "on-hold"
    assert resources["Task"]["statusReason"]["text"] == "About two weeks"
    assert resources["ServiceRequest"]["subject"]["reference"] == \
        f"urn:uuid:{resources['Patient']['id']}"
    assert resources["ServiceRequest"]["note"] == [{"text": "Preferred contact time: after 3pm"}]


def test_the_fhir_bundle_carries_only_safe_web_addresses(coordinator_client, referral_list):
    peer = items_by_service(referral_list)["Casa Esperanza Peer Group"]
    peer.service.url = "javascript:alert(document.domain)"
    peer.service.organization.website = "www.casa-esperanza.example.org"
    db.session.commit()
    bundle = coordinator_client.get(
        f"/referrals/lists/{referral_list.id}/items/{peer.id}/fhir.json").get_json()
    resources = _validated(bundle)
    urls = [entry["value"] for kind in ("HealthcareService", "Organization")
            for entry in resources[kind].get("telecom", []) if entry["system"] == "url"]
    assert urls == ["https://www.casa-esperanza.example.org"]
    assert "javascript:" not in str(bundle)
