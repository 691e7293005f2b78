"""Restoration over time (issue 15): the rules of a plan, its check-ins and the change in PEG.

Plain Python: dates and numbers in, dates and numbers out; no ORM, no request, no templates.

- A plan holds up to MAX_PLAN_ITEMS of the person's own suggestions, from a start date.
- Each item's timeline comes from its time to effect as editors keep it (weeks from, weeks to);
  an item whose time to effect the guide does not state gets no date at all, never a guess.
- Check-ins are weekly by default (CHECK_IN_EVERY_DAYS) for PLAN_WEEKS; any day is allowed.
- Change is PEG (measures.peg) from the baseline (the MAP) to the latest check-in. A fall of
  PEG_MEANINGFUL_CHANGE (30 %) or more is the size of change studies count as meaningful
  (Krebs 2009). The words never say what caused a change: nothing here can know.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .measures import PEG_MEANINGFUL_CHANGE

MAX_PLAN_ITEMS = 3
CHECK_IN_EVERY_DAYS = 7
PLAN_WEEKS = 12
# The re-map offer opens this many weeks after the plan starts.
REMAP_AFTER_WEEKS = 12
# A start date further away than this is almost certainly a typing mistake.
START_WITHIN_DAYS = 90

# How much a plan item was used since the last check-in (answer codes, stored as such).
MOST_DAYS = "most_days"
SOME_DAYS = "some_days"
NOT_YET = "not_yet"
STOPPED = "stopped"
USE_CODES = (MOST_DAYS, SOME_DAYS, NOT_YET, STOPPED)
IN_USE = frozenset({MOST_DAYS, SOME_DAYS})
WHY_MAX_LENGTH = 300

# Items that a clinician should hear about before they start: any caution, or a prescription.


def needs_clinician_first(cautions, needs_prescription: bool) -> bool:
    return bool(cautions) or bool(needs_prescription)


@dataclass(frozen=True)
class Window:
    """When an item might start to help, and by when its full effect is expected."""

    starts: dt.date
    full: dt.date


def effect_window(start: dt.date, from_weeks: int | None, to_weeks: int | None) -> Window | None:
    """The dates of an item's time to effect from the plan's start; None when not stated.

    One figure alone (only "from" or only "to") gives the same date for both.
    """
    if from_weeks is None and to_weeks is None:
        return None
    low = from_weeks if from_weeks is not None else to_weeks
    high = to_weeks if to_weeks is not None else from_weeks
    low, high = min(low, high), max(low, high)
    return Window(start + dt.timedelta(weeks=low), start + dt.timedelta(weeks=high))


def check_in_dates(
    start: dt.date, weeks: int = PLAN_WEEKS, every_days: int = CHECK_IN_EVERY_DAYS
) -> list[dt.date]:
    """The suggested check-in dates: one every `every_days` after the start, for `weeks`."""
    count = (weeks * 7) // every_days
    return [start + dt.timedelta(days=every_days * n) for n in range(1, count + 1)]


def next_check_in(start: dt.date, today: dt.date, last: dt.date | None) -> dt.date:
    """The next suggested check-in: a week after the last one (or after the start).

    Never before today: a missed check-in is simply due now.
    """
    due = (last or start) + dt.timedelta(days=CHECK_IN_EVERY_DAYS)
    return max(due, today)


def remap_offered(start: dt.date, today: dt.date) -> bool:
    return today >= start + dt.timedelta(weeks=REMAP_AFTER_WEEKS)


def weeks_between(start: dt.date, end: dt.date) -> int:
    return max(0, (end - start).days // 7)


def weeks_of_use(uses: list[str | None]) -> int:
    """How many check-ins (about a week each) reported using an item on most or some days."""
    return sum(1 for use in uses if use in IN_USE)


@dataclass(frozen=True)
class Change:
    baseline: float
    latest: float
    percent_fall: int  # negative when PEG rose; rounded to a whole percent
    meaningful: bool  # a fall of 30 % or more

    @property
    def size(self) -> int:
        """The change as a whole percent, whichever way it went."""
        return abs(self.percent_fall)

    @property
    def direction(self) -> str:
        if self.latest < self.baseline:
            return "fell"
        if self.latest > self.baseline:
            return "rose"
        return "same"


def peg_change(baseline: float | None, latest: float | None) -> Change | None:
    """The change from the baseline PEG to the latest; None without both, or from 0.

    From a baseline of 0 no percentage means anything, so there is no change to state.
    """
    if baseline is None or latest is None or baseline <= 0:
        return None
    fall = (baseline - latest) / baseline
    # Compare on the exact ratio: rounding 29.6 % up to 30 % must not make it "meaningful".
    return Change(
        baseline=baseline,
        latest=latest,
        percent_fall=round(fall * 100),
        meaningful=fall >= PEG_MEANINGFUL_CHANGE - 1e-9,
    )


# ---------------------------------------------------------------- chart geometry

CHART_WIDTH = 560
CHART_HEIGHT = 240
CHART_LEFT = 40  # room for the 0-10 labels
CHART_RIGHT = 16
CHART_TOP = 12
CHART_BOTTOM = 36  # room for the date labels
PEG_MAX = 10


@dataclass(frozen=True)
class Point:
    day: dt.date
    peg: float
    x: float
    y: float


def chart_points(measurements: list[tuple[dt.date, float]]) -> list[Point]:
    """Where each PEG measurement sits on the SVG chart: x by date, y by PEG (0 at the bottom).

    Dates are spaced by time, not by order, so a missed week shows as a longer gap.
    """
    if not measurements:
        return []
    first = measurements[0][0]
    span = max((measurements[-1][0] - first).days, 1)
    inner_w = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    inner_h = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    points = []
    for day, value in measurements:
        x = CHART_LEFT + inner_w * ((day - first).days / span if len(measurements) > 1 else 0)
        y = CHART_TOP + inner_h * (1 - max(0.0, min(PEG_MAX, value)) / PEG_MAX)
        points.append(Point(day, value, round(x, 1), round(y, 1)))
    return points


def chart_gridlines() -> list[tuple[int, float]]:
    """Horizontal lines at PEG 0, 2, 4, 6, 8, 10 with their y."""
    inner_h = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    return [(v, round(CHART_TOP + inner_h * (1 - v / PEG_MAX), 1)) for v in range(0, 11, 2)]
