"""A question page costs the same few queries whatever the questionnaire's size."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Assessment
from tests.factories import make_questionnaire

pytestmark = pytest.mark.django_db

# Session; assessment with its questionnaire; the stored answers.
GET_QUERIES = 3
# The same, plus, in one transaction (a SAVEPOINT and its RELEASE inside the test's own
# transaction): the assessment row locked, the answer upsert and its updated_at/flags.
POST_QUERIES = 8


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def question_costs(client, n_items):
    make_questionnaire(n_items=n_items)
    client.post(reverse("assessment:begin"))
    assessment = Assessment.objects.latest("created_at")
    url = reverse("assessment:question", args=[assessment.key, "duration"])
    client.get(url)  # builds the published spec once per process
    with CaptureQueriesContext(connection) as get:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as post:
        assert client.post(url, {"answer": "gt_12_months"}).status_code == 302
    return len(get), len(post), [q["sql"] for q in post.captured_queries]


@pytest.mark.parametrize("n_items", [10, 60])
def test_it_costs_a_constant_number_of_queries_per_question_page(client, n_items):
    get, post, sql = question_costs(client, n_items)
    assert get == GET_QUERIES
    assert post == POST_QUERIES, sql


def test_it_costs_the_same_for_a_small_and_a_large_questionnaire(client):
    small = question_costs(client, 10)[:2]
    cache.clear()
    large = question_costs(client, 60)[:2]
    assert small == large
