"""Two tabs of one person answering at the same time: no answer lost, none mixed up."""

import threading

import pytest
from django.db import connection
from django.test import Client

from assessment.journey import access
from assessment.models import Answer
from tests.support import CALM_ANSWERS, make_assessment, make_questionnaire

# Questions with no branching between them, answered in two "tabs".
TAB_A = ["duration", "pain_spread", "movement_link", "swelling", "sleep_quality", "fatigue"]
TAB_B = ["proportionality", "touch_sensitivity", "morning_stiffness", "mood", "worry", "surgery"]


def two_tabs(assessment):
    """Two clients sharing one session cookie: the same person in two browser tabs."""
    first = Client()
    session = first.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()
    second = Client()
    second.cookies = first.cookies
    return first, second


def post(client, assessment, code):
    value = CALM_ANSWERS[code]
    response = client.post(
        f"/map/{assessment.key}/q/{code}/", {"answer": value, "action": "continue"}
    )
    assert response.status_code == 302, (code, response.status_code)


def assert_all_saved(assessment, codes):
    stored = dict(Answer.objects.filter(assessment=assessment).values_list("item_code", "value"))
    for code in codes:
        assert stored[code] == CALM_ANSWERS[code], code
    assessment.refresh_from_db()
    assert not assessment.is_complete


@pytest.mark.django_db
def test_it_keeps_every_answer_from_two_tabs_interleaved():
    assessment = make_assessment(make_questionnaire(), answers={"red_flags": ["none"]})
    first, second = two_tabs(assessment)
    for code_a, code_b in zip(TAB_A, TAB_B, strict=True):
        post(first, assessment, code_a)
        post(second, assessment, code_b)
    assert_all_saved(assessment, TAB_A + TAB_B)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real concurrent writes need PostgreSQL (.ci/run's PostgreSQL pass runs this)",
)
def test_it_keeps_every_answer_from_two_tabs_at_once_on_postgresql():
    assessment = make_assessment(make_questionnaire(), answers={"red_flags": ["none"]})
    first, second = two_tabs(assessment)
    barrier = threading.Barrier(2)
    errors = []

    def tab(client, codes):
        try:
            for code in codes:
                barrier.wait(timeout=30)  # both tabs press Continue at the same moment
                post(client, assessment, code)
        except Exception as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connection.close()  # each thread has its own database connection

    threads = [
        threading.Thread(target=tab, args=(first, TAB_A)),
        threading.Thread(target=tab, args=(second, TAB_B)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert_all_saved(assessment, TAB_A + TAB_B)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_it_keeps_the_last_of_two_racing_answers_to_one_question_on_postgresql():
    assessment = make_assessment(make_questionnaire(), answers={"red_flags": ["none"]})
    first, second = two_tabs(assessment)
    barrier = threading.Barrier(2)
    errors = []

    def tab(client, value):
        try:
            barrier.wait(timeout=30)
            response = client.post(
                f"/map/{assessment.key}/q/duration/", {"answer": value, "action": "continue"}
            )
            assert response.status_code == 302
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=tab, args=(first, "lt_3_months")),
        threading.Thread(target=tab, args=(second, "gt_12_months")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    rows = Answer.objects.filter(assessment=assessment, item_code="duration")
    assert rows.count() == 1  # one row, never a duplicate
    assert rows.get().value in ("lt_3_months", "gt_12_months")
