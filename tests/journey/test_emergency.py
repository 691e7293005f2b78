"""Emergency ends the journey; urgent lets the person finish with the care card everywhere.

ITEMS.md §1: after an emergency flag there is no way on, no pain type, score, toolkit or
type-framed question on any page, summary or export of that assessment, whatever the URL;
"I ticked this by mistake" still changes the answer.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from assessment.models import Assessment
from tests.support import FULL_ANSWERS, claim, clinical_lead, pdf_text, sign_in, squash
from tests.support import make_finished as make_assessment

pytestmark = pytest.mark.django_db

TYPE_WORDS = ("Peripheral", "Central sensitisation", "Neuropathic", "Stress-driven", "nociplastic")
EMERGENCY = ["bladder_bowel", "saddle_numbness"]


def url(name, assessment, *args):
    return reverse(f"assessment:{name}", args=[assessment.key, *args])


def assert_no_type(text):
    for word in TYPE_WORDS:
        assert word.lower() not in text.lower(), word
    assert "score" not in text.lower().replace("scoring", "")


@pytest.fixture
def emergency(client):
    assessment = make_assessment({"red_flags": EMERGENCY}, complete=False)
    claim(client, assessment)
    return assessment


def test_the_stop_page_lists_the_flags_and_offers_no_way_on(client, emergency):
    html = client.get(url("stop", emergency)).content.decode()
    assert 'data-care-card="emergency"' in html
    assert 'href="tel:999"' in html and '>Call <span class="call-link__number">999' in html
    assert "Show this page to the emergency team" in html
    assert html.count("<li>", html.index("data-flags")) >= 2
    assert "Continue the questionnaire" not in html and "You can finish" not in html
    assert url("question", emergency, "duration") not in html
    assert url("check", emergency) not in html and url("results", emergency) not in html
    assert "I ticked this by mistake" in html
    assert url("question", emergency, "red_flags") in html
    assert "resume" not in html.split("<main", 1)[1].split("</main>")[0].lower()
    assert_no_type(html.split("<main", 1)[1].split("</main>")[0])


def test_every_later_url_leads_back_to_the_stop_page(client, emergency):
    stop = url("stop", emergency)
    for target in (
        url("question", emergency, "duration"),
        url("check", emergency),
        url("results", emergency),
        url("carry_on", emergency),
    ):
        assert client.get(target)["Location"] == stop, target
    # A later answer posted anyway (an old tab, a retry) is not saved.
    response = client.post(url("question", emergency, "duration"), {"answer": "gt_12_months"})
    assert response["Location"] == stop
    assert not emergency.answers.filter(item_code="duration").exists()
    assert client.post(url("check", emergency))["Location"] == stop
    emergency.refresh_from_db()
    assert emergency.completed_at is None


def test_a_flag_ticked_by_mistake_can_still_be_changed(client, emergency):
    response = client.post(url("question", emergency, "red_flags"), {"answer": "none"})
    assert response["Location"] == url("question", emergency, "duration")
    emergency.refresh_from_db()
    assert emergency.urgency == ""


def test_the_summary_pdf_fhir_and_csv_name_no_type_or_score(client, emergency):
    summary = client.get(url("summary", emergency)).content.decode()
    main = summary.split("<main", 1)[1].split("</main>")[0]
    assert 'data-urgency="emergency"' in main and "data-no-profile" in main
    assert main.count("<li>", main.index("cs-flag-list")) >= 2  # the flags, in words
    assert_no_type(main)
    _pages, text, _meta = pdf_text(client.get(url("summary_pdf", emergency)).content)
    assert "Red flags reported: emergency" in squash(text)
    assert_no_type(squash(text))
    bundle = json.loads(client.get(url("fhir_response", emergency)).content)
    resources = [entry["resource"] for entry in bundle["entry"]]
    codes = [
        resource["code"]["coding"][-1]["code"]
        for resource in resources
        if resource["resourceType"] == "Observation"
    ]
    # The urgency, each flag and why no type is named; no score, measure or suggestion.
    assert codes == ["urgency", "red-flag", "red-flag", "primary"]
    assert resources[1]["valueCodeableConcept"]["coding"][0]["code"] == "emergency"
    assert resources[-1]["valueCodeableConcept"]["coding"][0]["code"] == "no-type-emergency"
    assert "contained" not in resources[0], "no suggestions after an emergency flag"
    assert_no_type(json.dumps(bundle))


def test_a_finished_assessment_with_an_emergency_shows_no_type_anywhere(client):
    # Made before emergencies ended the journey: completed with a profile stored.
    assessment = make_assessment({**FULL_ANSWERS, "red_flags": ["chest_pain"]}, complete=True)
    assert assessment.completed_at and assessment.urgency == "emergency"
    claim(client, assessment)
    assert client.get(url("results", assessment))["Location"] == url("stop", assessment)
    stop = client.get(url("stop", assessment)).content.decode()
    assert "I ticked this by mistake" not in stop  # answers are final once finished
    main = client.get(url("summary", assessment)).content.decode().split("<main", 1)[1]
    assert_no_type(main.split("</main>")[0])
    sign_in(client, clinical_lead())
    body = b"".join(client.get(reverse("admin:assessment_export")).streaming_content)
    row = next(csv.DictReader(io.StringIO(body.decode())))
    assert row["urgency"] == "emergency" and row["primary"] == ""
    assert all(row[f"score_{code}"] == "" for code in ("peripheral", "central", "neuropathic"))


# ------------------------------------------------------------------ urgent


@pytest.fixture
def urgent(client):
    assessment = make_assessment({**FULL_ANSWERS, "red_flags": ["fever_unwell"]}, complete=True)
    claim(client, assessment)
    return assessment


def test_urgent_results_show_the_same_day_card_and_no_toolkit(client, urgent):
    response = client.get(url("results", urgent))
    html = response.content.decode()
    assert 'data-care-card="same_day"' in html and "Get medical advice today" in html
    assert response.context["suggestions"] == []
    assert "What might help" not in html and "/toolkit/" not in html.split("<main", 1)[1]


def test_urgent_summary_pdf_and_fhir_carry_the_advice(client, urgent):
    summary = client.get(url("summary", urgent)).content.decode()
    assert 'data-urgency="urgent"' in summary and "Self-care options" not in summary
    # The clinician reads the same advice the person was given: the same day, for fever.
    assert "advised to get medical advice the same day" in summary
    _pages, text, _meta = pdf_text(client.get(url("summary_pdf", urgent)).content)
    assert "Red flags reported: urgent" in squash(text)
    bundle = json.loads(client.get(url("fhir_response", urgent)).content)
    resources = [entry["resource"] for entry in bundle["entry"]]
    urgency = resources[1]
    assert urgency["valueCodeableConcept"]["coding"][0]["code"] == "urgent"
    assert urgency["note"] == [{"text": "Advised to get medical advice the same day."}]
    assert "contained" not in resources[0], "no toolkit after an urgent flag"
    assert not [r for r in resources if "/suggestion" in json.dumps(r.get("code", {}))]


def test_urgent_lets_the_person_finish_with_the_banner_on_every_later_page(client):
    assessment = make_assessment({"red_flags": ["weight_loss"]}, complete=False)
    claim(client, assessment)
    stop = client.get(url("stop", assessment)).content.decode()
    assert url("question", assessment, "duration") in stop  # may go on
    page = client.get(url("question", assessment, "duration")).content.decode()
    assert 'data-red-flag-banner="soon"' in page
    assert Assessment.objects.get(pk=assessment.pk).urgency == "urgent"
