"""The clinician summary: the view-model (pure) and the page (access, headers, content)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from assessment.data.seed_map import seed_spec
from assessment.rules import scoring
from assessment.rules.flow import relevant_answers
from assessment.summary import builder as summary
from tests.support import (
    FULL_ANSWERS,
    claim,
    make_assessment,
    seed_toolkit,
    v1,
)

SPEC = seed_spec()


def build(answers, suggestions=()):
    result = scoring.score(SPEC, relevant_answers(SPEC, answers))
    return summary.build_summary(
        SPEC,
        answers,
        result,
        suggestions,
        reference="PM-TEST01",
        date=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
    )


def text_of(html: bytes) -> str:
    """The visible words of a page, whitespace squashed, for order and presence checks."""
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())


# The view-model ---------------------------------------------------------------------------


def test_it_makes_a_short_reference_that_is_not_the_key_or_resume_code():
    key = "k" * 43
    reference = summary.reference_for(key)
    assert re.fullmatch(r"PM-[A-Z2-7]{6}", reference)
    assert reference == summary.reference_for(key)
    assert reference != summary.reference_for("j" * 43)
    assert key[:6] not in reference


def test_it_counts_wpi_regions_and_keeps_hands_and_feet_apart():
    result = build({**FULL_ANSWERS, "body_regions": ["neck", "lower_back", "hands", "feet"]})
    assert result.wpi_count == 2
    assert result.wpi_regions == ("Neck", "Lower back")
    assert len(result.other_regions) == 2
    assert set(result.marked_regions) == {"neck", "lower_back", "hands", "feet"}


def test_it_counts_all_nineteen_wpi_regions():
    result = build({**FULL_ANSWERS, "body_regions": list(summary.WPI_REGIONS) + ["hands"]})
    assert result.wpi_count == 19
    assert len(result.other_regions) == 1


def test_it_raises_the_cautions_of_medicines_and_conditions():
    result = build(FULL_ANSWERS)
    # The rulebook's medicine cautions, in its clinician words: every combination ticked.
    assert result.answer_cautions == (
        "Regular NSAIDs with an anticoagulant: bleeding risk.",
        "Regular NSAIDs with kidney disease: risk of further kidney harm.",
        "Regular NSAIDs in pregnancy or breastfeeding: review.",
    )
    none = build({**FULL_ANSWERS, "medications": ["none"], "conditions": ["none"]})
    assert none.answer_cautions == ()
    assert none.medications == () and none.conditions == ()


def test_it_lists_every_shown_item_with_not_provided_for_skipped_and_unanswered():
    answers = {**FULL_ANSWERS, "fatigue": None}
    del answers["cognitive"]
    result = build(answers)
    rows = {row.code: row for section in result.sections for row in section.rows}
    assert rows["fatigue"].provided is False and rows["fatigue"].value == ""
    assert rows["cognitive"].provided is False
    assert rows["sleep_quality"].provided is True
    assert rows["fatigue"].status == "skipped" and rows["cognitive"].status == "not_reached"
    assert result.not_provided == 2 and result.skipped == 1 and result.not_reached == 1
    shown = [item.code for item in SPEC.items if item.code != summary.NOTES_ITEM]
    assert list(rows) == shown  # grouped in questionnaire order, nothing missing


def test_it_leaves_out_answers_on_a_branch_that_no_longer_applies():
    # Opioid answers stay stored after opioids are unticked, but they no longer count.
    result = build({**FULL_ANSWERS, "medications": ["nsaids_regular"]})
    rows = {row.code: row for section in result.sections for row in section.rows}
    # Listed as not asked (the branch does not apply), never with the stale answers.
    for code in ("opioid_duration", "opioid_taper"):
        assert rows[code].status == "not_asked" and not rows[code].provided
    assert not any("hyperalgesia" in note for note in result.notes)
    assert not any("opioid" in text.lower() for text in result.answer_cautions)


def test_it_puts_red_flags_and_urgency_on_the_summary():
    result = build({**FULL_ANSWERS, "red_flags": ["saddle_numbness", "weight_loss"]})
    assert result.urgency == "emergency"
    assert len(result.red_flags) == 2
    assert "emergency" in result.urgency_text.lower()
    urgent = build({**FULL_ANSWERS, "red_flags": ["weight_loss"]})
    assert urgent.urgency == "urgent"


def test_it_gives_each_score_its_level_and_the_answers_behind_it():
    result = build(FULL_ANSWERS)
    assert [row.code for row in result.types] == list(scoring.TYPES)
    central = next(row for row in result.types if row.code == "central")
    assert 0 <= central.score <= 100 and central.level in ("low", "moderate", "high")
    assert central.because, "the answers that moved the score are listed"
    assert not any("=" in line for line in central.because), "plain words, not codes"
    assert any("of 19 WPI regions" in line for line in central.because)


def test_it_keeps_the_clinician_notes_out_of_the_answer_list():
    result = build(FULL_ANSWERS)
    assert result.clinician_notes.startswith("Worst in the mornings")
    assert all(row.code != "notes_for_clinician" for s in result.sections for row in s.rows)


# The page -------------------------------------------------------------------------------


@pytest.fixture
def full_assessment(db):
    seed_toolkit()
    return make_assessment(v1(), FULL_ANSWERS, complete=True)


def summary_url(assessment):
    return reverse("assessment:summary", args=[assessment.key])


def test_it_shows_the_summary_to_the_session_that_owns_it(client, full_assessment):
    claim(client, full_assessment)
    response = client.get(summary_url(full_assessment))
    assert response.status_code == 200
    text = text_of(response.content)
    assert summary.reference_for(full_assessment.key) in text
    assert full_assessment.resume_code not in response.content.decode()
    assert "MAP version 1" in text and scoring.SCORING_VERSION in text
    assert "Self-reported; not a diagnosis." in text
    assert "IASP" in text and "NeuPSIG" in text
    assert response.context["title"].startswith("Clinician summary")
    assert response.content.decode().count("<h1") == 1


def test_it_is_a_plain_404_for_a_stranger(client, full_assessment):
    response = client.get(summary_url(full_assessment))
    assert response.status_code == 404
    assert summary.reference_for(full_assessment.key) not in response.content.decode()


def test_it_opens_after_the_resume_code_is_entered(client, full_assessment):
    assert client.get(summary_url(full_assessment)).status_code == 404
    client.post(reverse("assessment:resume"), {"code": full_assessment.resume_code})
    assert client.get(summary_url(full_assessment)).status_code == 200


def test_it_is_never_cached_or_indexed(client, full_assessment):
    claim(client, full_assessment)
    response = client.get(summary_url(full_assessment))
    assert "no-store" in response["Cache-Control"]
    assert {"noindex", "nofollow"} <= set(response["X-Robots-Tag"].replace(",", " ").split())
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    stranger = client.__class__().get(summary_url(full_assessment))
    assert "no-store" in stranger["Cache-Control"]


def test_it_shows_safety_before_the_profile_and_the_answers(client, db):
    assessment = make_assessment(
        v1(), {**FULL_ANSWERS, "red_flags": ["bladder_bowel"], "self_harm": "yes"}, complete=True
    )
    claim(client, assessment)
    text = text_of(client.get(summary_url(assessment)).content)
    flag = "New trouble controlling or passing urine or stools"
    assert text.index("Red flags reported: emergency") < text.index("Pain profile")
    assert text.index(flag) < text.index("Pain profile")
    assert text.index("Thoughts of self-harm reported") < text.index("Pain profile")
    assert "No self-care suggestions were made" in text
    assert "Self-care options shown to the person" not in text


def test_it_says_what_was_screened_when_no_red_flag_was_reported(client, full_assessment):
    claim(client, full_assessment)
    text = text_of(client.get(summary_url(full_assessment)).content)
    assert "Red-flag screen: none of the listed symptoms reported." in text
    assert "Thoughts of self-harm, past 2 weeks: No" in text


def test_it_shows_the_pain_medicines_cautions_and_scoring_notes(client, full_assessment):
    claim(client, full_assessment)
    response = client.get(summary_url(full_assessment))
    text = text_of(response.content)
    assert "7/10" in text
    assert "8 of 19 regions" in text
    assert "Also (not WPI regions)" in text
    assert "Regular NSAIDs with an anticoagulant: bleeding risk." in text
    assert "Regular NSAIDs with kidney disease: risk of further kidney harm." in text
    assert "inflammatory arthritis" in text
    assert "opioid-induced hyperalgesia" in text
    assert 'class="body-diagram"' in response.content.decode()


def test_it_escapes_the_notes_for_the_clinician(client, full_assessment):
    claim(client, full_assessment)
    html = client.get(summary_url(full_assessment)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_shows_every_caution_the_results_page_shows(client, full_assessment):
    claim(client, full_assessment)
    results = client.get(reverse("assessment:results", args=[full_assessment.key]))
    assert results.status_code == 200
    shown = [c.text for s in results.context["suggestions"] for c in s.cautions]
    assert shown, "this story carries at least one caution"
    page = client.get(summary_url(full_assessment))
    assert page.context["summary"].caution_texts == shown
    text = text_of(page.content)
    for caution in shown:
        assert " ".join(caution.split()) in text
    names = [s.item.name for s in results.context["suggestions"]]
    assert [s.item.name for s in page.context["summary"].suggestions] == names


def test_it_leaves_a_hidden_branch_off_the_page(client, db):
    assessment = make_assessment(v1(), {**FULL_ANSWERS, "medications": ["opioids"]})
    # Opioids unticked after the opioid questions were answered: the answers stay stored.
    from assessment.journey import services

    services.store_answer(assessment, "medications", ["nsaids_regular"])
    services.complete(assessment, summary_spec(assessment))
    claim(client, assessment)
    response = client.get(summary_url(assessment))
    html = response.content.decode()
    assert (
        'data-item="opioid_duration"><dt>Opioid use duration</dt><dd data-status="not_asked">'
        in html
    )
    assert "How long have you been taking opioid" not in html
    assert "opioid-induced hyperalgesia" not in text_of(response.content)


def summary_spec(assessment):
    from assessment.spec_loader import spec_for

    return spec_for(assessment.questionnaire)


def test_it_marks_an_unfinished_assessment(client, db):
    assessment = make_assessment(v1(), {"red_flags": ["none"], "duration": "gt_12_months"})
    claim(client, assessment)
    text = text_of(client.get(summary_url(assessment)).content)
    assert "Not finished." in text
    assert "Not provided" in text


def test_it_offers_pdf_share_and_fhir_to_the_owner(client, full_assessment):
    claim(client, full_assessment)
    html = client.get(summary_url(full_assessment)).content.decode()
    key = full_assessment.key
    assert reverse("assessment:summary_pdf", args=[key]) in html
    assert reverse("assessment:share", args=[key]) in html
    assert reverse("assessment:fhir_response", args=[key]) in html


def test_it_hides_buttons_and_navigation_in_print(client, full_assessment):
    claim(client, full_assessment)
    html = client.get(summary_url(full_assessment)).content.decode()
    assert '<body class="summary-page">' in html
    assert 'class="cs-actions no-print"' in html
    from django.conf import settings

    css = (settings.BASE_DIR / "static/css/painmap.css").read_text()
    print_rules = css[css.index("/* Clinician summary") :]
    assert "@page { size: auto; margin: 12mm; }" in print_rules
    assert (
        ".summary-page .site-header" in print_rules and ".summary-page .cs-actions" in print_rules
    )
    assert "break-inside: avoid" in print_rules
