"""Each suggestion's strength of evidence where decisions are made: the results cards, the
clinician summary and its PDF, and the FHIR export; read in the one toolkit query they share."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.requestgroup import RequestGroup

from content import evidence
from content.models import ToolkitItem
from tests.support import (
    FULL_ANSWERS,
    claim,
    make_assessment,
    pdf_text,
    seed_toolkit,
    squash,
    v1,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(client):
    seed_toolkit()
    assessment = make_assessment(v1(), FULL_ANSWERS, complete=True)
    claim(client, assessment)
    return assessment


def text_of(html: str) -> str:
    """Visible words, without the dots (a shape cue hidden from screen readers)."""
    text = re.sub(r"<[^>]+>", " ", html).replace("\u25cf", "").replace("\u25cb", "")
    return " ".join(text.replace(" .", ".").split()).replace(" .", ".")


def shown_suggestions(client, assessment) -> list:
    results = client.get(reverse("assessment:results", args=[assessment.key]))
    suggestions = results.context["suggestions"]
    assert len(suggestions) >= 3, "the story should bring several suggestions"
    return suggestions


def toolkit_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "content_toolkititem"' in q["sql"] or 'FROM "content_reference"' in q["sql"]
    ]


def test_each_results_card_says_how_well_tested_it_is_in_words(client, assessment):
    page = client.get(reverse("assessment:results", args=[assessment.key])).content.decode()
    cards = page.split('<li class="card map-suggestion">')[1:]
    suggestions = shown_suggestions(client, assessment)

    assert len(cards) == len(suggestions)
    for card, suggestion in zip(cards, suggestions, strict=True):
        grade = suggestion.item.grade
        assert f'data-evidence="{grade.code}"' in card
        assert f"How well tested Evidence: {grade.label}" in text_of(card)
        assert f'href="/evidence/#grade-{grade.code}"' in card


def test_low_dose_naltrexone_and_graded_movement_read_differently_on_the_results(client):
    seed_toolkit()
    answers = {**FULL_ANSWERS, "medications": ["none"], "conditions": ["fibromyalgia_diagnosis"]}
    assessment = make_assessment(v1(), answers, complete=True)
    claim(client, assessment)
    grades = {s.item.slug: s.item.evidence_strength for s in shown_suggestions(client, assessment)}

    assert grades.get("graded-movement") == "strong"
    assert grades.get("low-dose-naltrexone") == "limited"


def test_the_clinician_summary_gives_each_suggestion_its_grade_claim_and_the_scale(
    client, assessment
):
    suggestions = shown_suggestions(client, assessment)
    page = client.get(reverse("assessment:summary", args=[assessment.key])).content.decode()

    for suggestion in suggestions:
        item = suggestion.item
        entry = page.split(f'data-suggestion="{item.slug}"')[1].split("</li>")[0]
        assert f'data-evidence="{item.evidence_strength}"' in entry
        assert f"Evidence: {item.grade.label}. {item.evidence_claim}" in text_of(entry)
    for grade in evidence.SCALE:
        assert str(grade.definition) in page


def test_the_pdf_gives_each_suggestion_its_grade_and_keeps_to_two_pages(client, assessment):
    suggestions = shown_suggestions(client, assessment)
    response = client.get(reverse("assessment:summary_pdf", args=[assessment.key]))
    pages, text, _meta = pdf_text(response.content)
    text = squash(text)

    assert pages <= 2
    for suggestion in suggestions:
        name = squash(suggestion.item.name)
        # The grade sits beside the suggestion it belongs to, before its cautions.
        after = text.split(name, 1)[1][:60]
        assert f"Evidence: {suggestion.item.grade.label}" in after, (name, after)
    assert "How strong is the evidence?" in text


def test_the_fhir_export_carries_each_suggestion_with_its_strength_and_stays_valid_r4(
    client, assessment
):
    suggestions = shown_suggestions(client, assessment)
    bundle = json.loads(
        client.get(reverse("assessment:fhir_response", args=[assessment.key])).content
    )
    resource = bundle["entry"][0]["resource"]  # the QuestionnaireResponse
    QuestionnaireResponse.model_validate(resource)
    (group,) = [r for r in resource["contained"] if r["resourceType"] == "RequestGroup"]
    RequestGroup.model_validate(group)

    assert group["intent"] == "proposal" and group["basedOn"] == [{"reference": "#"}]
    assert [a["code"][0]["coding"][0]["code"] for a in group["action"]] == [
        s.item.slug for s in suggestions
    ]
    for rank, (action, suggestion) in enumerate(zip(group["action"], suggestions, strict=True), 1):
        item = suggestion.item
        assert action["prefix"] == f"{rank}."
        (ext,) = action["extension"]
        assert ext["url"] == "http://testserver/fhir/StructureDefinition/evidence-strength"
        coding = ext["valueCodeableConcept"]["coding"][0]
        assert coding == {
            "system": "http://testserver/fhir/CodeSystem/evidence-strength",
            "code": item.evidence_strength,
            "display": str(item.grade.label),
        }
        assert ext["valueCodeableConcept"]["text"] == item.evidence_claim
        for caution in suggestion.cautions:
            assert caution.text in action["description"]


def test_the_fhir_export_has_no_suggestions_when_a_red_flag_comes_first(client):
    seed_toolkit()
    assessment = make_assessment(
        v1(), {**FULL_ANSWERS, "red_flags": ["bladder_bowel"]}, complete=True
    )
    claim(client, assessment)
    resource = json.loads(
        client.get(reverse("assessment:fhir_response", args=[assessment.key])).content
    )
    assert not [r for r in resource.get("contained", []) if r["resourceType"] == "RequestGroup"]


def test_an_ungraded_item_says_so_instead_of_guessing(client, assessment):
    ToolkitItem.objects.update(evidence_strength="", evidence_claim="")
    summary = client.get(reverse("assessment:summary", args=[assessment.key])).content.decode()
    results = client.get(reverse("assessment:results", args=[assessment.key])).content.decode()
    bundle = json.loads(
        client.get(reverse("assessment:fhir_response", args=[assessment.key])).content
    )
    fhir = bundle["entry"][0]["resource"]  # the QuestionnaireResponse

    assert "Evidence: not yet graded" in text_of(summary)
    assert "Evidence: not yet graded" in text_of(results)
    group = next(r for r in fhir["contained"] if r["resourceType"] == "RequestGroup")
    concept = group["action"][0]["extension"][0]["valueCodeableConcept"]
    assert concept == {"text": "Not yet graded"}
    RequestGroup.model_validate(group)


@pytest.mark.parametrize("name", ["results", "summary", "fhir_response"])
def test_the_grades_come_with_the_toolkit_items_in_one_query(client, assessment, name):
    """No query per suggestion: the grade is a column of the toolkit item already fetched."""
    url = reverse(f"assessment:{name}", args=[assessment.key])
    sql = toolkit_queries(client, url)
    assert len(sql) == 1, sql
    assert "evidence_strength" in sql[0]
