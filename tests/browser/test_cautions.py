"""An editor adds a caution in the admin; it reaches everyone it applies to, and no one else.

One table (content.CautionRule) is read by scoring, results, the clinician summary and the PDF:
the caution an editor writes is shown on all three for a person it applies to.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from assessment.data.seed_map import seed_map
from assessment.journey import services
from assessment.models import Assessment, Questionnaire
from assessment.spec_loader import spec_for
from content.seeding import seed_content
from tests.support import pdf_text, squash

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATIENT_WORDS = "PEA with a blood thinner: ask your pharmacist before you start."
CLINICIAN_WORDS = "PEA with an anticoagulant: check for interactions."
# A nerve-pain picture that is offered PEA (palmitoylethanolamide).
NERVE_PAIN = {
    "red_flags": ["none"],
    "duration": "gt_12_months",
    "body_regions": ["hands", "feet"],
    "pain_spread": "many_areas",
    "movement_link": "no_pattern",
    "descriptors": ["burning", "pins_and_needles", "numbness", "painful_cold"],
    "touch_sensitivity": "often",
    "conditions": ["chemotherapy"],
}


def editor() -> User:
    group, _ = Group.objects.get_or_create(name="Editor")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="content", codename__endswith="rule")
    )
    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(group)
    return user


def finished(medications) -> Assessment:
    """A person who answered the MAP and finished it (completion scores with the table)."""
    questionnaire = Questionnaire.objects.get(version=1)
    assessment = Assessment.objects.create(questionnaire=questionnaire)
    for code, value in {**NERVE_PAIN, "medications": medications}.items():
        services.store_answer(assessment, code, value)
    services.complete(assessment, spec_for(questionnaire))
    return assessment


def open_as(page, live_server, assessment, path):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("assessment:resume"))
    page.fill("#id_code", assessment.resume_code)
    page.locator("main form").first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    response = page.goto(live_server.url + path)
    assert response.status == 200
    return squash(page.locator("main").inner_text())


def test_an_editors_new_caution_reaches_results_summary_and_pdf_of_those_it_applies_to(
    page, live_server
):
    seed_content()
    seed_map(1)
    editor()
    admin = f"{live_server.url}/{settings.ADMIN_PATH}"
    page.goto(admin + "login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_load_state()

    page.goto(admin + "content/cautionrule/add/")
    page.fill("#id_code", "pea_anticoagulant")
    page.select_option("#id_kind", "suggestion")
    page.fill("#id_label", "Taking blood thinners")
    page.fill("#id_triggers", "medications=anticoagulant")
    page.fill("#id_shown_when", "A blood thinner ticked")
    page.select_option("#id_items", label="Palmitoylethanolamide (PEA)")
    page.fill("#id_patient_text", PATIENT_WORDS)
    page.fill("#id_clinician_text", CLINICIAN_WORDS)
    page.click("input[name=_save]")
    page.wait_for_load_state()
    assert "was added successfully" in page.content()

    # A typo in a trigger is refused with a message naming it, and nothing is saved.
    page.goto(admin + "content/cautionrule/add/")
    page.fill("#id_code", "typo")
    page.select_option("#id_kind", "medicine")
    page.fill("#id_label", "Typo")
    page.fill("#id_triggers", "medications=anticoagulent")
    page.fill("#id_shown_when", "never")
    page.fill("#id_patient_text", "x")
    page.fill("#id_clinician_text", "x")
    page.click("input[name=_save]")
    page.wait_for_load_state()
    assert "has no answer “anticoagulent”" in page.locator(".errorlist").first.inner_text()

    on_thinner = finished(["anticoagulant"])
    not_on_one = finished(["none"])
    assert "pea_anticoagulant" in {
        code for s in on_thinner.result["suggestions"] for code in s["cautions"]
    }

    results = open_as(page, live_server, on_thinner, f"/map/{on_thinner.key}/results/")
    summary = open_as(page, live_server, on_thinner, f"/map/{on_thinner.key}/summary/")
    assert squash(PATIENT_WORDS) in results
    assert squash(PATIENT_WORDS) in summary
    pdf = page.request.get(live_server.url + f"/map/{on_thinner.key}/summary.pdf")
    assert pdf.status == 200
    assert squash(PATIENT_WORDS) in squash(pdf_text(pdf.body())[1])

    results = open_as(page, live_server, not_on_one, f"/map/{not_on_one.key}/results/")
    summary = open_as(page, live_server, not_on_one, f"/map/{not_on_one.key}/summary/")
    assert "Palmitoylethanolamide" in results  # still suggested, without the caution
    assert squash(PATIENT_WORDS) not in results and squash(PATIENT_WORDS) not in summary
