"""Roles made by migration: what a clinical lead and an editor may do with the questionnaire."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessment.models import Questionnaire
from assessment.workbench import versions
from tests.support import clinical_lead, editor, sign_in, v1

pytestmark = pytest.mark.django_db


def test_it_gives_the_clinical_lead_the_questionnaire_and_insight_permissions():
    lead = clinical_lead()
    for perm in (
        "assessment.change_questionnaire",
        "assessment.change_item",
        "assessment.change_optionweight",
        "assessment.change_teststory",
        "assessment.view_publishrecord",
        "assessment.publish_questionnaire",
        "assessment.view_insight",
        "assessment.export_assessments",
    ):
        assert lead.has_perm(perm), perm
    # Aggregates only: never one person's assessment or answers.
    assert not lead.has_perm("assessment.view_assessment")
    assert not lead.has_perm("assessment.view_answer")
    assert not lead.has_perm("assessment.change_publishrecord")


def test_it_gives_the_editor_no_questionnaire_permission_at_all():
    group = Group.objects.get(name="Editor")
    assert not group.permissions.filter(content_type__app_label="assessment").exists()
    assert group.permissions.filter(content_type__app_label="content").exists()


def test_it_lets_a_clinical_lead_publish_from_the_admin(client):
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    sign_in(client, clinical_lead())
    url = reverse("admin:assessment_questionnaire_publish", args=[draft.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"confirm_failures": "on", "changelog": "Reviewed."})
    assert response.status_code == 302
    assert Questionnaire.objects.get(pk=draft.pk).status == "published"


def test_it_stops_an_editor_from_publishing_or_opening_the_questionnaire(client):
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    client.force_login(editor())
    publish = reverse("admin:assessment_questionnaire_publish", args=[draft.pk])
    assert client.get(publish).status_code == 403
    assert client.post(publish, {"confirm_failures": "on"}).status_code == 403
    assert Questionnaire.objects.get(pk=draft.pk).status == "draft"
    change = reverse("admin:assessment_questionnaire_change", args=[draft.pk])
    assert client.get(change).status_code == 403
    assert client.get(reverse("admin:assessment_insight")).status_code == 403
    assert client.get(reverse("admin:assessment_export")).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "Questionnaire versions" not in index and "Anonymous insight" not in index


def test_it_needs_the_publish_permission_even_with_every_other_one(client):
    from django.contrib.auth.models import Permission

    from tests.support import staff_user

    user = staff_user("almost")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="assessment").exclude(
            codename="publish_questionnaire"
        )
    )
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    client.force_login(user)
    url = reverse("admin:assessment_questionnaire_publish", args=[draft.pk])
    assert client.post(url, {"confirm_failures": "on"}).status_code == 403
    change = client.get(reverse("admin:assessment_questionnaire_change", args=[draft.pk]))
    assert url not in change.content.decode()
