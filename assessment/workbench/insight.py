"""Anonymous insight: counts over a period, never a single person's answers. Plain queries.

Every number comes from a handful of aggregate queries, except drop-off, which walks the answers
of unfinished assessments once, in order, keeping only a counter per question.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Answer, Assessment, Questionnaire
from ..rules.codes import TYPE_CODES
from ..rules.labels import TYPE_SHORT_NAMES
from ..spec_loader import spec_for
from .testbench import SMALL_COUNT, shown_count

NOT_STARTED = "(none)"
# Any count from 1 to 4 is shown as "fewer than 5" (shown_count), never as its number: a count
# of 1 next to a period and a type can point at one person. The test bench and the progress
# insight do the same.


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    share: float  # 0-1 of the chart's largest bar, for drawing

    @property
    def percent_of_max(self) -> int:
        return round(self.share * 100)

    @property
    def shown(self) -> str:
        return shown_count(self.count)


@dataclass(frozen=True)
class Insight:
    start: datetime.date
    end: datetime.date
    started: int
    completed: int
    red_flags: int
    crisis: int
    leading: tuple[Bar, ...]
    dropoff: tuple[Bar, ...]
    errors: tuple[Bar, ...] = ()

    @property
    def completion_rate(self) -> float:
        return self.completed / self.started if self.started else 0.0

    @property
    def red_flag_rate(self) -> float:
        return self.red_flags / self.started if self.started else 0.0

    @property
    def shown(self) -> dict[str, str]:
        """Totals as the page shows them; a rate only where both its counts are shown."""

        def rate(part: int) -> str:
            if part < SMALL_COUNT or self.started < SMALL_COUNT:
                return ""
            return f"{round(100 * part / self.started)}%"

        return {
            "started": shown_count(self.started),
            "completed": shown_count(self.completed),
            "red_flags": shown_count(self.red_flags),
            "crisis": shown_count(self.crisis),
            "completion_rate": rate(self.completed),
            "red_flag_rate": rate(self.red_flags),
        }


def period_queryset(start: datetime.date, end: datetime.date):
    """Assessments started from `start` to `end`, both days included (site time zone)."""
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return Assessment.objects.filter(created_at__gte=since, created_at__lt=until)


def _bars(pairs) -> tuple[Bar, ...]:
    """Bars scaled to the largest; a suppressed count draws no bar (its length would tell)."""
    pairs = list(pairs)
    top = max((count for _, _, count in pairs if count >= SMALL_COUNT), default=0)
    return tuple(
        Bar(
            key=key,
            label=label,
            count=count,
            share=(count / top if top and count >= SMALL_COUNT else 0.0),
        )
        for key, label, count in pairs
    )


NO_TYPE = "none"


def leading_spread(assessments) -> tuple[Bar, ...]:
    """How many completed assessments named each type among their leading ones.

    A mixed picture (several leading types) counts once for each of its types, so the bars
    can add up to more than the completed assessments. One query on any database: the primary
    list holds at most one entry per type, read by position.
    """
    positions = {f"p{i}": KT(f"result__primary__{i}") for i in range(len(TYPE_CODES))}
    counted = assessments.filter(completed_at__isnull=False, result__isnull=False).annotate(
        **positions
    )
    totals = counted.aggregate(
        **{
            code: Count("pk", filter=Q(**dict.fromkeys(positions, code), _connector=Q.OR))
            for code in TYPE_CODES
        },
        **{NO_TYPE: Count("pk", filter=Q(p0__isnull=True))},
    )
    # An emergency, or answers that point to no single pattern, name no type (empty primary).
    no_type = (NO_TYPE, str(_("No type named")), totals[NO_TYPE])
    return _bars(
        [*((code, str(TYPE_SHORT_NAMES[code]), totals[code]) for code in TYPE_CODES), no_type]
    )


def dropoff(assessments) -> tuple[Bar, ...]:
    """For unfinished assessments: the last question answered (or skipped), in question order.

    Each version's order comes from its spec; answers stream in assessment order, so only one
    assessment's position is held at a time.
    """
    unfinished = assessments.filter(completed_at__isnull=True)
    positions: dict[int, dict[str, int]] = {}
    wording: dict[str, str] = {}
    versions = Questionnaire.objects.filter(pk__in=unfinished.values("questionnaire_id"))
    for questionnaire in versions.order_by("version"):
        spec = spec_for(questionnaire)
        positions[questionnaire.pk] = {item.code: i for i, item in enumerate(spec.items)}
        for item in spec.items:
            wording[item.code] = item.wording
    order = {}
    for per_version in positions.values():
        for code, index in per_version.items():
            order.setdefault(code, index)

    counts: Counter[str] = Counter()
    current, best, best_index = None, None, -1
    rows = (
        Answer.objects.filter(assessment__in=unfinished)
        .order_by("assessment_id")
        .values_list("assessment_id", "assessment__questionnaire_id", "item_code")
        .iterator(chunk_size=5000)
    )
    for assessment_id, questionnaire_id, code in rows:
        if assessment_id != current:
            if best is not None:
                counts[best] += 1
            current, best, best_index = assessment_id, None, -1
        index = positions.get(questionnaire_id, {}).get(code, -1)
        if index > best_index:
            best, best_index = code, index
    if best is not None:
        counts[best] += 1
    answered_any = sum(counts.values())
    none_yet = unfinished.count() - answered_any
    pairs = [(NOT_STARTED, NOT_STARTED, none_yet)] if none_yet else []
    pairs += [
        (code, wording.get(code, code), counts[code])
        for code in sorted(counts, key=lambda c: order.get(c, len(order)))
    ]
    return _bars(pairs)


def errors_by_question(start: datetime.date, end: datetime.date) -> tuple[Bar, ...]:
    """How often each question's error message was shown in the period, most first."""
    from ..models import QuestionErrorCount

    rows = (
        QuestionErrorCount.objects.filter(day__gte=start, day__lte=end)
        .values("item_code")
        .annotate(total=Sum("count"))
        .order_by("-total", "item_code")
    )
    wording = {}
    for questionnaire in Questionnaire.objects.filter(
        error_counts__day__gte=start, error_counts__day__lte=end
    ).distinct():
        for item in spec_for(questionnaire).items:
            wording.setdefault(item.code, item.wording)
    return _bars(
        (row["item_code"], wording.get(row["item_code"], row["item_code"]), row["total"])
        for row in rows
    )


def insight(start: datetime.date, end: datetime.date) -> Insight:
    assessments = period_queryset(start, end)
    totals = assessments.aggregate(
        started=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        red_flags=Count("pk", filter=~Q(urgency="")),
        crisis=Count("pk", filter=Q(crisis=True)),
    )
    return Insight(
        start=start,
        end=end,
        started=totals["started"],
        completed=totals["completed"],
        red_flags=totals["red_flags"],
        crisis=totals["crisis"],
        leading=leading_spread(assessments),
        dropoff=dropoff(assessments),
        errors=errors_by_question(start, end),
    )
