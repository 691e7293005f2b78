"""The MAP journey through Django's test client: GOV.UK question-page rules, branching,
back/refresh/second tab, resume, red flags, crisis support, check answers, results, delete."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from assessment import access
from assessment.models import Assessment
from tests.factories import CALM_ANSWERS, make_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def questionnaire():
    return make_questionnaire()


def start(client):
    response = client.post(reverse("assessment:begin"))
    assert response.status_code == 302
    return Assessment.objects.latest("created_at"), response


def q_url(assessment, code, change=False):
    url = reverse("assessment:question", args=[assessment.key, code])
    return url + "?change=1" if change else url


def answer(client, assessment, code, value, change=False, action="continue"):
    data = {"action": action}
    if value is not None:
        data["answer"] = value
    if change:
        data["change"] = "1"
    return client.post(q_url(assessment, code), data)


def walk(client, assessment, answers):
    """Answer page after page, following the redirects, until check answers."""
    url = q_url(assessment, "red_flags")
    for _ in range(80):
        if "/q/" not in url:
            return url
        code = url.rstrip("/").split("/")[-1]
        value = answers.get(code)
        action = "skip" if value is None and code in answers else "continue"
        response = answer(client, assessment, code, value, action=action)
        assert response.status_code == 302, (code, response.content[:500])
        url = response["Location"]
        if "/support/" in url or "/stop/" in url:
            url = client.get(url).context["continue_url"]
    raise AssertionError("the walk never reached check answers")


def test_it_starts_an_assessment_and_remembers_it_in_the_session(client, questionnaire):
    assessment, response = start(client)
    assert assessment.questionnaire == questionnaire
    assert response["Location"] == q_url(assessment, "red_flags")
    assert assessment.key in client.session[access.SESSION_KEY]


def test_it_walks_from_start_to_results(client, questionnaire):
    assessment, _ = start(client)
    check_url = walk(client, assessment, CALM_ANSWERS)
    assert check_url == reverse("assessment:check", args=[assessment.key])
    page = client.get(check_url)
    assert page.status_code == 200
    response = client.post(check_url)
    assert response["Location"] == reverse("assessment:results", args=[assessment.key])
    results = client.get(response["Location"])
    assert results.status_code == 200
    assessment.refresh_from_db()
    assert assessment.is_complete and assessment.result["questionnaire"]
