"""A bounded schemathesis run over the API's own OpenAPI document, against the WSGI app
(no network): no input makes a server error, and every answer fits the document."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
PATHS = ["/", "/openapi.json", "/services", "/services/{service_id}", "/organizations",
         "/organizations/{organization_id}", "/taxonomies", "/taxonomies/{taxonomy_id}",
         "/taxonomy_terms", "/taxonomy_terms/{term_id}", "/service_at_locations",
         "/service_at_locations/{sal_id}"]


@pytest.fixture(scope="module")
def api_schema(seeded_app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", seeded_app)


def test_the_run_covers_every_path(api_schema):
    assert sorted(api_schema.raw_schema["paths"]) == sorted(PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_no_input_breaks_the_api_or_its_document(api_schema, path):
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=15, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        case.call_and_validate(checks=CHECKS)

    call()
