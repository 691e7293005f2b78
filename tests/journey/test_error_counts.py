"""GOV.UK B3.20: count how often each question's error is shown, so wording can improve."""

import pytest
from django.urls import reverse

from assessment.data.seed_map import seed_map
from assessment.models import QuestionErrorCount
from tests.support import clinical_lead, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(client):
    seed_map()
    client.post("/map/start/")
    return client.session["painmap_assessments"][0]


def post(client, key, code, **data):
    return client.post(f"/map/{key}/q/{code}/", {"action": "continue", **data})


def test_it_counts_each_error_shown_per_question_and_day(client, key):
    post(client, key, "red_flags")  # nothing chosen: the one question that must be answered
    post(client, key, "red_flags", answer=["chest_pain", "none"])
    post(client, key, "red_flags", answer="none")  # right: not counted
    post(client, key, "intensity", answer="11")
    counts = dict(QuestionErrorCount.objects.values_list("item_code", "count"))
    assert counts == {"red_flags": 2, "intensity": 1}


def test_it_keeps_no_link_to_the_person(client, key):
    post(client, key, "red_flags")
    fields = {field.name for field in QuestionErrorCount._meta.get_fields()}
    assert fields == {"id", "questionnaire", "item_code", "day", "count"}


def test_it_shows_the_questions_people_stumble_on_in_insight(client, key):
    for _ in range(6):
        post(client, key, "red_flags")
    post(client, key, "duration", answer="forever")
    lead = clinical_lead()
    admin = client.__class__()
    sign_in(admin, lead)
    html = admin.get(reverse("admin:assessment_insight")).content.decode()
    section = html[html.index("Questions people stumble on") :]
    assert "Do you have any of these right now?" in section
    assert "<td>6</td>" in section
    assert "<td>fewer than 5</td>" in section  # duration's one error: small counts are hidden
    assert "<td>1</td>" not in section
