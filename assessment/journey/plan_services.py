"""Write and read side of plans and check-ins (issue 15). Views stay thin and call these.

Every write moves the assessment's `updated_at` on, because the retention period counts from
the last change: a person who keeps checking in keeps their answers; one who stops is purged
with everything else after PAINMAP_RETENTION_DAYS.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..models import Assessment, CheckIn, Plan, PlanItem
from ..rules import progress
from ..rules.measures import peg
from ..rules.results import Suggestion
from ..rules.scoring import urgency_for
from . import presenters, services
from .services import SELF_HARM

# The MAP questions a check-in asks again, by item code, in page order. Their wording, answer
# options and checks come from the questionnaire version, as in the MAP itself.
PEG_CODES = ("intensity", "interference_enjoyment", "interference_activity")
SLEEP = "sleep_quality"
RED_FLAGS = "red_flags"
CHECK_IN_CODES = (RED_FLAGS, *PEG_CODES, SLEEP, SELF_HARM)


def touch(assessment: Assessment) -> None:
    """Retention counts from the last change: a plan or a check-in is one."""
    now = timezone.now()
    Assessment.objects.filter(pk=assessment.pk).update(updated_at=now)
    assessment.updated_at = now


def stored_suggestions(assessment: Assessment) -> list[Suggestion]:
    """The suggestions shown on the results page, from the stored result (no re-scoring).

    None after a red flag: getting checked comes first, so there is nothing to plan.
    """
    if not assessment.result:
        return []
    result = services.stored_result(assessment)
    return [] if result.urgency else list(result.suggestions)


def suggestion_choices(spec, assessment: Assessment) -> list:
    """The person's suggestions with their cautions in words, as on results: two queries."""
    from content.models import ToolkitItem

    suggestions = stored_suggestions(assessment)
    items = {
        item.slug: item
        for item in ToolkitItem.objects.published()
        .filter(slug__in=[s.slug for s in suggestions])
        .prefetch_related("cautions")
    }
    return presenters.suggestion_views(spec, suggestions, items)


def plan_for(assessment: Assessment) -> Plan | None:
    """The plan with its items: two queries."""
    plan = (
        Plan.objects.filter(assessment=assessment)
        .select_related("remap")
        .prefetch_related("items")
        .first()
    )
    if plan is not None:
        plan.assessment = assessment  # already loaded: no second query when a write touches it
    return plan


@transaction.atomic
def save_plan(assessment: Assessment, chosen: list[Suggestion], start: dt.date) -> Plan:
    """Create or replace the plan: the chosen suggestions, in the order shown, from `start`.

    Check-ins already made stay; a use answer for an item no longer in the plan is kept in its
    check-in but no longer shown.
    """
    plan, _created = Plan.objects.update_or_create(
        assessment=assessment, defaults={"start_date": start}
    )
    PlanItem.objects.filter(plan=plan).delete()
    PlanItem.objects.bulk_create(
        [
            PlanItem(plan=plan, slug=s.slug, cautions=list(s.cautions), order=n)
            for n, s in enumerate(chosen)
        ]
    )
    touch(assessment)
    return plan


def check_ins(plan: Plan) -> list[CheckIn]:
    """Every check-in of the plan, oldest first (drafts included): one query."""
    return list(plan.check_ins.all())


def draft_of(rows: list[CheckIn]) -> CheckIn | None:
    return next((row for row in rows if row.submitted_at is None), None)


def save_draft(plan: Plan, draft: CheckIn | None, raw: dict) -> CheckIn:
    """Keep what was typed on a check-in page that did not pass its checks yet."""
    if draft is None:
        draft = CheckIn.objects.create(plan=plan, day=timezone.localdate(), answers=raw)
    else:
        CheckIn.objects.filter(pk=draft.pk).update(answers=raw, updated_at=timezone.now())
        draft.answers = raw
    touch(plan.assessment)
    return draft


def submit(plan: Plan, draft: CheckIn | None, answers: dict, adherence: dict) -> CheckIn:
    """Store a complete check-in, dated today, with its PEG and safety flags."""
    fields = {
        "day": timezone.localdate(),
        "answers": answers,
        "adherence": adherence,
        "peg": peg(answers),
        "urgency": urgency_for(answers.get(RED_FLAGS)) or "",
        "crisis": answers.get(SELF_HARM) == "yes",
        "submitted_at": timezone.now(),
    }
    with transaction.atomic():
        # One check-in at a time per plan: a double press (or a retry after a lost response)
        # sends the same answers again, and must not count as a second week.
        Plan.objects.select_for_update().filter(pk=plan.pk).exists()
        repeat = _same_check_in_today(plan, fields["day"], answers, adherence)
        if repeat is not None:
            return repeat
        if draft is None:
            row = CheckIn.objects.create(plan=plan, **fields)
        else:
            CheckIn.objects.filter(pk=draft.pk).update(updated_at=timezone.now(), **fields)
            for name, value in fields.items():
                setattr(draft, name, value)
            row = draft
    touch(plan.assessment)
    return row


def _same_check_in_today(plan: Plan, day: dt.date, answers: dict, adherence: dict):
    """Today's submitted check-in with exactly these answers, if there is one."""
    for row in CheckIn.objects.filter(plan=plan, day=day, submitted_at__isnull=False):
        if row.answers == answers and row.adherence == adherence:
            return row
    return None


def baseline_peg(assessment: Assessment) -> float | None:
    return ((assessment.result or {}).get("measures") or {}).get("peg")


def peg_series(assessment: Assessment, rows: list[CheckIn]) -> list[tuple[dt.date, float]]:
    """PEG over time: the MAP's (the baseline, on its completion day), then each check-in's."""
    series = []
    base = baseline_peg(assessment)
    if base is not None and assessment.completed_at:
        series.append((timezone.localdate(assessment.completed_at), base))
    series += [(row.day, row.peg) for row in rows if row.submitted_at and row.peg is not None]
    return series


def submitted(rows: list[CheckIn]) -> list[CheckIn]:
    return [row for row in rows if row.submitted_at is not None]


def last_check_in_day(rows: list[CheckIn]) -> dt.date | None:
    done = submitted(rows)
    return done[-1].day if done else None


def next_check_in(plan: Plan, rows: list[CheckIn]) -> dt.date:
    return progress.next_check_in(plan.start_date, timezone.localdate(), last_check_in_day(rows))


def start_remap(plan: Plan, questionnaire) -> Assessment:
    """Take the MAP again, on the live version, linked to this plan for "then and now".

    Starting twice while the first re-map is unfinished returns that one, not a second.
    """
    if plan.remap is not None and not plan.remap.is_complete:
        return plan.remap
    with transaction.atomic():
        new = Assessment.objects.create(questionnaire=questionnaire)
        Plan.objects.filter(pk=plan.pk).update(remap=new, updated_at=timezone.now())
    plan.remap = new
    touch(plan.assessment)
    return new
