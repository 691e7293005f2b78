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
    html = crisis_page(client)  # the default region pack is the UK's
    assert "Samaritans" in html and 'href="tel:116123"' in html and 'href="tel:999"' in html


def test_it_shows_the_editors_own_crisis_text(client):
    SupportText.objects.create(
        slug="crisis",
        heading="Si piensas en hacerte daño, hay ayuda ahora",
        body="Llama al **112** o a la línea 024.",
    )
    html = crisis_page(client)
    assert "Si piensas en hacerte daño, hay ayuda ahora" in html
    assert "<strong>112</strong>" in html
    panel = html[html.index("data-crisis-panel") :]
    assert "Samaritans" not in panel[: panel.index("</section>")]


def test_it_seeds_no_crisis_text_and_never_overwrites_an_edit():
    # The built-in words name the region pack's services; a seeded row would pin one country.
    seed_content()
    assert not SupportText.objects.filter(slug="crisis").exists()
    SupportText.objects.create(
        slug="crisis", heading="Help now", body="Call 000 (Australia) or Lifeline on 13 11 14."
    )
    seed_content()
    assert SupportText.objects.get(slug="crisis").body.startswith("Call 000")


def test_it_lets_an_editor_change_the_crisis_text(client):
    seed_content()
    editor = User.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    response = client.post(
        "/admin/content/supporttext/add/",
        {"slug": "crisis", "heading": "Help", "body": "Call 112."},
    )
    assert response.status_code == 302
    text = SupportText.objects.get(slug="crisis")
    url = f"/admin/content/supporttext/{text.pk}/change/"
    response = client.post(url, {"heading": "Help now", "body": "Call 112."})
    assert response.status_code == 302
    assert SupportText.objects.get(slug="crisis").heading == "Help now"


@pytest.mark.django_db(transaction=True)
def test_the_migration_drops_only_an_unedited_seeded_crisis_text():
    from importlib import import_module

    from django.core.management import call_command

    old = import_module("content.migrations.0010_crisis_text_from_region_pack")
    call_command("migrate", "content", "0009", verbosity=0)
    try:
        SupportText.objects.create(slug="crisis", heading=old.OLD_HEADING, body=old.OLD_BODY)
        call_command("migrate", "content", "0010", verbosity=0)
        assert not SupportText.objects.filter(slug="crisis").exists()
        call_command("migrate", "content", "0009", verbosity=0)
        SupportText.objects.create(slug="crisis", heading=old.OLD_HEADING, body="Call 112.")
    finally:
        call_command("migrate", "content", verbosity=0)
    assert SupportText.objects.get(slug="crisis").body == "Call 112."  # an edit is kept
