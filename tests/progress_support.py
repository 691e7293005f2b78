"""Builders for the plan, check-in and progress tests (issue 15): a person who finished MAP v2."""

from __future__ import annotations

from django.urls import reverse

from assessment.data.seed_map import seed_map
from assessment.journey import access, services
from assessment.models import Assessment, Questionnaire
from assessment.spec_loader import spec_for
from content.seeding import seed_content
from tests.support import CALM_ANSWERS

# Calm MAP v2 answers with a PEG of (7 + 6 + 6) / 3 = 6.3 and poor sleep, so sleep
# restoration, graded movement and others are suggested; omega-3 carries its blood-thinner
# caution because a blood thinner is ticked.
V2_ANSWERS = {
    **CALM_ANSWERS,
    "intensity": 7,
    "interference_enjoyment": 6,
    "interference_activity": 6,
    "little_interest": "several_days",
    "nervous": "several_days",
    "uncontrolled_worry": "not_at_all",
    "body_regions": [
        "neck",
        "lower_back",
        "upper_back",
        "left_hip",
        "right_hip",
        "left_upper_leg",
        "right_upper_leg",
    ],
    "medications": ["anticoagulant"],
}


def seed() -> Questionnaire:
    seed_content()
    seed_map(1)
    seed_map(2)
    return Questionnaire.objects.get(version=2)


def finished_assessment(answers=None) -> Assessment:
    questionnaire = Questionnaire.objects.get(version=2)
    assessment = Assessment.objects.create(questionnaire=questionnaire)
    spec = spec_for(questionnaire)
    answers = {**V2_ANSWERS, **(answers or {})}
    for code, value in answers.items():
        if code in spec.by_code:
            services.store_answer(assessment, code, value)
    services.complete(assessment, spec)
    return assessment


def own(client, assessment) -> None:
    """Let the test client's session open this assessment, as starting or resuming does."""
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()


def url(name, assessment, *args) -> str:
    return reverse(f"assessment:{name}", args=[assessment.key, *args])


def check_in_data(intensity=5, enjoyment=4, activity=4, uses=None, red_flags=("none",), **extra):
    data = {
        "red_flags": list(red_flags),
        "intensity": str(intensity),
        "interference_enjoyment": str(enjoyment),
        "interference_activity": str(activity),
        "sleep_quality": "fair",
        "self_harm": "no",
    }
    for slug, use in (uses or {}).items():
        data[f"use-{slug}"] = use
    data.update(extra)
    return data
