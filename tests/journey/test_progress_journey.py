"""Plan, check-ins and progress through the Django test client (issue 15)."""

import datetime as dt
import re

import icalendar
import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.journey import services
from assessment.models import Assessment, CheckIn, Plan, PlanItem
from assessment.retention import purge_expired
from assessment.spec_loader import spec_for
from content.models import ToolkitItem
from tests.progress_support import (
    check_in_data,
    finished_assessment,
    own,
    seed,
    url,
)

pytestmark = pytest.mark.django_db

DAY0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def person(client):
    seed()
    with time_machine.travel(DAY0, tick=False):
        assessment = finished_assessment({"conditions": ["kidney_disease"]})
    own(client, assessment)
    return assessment


def slugs_of(assessment):
    return [row["slug"] for row in assessment.result["suggestions"]]


def start_fields(day: dt.date) -> dict:
    return {"start-day": day.day, "start-month": day.month, "start-year": day.year}


def make_plan(client, assessment, slugs, day=None):
    day = day or DAY0.date()
    with time_machine.travel(DAY0, tick=False):
        response = client.post(
            url("plan_choose", assessment), {"items": slugs, **start_fields(day)}
        )
    assert response.status_code == 302, response.context and response.context["errors"]
    return Plan.objects.get(assessment=assessment)


def text(response) -> str:
    body = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


# ---------------------------------------------------------------- plan


def test_the_results_page_links_to_the_plan(client, person):
    response = client.get(reverse("assessment:results", args=[person.key]))
    assert url("plan", person) in response.content.decode()


def test_without_a_plan_the_plan_page_offers_the_choice(client, person):
    response = client.get(url("plan", person))
    assert response.status_code == 302
    assert response.url == url("plan_choose", person)


def test_the_choice_shows_cautions_again_and_says_talk_to_your_clinician_first(client, person):
    assert "magnesium" in slugs_of(person)
    response = client.get(url("plan_choose", person))
    body = response.content.decode()
    assert 'data-caution="kidney"' in body
    block = body[body.index('id="items-magnesium"') :]
    block = block[: block.index("</div>")]
    assert "Talk to your clinician first" in block
    block = body[body.index('id="items-graded-movement"') :]
    assert "Talk to your clinician first" not in block[: block.index("</label>")]


def test_errors_are_summarised_and_linked_to_their_fields(client, person):
    response = client.post(
        url("plan_choose", person),
        {
            "items": slugs_of(person)[:4],
            "start-day": "30",
            "start-month": "2",
            "start-year": "2026",
        },
    )
    assert response.status_code == 200
    errors = response.context["errors"]
    assert [anchor for _message, anchor in errors] == [
        f"items-{slugs_of(person)[0]}",
        "start-day",
    ]
    body = response.content.decode()
    for _message, anchor in errors:
        assert f'href="#{anchor}"' in body
        assert f'id="{anchor}"' in body
    assert "<title>Error:" in body
    # What was typed stays.
    assert 'value="30"' in body
    assert body.count("checked") >= 4
    assert not Plan.objects.exists()


def test_a_plan_shows_when_each_item_might_help_from_the_data_editors_keep(client, person):
    ToolkitItem.objects.filter(slug="graded-movement").update(
        effect_from_weeks=2, effect_to_weeks=6
    )
    make_plan(client, person, ["graded-movement", "magnesium"])
    with time_machine.travel(DAY0, tick=False):
        response = client.get(url("plan", person))
    body = text(response)
    assert "Might start to help from 16 March 2026 ; the full effect by about 13 April 2026" in body
    # Magnesium's time to effect is not stated: no date, and its caution again.
    assert "No date." in body
    assert 'data-caution="kidney"' in response.content.decode()
    assert "next check-in is on 9 March 2026" in body
    assert list(PlanItem.objects.values_list("slug", "cautions")) == [
        ("graded-movement", []),
        ("magnesium", ["kidney"]),
    ]


def test_the_seeded_guide_figures_are_kept_as_data(person):
    weeks = {
        slug: (low, high)
        for slug, low, high in ToolkitItem.objects.values_list(
            "slug", "effect_from_weeks", "effect_to_weeks"
        )
    }
    assert weeks["palmitoylethanolamide"] == (4, 8)
    assert weeks["omega-3"] == (8, 12)
    assert weeks["anti-inflammatory-diet"] == (6, 8)
    assert weeks["magnesium"] == (None, None)


def test_after_a_red_flag_there_is_nothing_to_plan(client):
    seed()
    assessment = finished_assessment({"red_flags": ["weight_loss"]})
    own(client, assessment)
    response = client.get(url("plan_choose", assessment))
    assert "need a doctor first" in text(response)
    assert (
        client.post(url("plan_choose", assessment), {"items": ["graded-movement"]}).status_code
        == 200
    )
    assert not Plan.objects.exists()


def test_another_browser_cannot_open_a_plan(client, person):
    make_plan(client, person, ["graded-movement"])
    client.logout()
    for name in ("plan", "plan_choose", "check_in", "progress", "plan_calendar"):
        assert client.get(url(name, person)).status_code == 404


# ---------------------------------------------------------------- check-ins


def test_a_check_in_with_errors_keeps_every_answer_and_saves_a_draft(client, person):
    make_plan(client, person, ["graded-movement", "magnesium"])
    data = check_in_data(intensity=5, uses={"graded-movement": "stopped"})
    data["why-graded-movement"] = "Sore knees"
    del data["interference_activity"]
    response = client.post(url("check_in", person), data)
    assert response.status_code == 200
    anchors = [anchor for _m, anchor in response.context["errors"]]
    assert anchors == ["interference_activity-0", "use-magnesium-most_days"]
    body = response.content.decode()
    assert 'id="intensity-5" name="intensity" value="5" checked' in body
    assert 'value="Sore knees"' in body
    draft = CheckIn.objects.get()
    assert draft.submitted_at is None and draft.answers["intensity"] == ["5"]
    # Opened again later (another tab, the next day): still there.
    body = client.get(url("check_in", person)).content.decode()
    assert 'id="intensity-5" name="intensity" value="5" checked' in body
    assert 'value="Sore knees"' in body


def three_check_ins(client, person):
    make_plan(client, person, ["graded-movement", "magnesium"])
    weeks = [(5, 5, 5, "some_days"), (5, 4, 4, "most_days"), (4, 4, 4, "most_days")]
    for n, (i, e, a, use) in enumerate(weeks, start=1):
        with time_machine.travel(DAY0 + dt.timedelta(weeks=n), tick=False):
            response = client.post(
                url("check_in", person),
                check_in_data(i, e, a, uses={"graded-movement": use, "magnesium": "not_yet"}),
            )
            assert response.status_code == 302
            assert response.url == url("progress", person)


def test_three_check_ins_show_the_change_chart_table_and_weeks_of_use(client, person):
    assert person.result["measures"]["peg"] == 6.3
    three_check_ins(client, person)
    assert list(CheckIn.objects.values_list("day", "peg")) == [
        (dt.date(2026, 3, 9), 5.0),
        (dt.date(2026, 3, 16), 4.3),
        (dt.date(2026, 3, 23), 4.0),
    ]
    with time_machine.travel(DAY0 + dt.timedelta(weeks=3), tick=False):
        response = client.get(url("progress", person))
    body = text(response)
    assert (
        "Your PEG has fallen from 6.3 to 4.0, a 37 % fall: the size of change that studies "
        "count as meaningful." in body
    )
    html = response.content.decode()
    assert html.count("<circle") == 4  # the MAP and three check-ins
    assert "<polyline" in html
    assert "2 March 2026 (your MAP) 6.3" in body
    assert "23 March 2026 4.0" in body
    row = html[html.index('data-plan-item="graded-movement"') :]
    assert "<td>3</td>" in row[: row.index("</tr>")]
    row = html[html.index('data-plan-item="magnesium"') :]
    assert "<td>0</td>" in row[: row.index("</tr>")]
    for cause in ("because", "thanks to", "worked", "caused"):
        assert cause not in body.split("Your progress", 1)[1].split("Your plan, week")[0]


def map_stop_card(client, assessment_key):
    html = client.get(reverse("assessment:stop", args=[assessment_key])).content.decode()
    return care_card(html)


def care_card(html):
    start = html.index('<div class="care-card')
    return html[start : html.index("</div>\n</div>", start)]


def test_a_red_flag_at_a_check_in_gives_the_same_stop_as_the_map(client, person):
    make_plan(client, person, ["graded-movement"])
    response = client.post(
        url("check_in", person),
        check_in_data(red_flags=["saddle_numbness"], uses={"graded-movement": "most_days"}),
    )
    row = CheckIn.objects.get()
    assert row.urgency == "emergency"
    assert response.url == url("check_in_stop", person, row.pk)
    check_in_card = care_card(client.get(response.url).content.decode())

    # The same flag ticked in the MAP itself.
    other = Assessment.objects.create(questionnaire=person.questionnaire)
    services.save_answer(other, "red_flags", ["saddle_numbness"], {})
    own(client, other)
    assert map_stop_card(client, other.key) == check_in_card
    assert 'data-care-card="emergency"' in check_in_card


def test_an_emergency_at_a_check_in_ends_the_way_on_and_pauses_the_plan(client, person):
    make_plan(client, person, ["graded-movement"])
    uses = {"graded-movement": "most_days"}
    response = client.post(
        url("check_in", person), check_in_data(red_flags=["saddle_numbness"], uses=uses)
    )
    stop = client.get(response.url).content.decode()
    assert "Continue</a>" not in stop  # as in the MAP: no way on, only a mistaken tick
    assert url("check_in", person) in stop
    for page in ("plan", "check_in"):
        html = client.get(url(page, person)).content.decode()
        assert 'data-red-flag-banner="emergency"' in html, page
    plan = client.get(url("plan", person)).content.decode()
    assert "data-plan-paused" in plan and "data-plan-item" not in plan
    # A later check-in without the flag lifts it.
    client.post(url("check_in", person), check_in_data(uses=uses))
    plan = client.get(url("plan", person)).content.decode()
    assert "data-red-flag-banner" not in plan and 'data-plan-item="graded-movement"' in plan


def test_a_double_submitted_check_in_is_stored_once(client, person):
    make_plan(client, person, ["graded-movement"])
    data = check_in_data(4, 4, 4, uses={"graded-movement": "most_days"})
    first = client.post(url("check_in", person), data)
    again = client.post(url("check_in", person), data)  # a double press, or a retry
    assert first.status_code == again.status_code == 302
    assert first.url == again.url == url("progress", person)
    assert CheckIn.objects.filter(submitted_at__isnull=False).count() == 1
    # Different answers the same day are a real second check-in.
    client.post(
        url("check_in", person), check_in_data(3, 3, 3, uses={"graded-movement": "most_days"})
    )
    assert CheckIn.objects.filter(submitted_at__isnull=False).count() == 2


def test_an_urgent_flag_gives_the_urgent_card(client, person):
    make_plan(client, person, ["graded-movement"])
    response = client.post(
        url("check_in", person),
        check_in_data(red_flags=["weight_loss"], uses={"graded-movement": "most_days"}),
    )
    # Weight loss: see a doctor within a day or two ("soon"; fever would be the same day).
    assert 'data-care-card="soon"' in client.get(response.url).content.decode()
    # The progress page shows it again until a later check-in has no flag.
    assert 'data-care-card="soon"' in client.get(url("progress", person)).content.decode()


def test_self_harm_at_a_check_in_shows_crisis_support_at_once(client, person):
    make_plan(client, person, ["graded-movement"])
    response = client.post(
        url("check_in", person),
        check_in_data(self_harm="yes", uses={"graded-movement": "most_days"}),
    )
    row = CheckIn.objects.get()
    assert row.crisis
    assert response.url == url("check_in_support", person, row.pk)
    body = client.get(response.url).content.decode()
    assert "panel--crisis" in body
    assert 'href="tel:' in body or "116 123" in body
    assert "panel--crisis" in client.get(url("plan", person)).content.decode()


def test_invalid_input_never_gives_a_server_error(client, person):
    make_plan(client, person, ["graded-movement"])
    for data in (
        {"intensity": "11", "red_flags": ["none", "chest_pain"], "use-graded-movement": "x"},
        {"intensity": ["1", "2"], "self_harm": "maybe", "why-graded-movement": "y" * 5000},
        {"items": "nope"},
    ):
        assert client.post(url("check_in", person), data).status_code == 200
    assert client.post(url("plan_choose", person), {"start-year": "99999"}).status_code == 200
    for day in ("9" * 20, "²", "9" * 5000):  # OverflowError and int()'s digit limit: no 500s
        fields = {"items": ["graded-movement"], "start-day": day}
        fields.update({"start-month": "3", "start-year": "2026"})
        assert client.post(url("plan_choose", person), fields).status_code == 200


@pytest.mark.parametrize("junk", ["Sore\x00knees", "5\x00", "\x00"])
def test_a_check_in_refuses_unstorable_characters_in_every_field_without_a_server_error(
    client, person, junk
):
    """NUL cannot be stored by PostgreSQL (nor in its JSON): refused with a message, and kept
    out of the draft. (A lone surrogate cannot travel in a form post; clean_answer refuses it.)"""
    make_plan(client, person, ["graded-movement"])
    with time_machine.travel(DAY0 + dt.timedelta(days=7), tick=False):
        for field, extra in (
            ("why-graded-movement", {"use-graded-movement": "stopped"}),
            ("intensity", {"use-graded-movement": "most_days"}),
            ("use-graded-movement", {}),
        ):
            data = {**check_in_data(uses={"graded-movement": "stopped"}), **extra}
            data[field] = junk
            response = client.post(url("check_in", person), data)
            assert response.status_code in (200, 400), field
            assert "cannot be saved" in response.content.decode(), field
        assert not CheckIn.objects.filter(submitted_at__isnull=False).exists()
        for draft in CheckIn.objects.all():
            assert "\x00" not in str(draft.answers)


# ---------------------------------------------------------------- calendar


def test_the_ics_file_parses_with_the_check_in_dates_and_nothing_about_the_person(client, person):
    make_plan(client, person, ["graded-movement"], day=dt.date(2026, 3, 2))
    response = client.get(url("plan_calendar", person))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [event.decoded("dtstart") for event in events][:3] == [
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 16),
        dt.date(2026, 3, 23),
    ]
    assert len(events) == 12
    raw = response.content.decode()
    assert person.key not in raw and person.resume_code not in raw
    # Downloading again keeps the same events (same UIDs), so a calendar updates, not doubles.
    again = icalendar.Calendar.from_ical(client.get(url("plan_calendar", person)).content)
    assert [e["uid"] for e in again.walk("VEVENT")] == [e["uid"] for e in events]


# ---------------------------------------------------------------- privacy


def row_counts():
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("sessions.", "axes."))
    }


def test_delete_my_answers_removes_every_row_of_that_person(client, person):
    Assessment.objects.filter(pk=person.pk).delete()
    before_person = row_counts()
    with time_machine.travel(DAY0, tick=False):
        person = finished_assessment({"conditions": ["kidney_disease"]})
    own(client, person)
    three_check_ins(client, person)
    client.post(url("check_in", person), {"intensity": "3"})  # and a draft
    assert CheckIn.objects.count() == 4 and PlanItem.objects.count() == 2
    client.post(reverse("assessment:delete", args=[person.key]))
    after = row_counts()
    changed = {
        label: (before_person[label], after[label])
        for label in after
        if after[label] != before_person.get(label)
    }
    # Only the anonymous per-day error count (no link to the person) may have grown.
    assert set(changed) <= {"assessment.QuestionErrorCount"}, changed


def test_retention_counts_from_the_last_check_in(client, person, settings):
    settings.PAINMAP_RETENTION_DAYS = 30
    make_plan(client, person, ["graded-movement"])
    with time_machine.travel(DAY0 + dt.timedelta(days=25), tick=False):
        client.post(url("check_in", person), check_in_data(uses={"graded-movement": "most_days"}))
    with time_machine.travel(DAY0 + dt.timedelta(days=40), tick=False):
        assert purge_expired().assessments == 0
    with time_machine.travel(DAY0 + dt.timedelta(days=56), tick=False):
        assert purge_expired().assessments == 1
    assert not Plan.objects.exists() and not CheckIn.objects.exists()


def test_the_resume_code_opens_the_plan_on_another_device(client, person):
    from django.test import Client

    make_plan(client, person, ["graded-movement"])
    other = Client()
    with time_machine.travel(DAY0 + dt.timedelta(days=1), tick=False):
        assert other.get(url("plan", person)).status_code == 404
        other.post(reverse("assessment:resume"), {"code": person.resume_code})
        assert other.get(url("plan", person)).status_code == 200
        assert other.get(url("progress", person)).status_code == 200
        assert other.get(url("check_in", person)).status_code == 200


# ---------------------------------------------------------------- query counts

# Session; assessment with its version; plan; its items; check-ins; toolkit items; cautions.
PLAN_QUERIES = 7
PROGRESS_QUERIES = 7
CHECK_IN_GET_QUERIES = 7
# The same, then, under the plan's row lock (SAVEPOINT and RELEASE inside the test's
# transaction), today's check-ins to spot a repeated submit, insert the check-in, and touch the
# assessment.
CHECK_IN_POST_QUERIES = 13


def count(client, method, path, data=None):
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(path, data or {})
    assert response.status_code in (200, 302)
    return len(ctx), [q["sql"] for q in ctx.captured_queries]


def test_the_new_pages_cost_a_fixed_number_of_queries_however_many_check_ins(client, person):
    make_plan(client, person, ["graded-movement", "magnesium", "sleep-restoration"])
    spec_for(person.questionnaire)
    costs = []
    for n in range(2):
        if n:
            for week in range(5):
                client.post(
                    url("check_in", person),
                    check_in_data(
                        intensity=week,  # different answers: five real check-ins, not repeats
                        uses=dict.fromkeys(
                            ["graded-movement", "magnesium", "sleep-restoration"], "most_days"
                        ),
                    ),
                )
        costs.append(
            (
                count(client, "get", url("plan", person))[0],
                count(client, "get", url("progress", person))[0],
                count(client, "get", url("check_in", person))[0],
            )
        )
    assert costs[0] == costs[1] == (PLAN_QUERIES, PROGRESS_QUERIES, CHECK_IN_GET_QUERIES)
    queries, sql = count(
        client,
        "post",
        url("check_in", person),
        check_in_data(
            intensity=9,
            uses=dict.fromkeys(["graded-movement", "magnesium", "sleep-restoration"], "most_days"),
        ),
    )
    assert queries == CHECK_IN_POST_QUERIES, "\n".join(q[:60] for q in sql)


# ---------------------------------------------------------------- re-map


def test_the_remap_opens_at_twelve_weeks_and_shows_then_and_now(client, person):
    make_plan(client, person, ["graded-movement"])
    with time_machine.travel(DAY0 + dt.timedelta(weeks=11), tick=False):
        assert "data-remap" not in client.get(url("progress", person)).content.decode()
        client.post(url("plan_remap", person))
        assert Plan.objects.get().remap is None
    with time_machine.travel(DAY0 + dt.timedelta(weeks=12), tick=False):
        assert "data-remap" in client.get(url("progress", person)).content.decode()
        response = client.post(url("plan_remap", person))
        new = Plan.objects.get().remap
        assert new is not None and new.pk != person.pk
        assert response.url == reverse("assessment:carry_on", args=[new.key])
        # A second press while it is unfinished carries on with the same one.
        client.post(url("plan_remap", person))
        assert Assessment.objects.count() == 2
        assert "Carry on with your new map" in text(client.get(url("progress", person)))
        spec = spec_for(new.questionnaire)
        for code, value in person.answers.values_list("item_code", "value"):
            services.store_answer(new, code, value)
        services.store_answer(new, "sleep_quality", "good")
        services.complete(new, spec)
        body = client.get(url("progress", person)).content.decode()
    assert "data-then-and-now" in body
    assert "Your map then and now" in body
    assert reverse("assessment:results", args=[new.key]) in body


def test_a_version_1_map_checks_in_with_the_live_versions_peg_questions(client):
    from assessment.models import Questionnaire
    from tests.support import CALM_ANSWERS

    seed()
    v1 = Questionnaire.objects.get(version=1)
    assessment = Assessment.objects.create(questionnaire=v1)
    spec = spec_for(v1)
    for code, value in CALM_ANSWERS.items():
        if code in spec.by_code:
            services.store_answer(assessment, code, value)
    services.complete(assessment, spec)
    own(client, assessment)
    slug = assessment.result["suggestions"][0]["slug"]
    make_plan(client, assessment, [slug])
    body = client.get(url("check_in", assessment)).content.decode()
    assert 'name="interference_activity"' in body
    response = client.post(url("check_in", assessment), check_in_data(uses={slug: "most_days"}))
    assert response.status_code == 302
    assert CheckIn.objects.get().peg == 4.3
