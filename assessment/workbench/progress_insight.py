"""Anonymous insight on plans and check-ins (issue 15): counts only, small counts hidden.

Three aggregate queries whatever the number of people: plans started in the period, submitted
check-ins per week, and each plan's baseline and latest PEG to count how many fell by the
meaningful 30 %. A count from 1 to 4 is shown as "fewer than 5" (testbench.shown_count), and the
share of meaningful falls is given only when at least SMALL_COUNT people had one and at least
SMALL_COUNT did not.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.fields.json import KT
from django.db.models.functions import TruncWeek

from ..models import CheckIn, Plan
from ..rules import progress
from .insight import period_queryset
from .testbench import SMALL_COUNT, shown_count


@dataclass(frozen=True)
class ProgressInsight:
    plans: int
    check_ins_per_week: tuple[tuple[datetime.date, int], ...]
    with_latest: int  # plans with a baseline and at least one check-in PEG
    meaningful_falls: int

    @property
    def plans_shown(self) -> str:
        return shown_count(self.plans)

    @property
    def weeks_shown(self) -> list[tuple[datetime.date, str]]:
        return [(week, shown_count(count)) for week, count in self.check_ins_per_week]

    @property
    def share_shown(self) -> str | None:
        """The percentage with a meaningful fall, or None when too few people to say."""
        # A share is two counts: with 5 people, "20 %" is one person and "0 %" tells each one's
        # outcome. Both those with a fall and those without must reach SMALL_COUNT.
        if min(self.meaningful_falls, self.with_latest - self.meaningful_falls) < SMALL_COUNT:
            return None
        return f"{round(100 * self.meaningful_falls / self.with_latest)} %"


def progress_insight(start: datetime.date, end: datetime.date) -> ProgressInsight:
    """Plans started by people whose assessment started in the period, and their check-ins."""
    assessments = period_queryset(start, end)
    plans = Plan.objects.filter(assessment__in=assessments)
    weeks = (
        CheckIn.objects.filter(plan__in=plans, submitted_at__isnull=False)
        .annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(n=Count("id"))
        .order_by("week")
    )
    # KT reads a JSON path on the model's own field only, so ask from the assessment's side.
    baselines = dict(
        assessments.filter(plan__isnull=False)
        .annotate(peg=KT("result__measures__peg"))
        .values_list("plan", "peg")
    )
    latest: dict[int, float] = {}
    for plan_id, peg in (
        CheckIn.objects.filter(plan__in=plans, submitted_at__isnull=False, peg__isnull=False)
        .order_by("day", "submitted_at")
        .values_list("plan_id", "peg")
    ):
        latest[plan_id] = peg  # ordered by day: the last one wins
    changes = [
        progress.peg_change(float(baselines[pk]), peg)
        for pk, peg in latest.items()
        if baselines.get(pk) not in (None, "", "null")
    ]
    changes = [change for change in changes if change is not None]
    return ProgressInsight(
        plans=plans.count(),
        check_ins_per_week=tuple(
            (row["week"].date() if hasattr(row["week"], "date") else row["week"], row["n"])
            for row in weeks
        ),
        with_latest=len(changes),
        meaningful_falls=sum(1 for change in changes if change.meaningful),
    )
