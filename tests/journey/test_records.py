"""Results are records: stored at completion, shown as stored, never changed silently."""

import json
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import given, settings

from assessment.journey import services
from assessment.models import Answer, Assessment
from assessment.rules import scoring
from assessment.rules.answers import clean_answers
from assessment.rules.flow import relevant_answers
from assessment.rules.results import MapResult
from assessment.spec_loader import spec_for
from tests.rules.test_scoring import SPEC, answer_sets
from tests.support import FULL_ANSWERS, claim, make_assessment, v1


@settings(max_examples=100, deadline=None)
@given(answer_sets())
def test_a_record_reads_back_as_the_same_result(raw):
    result = scoring.score(SPEC, relevant_answers(SPEC, clean_answers(SPEC, raw)))
    record = json.loads(json.dumps(result.to_record()))  # as the JSON column keeps it
    assert MapResult.from_record(record) == result
    assert {k: v for k, v in record.items() if k not in ("record", "detail")} == result.to_dict()


def test_a_record_from_before_the_detail_still_reads():
    result = scoring.score(SPEC, {"red_flags": ["none"], "pain_spread": "many_areas"})
    legacy = MapResult.from_record(result.to_dict())
    assert legacy.primary == result.primary and legacy.types.keys() == result.types.keys()
    assert [s.slug for s in legacy.suggestions] == [s.slug for s in result.suggestions]


@pytest.mark.django_db
def test_the_results_page_and_summary_show_the_stored_result_not_a_recomputed_one(client):
    assessment = make_assessment(v1(), FULL_ANSWERS, complete=True)
    claim(client, assessment)
    stored = dict(assessment.result)
    recomputed = scoring.result_for(
        spec_for(assessment.questionnaire), services.stored_answers(assessment)
    )
    assert stored == recomputed.to_record()
    # As if the rules had changed since: the record, not today's scoring, is what is shown.
    other = next(code for code in stored["types"] if code not in stored["primary"][:1])
    stored["primary"] = [other]
    stored["types"][other]["score"] = 97
    Assessment.objects.filter(pk=assessment.pk).update(result=stored)
    page = client.get(f"/map/{assessment.key}/results/").content.decode()
    summary = client.get(f"/map/{assessment.key}/summary/").content.decode()
    assert "97" in page and "97" in summary


@pytest.mark.django_db
def test_an_answer_cannot_change_a_completed_record():
    assessment = make_assessment(v1(), FULL_ANSWERS, complete=True)
    before = dict(assessment.result)
    with pytest.raises(services.AssessmentClosed):
        services.save_answer(assessment, "pain_spread", "one_area", {})
    assert (
        Answer.objects.get(assessment=assessment, item_code="pain_spread").value
        == (FULL_ANSWERS["pain_spread"])
    )
    assessment.refresh_from_db()
    assert assessment.result == before


@pytest.mark.django_db
def test_a_late_post_from_another_tab_goes_to_the_results(client):
    assessment = make_assessment(v1(), FULL_ANSWERS, complete=True)
    claim(client, assessment)
    services_before = services.stored_answers(assessment)
    # The page was open before completion; the POST arrives after it.
    response = client.post(
        f"/map/{assessment.key}/q/pain_spread/", {"answer": "one_area", "action": "continue"}
    )
    assert response.status_code == 302
    assert services.stored_answers(assessment) == services_before


@pytest.mark.django_db
def test_rescoring_is_explicit_and_keeps_the_old_result(capsys):
    assessment = make_assessment(v1(), FULL_ANSWERS, complete=True)
    stale = {**assessment.result, "primary": ["peripheral"]}
    Assessment.objects.filter(pk=assessment.pk).update(result=stale)
    call_command("rescore_results", "--dry-run")
    assessment.refresh_from_db()
    assert assessment.result == stale
    assert "would change leading type: 1" in capsys.readouterr().out
    call_command("rescore_results")
    assessment.refresh_from_db()
    assert assessment.result["previous"] == stale
    assert assessment.result["primary"] != ["peripheral"] or stale["primary"] == ["peripheral"]
    assert "changed leading type: 1" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real concurrent writes need PostgreSQL (.ci/run's PostgreSQL pass runs this)",
)
@pytest.mark.parametrize("attempt", range(5))
def test_two_tabs_completing_and_changing_at_once_never_tear_the_record(attempt):
    """Tab A finishes while tab B keeps changing an answer: the stored result is always the
    result of the stored answers."""
    assessment = make_assessment(v1(), FULL_ANSWERS)
    spec = spec_for(assessment.questionnaire)
    barrier = threading.Barrier(2)
    errors = []
    spreads = ["one_area", "many_areas", "follows_line", "spreads_nearby"] * 5

    def complete():
        try:
            barrier.wait(timeout=30)
            mine = Assessment.objects.get(pk=assessment.pk)
            services.complete(mine, spec)
        except Exception as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    def change():
        try:
            mine = Assessment.objects.get(pk=assessment.pk)
            barrier.wait(timeout=30)
            for spread in spreads:
                try:
                    services.save_answer(mine, "pain_spread", spread, {})
                except services.AssessmentClosed:
                    break
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete), threading.Thread(target=change)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assessment.refresh_from_db()
    assert assessment.is_complete
    recomputed = scoring.result_for(spec, services.stored_answers(assessment))
    assert assessment.result == recomputed.to_record()
