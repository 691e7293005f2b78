"""Answers are deleted once they have not been touched for the retention period."""

import datetime as dt

import pytest
import time_machine
from django.core.management import CommandError, call_command

from assessment.models import Answer, Assessment, Questionnaire, ShareLink
from assessment.retention import purge_expired

START = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def questionnaire(db):
    return Questionnaire.objects.create(version=901, label="Retention test version")


def stored_assessment(questionnaire, answers=("pain_area", "duration")):
    """Raw rows (any item codes) and a share link, to see exactly what a purge deletes."""
    assessment = Assessment.objects.create(questionnaire=questionnaire)
    for code in answers:
        Answer.objects.create(assessment=assessment, item_code=code, value="x")
    ShareLink.objects.create(assessment=assessment, expires_at=START + dt.timedelta(days=14))
    return assessment


def test_it_purges_assessments_older_than_the_retention_period(questionnaire, settings):
    settings.PAINMAP_RETENTION_DAYS = 90
    with time_machine.travel(START, tick=False):
        old = stored_assessment(questionnaire)
    with time_machine.travel(START + dt.timedelta(days=60), tick=False):
        recent = stored_assessment(questionnaire)
    with time_machine.travel(START + dt.timedelta(days=91), tick=False):
        result = purge_expired()
    assert (result.assessments, result.answers, result.share_links) == (1, 2, 1)
    assert not Assessment.objects.filter(pk=old.pk).exists()
    assert not Answer.objects.filter(assessment_id=old.pk).exists()
    assert not ShareLink.objects.filter(assessment_id=old.pk).exists()
    assert Assessment.objects.filter(pk=recent.pk).exists()
    assert Answer.objects.filter(assessment=recent).count() == 2
    assert ShareLink.objects.filter(assessment=recent).count() == 1


def test_it_keeps_an_assessment_changed_within_the_period(questionnaire, settings):
    settings.PAINMAP_RETENTION_DAYS = 90
    with time_machine.travel(START, tick=False):
        assessment = stored_assessment(questionnaire)
    with time_machine.travel(START + dt.timedelta(days=80), tick=False):
        assessment.save()  # what saving an answer does: touch updated_at
    with time_machine.travel(START + dt.timedelta(days=100), tick=False):
        assert purge_expired().assessments == 0
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_it_keeps_an_assessment_exactly_at_the_cutoff(questionnaire, settings):
    settings.PAINMAP_RETENTION_DAYS = 30
    with time_machine.travel(START, tick=False):
        stored_assessment(questionnaire)
    with time_machine.travel(START + dt.timedelta(days=30), tick=False):
        assert purge_expired().assessments == 0
    with time_machine.travel(START + dt.timedelta(days=30, seconds=1), tick=False):
        assert purge_expired().assessments == 1


def test_it_counts_without_deleting_on_a_dry_run(questionnaire):
    with time_machine.travel(START, tick=False):
        stored_assessment(questionnaire)
    with time_machine.travel(START + dt.timedelta(days=400), tick=False):
        result = purge_expired(dry_run=True)
    assert result.assessments == 1
    assert Assessment.objects.count() == 1


def test_it_refuses_a_retention_period_under_a_day(questionnaire):
    with pytest.raises(ValueError):
        purge_expired(days=0)


def test_it_prints_a_count_from_the_command(questionnaire, settings, capsys):
    settings.PAINMAP_RETENTION_DAYS = 90
    with time_machine.travel(START, tick=False):
        stored_assessment(questionnaire)
        stored_assessment(questionnaire, answers=("pain_area",))
    with time_machine.travel(START + dt.timedelta(days=120), tick=False):
        call_command("purge_expired", "--dry-run")
        assert "Would delete 2 assessment(s)" in capsys.readouterr().out
        call_command("purge_expired")
    out = capsys.readouterr().out
    assert "Deleted 2 assessment(s)" in out
    assert "with 3 answer(s) and 2 share link(s)" in out
    assert Assessment.objects.count() == 0


def test_it_takes_the_period_from_the_command_line(questionnaire, capsys):
    with time_machine.travel(START, tick=False):
        stored_assessment(questionnaire)
    with time_machine.travel(START + dt.timedelta(days=8), tick=False):
        call_command("purge_expired", "--days", "7")
    assert "Deleted 1 assessment(s)" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("purge_expired", "--days", "0")


def test_it_deletes_answers_and_share_links_when_the_person_asks(db, client):
    from django.utils import timezone

    from assessment.journey import access
    from tests.support import CALM_ANSWERS, make_assessment
    from tests.support import make_questionnaire as make_published

    assessment = make_assessment(make_published(), answers=CALM_ANSWERS, complete=True)
    ShareLink.objects.create(
        assessment=assessment, expires_at=timezone.now() + dt.timedelta(days=14)
    )
    other = make_assessment(assessment.questionnaire, answers={"red_flags": ["none"]})
    session = client.session
    session[access.SESSION_KEY] = [assessment.key, other.key]
    session.save()

    response = client.post(f"/map/{assessment.key}/delete/")
    assert response.status_code == 302
    assert '"storage"' in response["Clear-Site-Data"]
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert not Answer.objects.filter(assessment_id=assessment.pk).exists()
    assert not ShareLink.objects.filter(assessment_id=assessment.pk).exists()
    assert client.session[access.SESSION_KEY] == [other.key]
    # Someone else's answers are untouched, and the deleted key now opens nothing.
    assert Answer.objects.filter(assessment=other).count() == 1
    assert client.get(f"/map/{assessment.key}/results/").status_code == 404
