"""The FHIR Bundle of one assessment: every resource valid R4 (fhir.resources' R4B models,
wire-compatible for these resources), with a narrative, and the safety results coded so an EHR
rule can alert on them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from assessment.data.seed_map import seed_spec
from assessment.rules import cautions, scoring
from assessment.rules.flow import relevant_answers
from assessment.summary import fhir
from tests.support import FULL_ANSWERS, FULL_ANSWERS_V2

V1, V2 = seed_spec(1), seed_spec(2)
BASE = "https://fhir.test/painmap"
AUTHORED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
KEY = "k" * 40


def bundle_for(answers, spec=V2, complete=True, key=KEY):
    result = scoring.score(spec, relevant_answers(spec, answers))
    bundle = fhir.build_bundle(
        spec,
        answers,
        result,
        key=key,
        reference="PM-TEST01",
        authored=AUTHORED,
        complete=complete,
        base=BASE,
    )
    validate(bundle)
    return bundle


def validate(bundle):
    """The Bundle and every resource in it, each against its own R4 model."""
    Bundle.model_validate(bundle)
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        assert resource["text"]["status"] == "generated"
        assert resource["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')


def resources(bundle, resource_type="Observation"):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type
    ]


def by_code(bundle, code, system=None):
    system = system or f"{BASE}/CodeSystem/map-results"
    return [
        obs
        for obs in resources(bundle)
        if any(c["system"] == system and c["code"] == code for c in obs["code"]["coding"])
    ]


def value_code(obs):
    return obs["valueCodeableConcept"]["coding"][0]["code"]


def interpretation(obs):
    return [c["code"] for i in obs.get("interpretation", []) for c in i["coding"]]


def test_the_bundle_is_a_collection_led_by_the_response_every_part_derived_from_it():
    bundle = bundle_for(FULL_ANSWERS_V2)
    assert bundle["type"] == "collection"
    response = bundle["entry"][0]["resource"]
    assert response["resourceType"] == "QuestionnaireResponse"
    for obs in resources(bundle):
        assert obs["derivedFrom"] == [{"reference": bundle["entry"][0]["fullUrl"]}]
        assert obs["status"] == "final"
    for issue in resources(bundle, "DetectedIssue"):
        assert issue["evidence"][0]["detail"] == [{"reference": bundle["entry"][0]["fullUrl"]}]


def test_every_observation_code_is_loinc_or_a_map_code_system():
    for obs in resources(bundle_for(FULL_ANSWERS_V2)):
        for coding in obs["code"]["coding"]:
            assert coding["system"] == fhir.LOINC or coding["system"].startswith(
                f"{BASE}/CodeSystem/"
            ), coding


def test_the_response_has_a_uuid_identifier_stable_per_assessment():
    first = bundle_for(FULL_ANSWERS_V2)["entry"][0]["resource"]
    again = bundle_for(FULL_ANSWERS_V2)["entry"][0]["resource"]
    other = bundle_for(FULL_ANSWERS_V2, key="z" * 40)["entry"][0]["resource"]
    value = first["identifier"]["value"]
    assert first["identifier"]["system"] == "urn:ietf:rfc:3986"
    assert uuid.UUID(value.removeprefix("urn:uuid:")).version == 5
    assert value == again["identifier"]["value"] != other["identifier"]["value"]
    assert KEY not in str(first)
    assert "PM-TEST01" in first["text"]["div"]


def test_an_emergency_carries_its_urgency_and_each_flag_as_coded_data():
    flags = ["chest_pain", "saddle_numbness", "weight_loss"]
    bundle = bundle_for({**FULL_ANSWERS_V2, "red_flags": flags})
    (urgency,) = by_code(bundle, "urgency")
    assert value_code(urgency) == "emergency"
    assert (
        urgency["valueCodeableConcept"]["coding"][0]["system"] == f"{BASE}/CodeSystem/map-urgency"
    )
    assert interpretation(urgency) == ["AA"]
    reported = by_code(bundle, "red-flag")
    assert [value_code(obs) for obs in reported] == flags
    assert [interpretation(obs) for obs in reported] == [["AA"], ["AA"], ["A"]]
    assert all(
        obs["valueCodeableConcept"]["coding"][0]["system"]
        == f"{BASE}/CodeSystem/map-answers/red_flags"
        for obs in reported
    )
    (primary,) = by_code(bundle, "primary")
    assert value_code(primary) == "no-type-emergency"
    assert by_code(bundle, "suggestion") == [], "no self-care while a red flag stands"
    assert "emergency" in urgency["text"]["div"].lower()


def test_an_urgent_flag_is_abnormal_and_no_flag_is_coded_none_without_an_alert():
    urgent = bundle_for({**FULL_ANSWERS_V2, "red_flags": ["fever_unwell"]})
    (urgency,) = by_code(urgent, "urgency")
    assert value_code(urgency) == "urgent" and interpretation(urgency) == ["A"]
    (urgency,) = by_code(bundle_for(FULL_ANSWERS_V2), "urgency")
    assert value_code(urgency) == "none" and interpretation(urgency) == []
    assert by_code(bundle_for(FULL_ANSWERS_V2), "red-flag") == []


def test_a_self_harm_yes_carries_the_crisis_flag():
    bundle = bundle_for({**FULL_ANSWERS_V2, "self_harm": "yes"})
    (obs,) = by_code(bundle, "self-harm")
    assert value_code(obs) == "yes"
    assert interpretation(obs) == ["AA"]
    assert "crisis" in obs["note"][0]["text"].lower()
    (calm,) = by_code(bundle_for(FULL_ANSWERS_V2), "self-harm")
    assert value_code(calm) == "no" and interpretation(calm) == []
    (skipped,) = by_code(bundle_for({**FULL_ANSWERS_V2, "self_harm": None}), "self-harm")
    assert skipped["dataAbsentReason"]["coding"][0]["code"] == "asked-declined"


def test_medicine_cautions_are_detected_issues_in_the_rulebooks_words():
    bundle = bundle_for(FULL_ANSWERS_V2)
    result = scoring.score(V2, relevant_answers(V2, FULL_ANSWERS_V2))
    issues = resources(bundle, "DetectedIssue")
    assert result.medicine_cautions
    assert [i["code"]["coding"][0]["code"] for i in issues] == list(result.medicine_cautions)
    for issue in issues:
        code = issue["code"]["coding"][0]["code"]
        assert issue["code"]["coding"][0]["system"] == f"{BASE}/CodeSystem/map-cautions"
        assert issue["detail"] == str(cautions.BY_CODE[code].clinician)


def test_each_suggestion_carries_its_cautions():
    answers = {**FULL_ANSWERS_V2, "medications": None, "conditions": None}
    bundle = bundle_for(answers)
    result = scoring.score(V2, relevant_answers(V2, answers))
    suggestions = by_code(bundle, "suggestion")
    assert [value_code(obs) for obs in suggestions] == [s.slug for s in result.suggestions]
    for obs, suggestion in zip(suggestions, result.suggestions, strict=True):
        codes = [value_code(component) for component in obs.get("component", [])]
        assert codes == list(suggestion.cautions)
    assert any(obs.get("component") for obs in suggestions)


def test_the_measures_carry_loinc_where_verified_and_are_absent_not_zero_when_skipped():
    bundle = bundle_for(FULL_ANSWERS_V2)
    measure_system = f"{BASE}/CodeSystem/map-measures"
    (phq2,) = by_code(bundle, "55758-7", fhir.LOINC)
    assert phq2["valueInteger"] == 3 and interpretation(phq2) == ["POS"]
    (gad2,) = by_code(bundle, "70272-0", fhir.LOINC)
    assert gad2["valueInteger"] == 5 and interpretation(gad2) == ["POS"]
    (peg,) = by_code(bundle, "peg", measure_system)
    assert peg["valueQuantity"]["value"] == 7.0
    (wpi,) = by_code(bundle, "wpi", measure_system)
    assert wpi["valueInteger"] == 8
    skipped = bundle_for({**FULL_ANSWERS_V2, "nervous": None, "interference_activity": None})
    for code in ("gad2", "peg"):
        (obs,) = by_code(skipped, code, measure_system)
        assert "valueInteger" not in obs and "valueQuantity" not in obs
        assert obs["dataAbsentReason"]["coding"][0]["code"] == "asked-declined"
    assert by_code(bundle_for(FULL_ANSWERS, spec=V1), "phq2", measure_system) == []


def test_the_leading_types_are_coded_in_order():
    result = scoring.score(V2, relevant_answers(V2, FULL_ANSWERS_V2))
    (primary,) = by_code(bundle_for(FULL_ANSWERS_V2), "primary")
    assert [value_code(c) for c in primary["component"]] == list(result.primary)


def test_narratives_escape_the_persons_words():
    bundle = bundle_for(FULL_ANSWERS_V2)
    div = bundle["entry"][0]["resource"]["text"]["div"]
    assert "<script>" not in div and "&lt;script&gt;" in div


def test_an_unfinished_assessment_is_in_progress_and_preliminary():
    bundle = bundle_for({"red_flags": ["none"]}, complete=False)
    assert bundle["entry"][0]["resource"]["status"] == "in-progress"
    assert {obs["status"] for obs in resources(bundle)} == {"preliminary"}


@pytest.mark.parametrize("spec", [V1, V2], ids=["v1", "v2"])
def test_the_questionnaire_carries_help_why_we_ask_and_scale_labels(spec):
    resource = fhir.build_questionnaire(spec, base=BASE)
    Questionnaire.model_validate(resource)
    items = {item["linkId"]: item for group in resource["item"] for item in group["item"]}

    def controls(code):
        return {
            child["extension"][0]["valueCodeableConcept"]["coding"][0]["code"]: child["text"]
            for child in items[code].get("item", [])
        }

    for item in spec.items:
        found = controls(item.code)
        assert all(child["type"] == "display" for child in items[item.code].get("item", []))
        if item.hint:
            assert found["flyover"] == item.hint
        if item.why_we_ask:
            assert item.why_we_ask in found["help"]
        if item.min_label:
            assert found["lower"] == item.min_label and found["upper"] == item.max_label
    if spec is V2:
        assert controls("interference_enjoyment")["lower"] == "0 Does not interfere"
