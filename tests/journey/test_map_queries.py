"""A question page costs the same few queries whatever the questionnaire's size."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Assessment
from tests.support import make_questionnaire

pytestmark = pytest.mark.django_db

# Session; assessment with its questionnaire; the stored answers.
GET_QUERIES = 3
# The same, plus, in one transaction (a SAVEPOINT and its RELEASE inside the test's own
# transaction): the assessment row locked, the answer upsert and its updated_at/flags.
POST_QUERIES = 8


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


def finished_costs(client, n_items):
    """Queries of the results, summary and shared-summary pages of one finished assessment."""
    from assessment.journey import access
    from assessment.summary import sharing
    from content.seeding import seed_content
    from tests.support import CALM_ANSWERS, make_assessment

    seed_content()  # the toolkit and FAQs the results page links
    questionnaire = make_questionnaire(n_items=n_items)
    codes = {item.code for item in questionnaire.items.all()}
    answers = {code: value for code, value in CALM_ANSWERS.items() if code in codes}
    for extra in codes - set(answers):
        answers[extra] = "a"
    assessment = make_assessment(questionnaire, answers, complete=True)
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()
    link = sharing.create_link(assessment)
    urls = {
        "results": reverse("assessment:results", args=[assessment.key]),
        "summary": reverse("assessment:summary", args=[assessment.key]),
        "shared": reverse("shared:summary", args=[sharing.sign(link)]),
    }
    for url in urls.values():
        assert client.get(url).status_code == 200  # builds the published spec once
    costs = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        costs[name] = len(queries)
    return costs


# Results: session; assessment with its questionnaire; stored answers (how soon care is needed,
# the support offer, which questions were skipped or not asked); toolkit items; FAQs. Summary:
# session; assessment; stored answers; toolkit items; its plan, if any ("Change over time",
# issue 15). Shared: the link with its assessment; stored answers; toolkit items; the plan. (The
# words of any cautions are one more query, none here.) The stored result is read from the
# assessment row: no page re-scores, and none grows with the questionnaire. The shared page also
# counts against the share-link guessing limit: one upsert before the link is checked, one
# refund after (a right link never counts).
FINISHED_QUERIES = {"results": 5, "summary": 5, "shared": 6}


def test_finished_pages_cost_a_fixed_number_of_queries_whatever_the_questionnaires_size(client):
    small = finished_costs(client, 10)
    cache.clear()
    large = finished_costs(client, 60)
    assert small == large
    assert large == FINISHED_QUERIES
