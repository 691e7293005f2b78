"""'Change over time' for the clinician summary and its PDF (issue 15).

What a clinician needs on the page: PEG at baseline and now with the size of the change, the
chart, how much of the plan was used, and any red flag or crisis answer at a check-in. Built in
a fixed number of queries whatever the number of check-ins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..journey import plan_presenters, plan_services, presenters
from ..models import Assessment
from ..rules import progress, safety
from .fhir import CheckInFacts


@dataclass
class FlaggedCheckIn:
    day: dt.date
    urgency: str
    flags: list[str]
    care: str | None = None  # safety.care_level: "same_day" when the person was told today


@dataclass
class ChangeOverTime:
    start_date: dt.date
    baseline: float | None
    latest: float | None
    latest_day: dt.date | None
    change: progress.Change | None
    change_sentence: str
    chart: object | None
    values_line: str = ""  # the chart's figures as text: its caption, read aloud and printed
    items: list = field(default_factory=list)
    check_ins: int = 0
    flagged: list[FlaggedCheckIn] = field(default_factory=list)
    crisis_days: list[dt.date] = field(default_factory=list)


def check_in_facts(assessment: Assessment) -> list[CheckInFacts]:
    """Each submitted check-in, oldest first, for the FHIR Bundle: two queries at most."""
    plan = plan_services.plan_for(assessment)
    if plan is None:
        return []
    return [
        CheckInFacts(
            day=row.day,
            peg=row.peg,
            red_flags=tuple(row.answers.get(plan_services.RED_FLAGS) or ()) if row.urgency else (),
            crisis=row.crisis,
        )
        for row in plan_services.submitted(plan_services.check_ins(plan))
    ]


def change_over_time(assessment: Assessment, spec) -> ChangeOverTime | None:
    """None when the person has no plan: the summary then looks exactly as before."""
    from content.models import ToolkitItem

    plan = plan_services.plan_for(assessment)
    if plan is None:
        return None
    rows = plan_services.check_ins(plan)
    done = plan_services.submitted(rows)
    names = dict(
        ToolkitItem.objects.filter(slug__in=[i.slug for i in plan.items.all()]).values_list(
            "slug", "name"
        )
    )
    items = [
        plan_presenters.PlanItemView(
            slug=row.slug,
            name=names.get(row.slug, row.slug),
            item=None,
            cautions=[],
            clinician_first=False,
            window=None,
        )
        for row in plan.items.all()
    ]
    plan_presenters.add_use(items, done)
    series = plan_services.peg_series(assessment, rows)
    baseline = plan_services.baseline_peg(assessment)
    latest = done[-1] if done and done[-1].peg is not None else None
    change = progress.peg_change(baseline, latest.peg if latest else None)
    return ChangeOverTime(
        start_date=plan.start_date,
        baseline=baseline,
        latest=latest.peg if latest else None,
        latest_day=latest.day if latest else None,
        change=change,
        change_sentence=plan_presenters.change_sentence(change),
        chart=plan_presenters.peg_chart(series),
        values_line=_("PEG (0 to 10) by date:")
        + " "
        + "; ".join(
            f"{plan_presenters.day(day)} {plan_presenters.peg_words(value)}"
            for day, value in series
        ),
        items=items,
        check_ins=len(done),
        flagged=[
            FlaggedCheckIn(
                row.day,
                row.urgency,
                presenters.flag_labels(spec, row.answers.get(plan_services.RED_FLAGS) or []),
                safety.care_level(row.answers.get(plan_services.RED_FLAGS)),
            )
            for row in done
            if row.urgency
        ],
        crisis_days=[row.day for row in done if row.crisis],
    )
