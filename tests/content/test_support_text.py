import pytest
from django.contrib.auth.models import Group, User

from content.models import SupportText
from content.seeding import seed_content
from tests.support import CALM_ANSWERS, make_assessment, make_questionnaire

pytestmark = pytest.mark.django_db


def crisis_page(client):
    questionnaire = make_questionnaire()
    assessment = make_assessment(questionnaire, {**CALM_ANSWERS, "self_harm": "yes"}, complete=True)
    assessment.crisis = True
    assessment.save()
    session = client.session
    session["painmap_assessments"] = [assessment.key]
    session.save()
    return client.get(f"/map/{assessment.key}/results/").content.decode()


def test_it_shows_the_built_in_crisis_text_when_editors_have_none(client):
    html = crisis_page(client)
    assert "Samaritans on 116 123" in html and "999" in html


def test_it_shows_the_editors_own_crisis_text(client):
    SupportText.objects.create(
        slug="crisis",
        heading="Si piensas en hacerte daño, hay ayuda ahora",
        body="Llama al **112** o a la línea 024.",
    )
    html = crisis_page(client)
    assert "Si piensas en hacerte daño, hay ayuda ahora" in html
    assert "<strong>112</strong>" in html
    assert "Samaritans" not in html


def test_it_seeds_the_default_and_never_overwrites_an_edit():
    seed_content()
    text = SupportText.objects.get(slug="crisis")
    assert "116 123" in text.body_html
    text.body = "Call 000 (Australia) or Lifeline on 13 11 14."
    text.save()
    seed_content()
    assert SupportText.objects.get(slug="crisis").body.startswith("Call 000")


def test_it_lets_an_editor_change_the_crisis_text(client):
    seed_content()
    editor = User.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    text = SupportText.objects.get(slug="crisis")
    url = f"/admin/content/supporttext/{text.pk}/change/"
    response = client.post(url, {"heading": "Help now", "body": "Call 112."})
    assert response.status_code == 302
    assert SupportText.objects.get(slug="crisis").heading == "Help now"
