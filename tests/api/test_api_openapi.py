"""The OpenAPI 3.1 document at /api/openapi.json: valid by openapi-spec-validator, and
describing every route the API answers."""

import re

from openapi_spec_validator import validate


def test_the_document_is_valid_openapi_31(seeded_client):
    response = seeded_client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_every_route_under_api_is_in_the_document(seeded_app, seeded_client):
    document = seeded_client.get("/api/openapi.json").get_json()
    routes = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule[len("/api"):]), method.lower())
        for rule in seeded_app.url_map.iter_rules() if rule.rule.startswith("/api/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert routes == documented


def test_the_document_lists_this_products_extensions_and_filter_codes(seeded_client):
    document = seeded_client.get("/api/openapi.json").get_json()
    names = {p["$ref"].rsplit("/", 1)[1]
             for p in document["paths"]["/services"]["get"]["parameters"]}
    assert {"search", "page", "per_page", "taxonomy_term_id", "organization_id",
            "modified_after", "near", "lat", "lng", "radius", "unit", "category", "delivery",
            "payment", "language", "age", "population", "wheelchair", "open_now", "accepting",
            "verified_within_months", "sort", "format"} <= names
    category = document["components"]["parameters"]["category"]["schema"]
    assert "residential-treatment" in category["enum"]
    sal = {p.get("$ref", "").rsplit("/", 1)[-1]
           for p in document["paths"]["/service_at_locations"]["get"]["parameters"]}
    assert {"postcode", "proximity", "near", "radius"} <= sal


def _fits(document, path, body):
    from jsonschema import Draft202012Validator

    schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"]
    validator = Draft202012Validator({**schema, "components": document["components"]},
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(body)]


def test_real_answers_fit_the_document(seeded_client):
    document = seeded_client.get("/api/openapi.json").get_json()
    get = seeded_client.get
    service = get("/api/services?near=92630&per_page=3").get_json()
    organization = get("/api/organizations?per_page=2").get_json()
    term = get("/api/taxonomy_terms?per_page=2").get_json()
    taxonomy = get("/api/taxonomies").get_json()
    sal = get("/api/service_at_locations?postcode=92630&per_page=2").get_json()
    answers = [
        ("/", get("/api/").get_json()),
        ("/services", service),
        ("/services/{service_id}", get(f"/api/services/{service['contents'][0]['id']}").get_json()),
        ("/organizations", organization),
        ("/organizations", get("/api/organizations?per_page=2&full=true").get_json()),
        ("/organizations/{organization_id}",
         get(f"/api/organizations/{organization['contents'][0]['id']}?full_service=1").get_json()),
        ("/taxonomies", taxonomy),
        ("/taxonomies/{taxonomy_id}",
         get(f"/api/taxonomies/{taxonomy['contents'][0]['id']}").get_json()),
        ("/taxonomy_terms", term),
        ("/taxonomy_terms/{term_id}", get(f"/api/taxonomy_terms/{term['contents'][0]['id']}").get_json()),
        ("/service_at_locations", sal),
        ("/service_at_locations", get("/api/service_at_locations?full=true&per_page=2").get_json()),
        ("/service_at_locations/{sal_id}",
         get(f"/api/service_at_locations/{sal['contents'][0]['id']}").get_json()),
    ]
    for path, body in answers:
        assert body and _fits(document, path, body) == [], path
