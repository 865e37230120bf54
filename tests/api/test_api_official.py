"""The API as the specification's openapi.json defines it, checked against the official
schemas in ../shared/hsds (read in place): every answer of every endpoint validates, and
so does every object in it; paging passes the Open Referral UK validator's checks;
`minimal`, `full`, `modified_after` (on or after), `postcode` and `proximity`, taxonomy
filters on organizations, the POST forms of 3.1, and `Allow` on a 405."""

import random

import pytest

from tests.helpers import official_hsds as official

LISTS = ["/services", "/organizations", "/taxonomies", "/taxonomy_terms",
         "/service_at_locations"]
ITEM = {"/services": "service", "/organizations": "organization", "/taxonomies": "taxonomy",
        "/taxonomy_terms": "taxonomy_term", "/service_at_locations": "service_at_location"}


def _get(client, url, method="get"):
    response = getattr(client, method)(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True)[:500])
    return response.get_json()


def _valid(version, path, body, method="get", item=None):
    problems = official.response_errors(version, path, body, method)
    contents = body.get("contents") if path in LISTS else [body]
    for obj in contents if item else ():
        problems += official.errors(version, item, obj)
    assert problems == [], problems[:10]


@pytest.mark.parametrize("query", ["", "?full=true", "?minimal=true&per_page=500",
                                   "?search=peer support&per_page=3",
                                   "?taxonomy_id=x&per_page=1", "?page=999"])
def test_services_answers_validate(seeded_client, query):
    body = _get(seeded_client, "/api/services" + query)
    _valid("3.0", "/services", body, item=None if "minimal" in query else "service")


def test_every_endpoint_answers_as_the_official_document_says(seeded_client):
    get = seeded_client.get
    service = _get(seeded_client, "/api/services?per_page=1")["contents"][0]
    _valid("3.0", "/services/{id}", _get(seeded_client, f"/api/services/{service['id']}"),
           item="service")
    for query in ("", "?full=true", "?full=true&full_service=true"):
        body = _get(seeded_client, "/api/organizations" + query)
        _valid("3.0", "/organizations", body, item="organization")
    org = get("/api/organizations?per_page=1").get_json()["contents"][0]["id"]
    for query in ("", "?full_service=true"):
        _valid("3.0", "/organizations/{id}",
               _get(seeded_client, f"/api/organizations/{org}{query}"), item="organization")
    for path in ("/taxonomies", "/taxonomy_terms"):
        body = _get(seeded_client, f"/api{path}?per_page=100")
        _valid("3.0", path, body, item=ITEM[path])
        one = _get(seeded_client, f"/api{path}/{body['contents'][0]['id']}")
        _valid("3.0", path + "/{id}", one, item=ITEM[path])
    _valid("3.0", "/", _get(seeded_client, "/api/"))


@pytest.mark.parametrize("query", ["", "?full=true", "?postcode=92630",
                                   "?postcode=92630&proximity=5000&full=true"])
def test_service_at_locations_validate(seeded_client, query):
    body = _get(seeded_client, "/api/service_at_locations" + query)
    _valid("3.0", "/service_at_locations", body, item="service_at_location")


def test_one_service_at_location_is_the_documented_exception(seeded_client):
    """The official document says /service_at_locations/{id} answers a service (its
    schema is compiled/service.json): it answers a service_at_location, which validates
    against the service_at_location schema, and not against the service one."""
    sal = _get(seeded_client, "/api/service_at_locations?per_page=1")["contents"][0]["id"]
    body = _get(seeded_client, f"/api/service_at_locations/{sal}")
    assert official.errors("3.0", "service_at_location", body) == []
    assert official.response_errors("3.0", "/service_at_locations/{id}", body) != []


@pytest.mark.parametrize("path", LISTS)
def test_post_forms_answer_as_get_does(seeded_client, path):
    query = "search=recovery&per_page=3&page=2"
    by_get = _get(seeded_client, f"/api{path}?{query}")
    by_form = seeded_client.post(f"/api{path}", data=dict(p.split("=") for p in query.split("&")))
    by_json = seeded_client.post(f"/api{path}", json={"search": "recovery", "per_page": 3,
                                                       "page": 2})
    assert by_form.status_code == by_json.status_code == 200
    assert by_form.get_json() == by_get == by_json.get_json()
    assert "recovery" not in by_form.request.url
    _valid("3.1", path, by_form.get_json(), method="post")


def test_a_json_body_that_is_not_an_object_is_a_400(seeded_client):
    response = seeded_client.post("/api/services", json=["recovery"])
    assert response.status_code == 400 and "body" in response.get_json()["errors"]


@pytest.mark.parametrize("path", LISTS)
def test_paging_passes_the_uk_validators_walk(seeded_client, path):
    """Asked for per_page=5, the first page, three random middle pages and the last are
    checked as the Open Referral UK validator checks them."""
    per_page = 5
    first = _get(seeded_client, f"/api{path}?per_page={per_page}&page=1")
    pages = first["total_pages"]
    chooser = random.Random(13)
    wanted = {1, pages} | {chooser.randint(2, max(2, pages - 1)) for _ in range(3)}
    for number in sorted(n for n in wanted if n <= pages):
        body = _get(seeded_client, f"/api{path}?per_page={per_page}&page={number}")
        size = len(body["contents"])
        assert body["first_page"] is (number == 1)
        assert body["last_page"] is (number == pages)
        assert body["empty"] is (size == 0)
        assert size == per_page or (size < per_page and body["last_page"])
        assert body["size"] == size and body["page_number"] == number


@pytest.mark.parametrize("path", LISTS)
def test_a_page_past_the_end_is_empty_and_per_page_is_clamped(seeded_client, path):
    past = _get(seeded_client, f"/api{path}?per_page=5&page=500")
    assert past["empty"] is True and past["size"] == 0 and past["contents"] == []
    assert past["first_page"] is False and past["total_items"] > 0
    huge = _get(seeded_client, f"/api{path}?per_page=100000")
    assert huge["size"] == min(100, huge["total_items"])
    tiny = _get(seeded_client, f"/api{path}?per_page=0")
    assert tiny["size"] == 1
    negative = _get(seeded_client, f"/api{path}?per_page=-3")
    assert negative["size"] == 1


def test_minimal_lists_ids_and_change_times_in_one_call(seeded_client):
    body = _get(seeded_client, "/api/services?minimal=true&per_page=1000")
    assert body["total_items"] == body["size"] > 100  # beyond the usual 100 a page
    assert all(set(s) <= {"id", "name", "status", "last_modified"} and "last_modified" in s
               for s in body["contents"])
    plain = _get(seeded_client, "/api/services?per_page=3")["contents"]
    full = _get(seeded_client, "/api/services?per_page=3&full=true")["contents"]
    assert not any("phones" in s or "service_at_locations" in s for s in plain)
    assert all("organization" in s for s in plain)
    assert all("service_at_locations" in s for s in full)


def test_modified_after_includes_that_moment(seeded_client):
    services = _get(seeded_client, "/api/services?minimal=true&per_page=1000")["contents"]
    latest = max(s["last_modified"] for s in services)
    at = _get(seeded_client, f"/api/services?minimal=true&modified_after={latest}")
    assert latest in {s["last_modified"] for s in at["contents"]}
    assert all(s["last_modified"] >= latest for s in at["contents"])


def test_postcode_alone_means_coverage_not_a_radius(seeded_client):
    """92630 (Lake Forest, Orange County): services whose service area covers it, plus
    services without a service area; a service serving only another county is left out."""
    everything = _get(seeded_client, "/api/service_at_locations?per_page=100&full=true")
    covered = _get(seeded_client, "/api/service_at_locations?postcode=92630&per_page=100")
    elsewhere = _get(seeded_client, "/api/service_at_locations?postcode=94103&per_page=100")
    assert 0 < covered["total_items"] <= everything["total_items"]
    assert elsewhere["total_items"] < covered["total_items"]
    close = _get(seeded_client, "/api/service_at_locations?postcode=92630&proximity=3000"
                                "&per_page=100")
    distances = [item["distance_miles"] for item in close["contents"]]
    assert distances == sorted(distances) and all(d <= 3000 / 1609.344 for d in distances)
    assert close["total_items"] < covered["total_items"]
    lonely = seeded_client.get("/api/service_at_locations?proximity=3000")
    assert lonely.status_code == 400 and "proximity" in lonely.get_json()["errors"]


def test_organizations_filter_by_taxonomy(seeded_client):
    terms = _get(seeded_client, "/api/taxonomy_terms?per_page=100")["contents"]
    everything = _get(seeded_client, "/api/organizations?per_page=100")["total_items"]
    counts = {t["id"]: _get(seeded_client, f"/api/organizations?taxonomy_term_id={t['id']}"
                                           "&per_page=100")["total_items"] for t in terms[:15]}
    assert any(0 < n < everything for n in counts.values())
    taxonomy = terms[0]["taxonomy_id"]
    by_taxonomy = _get(seeded_client, f"/api/organizations?taxonomy_id={taxonomy}")
    assert by_taxonomy["total_items"] >= max(counts.values())


@pytest.mark.parametrize(("method", "path"), [("put", "/api/services"),
                                               ("delete", "/api/organizations"),
                                               ("patch", "/api/taxonomies"),
                                               ("post", "/api/taxonomy_terms/x"),
                                               ("post", "/api/")])
def test_a_405_says_which_methods_the_address_takes(seeded_client, method, path):
    response = getattr(seeded_client, method)(path)
    assert response.status_code == 405
    allowed = set(response.headers["Allow"].split(", "))
    assert "GET" in allowed and method.upper() not in allowed
