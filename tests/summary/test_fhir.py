"""FHIR R4 exports: the Questionnaire and a QuestionnaireResponse, validated with fhir.resources.

fhir.resources 8 ships R4B, which is wire-compatible with R4 for Questionnaire,
QuestionnaireResponse and Observation.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from assessment.data.seed_map import seed_spec
from assessment.rules import scoring
from assessment.rules.flow import relevant_answers
from assessment.summary import fhir
from tests.support import BANK_CODES, FULL_ANSWERS, claim, make_assessment, v1

SPEC = seed_spec()
BASE = "https://fhir.test/painmap"
AUTHORED = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)


def response_for(answers, complete=True, base=BASE):
    result = scoring.score(SPEC, relevant_answers(SPEC, answers))
    return fhir.build_questionnaire_response(
        SPEC,
        answers,
        result,
        reference="PM-TEST01",
        authored=AUTHORED,
        complete=complete,
        base=base,
    )


def answered(resource) -> dict:
    """linkId -> list of answers, over every group (skipped items: absent)."""
    return {
        item["linkId"]: item["answer"]
        for group in resource["item"]
        for item in group["item"]
        if "answer" in item
    }


# Questionnaire ----------------------------------------------------------------------------


def test_it_builds_a_valid_questionnaire_with_our_canonical_url():
    resource = fhir.build_questionnaire(SPEC, base=BASE)
    FhirQuestionnaire.model_validate(resource)
    assert resource["url"] == f"{BASE}/Questionnaire/map"
    assert resource["version"] == "1"
    assert resource["status"] == "active"


def test_it_uses_every_item_code_as_a_link_id_grouped_by_section():
    resource = fhir.build_questionnaire(SPEC, base=BASE)
    groups = resource["item"]
    assert all(group["type"] == "group" for group in groups)
    link_ids = [item["linkId"] for group in groups for item in group["item"]]
    assert link_ids == [item.code for item in SPEC.items]
    assert set(BANK_CODES) <= set(link_ids)
    assert [group["text"] for group in groups] == list(
        dict.fromkeys(item.section_title for item in SPEC.items)
    )
    assert not {group["linkId"] for group in groups} & set(link_ids)


def test_it_gives_questionnaire_items_their_types_answers_and_rules():
    items = {
        item["linkId"]: item
        for group in fhir.build_questionnaire(SPEC, base=BASE)["item"]
        for item in group["item"]
    }
    assert items["duration"]["type"] == "choice" and "repeats" not in items["duration"]
    assert items["descriptors"]["repeats"] is True
    assert items["intensity"]["type"] == "integer"
    assert {"url": fhir.EXT_MAX_VALUE, "valueInteger": 10} in items["intensity"]["extension"]
    assert items["notes_for_clinician"]["type"] == "text"
    assert items["red_flags"]["required"] is True
    codes = [option["valueCoding"]["code"] for option in items["red_flags"]["answerOption"]]
    assert codes == [option.code for option in SPEC.by_code["red_flags"].options]
    none = items["red_flags"]["answerOption"][-1]
    assert none["valueCoding"]["system"] == f"{BASE}/CodeSystem/map-answers/red_flags"
    assert none["extension"][0]["url"] == fhir.EXT_OPTION_EXCLUSIVE
    assert items["opioid_duration"]["enableWhen"] == [
        {
            "question": "medications",
            "operator": "=",
            "answerCoding": {
                "system": f"{BASE}/CodeSystem/map-answers/medications",
                "code": "opioids",
                "display": SPEC.by_code["medications"].options_by_code["opioids"].label,
            },
        }
    ]
    assert "enableWhen" not in items["duration"]


# QuestionnaireResponse --------------------------------------------------------------------


def test_it_builds_a_valid_questionnaire_response():
    resource = response_for(FULL_ANSWERS)
    QuestionnaireResponse.model_validate(resource)
    assert resource["questionnaire"] == f"{BASE}/Questionnaire/map|1"
    assert resource["status"] == "completed"
    assert resource["authored"] == "2026-03-01T09:30:15+00:00"
    assert resource["identifier"]["system"] == "urn:ietf:rfc:3986"
    assert resource["identifier"]["value"] == f"urn:uuid:{resource['id']}"
    assert "PM-TEST01" in resource["text"]["div"], "the short reference is kept for people"


def test_it_marks_an_unfinished_response_in_progress():
    resource = response_for({"red_flags": ["none"]}, complete=False)
    QuestionnaireResponse.model_validate(resource)
    assert resource["status"] == "in-progress"


def test_it_writes_answers_as_codings_integers_and_strings():
    answers = answered(response_for(FULL_ANSWERS))
    assert answers["duration"] == [
        {
            "valueCoding": {
                "system": f"{BASE}/CodeSystem/map-answers/duration",
                "code": "gt_12_months",
                "display": SPEC.by_code["duration"].options_by_code["gt_12_months"].label,
            }
        }
    ]
    assert [a["valueCoding"]["code"] for a in answers["descriptors"]] == FULL_ANSWERS["descriptors"]
    assert answers["intensity"] == [{"valueInteger": 7}]
    assert answers["notes_for_clinician"] == [{"valueString": FULL_ANSWERS["notes_for_clinician"]}]
    assert answers["red_flags"][0]["valueCoding"]["code"] == "none"


def test_it_marks_skipped_items_and_leaves_out_hidden_branches_and_unreached_items():
    answers = {**FULL_ANSWERS, "fatigue": None, "notes_for_clinician": "", "medications": ["none"]}
    del answers["surgery"]  # never reached
    resource = response_for(answers)
    QuestionnaireResponse.model_validate(resource)
    items = {item["linkId"]: item for group in resource["item"] for item in group["item"]}
    for skipped in ("fatigue", "notes_for_clinician"):
        assert "answer" not in items[skipped]
        assert items[skipped]["extension"] == [
            {"url": fhir.EXT_DATA_ABSENT, "valueCode": "asked-declined"}
        ]
    assert "surgery" not in items, "not asked is not skipped"
    assert "opioid_duration" not in items and "opioid_taper" not in items
    assert "opioid_duration" in answered(response_for(FULL_ANSWERS))
    assert all(group["item"] for group in resource["item"]), "no empty groups"


def test_it_carries_the_four_scores_as_observations_derived_from_the_response():
    result = scoring.score(SPEC, relevant_answers(SPEC, FULL_ANSWERS))
    bundle = fhir.build_bundle(
        SPEC,
        FULL_ANSWERS,
        result,
        key="k" * 40,
        reference="PM-TEST01",
        authored=AUTHORED,
        complete=True,
        base=BASE,
    )
    response_url = bundle["entry"][0]["fullUrl"]
    observations = [
        entry["resource"]
        for entry in bundle["entry"][1:]
        if entry["resource"]["code"]["coding"][0]["system"] == f"{BASE}/CodeSystem/map-scores"
    ]
    assert [obs["code"]["coding"][0]["code"] for obs in observations] == list(scoring.TYPES)
    for obs in observations:
        Observation.model_validate(obs)
        part = result.types[obs["code"]["coding"][0]["code"]]
        assert obs["valueInteger"] == part.score
        assert obs["interpretation"][0]["coding"][0]["code"] == part.level
        assert obs["derivedFrom"] == [{"reference": response_url}]
        assert scoring.SCORING_VERSION in obs["method"]["text"]


def test_it_reads_the_base_url_from_settings(settings):
    settings.PAINMAP_FHIR_BASE = "https://clinic.example/fhir/"
    resource = fhir.build_questionnaire(SPEC)
    assert resource["url"] == "https://clinic.example/fhir/Questionnaire/map"
    del settings.PAINMAP_FHIR_BASE
    assert fhir.build_questionnaire(SPEC)["url"] == f"{fhir.DEFAULT_BASE}/Questionnaire/map"


# Views ------------------------------------------------------------------------------------


@pytest.fixture
def assessment(db):
    return make_assessment(v1(), FULL_ANSWERS, complete=True)


def test_it_serves_the_response_as_fhir_json_to_the_owner(client, assessment):
    url = reverse("assessment:fhir_response", args=[assessment.key])
    assert client.get(url).status_code == 404
    claim(client, assessment)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert "no-store" in response["Cache-Control"]
    assert {"noindex", "nofollow"} <= set(response["X-Robots-Tag"].replace(",", " ").split())
    bundle = json.loads(response.content)
    Bundle.model_validate(bundle)
    resource = bundle["entry"][0]["resource"]
    QuestionnaireResponse.model_validate(resource)
    assert resource["status"] == "completed"
    assert assessment.key not in response.content.decode()
    assert assessment.resume_code not in response.content.decode()


def test_it_publishes_the_questionnaire_to_anyone(client, assessment):
    response = client.get(reverse("assessment:fhir_questionnaire", args=[1]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    resource = json.loads(response.content)
    FhirQuestionnaire.model_validate(resource)
    assert resource["version"] == "1"
    assert "date" in resource


def test_it_does_not_publish_a_draft_or_missing_version(client, db):
    from tests.support import make_questionnaire

    draft = make_questionnaire(status="draft")
    assert (
        client.get(reverse("assessment:fhir_questionnaire", args=[draft.version])).status_code
        == 404
    )
    assert client.get(reverse("assessment:fhir_questionnaire", args=[999])).status_code == 404


def test_it_leaves_a_hidden_branch_out_of_the_exported_response(client, db):
    from assessment.journey import services
    from assessment.spec_loader import spec_for

    assessment = make_assessment(v1(), {**FULL_ANSWERS, "medications": ["opioids"]})
    services.store_answer(assessment, "medications", ["nsaids_regular"])
    services.complete(assessment, spec_for(assessment.questionnaire))
    claim(client, assessment)
    bundle = client.get(reverse("assessment:fhir_response", args=[assessment.key])).json()
    present = answered(bundle["entry"][0]["resource"])
    assert "opioid_duration" not in present and "opioid_taper" not in present
    assert [a["valueCoding"]["code"] for a in present["medications"]] == ["nsaids_regular"]
