"""Helpers for the workbench tests: staff users in each role, a seeded v1, a taken assessment."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from assessment.data.seed_map import seed_map
from assessment.journey import services
from assessment.models import Assessment, Questionnaire
from assessment.spec_loader import spec_for

CALM_ANSWERS = {
    "red_flags": ["none"],
    "duration": "gt_12_months",
    "intensity": 5,
    "body_regions": ["hip_right"],
    "pain_spread": "one_area",
    "movement_link": "clear_pattern",
    "proportionality": "matches",
    "descriptors": ["aching", "stiffness"],
    "self_harm": "no",
}


def staff_user(username: str, group: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password", **extra)
    user.is_staff = True
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh, so permission caches start empty


def clinical_lead(username="lead") -> User:
    return staff_user(username, "Clinical lead")


def editor(username="editor") -> User:
    return staff_user(username, "Editor")


def v1() -> Questionnaire:
    seed_map()
    return Questionnaire.objects.get(version=1)


def take_assessment(questionnaire: Questionnaire, answers: dict, complete=True) -> Assessment:
    """An assessment answered through the same services the web flow uses."""
    assessment = services.start_assessment(questionnaire)
    stored = {}
    for code, value in answers.items():
        stored = services.save_answer(assessment, code, value, stored)
    if complete:
        services.complete(assessment, spec_for(questionnaire))
    return assessment
