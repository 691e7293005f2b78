"""Write-side helpers of the MAP journey: start, save an answer, complete, resume, delete.

Views stay thin and call these. Every write is idempotent (an answer is an upsert keyed by
item code; completing twice keeps the first completion), so a double submit, a refresh or a
second tab can never corrupt an assessment. Saving and completing lock the assessment row, and
a completed assessment's result is a stored record that later rule changes never touch.
"""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.db.models import F, JSONField, Value
from django.http import Http404
from django.utils import timezone

from ..models import RESUME_LENGTHS, Answer, Assessment, QuestionErrorCount, Questionnaire
from ..retention import retention_cutoff
from ..rules.codes import CRISIS_ANSWER, RED_FLAGS, SELF_HARM
from ..rules.results import MapResult
from ..rules.scoring import result_for, urgency_for
from ..rules.spec import QuestionnaireSpec
from ..spec_loader import rulebook


def start_assessment(questionnaire: Questionnaire) -> Assessment:
    return Assessment.objects.create(questionnaire=questionnaire)


def stored_answers(assessment: Assessment) -> dict:
    """Every stored answer by item code, in one query. None marks a skipped question."""
    return dict(assessment.answers.values_list("item_code", "value"))


def store_answer(assessment: Assessment, item_code: str, value) -> None:
    """Upsert one answer in a single query. `value` None stores a skip (JSON null)."""
    # A bare None would be SQL NULL, which the column refuses; a skip is JSON null.
    stored = Value(None, JSONField()) if value is None else value
    Answer.objects.bulk_create(
        [Answer(assessment=assessment, item_code=item_code, value=stored)],
        update_conflicts=True,
        unique_fields=["assessment", "item_code"],
        update_fields=["value", "updated_at"],
    )


class AssessmentClosed(Exception):
    """The assessment was completed (or deleted) while this answer was on its way."""


class AssessmentGone(AssessmentClosed, Http404):
    """The assessment was deleted (another tab, the retention purge) while this request ran.

    Uncaught, a 404 ("not found") page, never a foreign-key error or a 500: there is nothing
    left to save to or to complete.
    """


def _lock(assessment: Assessment) -> Assessment:
    """The assessment row, locked until the transaction ends (PostgreSQL: SELECT FOR UPDATE).

    Saving an answer and completing both take this lock, so a tab that completes while another
    tab saves cannot tear the record: one of them goes first, and the other sees it.
    """
    try:
        return (
            Assessment.objects.select_for_update().only("pk", "completed_at").get(pk=assessment.pk)
        )
    except Assessment.DoesNotExist:
        raise AssessmentGone("deleted meanwhile") from None


def save_answer(assessment: Assessment, item_code: str, value, answers: dict) -> dict:
    """Store one answer and keep the assessment's safety flags in step.

    Returns the answers with this one applied. Raises AssessmentClosed when the assessment was
    completed or deleted in the meantime (another tab): a completed result is a record, so its
    answers no longer change. Saving also moves `updated_at` on, because the retention period
    counts from the last change.
    """
    with transaction.atomic():
        if _lock(assessment).completed_at is not None:
            raise AssessmentClosed
        store_answer(assessment, item_code, value)
        answers = {**answers, item_code: value}
        changes = {"updated_at": timezone.now()}
        if item_code == RED_FLAGS:
            changes["urgency"] = urgency_for(answers.get(RED_FLAGS)) or ""
        if item_code == SELF_HARM:
            changes["crisis"] = value == CRISIS_ANSWER
            if value != assessment.support_seen:
                changes["support_seen"] = ""  # a changed answer has not had its page yet
        Assessment.objects.filter(pk=assessment.pk).update(**changes)
    for field, new in changes.items():
        setattr(assessment, field, new)
    return answers


def mark_support_seen(assessment: Assessment, answer: str) -> None:
    """The person moved on from the support page shown for this self-harm answer."""
    Assessment.objects.filter(pk=assessment.pk).update(support_seen=answer)
    assessment.support_seen = answer


def complete(assessment: Assessment, spec: QuestionnaireSpec) -> None:
    """Mark complete and store the result as a record. Completing twice changes nothing.

    The answers are read under the row lock, so the stored record is always the result of the
    stored answers, whatever another tab is doing.
    """
    if assessment.completed_at is not None:
        return
    with transaction.atomic():
        locked = _lock(assessment)
        if locked.completed_at is None:
            record = result_for(spec, stored_answers(assessment), rulebook()).to_record()
            now = timezone.now()
            Assessment.objects.filter(pk=assessment.pk).update(
                completed_at=now, result=record, updated_at=now
            )
    assessment.refresh_from_db(fields=["completed_at", "result", "updated_at"])


def stored_result(assessment: Assessment) -> MapResult:
    """The result a completed assessment was given, exactly as stored at completion."""
    return MapResult.from_record(assessment.result)


def rescore(assessment: Assessment, spec: QuestionnaireSpec) -> tuple[dict, dict]:
    """Score a completed assessment again under today's rules, keeping the old record.

    Returns (old, new) records; the old one is kept inside the new one as `previous`, so a
    re-score never loses what the person was told. Only the `rescore_results` command calls it.
    """
    with transaction.atomic():
        _lock(assessment)
        assessment.refresh_from_db(fields=["result"])
        old = assessment.result
        new = result_for(spec, stored_answers(assessment), rulebook()).to_record()
        new["previous"] = {k: v for k, v in old.items() if k != "previous"}
        Assessment.objects.filter(pk=assessment.pk).update(result=new)
    assessment.result = new
    return old, new


def delete_assessment(assessment: Assessment) -> None:
    """Delete the assessment, its answers and share links now; nothing is kept."""
    assessment.delete()


def normalise_code(raw: str) -> str:
    """What a person typed, as stored: capitals, no spaces or dashes (`abcd-efgh` -> `ABCDEFGH`)."""
    return re.sub(r"[\s\-‐-―_.]", "", raw or "").upper()


def format_code(code: str) -> str:
    """A resume code for people to read and copy, in fours: `ABCDEFGHJKMNPQRT` ->
    `ABCD-EFGH-JKMN-PQRT` (an old 8-letter code stays `ABCD-EFGH`)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def find_by_resume_code(raw: str) -> Assessment | None:
    """The assessment a resume code opens, if the code is right and the answers still kept."""
    code = normalise_code(raw)
    if len(code) not in RESUME_LENGTHS:
        return None
    return (
        Assessment.objects.select_related("questionnaire")
        .filter(resume_code=code, updated_at__gte=retention_cutoff())
        .first()
    )


def count_error(assessment: Assessment, item_code: str) -> None:
    """Add one to today's count of errors shown on this question (no link to the person)."""
    match = {
        "questionnaire_id": assessment.questionnaire_id,
        "item_code": item_code,
        "day": timezone.localdate(),
    }
    if QuestionErrorCount.objects.filter(**match).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            QuestionErrorCount.objects.create(**match, count=1)
    except IntegrityError:  # another request made today's row first
        QuestionErrorCount.objects.filter(**match).update(count=F("count") + 1)
