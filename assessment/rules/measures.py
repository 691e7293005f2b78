"""Validated measures, scored exactly as published (ITEMS.md §6). Plain Python.

- PEG (Krebs et al., J Gen Intern Med 2009): the mean of average pain (`intensity`),
  interference with enjoyment of life and with general activity, each 0-10; one decimal.
- PHQ-2 (Kroenke et al., Med Care 2003): `little_interest` + `mood`, each 0-3; 0-6;
  3 or more screens positive for depression.
- GAD-2 (Kroenke et al., Ann Intern Med 2007): `nervous` + `uncontrolled_worry`, each 0-3;
  0-6; 3 or more screens positive for anxiety.
- WPI: how many of the 19 Widespread Pain Index regions (ACR 2010/2016) were marked, 0-19.

A measure is None unless every item it needs was answered: a skipped item is never guessed
(a PHQ-2 from one item is not a PHQ-2). The scores are not shown as diagnoses anywhere.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .codes import WPI_REGIONS

FREQUENCY_POINTS = {"not_at_all": 0, "several_days": 1, "more_than_half": 2, "nearly_every_day": 3}

PEG_ITEMS = ("intensity", "interference_enjoyment", "interference_activity")
PHQ2_ITEMS = ("little_interest", "mood")
GAD2_ITEMS = ("nervous", "uncontrolled_worry")
# Published screening cut-offs: 3 or more on PHQ-2 or GAD-2 is a positive screen.
SCREEN_POSITIVE = 3
# A 30 % fall in PEG is the usual threshold for a meaningful improvement (Krebs 2009).
PEG_MEANINGFUL_CHANGE = 0.30

_WPI = frozenset(WPI_REGIONS)


def peg(answers: dict) -> float | None:
    values = [answers.get(code) for code in PEG_ITEMS]
    if any(not isinstance(value, int) for value in values):
        return None
    mean = Decimal(sum(values)) / Decimal(len(values))
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _frequency_sum(answers: dict, codes) -> int | None:
    points = [FREQUENCY_POINTS.get(answers.get(code)) for code in codes]
    if any(point is None for point in points):
        return None
    return sum(points)


def phq2(answers: dict) -> int | None:
    return _frequency_sum(answers, PHQ2_ITEMS)


def gad2(answers: dict) -> int | None:
    return _frequency_sum(answers, GAD2_ITEMS)


def wpi(answers: dict) -> int | None:
    regions = answers.get("body_regions")
    if regions is None:
        return None
    return len(set(regions) & _WPI)


def measures_for(answers: dict) -> dict[str, float | int | None]:
    """The `measures` object of a result: each validated score, or None when incomplete."""
    return {"peg": peg(answers), "phq2": phq2(answers), "gad2": gad2(answers), "wpi": wpi(answers)}
