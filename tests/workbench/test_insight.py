"""Anonymous insight: counts over a period, drop-off by question, leading types, red flags."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.data.clinical_cases import CASES
from assessment.models import Assessment
from assessment.workbench.insight import NOT_STARTED, insight
from tests.support import CALM_HIP, clinical_lead, make_assessment, sign_in, v1

pytestmark = pytest.mark.django_db


def case(case_id):
    return next(c for c in CASES if c["id"] == case_id)["answers"]


@pytest.fixture
def period_data():
    questionnaire = v1()
    make_assessment(questionnaire, CALM_HIP, complete=True)  # peripheral
    make_assessment(questionnaire, case("pm01"), complete=True)  # neuropathic
    make_assessment(questionnaire, case("pm03"), complete=True)  # central
    make_assessment(questionnaire, case("pm06"), complete=True)  # emergency red flag, completed
    make_assessment(questionnaire, {"red_flags": ["none"], "duration": "gt_12_months"})
    # Answered out of order (went back): the furthest question in questionnaire order counts.
    make_assessment(
        questionnaire,
        {"red_flags": ["none"], "pain_spread": "one_area", "duration": "gt_12_months"},
    )
    make_assessment(questionnaire, {})  # opened, answered nothing
    old = make_assessment(questionnaire, CALM_HIP, complete=True)
    Assessment.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )
    return questionnaire


def test_it_counts_started_completed_and_red_flags_in_the_period(period_data):
    today = timezone.localdate()
    numbers = insight(today - datetime.timedelta(days=29), today)
    assert (numbers.started, numbers.completed, numbers.red_flags) == (7, 4, 1)
    assert numbers.red_flag_rate == pytest.approx(1 / 7)
    wide = insight(today - datetime.timedelta(days=60), today)
    assert (wide.started, wide.completed) == (8, 5)
    empty = insight(today - datetime.timedelta(days=90), today - datetime.timedelta(days=70))
    assert (empty.started, empty.completed, empty.red_flag_rate) == (0, 0, 0.0)


def test_it_spreads_completed_assessments_by_leading_type(period_data):
    today = timezone.localdate()
    leading = {bar.key: bar.count for bar in insight(today, today).leading}
    assert set(leading) == {"peripheral", "central", "stress_driven", "neuropathic", "none"}
    assert sum(leading.values()) == 4
    assert leading["neuropathic"] >= 1 and leading["central"] >= 1


def test_it_places_each_unfinished_assessment_at_its_last_question(period_data):
    today = timezone.localdate()
    dropoff = {bar.key: bar.count for bar in insight(today, today).dropoff}
    assert dropoff == {NOT_STARTED: 1, "duration": 1, "pain_spread": 1}


def test_it_draws_the_insight_page_with_text_equivalents(client, period_data):
    sign_in(client, clinical_lead())
    page = client.get(reverse("admin:assessment_insight"))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<svg role="img"' in html and "<table>" in html
    assert "Completed assessments by leading type" in html
    assert '<th scope="row">Started</th><td>7</td>' in html
    assert "export.csv?start=" in html
    bad = client.get(
        reverse("admin:assessment_insight"), {"start": "2026-02-10", "end": "2026-01-01"}
    )
    assert "The start date must be on or before the end date." in bad.content.decode()


def test_it_shows_any_count_below_5_as_fewer_than_5(client):
    questionnaire = v1()
    for _ in range(6):
        make_assessment(questionnaire, CALM_HIP)
    make_assessment(questionnaire, CALM_HIP, complete=True)
    make_assessment(questionnaire, case("pm06"), complete=True)  # one red flag
    sign_in(client, clinical_lead())
    html = client.get(reverse("admin:assessment_insight")).content.decode()
    totals = html[
        html.index("workbench-totals") : html.index("</table>", html.index("workbench-totals"))
    ]
    assert "<td>8</td>" in totals  # started: shown
    assert "fewer than 5" in totals  # completed (2), red flags (1), self-harm (0)
    for small in ("<td>1", "<td>2", "(25%)", "(12%)", "(13%)"):
        assert small not in totals, small
    charts = html[html.index("Leading type of completed") :]
    assert ">1<" not in charts and ">2<" not in charts
