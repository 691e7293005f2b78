"""'Change over time' on the clinician summary, its PDF (read back), and PEG as FHIR (issue 15)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation

from assessment.models import CheckIn
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
    # Inside the retention window: outside it both requests would be the same 404.
    with time_machine.travel(DAY0 + dt.timedelta(weeks=3, days=1), tick=False):
        assert client.get(summary).status_code == 200
        with CaptureQueriesContext(connection) as before:
            client.get(summary)
        response = client.post(
            url("check_in", person), check_in_data(uses=dict.fromkeys(PLAN, "most_days"))
        )
        assert response.status_code == 302
        with CaptureQueriesContext(connection) as after:
            assert client.get(summary).status_code == 200
    assert CheckIn.objects.filter(submitted_at__isnull=False).count() == 4
    assert len(before) == len(after)


def fhir_bundle(client, person):
    with time_machine.travel(DAY0 + dt.timedelta(weeks=3, days=1), tick=False):
        response = client.get(reverse("assessment:fhir_response", args=[person.key]))
    assert response.status_code == 200
    return response.json()


def test_the_fhir_bundle_has_each_check_in_peg_as_a_dated_observation(client, person):
    bundle = fhir_bundle(client, person)
    Bundle.model_validate(bundle)
    pegs = [
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "Observation"
        and any(c["code"] == "peg" for c in entry["resource"]["code"]["coding"])
    ]
    for resource in pegs:
        Observation.model_validate(resource)
    baseline, *check_ins = pegs
    # The MAP's PEG once (from the response), then the three check-ins, each on its own day and
    # coded the same, so a record system can draw one line.
    assert baseline["derivedFrom"] and baseline["valueQuantity"]["value"] == 6.3
    assert [o["effectiveDateTime"] for o in check_ins] == ["2026-03-09", "2026-03-16", "2026-03-23"]
    assert [o["valueQuantity"]["value"] for o in check_ins] == [5.3, 4.7, 4.0]
    assert all("derivedFrom" not in o for o in check_ins)
    assert all(o["code"] == baseline["code"] for o in check_ins)
    assert len({o["id"] for o in pegs}) == 4


def test_a_draft_check_in_is_not_in_the_fhir_bundle(client, person):
    with time_machine.travel(DAY0 + dt.timedelta(weeks=3, days=1), tick=False):
        # Half a page: kept as a draft, not yet a check-in.
        assert client.post(url("check_in", person), {"intensity": "2"}).status_code == 200
    bundle = fhir_bundle(client, person)
    dated = [
        e["resource"]["effectiveDateTime"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and "check-in" in e["resource"].get("method", {}).get("text", "")
        and e["resource"]["code"]["coding"][-1]["code"] == "peg"
    ]
    assert len(dated) == 3


def test_the_fhir_bundle_carries_each_check_in_red_flag_and_crisis_dated(client, person):
    with time_machine.travel(DAY0 + dt.timedelta(weeks=4), tick=False):
        uses = {"graded-movement": "most_days", "sleep-restoration": "some_days"}
        response = client.post(
            url("check_in", person), check_in_data(4, 4, 4, uses=uses, self_harm="yes")
        )
        assert response.status_code == 302
    bundle = fhir_bundle(client, person)
    Bundle.model_validate(bundle)
    observations = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"
    ]

    def coded(code):
        return [
            o
            for o in observations
            if o.get("method", {}).get("text") == "A PainMap check-in"
            and o["code"]["coding"][0]["code"] == code
        ]

    (flag,) = coded("red-flag")
    assert flag["effectiveDateTime"] == "2026-03-16"  # the week-2 check-in
    assert flag["valueCodeableConcept"]["coding"][0]["code"] == "weight_loss"
    assert flag["interpretation"][0]["coding"][0]["code"] == "A"
    (crisis,) = coded("self-harm")
    assert crisis["effectiveDateTime"] == "2026-03-30"
    assert crisis["interpretation"][0]["coding"][0]["code"] == "AA"
    for resource in (flag, crisis):
        Observation.model_validate(resource)


def test_a_same_day_flag_at_a_check_in_reads_same_day_on_the_summary(client, person):
    with time_machine.travel(DAY0 + dt.timedelta(weeks=4), tick=False):
        uses = {"graded-movement": "most_days", "sleep-restoration": "some_days"}
        client.post(url("check_in", person), check_in_data(red_flags=["fever_unwell"], uses=uses))
        body = client.get(reverse("assessment:summary", args=[person.key])).content.decode()
    section = body[body.index("data-change-over-time") :]
    assert "Red flag at a check-in: same day" in section  # fever: the person was told today
    assert "Red flag at a check-in: urgent" in section  # the week-2 weight loss
