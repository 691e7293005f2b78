"""Shared set-up for the clinician summary, PDF, FHIR and sharing tests."""

from __future__ import annotations

import io
import unicodedata

from assessment.data.seed_map import seed_map
from assessment.journey import access, services
from assessment.models import Assessment, Questionnaire
from assessment.spec_loader import spec_for

# Every question answered, on the seeded MAP v1, with answers that raise every caution the
# summary shows: opioids (and the opioid branch), blood thinners, kidney disease, pregnancy.
FULL_ANSWERS = {
    "red_flags": ["none"],
    "duration": "gt_12_months",
    "intensity": 7,
    "body_regions": [
        "neck",
        "shoulder_left",
        "shoulder_right",
        "upper_back",
        "lower_back",
        "hip_left",
        "hip_right",
        "upper_leg_left",
        "hands",
        "feet",
    ],
    "pain_spread": "many_areas",
    "movement_link": "no_pattern",
    "proportionality": "bigger",
    "descriptors": ["burning", "aching", "tingling", "stiffness"],
    "touch_sensitivity": "often",
    "swelling": "no",
    "morning_stiffness": "over_30_min",
    "sensory_sensitivity": "a_lot",
    "sleep_quality": "very_poor",
    "fatigue": "severe",
    "cognitive": "moderate",
    "other_symptoms": ["headaches", "bowel", "jaw_clenching"],
    "activity_level": "mostly_resting",
    "processed_food": "most",
    "stress_level": "very_often",
    "stress_pain_link": "clearly",
    "mood": "more_than_half",
    "self_harm": "no",
    "worry": "agree",
    "fear_of_movement": "agree",
    "adverse_experiences": "yes",
    "social_support": "some",
    "conditions": ["prediabetes", "osteoarthritis", "kidney_disease", "pregnancy"],
    "medications": ["opioids", "nsaids_regular", "anticoagulant"],
    "opioid_duration": "gt_3_months",
    "opioid_taper": "no",
    "surgery": "no_lasting_relief",
    "notes_for_clinician": (
        "Worst in the mornings since my fall in 2021. <script>alert(1)</script> "
        "I would like to talk about reducing my tablets."
    ),
}


def seeded_questionnaire() -> Questionnaire:
    seed_map()
    return Questionnaire.objects.get(version=1)


def seed_toolkit() -> None:
    from content.seeding import seed_content

    seed_content()


def make_assessment(answers: dict, complete: bool = True) -> Assessment:
    """An assessment on MAP v1 with these stored answers (None = skipped), via the services."""
    questionnaire = seeded_questionnaire()
    assessment = services.start_assessment(questionnaire)
    stored: dict = {}
    for code, value in answers.items():
        stored = services.save_answer(assessment, code, value, stored)
    if complete:
        services.complete(assessment, spec_for(questionnaire))
    assessment.refresh_from_db()
    return assessment


def claim(client, assessment: Assessment) -> None:
    """Make this test client's session own the assessment, as starting or resuming does."""
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()


def pdf_text(data: bytes) -> tuple[int, str, dict]:
    """Page count, the text of every page, and the metadata of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), text, dict(reader.metadata or {})


def squash(text: str) -> str:
    """Whitespace- and ligature-insensitive form, for finding wrapped sentences in PDF text
    (Chromium's PDFs spell "fl" and "fi" as single ligature characters)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())
