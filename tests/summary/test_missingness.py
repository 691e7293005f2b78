"""Skipped, not asked (a branch that did not apply) and answered "none" are three different
things on every output: results, summary (page 1 too), PDF, FHIR and CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pypdf import PdfReader

from tests.support import FULL_ANSWERS, claim, clinical_lead, pdf_text, sign_in, squash
from tests.support import make_finished as make_assessment

pytestmark = pytest.mark.django_db

# Medicines, conditions and the body map skipped; the opioid questions therefore not asked
# (their stored answers are from before); "other symptoms" answered "none of these".
ANSWERS = {
    **FULL_ANSWERS,
    "medications": None,
    "conditions": None,
    "body_regions": None,
    "other_symptoms": ["none"],
}


@pytest.fixture
def assessment(client):
    made = make_assessment(ANSWERS)
    claim(client, made)
    return made


def get(client, name, assessment):
    return client.get(reverse(f"assessment:{name}", args=[assessment.key]))


def row_status(html, code):
    match = re.search(rf'data-item="{code}" data-status="(\w+)"', html)
    return match.group(1) if match else None


def test_results_tell_skipped_from_not_asked_from_none(client, assessment):
    html = get(client, "results", assessment).content.decode()
    assert row_status(html, "medications") == "skipped"
    assert row_status(html, "opioid_duration") == "not_asked"
    assert row_status(html, "other_symptoms") == "answered"
    section = html[html.index("data-answer-status") :]
    assert "Not answered: you skipped this" in section
    assert "Not asked: it did not apply to you" in section
    assert 'data-skipped-count="3"' in html


def test_summary_page_one_says_not_answered_never_none_reported(client, assessment):
    html = get(client, "summary", assessment).content.decode()
    assert "None reported" not in html
    medicines = html[html.index("cs-medicines-heading") : html.index("cs-notes-heading")]
    assert medicines.count("Not answered (skipped)") == 2
    pain = html[html.index("cs-pain-heading") : html.index("cs-medicines-heading")]
    assert 'data-missing="body_regions"' in pain and "Not answered (skipped)" in pain
    assert "of 19 regions" not in pain and "<svg" not in pain  # no empty body diagram
    assert 'data-skipped-count="3"' in html[: html.index("cs-safety-heading")]
    answers = html[html.index("cs-answers-heading") :]
    assert re.search(
        r'data-item="opioid_duration"><dt>[^<]*</dt><dd data-status="not_asked"', answers
    )
    assert re.search(
        r'data-item="other_symptoms"><dt>[^<]*</dt><dd data-status="answered"', answers
    )


def test_summary_says_none_only_when_none_was_answered(client):
    made = make_assessment({**FULL_ANSWERS, "medications": ["none"], "conditions": ["none"]})
    claim(client, made)
    html = get(client, "summary", made).content.decode()
    medicines = html[html.index("cs-medicines-heading") : html.index("cs-notes-heading")]
    assert medicines.count("None (answered") == 2 and "Not answered" not in medicines


def test_pdf_says_not_answered(client, assessment):
    data = get(client, "summary_pdf", assessment).content
    pages, text, _meta = pdf_text(data)
    text = squash(text)
    assert pages <= 2
    assert "None reported" not in text
    assert "Not asked (did not apply)" in text
    # Page 1: the skipped count in the header, and "Not answered" for medicines, conditions and
    # the body map, never "none".
    page_1 = squash(PdfReader(io.BytesIO(data)).pages[0].extract_text() or "")
    assert "Skipped 3 questions" in page_1
    assert "Medicines Not answered (skipped)" in page_1
    assert "Conditions Not answered (skipped)" in page_1
    assert "Painful regions (body map) Not answered (skipped)" in page_1


def response_of(client, assessment) -> dict:
    """The QuestionnaireResponse of an assessment's FHIR Bundle (its first entry)."""
    bundle = json.loads(get(client, "fhir_response", assessment).content)
    return bundle["entry"][0]["resource"]


def test_fhir_marks_why_an_answer_is_absent(client, assessment):
    resource = response_of(client, assessment)
    QuestionnaireResponse.model_validate(resource)
    items = {item["linkId"]: item for group in resource["item"] for item in group["item"]}

    def reason(code):
        (extension,) = items[code]["extension"]
        assert extension["url"] == "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
        assert "answer" not in items[code]
        return extension["valueCode"]

    assert reason("medications") == "asked-declined"
    assert reason("body_regions") == "asked-declined"
    # Not asked (a branch that did not apply) is left out, as docs/fhir.md says: not skipped.
    assert "opioid_duration" not in items and "opioid_taper" not in items
    assert items["other_symptoms"]["answer"][0]["valueCoding"]["code"] == "none"
    assert "extension" not in items["other_symptoms"]


def test_fhir_leaves_out_questions_not_reached_in_an_unfinished_questionnaire(client):
    made = make_assessment({"red_flags": ["none"], "duration": "gt_12_months"}, complete=False)
    claim(client, made)
    resource = response_of(client, made)
    items = {item["linkId"]: item for group in resource["item"] for item in group["item"]}
    assert "intensity" not in items, "not reached is not skipped"
    assert "duration" in items and resource["status"] == "in-progress"


def test_csv_tells_skipped_from_not_asked_from_none(client, assessment):
    sign_in(client, clinical_lead())
    body = b"".join(client.get(reverse("admin:assessment_export")).streaming_content)
    (row,) = list(csv.DictReader(io.StringIO(body.decode())))
    assert row["medications"] == "skipped" and row["body_regions"] == "skipped"
    assert row["opioid_duration"] == "not_asked" and row["opioid_taper"] == "not_asked"
    assert row["other_symptoms"] == "none"
