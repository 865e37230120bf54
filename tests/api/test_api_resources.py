"""The other HSDS API resources: organizations, taxonomies, taxonomy terms and services
at locations (with HSDS's postcode and proximity), each as a Page and by id."""

import json

SADDLEBACK = "b371f12f-ecb4-5be2-aa1d-02776ac2cb21"


def test_organizations_page_and_one_fully_nested(seeded_client):
    page = seeded_client.get("/api/organizations?search=saddleback").get_json()
    assert [o["id"] for o in page["contents"]] == [SADDLEBACK]
    assert "services" not in page["contents"][0]
    one = seeded_client.get(f"/api/organizations/{SADDLEBACK}").get_json()
    assert one["phones"][0]["number"] == "(949) 555-0123"
    names = [s["name"] for s in one["services"]]
    assert "Spanish-Language Peer Recovery Group" in names
    assert "service_at_locations" not in one["services"][0]
    full = seeded_client.get(f"/api/organizations/{SADDLEBACK}?full_service=true").get_json()
    assert all("service_at_locations" in s for s in full["services"])
    nested = seeded_client.get("/api/organizations?search=saddleback&full=true").get_json()
    assert nested["contents"][0]["services"][0]["name"] == min(names, key=str.lower)
    assert seeded_client.get("/api/organizations/nobody").status_code == 404


def test_organizations_by_taxonomy_term(seeded_client):
    terms = seeded_client.get("/api/taxonomy_terms?search=transportation").get_json()
    term = next(t for t in terms["contents"] if t.get("code") == "transportation")
    page = seeded_client.get(f"/api/organizations?taxonomy_term_id={term['id']}&per_page=100"
                             ).get_json()
    assert page["total_items"] >= 3
    for org in page["contents"][:3]:
        services = seeded_client.get(f"/api/organizations/{org['id']}?full_service=true"
                                     ).get_json()["services"]
        assert any(a["taxonomy_term_id"] == term["id"] for s in services
                   for a in s["attributes"])


def test_taxonomies_and_their_terms(seeded_client):
    taxonomies = seeded_client.get("/api/taxonomies").get_json()
    assert {t["name"] for t in taxonomies["contents"]} == {"Recovery Directory",
                                                           "Open Eligibility"}
    project = next(t for t in taxonomies["contents"] if t["name"] == "Recovery Directory")
    assert seeded_client.get(f"/api/taxonomies/{project['id']}").get_json() == project
    top = seeded_client.get(f"/api/taxonomy_terms?taxonomy_id={project['id']}&top_only=true"
                            ).get_json()
    codes = {t["code"] for t in top["contents"]}
    assert {"category", "payment", "delivery", "population", "accessibility"} <= codes
    category = next(t for t in top["contents"] if t["code"] == "category")
    children = seeded_client.get(f"/api/taxonomy_terms?parent_id={category['id']}&per_page=100"
                                 ).get_json()
    assert children["total_items"] == 25  # the ten of recovery, fifteen for what 2-1-1s list
    assert all(t["parent_id"] == category["id"] for t in children["contents"])
    assert children["contents"][0]["taxonomy_detail"]["name"] == "Recovery Directory"
    one = seeded_client.get(f"/api/taxonomy_terms/{category['id']}").get_json()
    assert one["name"] == "Category"
    assert seeded_client.get("/api/taxonomy_terms/none").status_code == 404
    assert seeded_client.get("/api/taxonomies/none").status_code == 404
    lines = seeded_client.get("/api/taxonomy_terms?format=ndjson").get_data(as_text=True)
    everything = seeded_client.get("/api/taxonomy_terms").get_json()["total_items"]
    assert len(lines.splitlines()) == everything


def test_service_at_locations_by_postcode_and_proximity(seeded_client):
    near = seeded_client.get("/api/service_at_locations?postcode=92630&proximity=3000"
                             "&per_page=100").get_json()
    assert near["total_items"] >= 3
    in_person = [s for s in near["contents"] if s["distance_miles"] is not None]
    assert in_person and all(s["distance_miles"] <= 3000 / 1609.344 for s in in_person)
    first = near["contents"][0]
    assert first["location"]["addresses"] and first["service"]["name"]
    wider = seeded_client.get("/api/service_at_locations?postcode=92630&proximity=40000"
                              ).get_json()
    assert wider["total_items"] > near["total_items"]
    everything = seeded_client.get("/api/service_at_locations").get_json()
    assert everything["total_items"] >= wider["total_items"]
    bad = seeded_client.get("/api/service_at_locations?postcode=00000")
    assert bad.status_code == 400 and "postcode" in bad.get_json()["errors"]
    far = seeded_client.get("/api/service_at_locations?postcode=92630&proximity=9999999")
    assert far.status_code == 400 and "proximity" in far.get_json()["errors"]


def test_service_at_locations_take_the_search_parameters_and_nest_in_full(seeded_client):
    page = seeded_client.get("/api/service_at_locations?search=detox&near=Irvine, CA"
                             "&full=true&per_page=5").get_json()
    assert page["total_items"] >= 1
    first = page["contents"][0]
    assert "phones" in first and "schedules" in first
    one = seeded_client.get(f"/api/service_at_locations/{first['id']}").get_json()
    assert one["location"]["id"] == first["location"]["id"]
    assert seeded_client.get("/api/service_at_locations/none").status_code == 404
    streamed = seeded_client.get("/api/service_at_locations?search=detox&near=Irvine, CA"
                                 "&format=ndjson").get_data(as_text=True).splitlines()
    assert len(streamed) == page["total_items"]
    assert json.loads(streamed[0])["id"] == first["id"]
