"""'Change over time' on the clinician summary, its PDF (read back), and PEG as FHIR (issue 15)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from fhir.resources.R4B.observation import Observation

from assessment.models import CheckIn
from assessment.summary.builder import reference_for
from assessment.summary.progress_fhir import peg_observations
from assessment.summary.progress_section import peg_series_with_source
from tests.progress_support import check_in_data, finished_assessment, own, seed, url
from tests.support import pdf_text, squash

pytestmark = pytest.mark.django_db

DAY0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
PLAN = ["graded-movement", "sleep-restoration"]


@pytest.fixture
def person(client):
    seed()
    with time_machine.travel(DAY0, tick=False):
        assessment = finished_assessment()
        own(client, assessment)
        client.post(
            url("plan_choose", assessment),
            {"items": PLAN, "start-day": "2", "start-month": "3", "start-year": "2026"},
        )
    weeks = [((6, 5, 5), ["none"]), ((5, 5, 4), ["weight_loss"]), ((4, 4, 4), ["none"])]
    for n, ((i, e, a), flags) in enumerate(weeks, start=1):
        with time_machine.travel(DAY0 + dt.timedelta(weeks=n), tick=False):
            client.post(
                url("check_in", assessment),
                check_in_data(
                    i,
                    e,
                    a,
                    red_flags=flags,
                    uses={"graded-movement": "most_days", "sleep-restoration": "some_days"},
                ),
            )
    assert CheckIn.objects.filter(submitted_at__isnull=False).count() == 3
    return assessment


def test_the_summary_shows_baseline_latest_change_chart_adherence_and_the_flag(client, person):
    with time_machine.travel(DAY0 + dt.timedelta(weeks=3), tick=False):
        body = client.get(reverse("assessment:summary", args=[person.key])).content.decode()
    section = body[body.index("data-change-over-time") :]
    assert "6.3/10" in section and "4.0/10 (23 March 2026)" in section
    assert "37 % fall" in section and "30 % threshold" in section
    assert section.count("<circle") == 4
    assert "Graded movement: 3 weeks used" in section
    assert 'data-check-in-flag="urgent"' in section
    # The safety section still comes first.
    assert body.index("cs-safety") < body.index("data-change-over-time")


def test_without_a_plan_the_summary_has_no_change_section(client):
    seed()
    assessment = finished_assessment()
    own(client, assessment)
    body = client.get(reverse("assessment:summary", args=[assessment.key])).content.decode()
    assert "data-change-over-time" not in body


def test_the_pdf_keeps_change_over_time_within_two_pages(client, person):
    with time_machine.travel(DAY0 + dt.timedelta(weeks=3), tick=False):
        response = client.get(reverse("assessment:summary_pdf", args=[person.key]))
    pages, text, _meta = pdf_text(response.content)
    text = squash(text)
    assert 1 <= pages <= 2
    assert "Change over time" in text
    assert "PEG at baseline (MAP) 6.3/10" in text
    assert "PEG at latest check-in 4.0/10 (23 March 2026)" in text
    assert "37 % fall" in text
    assert "PEG (0 to 10) by date: 2 March 2026 6.3; 9 March 2026 5.3" in text
    assert "Red flag at a check-in: urgent" in text


def test_the_summary_costs_the_same_queries_with_more_check_ins(client, person):
    summary = reverse("assessment:summary", args=[person.key])
    client.get(summary)
    with CaptureQueriesContext(connection) as before:
        client.get(summary)
    client.post(url("check_in", person), check_in_data(uses=dict.fromkeys(PLAN, "most_days")))
    with CaptureQueriesContext(connection) as after:
        client.get(summary)
    assert len(before) == len(after)


def test_each_peg_measurement_is_one_dated_fhir_observation(person):
    rows = list(CheckIn.objects.filter(plan__assessment=person))
    series = peg_series_with_source(person, rows)
    observations = peg_observations(series, reference=reference_for(person.key))
    assert len(observations) == 4  # the MAP and three check-ins
    check_ins = [o for o in observations if "check-in" in o["method"]["text"]]
    assert [o["effectiveDateTime"] for o in check_ins] == ["2026-03-09", "2026-03-16", "2026-03-23"]
    assert [o["valueQuantity"]["value"] for o in observations] == [6.3, 5.3, 4.7, 4.0]
    for resource in observations:
        Observation.model_validate(resource)  # a valid FHIR Observation
    assert len({o["id"] for o in observations}) == 4
