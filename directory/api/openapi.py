"""The OpenAPI 3.1 document of this API, served at /api/openapi.json: every path, parameter
and response, HSDS's and this directory's extensions alike. Object schemas come from the
HSDS table map (directory.hsds.schema); filter codes are listed from the taxonomy loaded."""

from flask import current_app

from .. import catalogue
from ..hsds.schema import SchemaBuilder
from ..search.params import (
    GROUP_PARAMS,
    MAX_TEXT,
    PER_PAGE_MAX,
    RADIUS_DEFAULT,
    RADIUS_MAX,
    RADIUS_MIN,
    SORTS,
    UNITS,
)
from . import bp
from .http import answer
from .listing_args import MAX_PAGE
from .service_at_locations import PROXIMITY_MAX

REF = "#/components/schemas/"
BOOLEAN = {"type": "boolean"}


def _param(name, schema, description):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema}


def _group_param(name, group):
    codes = sorted({t.code for t in catalogue.term_group(group)})
    schema = {"type": "string", "maxLength": 500}
    description = f"Comma-separated {name} codes of the project taxonomy (any of them matches)."
    if codes:
        schema = {"type": "string", "enum": codes}
        description = f"A {name} code of the project taxonomy."
    return _param(name, schema, description)


def parameters():
    """Return the reusable query parameters, by name."""
    p = {
        "search": _param("search", {"type": "string", "maxLength": MAX_TEXT},
                         "Full-text search (plain words; no query syntax)."),
        "page": _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                       "Page number of paginated result."),
        "per_page": _param("per_page", {"type": "integer", "minimum": 1,
                                        "maximum": PER_PAGE_MAX},
                           "Number of results requested in a single page."),
        "format": _param("format", {"type": "string", "enum": ["json", "ndjson"]},
                         "json (a Page, the default) or ndjson: every result, one JSON object "
                         "per line, without pagination."),
        "taxonomy_term_id": _param("taxonomy_term_id", {"type": "string", "maxLength": 64},
                                   "Records tagged with this taxonomy term."),
        "taxonomy_id": _param("taxonomy_id", {"type": "string", "maxLength": 64},
                              "Records tagged with any term of this taxonomy."),
        "organization_id": _param("organization_id", {"type": "string", "maxLength": 64},
                                  "Services of this organization."),
        "modified_after": _param("modified_after", {"type": "string", "format": "date-time"},
                                 "Services modified on or after this date or date-time (ISO 8601)."),
        "near": _param("near", {"type": "string", "maxLength": 200},
                       "Extension: a ZIP code, a city (\"Irvine, CA\") or a street address to "
                       "search around."),
        "lat": _param("lat", {"type": "number", "minimum": -90, "maximum": 90},
                      "Extension: latitude to search around (with lng)."),
        "lng": _param("lng", {"type": "number", "minimum": -180, "maximum": 180},
                      "Extension: longitude to search around (with lat)."),
        "radius": _param("radius", {"type": "number", "minimum": RADIUS_MIN,
                                    "maximum": RADIUS_MAX},
                         "Extension: how far from the place to look (default "
                         f"{RADIUS_DEFAULT:g})."),
        "unit": _param("unit", {"type": "string", "enum": list(UNITS)},
                       "Extension: unit of radius, mi (default) or km."),
        "language": _param("language", {"type": "string", "maxLength": 100},
                           "Extension: a language code (es) or name (Spanish) spoken."),
        "age": _param("age", {"type": "integer", "minimum": 0, "maximum": 120},
                      "Extension: the age of the person, to match age limits."),
        "wheelchair": _param("wheelchair", BOOLEAN, "Extension: wheelchair accessible only."),
        "open_now": _param("open_now", BOOLEAN, "Extension: open at this moment only."),
        "accepting": _param("accepting", BOOLEAN,
                            "Extension: only services with capacity available."),
        "no_call": _param("no_call", BOOLEAN,
                          "Extension: only services that can be first contacted without a "
                          "phone call (a text number, an online form, email, contact "
                          "requests, walk-in hours or a first visit by video)."),
        "verified_within_months": _param(
            "verified_within_months", {"type": "integer", "minimum": 1, "maximum": 120},
            "Extension: information checked within this many months."),
        "sort": _param("sort", {"type": "string", "enum": list(SORTS)},
                       "Extension: relevance (default) or distance."),
        "postcode": _param("postcode", {"type": "string", "maxLength": 20},
                           "The postcode (ZIP code) of a point used to check service coverage."),
        "proximity": _param("proximity", {"type": "number", "minimum": 1,
                                          "maximum": PROXIMITY_MAX},
                            "Only locations within this many metres of the postcode."),
        "full": _param("full", BOOLEAN, "Return fully nested objects."),
        "minimal": _param("minimal", BOOLEAN, "Only id, name, status and last_modified of each "
                          "service; per_page may then be up to 1000."),
        "full_service": _param("full_service", BOOLEAN,
                               "Nest each service in full, not only its own fields."),
        "parent_id": _param("parent_id", {"type": "string", "maxLength": 64},
                            "Terms whose parent is this term."),
        "top_only": _param("top_only", BOOLEAN, "Only top-level terms (no parent)."),
    }
    for name, group in GROUP_PARAMS.items():
        p[name] = _group_param(name, group)
    return p


SEARCH = ["search", "page", "per_page", "format", "full", "minimal", "taxonomy_term_id",
          "taxonomy_id",
          "organization_id", "modified_after", "near", "lat", "lng", "radius", "unit",
          *GROUP_PARAMS, "language", "age", "wheelchair", "open_now", "accepting",
          "no_call", "verified_within_months", "sort"]


def _json(schema, ndjson=False):
    content = {"application/json": {"schema": schema}}
    if ndjson:
        content["application/x-ndjson"] = {"schema": {"type": "string"}}
    return content


def _responses(schema, description, listing=False, by_id=False, has_params=True):
    headers = {"ETag": {"schema": {"type": "string"}},
               "Last-Modified": {"schema": {"type": "string"}},
               "Access-Control-Allow-Origin": {"schema": {"type": "string"}}}
    responses = {"200": {"description": description, "headers": headers,
                         "content": _json(schema, ndjson=listing)},
                 "304": {"description": "Not modified since the ETag or date the client has."}}
    problem = {"content": {"application/problem+json": {"schema": {"$ref": REF + "Problem"}},
                           "application/json": {"schema": {"$ref": REF + "Problem"}}}}
    if has_params:
        responses["400"] = {"description": "A parameter is wrong; `errors` names each one.",
                            **problem}
    if by_id:
        responses["404"] = {"description": "There is no record with this id.", **problem}
    return responses


def _page_of(item):
    return {"allOf": [{"$ref": REF + "Page"}, {"type": "object", "required": ["contents"],
            "properties": {"contents": {"type": "array", "items": item}}}]}


def _with_distance(ref):
    return {"allOf": [ref, {"type": "object", "required": ["distance_miles"], "properties": {
        "distance_miles": {"type": ["number", "null"], "description":
                           "Extension: miles from the place searched (null when matched by "
                           "service area, or when no place was given)."}}}]}


def _get(summary, operation_id, names, responses, path_param=None):
    operation = {"summary": summary, "operationId": operation_id, "responses": responses,
                 "parameters": [{"$ref": "#/components/parameters/" + n} for n in names]}
    if path_param:
        operation["parameters"].insert(0, {"name": path_param, "in": "path", "required": True,
                                           "schema": {"type": "string"},
                                           "description": "The id of the record."})
    return {"get": operation}


def _listing(summary, operation_id, names, responses, params):
    """Return the path item of a list endpoint: GET with a query string, and POST with the
    same parameters as a form body (so search terms stay out of URLs and logs)."""
    item = _get(summary, operation_id, names, responses)
    fields = {n: {**params[n]["schema"], "description": params[n]["description"]} for n in names}
    item["post"] = {"summary": summary + " (parameters in the body)",
                    "operationId": operation_id + "ByPost", "responses": responses,
                    "requestBody": {"required": False, "content": {
                        "application/x-www-form-urlencoded": {"schema": {
                            "type": "object", "properties": fields}}}}}
    return item


def document():
    """Return the OpenAPI document (a dict)."""
    builder, params = SchemaBuilder(REF), parameters()
    service, org = builder.ref("service"), builder.ref("organization")
    org_fields = builder.ref("organization", full=False)
    taxonomy, term = builder.ref("taxonomy", False), builder.ref("taxonomy_term", False)
    sal, sal_full = builder.ref("service_at_location", False), builder.ref("service_at_location")
    minimal = {"type": "object", "required": ["id", "name", "status"], "properties": {
        k: {"type": "string"} for k in ("id", "name", "status", "last_modified")}}
    service_page = {"allOf": [_page_of({"anyOf": [_with_distance(service), minimal]}), {"type": "object", "properties": {
        "facets": {"type": "object", "description": "Extension: counts of the results per "
                   "filter value.", "additionalProperties": True},
        "suggestion": {"type": ["string", "null"],
                       "description": "Extension: a spelling to try when little was found."}}}]}
    about = {"type": "object", "required": ["version", "profile", "openapi_url"], "properties": {
        "version": {"type": "string"}, "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"}, "description": {"type": "string"},
        "publisher": {"type": "object", "properties": {"name": {"type": "string"}}}}}
    paths = {
        "/": _get("What this API is", "getAPIMetaInformation", [],
                  _responses(about, "HSDS version, profile and OpenAPI document.",
                             has_params=False)),
        "/openapi.json": _get("This OpenAPI document", "getOpenAPIDocument", [],
                              _responses({"type": "object"}, "The OpenAPI 3.1 document.",
                                         has_params=False)),
        "/services": _listing("Search services", "getPaginatedListOfServices", SEARCH,
                              _responses(service_page, "A Page of services.", True), params),
        "/services/{service_id}": _get("One service, fully nested", "getFullyNestedServiceById",
                                       [], _responses(service, "The service.", by_id=True,
                                                      has_params=False), "service_id"),
        "/organizations": _listing(
            "Organizations", "getPaginatedListOfOrganizations",
            ["search", "full", "full_service", "taxonomy_term_id", "taxonomy_id", "page",
             "per_page", "format"],
            _responses(_page_of({"anyOf": [org, org_fields]}), "A Page of organizations.",
                       True), params),
        "/organizations/{organization_id}": _get(
            "One organization, fully nested", "getOrganizationById", ["full_service"],
            _responses(org, "The organization.", by_id=True), "organization_id"),
        "/taxonomies": _listing("Taxonomies", "getPaginatedListOfTaxonomies",
                                ["search", "page", "per_page", "format"],
                                _responses(_page_of(taxonomy), "A Page of taxonomies.", True),
                                params),
        "/taxonomies/{taxonomy_id}": _get("One taxonomy", "getTaxonomyById", [],
                                          _responses(taxonomy, "The taxonomy.", by_id=True,
                                                     has_params=False), "taxonomy_id"),
        "/taxonomy_terms": _listing(
            "Taxonomy terms", "getPaginatedListOfTaxonomyTerms",
            ["search", "page", "per_page", "format", "taxonomy_id", "top_only", "parent_id"],
            _responses(_page_of(term), "A Page of taxonomy terms.", True), params),
        "/taxonomy_terms/{term_id}": _get("One taxonomy term", "getTaxonomyTermById", [],
                                          _responses(term, "The term.", by_id=True,
                                                     has_params=False), "term_id"),
        "/service_at_locations": _listing(
            "Services at locations", "getPaginatedListOfServiceAtLocation",
            [n for n in SEARCH if n != "minimal"] + ["postcode", "proximity"],
            _responses(_page_of(_with_distance({"anyOf": [sal, sal_full]})),
                       "A Page of services at locations.", True), params),
        "/service_at_locations/{sal_id}": _get(
            "One service at a location, fully nested",
            "getServiceAtLocationWithNestedDataById", [],
            _responses(sal_full, "The service at location.", by_id=True, has_params=False),
            "sal_id"),
    }
    schemas = {
        "Page": {"type": "object", "required": ["empty"], "properties": {
            "total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"}, "size": {"type": "integer"},
            "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"}}},
        "Problem": {"type": "object", "required": ["status", "title", "detail"], "properties": {
            "type": {"type": "string"}, "status": {"type": "integer"},
            "title": {"type": "string"}, "detail": {"type": "string"},
            "errors": {"type": "object", "additionalProperties": {"type": "string"}}}},
        **builder.schemas,
    }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {"title": f"{current_app.config['DIRECTORY_NAME']} API", "version": "1.0.0",
                 "summary": "Read-only HSDS 3.0 API of the referral directory.",
                 "license": {"name": "Data: as published by the directory",
                             "identifier": "CC-BY-4.0"}},
        "servers": [{"url": "/api"}],
        "paths": paths,
        "components": {"schemas": schemas, "parameters": params},
    }


@bp.get("/openapi.json")
def openapi_document():
    """Serve the OpenAPI document."""
    return answer(document())
