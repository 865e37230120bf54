"""GET /api/ and /api/services: HSDS Page objects of full services with distances and
facets, the product's filters, NDJSON, JSON errors that say what to fix, conditional
requests and CORS."""

import json

import pytest

SPANISH_GROUP = "74ef65cb-ce29-538c-873e-6085221868b9"
PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
             "empty", "contents"}


def test_the_root_says_what_this_api_is(seeded_client):
    response = seeded_client.get("/api/")
    body = response.get_json()
    assert response.status_code == 200
    assert body["version"] == "3.0"
    assert body["openapi_url"] == "http://localhost/api/openapi.json"
    assert body["profile"].startswith("https://")


def test_services_answers_an_hsds_page_of_full_services(seeded_client):
    body = seeded_client.get("/api/services?search=spanish peer group&per_page=5&full=true"
                             ).get_json()
    assert PAGE_KEYS <= set(body)
    assert body["page_number"] == 1 and body["first_page"] and body["size"] == 5
    assert body["total_pages"] == -(-body["total_items"] // 5)
    first = body["contents"][0]
    assert first["id"] == SPANISH_GROUP
    assert first["organization"]["name"] == "Saddleback Valley Recovery Collective"
    assert first["service_at_locations"][0]["location"]["addresses"][0]["city"] == "Lake Forest"
    assert first["distance_miles"] is None
    assert body["facets"]["category"]["group-therapy-peer-support"] >= 1


def test_a_place_gives_distances_and_remote_services_have_none(seeded_client):
    body = seeded_client.get("/api/services?near=92630&radius=10&sort=distance&per_page=100"
                             "&full=true").get_json()
    distances = [s["distance_miles"] for s in body["contents"]]
    in_person = [d for d in distances if d is not None]
    assert in_person == sorted(in_person) and in_person[-1] <= 10
    assert None in distances  # telehealth services covering the area come after
    statewide = [s for s in body["contents"] if s["distance_miles"] is None]
    assert all(s["service_areas"] for s in statewide)


@pytest.mark.parametrize(("query", "parameter", "message"), [
    ("near=Narnia", "near", "We could not find “Narnia”"),
    ("near=92630&radius=500", "radius", "radius must be between 1 and 200."),
    ("category=astrology", "category", "Unknown category astrology; use one of:"),
    ("search=" + "recovery " * 1200, "search", "The search text is too long"),
    ("search=caf%E9", "query", "The query string is not valid UTF-8"),
    ("search=a%00b", "search", "Parameters cannot contain NUL characters."),
    ("page=0", "page", "page must be between 1 and 100000."),
    ("format=xml", "format", "format must be json or ndjson."),
    ("lat=91&lng=0", "near", "Latitude must be between -90 and 90."),
    ("modified_after=yesterday", "modified_after", "must be an ISO 8601 date"),
    ("modified_after=9999-12-31T23:59:59-14:00", "modified_after", "between years 1 and 9999"),
    ("modified_after=0001-01-01T00:00:00%2B01:00", "modified_after", "between years 1 and 9999"),
])
def test_bad_parameters_get_a_400_that_says_what_to_fix(seeded_client, query, parameter,
                                                        message):
    response = seeded_client.get(f"/api/services?{query}")
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 400 and body["title"] == "Bad Request"
    assert message in body["errors"][parameter] and message in body["detail"]


def test_query_syntax_is_plain_words_not_an_error(seeded_client):
    response = seeded_client.get("/api/services?search=AND%20(")
    assert response.status_code == 200
    assert response.get_json()["empty"] is False


def test_filters_and_hsds_parameters_narrow_the_results(seeded_client):
    org = seeded_client.get(f"/api/services/{SPANISH_GROUP}").get_json()["organization"]["id"]
    mine = seeded_client.get(f"/api/services?organization_id={org}&per_page=100").get_json()
    assert mine["total_items"] >= 2
    assert {s["organization_id"] for s in mine["contents"]} == {org}
    spanish = seeded_client.get("/api/services?language=Spanish&per_page=100&full=1"
                                 ).get_json()
    assert all(any(lang.get("code") == "es" for lang in s["languages"])
               for s in spanish["contents"])
    later = seeded_client.get("/api/services?modified_after=2099-01-01").get_json()
    assert later["empty"] is True and later["contents"] == [] and later["total_items"] == 0


def test_taxonomy_id_finds_services_tagged_with_any_of_its_terms(seeded_client):
    taxonomies = seeded_client.get("/api/taxonomies").get_json()["contents"]
    oe = next(t["id"] for t in taxonomies if t["name"] == "Open Eligibility")
    project = next(t["id"] for t in taxonomies if t["name"] == "Recovery Directory")
    everything = seeded_client.get("/api/services").get_json()["total_items"]
    assert seeded_client.get(f"/api/services?taxonomy_id={project}").get_json()[
        "total_items"] == everything
    # Open Eligibility terms are only mapped, never attached: nothing is tagged with them
    assert seeded_client.get(f"/api/services?taxonomy_id={oe}").get_json()["empty"] is True


def test_one_service_and_an_unknown_id(seeded_client):
    service = seeded_client.get(f"/api/services/{SPANISH_GROUP}").get_json()
    assert service["name"] == "Spanish-Language Peer Recovery Group"
    assert "distance_miles" not in service
    missing = seeded_client.get("/api/services/no-such-service")
    assert missing.status_code == 404
    assert missing.get_json()["detail"] == "There is no service with the id 'no-such-service'."


def test_ndjson_streams_every_result_without_pages(seeded_client):
    total = seeded_client.get("/api/services?category=housing").get_json()["total_items"]
    response = seeded_client.get("/api/services?category=housing&format=ndjson&per_page=1")
    assert response.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert len(lines) == total > 1
    assert all("distance_miles" in line and line["id"] for line in lines)


def test_conditional_requests_get_304(seeded_client):
    first = seeded_client.get("/api/services?category=housing")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('W/"')
    again = seeded_client.get("/api/services?category=housing",
                              headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    since = seeded_client.get("/api/services?category=housing",
                              headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    other = seeded_client.get("/api/services?category=crisis-support",
                              headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_any_origin_may_read(seeded_client):
    response = seeded_client.get("/api/services", headers={"Origin": "https://211.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = seeded_client.options("/api/services",
                                      headers={"Origin": "https://211.example.org",
                                               "Access-Control-Request-Method": "GET"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


def test_the_api_is_read_only(seeded_client):
    response = seeded_client.put("/api/services", json={"name": "Sneaky"})
    assert response.status_code == 405
    assert response.get_json()["status"] == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
    one = seeded_client.delete(f"/api/services/{SPANISH_GROUP}")
    assert one.status_code == 405 and set(one.headers["Allow"].split(", ")) == {
        "GET", "HEAD", "OPTIONS"}
