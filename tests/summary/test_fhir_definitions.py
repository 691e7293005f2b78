"""MAP's public FHIR definitions at their canonical URLs, open to any origin (CORS), read-only;
a person's response never is."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.valueset import ValueSet

from assessment.data.seed_map import seed_all
from tests.support import FULL_ANSWERS_V2, claim, make_finished

pytestmark = pytest.mark.django_db

LIVE = "http://testserver/fhir/Questionnaire/map"


@pytest.fixture
def seeded(db):
    seed_all()


def test_the_canonical_url_serves_the_live_questionnaire_whose_url_it_is(client, seeded):
    response = client.get("/fhir/Questionnaire/map")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    resource = json.loads(response.content)
    FhirQuestionnaire.model_validate(resource)
    assert resource["url"] == LIVE
    assert resource["version"] == "2" and resource["status"] == "active"


def test_a_version_is_chosen_with_the_version_parameter(client, seeded):
    resource = client.get("/fhir/Questionnaire/map?version=1").json()
    assert resource["url"] == LIVE and resource["version"] == "1"
    assert resource["status"] == "retired"
    # "²" and "٣" pass str.isdigit() and then int() raised (a 500): digits by pattern only.
    for bad in ("99", "abc", "-1", "1" * 40, "", "²", "٣", "1\x00"):
        assert client.get("/fhir/Questionnaire/map", {"version": bad}).status_code == 404


def test_a_draft_is_never_published(client, seeded):
    from tests.support import make_questionnaire

    draft = make_questionnaire(status="draft")
    assert client.get(f"/fhir/Questionnaire/map?version={draft.version}").status_code == 404


def test_the_canonical_url_follows_the_setting_when_set(client, seeded, settings):
    settings.PAINMAP_FHIR_BASE = "https://clinic.example/fhir/"
    assert client.get("/fhir/Questionnaire/map").json()["url"] == (
        "https://clinic.example/fhir/Questionnaire/map"
    )


@pytest.mark.parametrize(
    "path", ["/fhir/Questionnaire/map", "/fhir/CodeSystem/map-results", "/fhir/ValueSet/map-items"]
)
def test_definitions_answer_cors_from_any_origin_read_only(client, seeded, path):
    response = client.get(path, HTTP_ORIGIN="http://elsewhere.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    preflight = client.options(
        path,
        HTTP_ORIGIN="http://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    for method in (client.post, client.put, client.delete, client.patch):
        assert method(path).status_code == 405


def test_a_persons_response_never_answers_cors(client, seeded):
    assessment = make_finished(FULL_ANSWERS_V2, version=2)
    claim(client, assessment)
    url = reverse("assessment:fhir_response", args=[assessment.key])
    response = client.get(url, HTTP_ORIGIN="http://elsewhere.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_every_map_system_in_a_bundle_resolves_to_a_code_system_with_that_code(client, seeded):
    # An urgent flag (scores, levels and measures are exported) and an emergency one (no type
    # is named: the leading-types Observation says why).
    bundles = []
    for flag in ("weight_loss", "chest_pain"):
        assessment = make_finished(
            {**FULL_ANSWERS_V2, "red_flags": [flag], "self_harm": "yes"}, version=2
        )
        claim(client, assessment)
        bundles.append(
            client.get(reverse("assessment:fhir_response", args=[assessment.key])).json()
        )
    codings = []

    def walk(node):
        if isinstance(node, dict):
            if "system" in node and "code" in node:
                codings.append((node["system"], node["code"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(bundles)
    ours = {(s, c) for s, c in codings if s.startswith("http://testserver/fhir/")}
    assert {s for s, _c in ours} >= {
        f"http://testserver/fhir/CodeSystem/{name}"
        for name in ("map-results", "map-urgency", "map-scores", "map-levels", "map-measures")
    }
    systems: dict[str, set[str]] = {}
    for system, code in ours:
        systems.setdefault(system, set()).add(code)
    for system, codes in systems.items():
        response = client.get(urlparse(system).path)
        assert response.status_code == 200, system
        resource = response.json()
        CodeSystem.model_validate(resource)
        assert resource["url"] == system
        assert codes <= {concept["code"] for concept in resource["concept"]}, system
        value_set = client.get(urlparse(resource["valueSet"]).path).json()
        ValueSet.model_validate(value_set)
        assert value_set["compose"]["include"] == [{"system": system}]


def test_an_unknown_code_system_is_a_plain_404(client, seeded):
    for path in ("/fhir/CodeSystem/nope", "/fhir/CodeSystem/map-answers/nope", "/fhir/ValueSet/x"):
        assert client.get(path).status_code == 404


def test_definitions_use_a_fixed_number_of_queries(client, seeded, django_assert_num_queries):
    client.get("/fhir/CodeSystem/map-items")  # warm the published-spec cache
    with django_assert_num_queries(1):
        client.get("/fhir/CodeSystem/map-items")
    with django_assert_num_queries(1):
        client.get("/fhir/Questionnaire/map")


def test_the_evidence_scale_resolves_as_a_code_system(client, seeded):
    from content import evidence

    resource = client.get("/fhir/CodeSystem/evidence-strength").json()
    CodeSystem.model_validate(resource)
    assert resource["url"] == "http://testserver/fhir/CodeSystem/evidence-strength"
    assert [concept["code"] for concept in resource["concept"]] == list(evidence.CODES)
