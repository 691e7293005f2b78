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

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

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


@dataclass(frozen=True)
class Measure:
    """What a measure is, for every page, print and export that shows one."""

    code: str
    name: str  # the name clinicians know
    items: tuple[str, ...]
    maximum: int
    cut_off: int | None  # a positive screen from this value up; None: not a screen
    source: str  # the publication that defines it


MEASURES: tuple[Measure, ...] = (
    Measure("peg", "PEG", PEG_ITEMS, 10, None, "Krebs EE, et al. J Gen Intern Med 2009;24:733-8"),
    Measure(
        "phq2",
        "PHQ-2",
        PHQ2_ITEMS,
        6,
        SCREEN_POSITIVE,
        "Kroenke K, et al. Med Care 2003;41:1284-92",
    ),
    Measure(
        "gad2",
        "GAD-2",
        GAD2_ITEMS,
        6,
        SCREEN_POSITIVE,
        "Kroenke K, et al. Ann Intern Med 2007;146:317-25",
    ),
    Measure(
        "wpi",
        "WPI",
        ("body_regions",),
        len(WPI_REGIONS),
        None,
        "Wolfe F, et al. Semin Arthritis Rheum 2016;46:319-29",
    ),
)
MEASURES_BY_CODE = {measure.code: measure for measure in MEASURES}
# The instruments that version 2 asks as published (the WPI comes from the body map of every
# version).
SCREENS = ("peg", "phq2", "gad2")


def screens_positive(code: str, value) -> bool:
    """True when a PHQ-2 or GAD-2 total reaches the published cut-off; never for a None."""
    cut_off = MEASURES_BY_CODE[code].cut_off
    return value is not None and cut_off is not None and value >= cut_off


def peg_meaningful_change(value: float) -> float:
    """The PEG a later visit would need to reach for a meaningful (30 %) improvement."""
    target = Decimal(str(value)) * Decimal(str(1 - PEG_MEANINGFUL_CHANGE))
    return float(target.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# Why version 2 lets the PHQ-2 and GAD-2 items add stress-driven (and, for low mood, central)
# points. The "How MAP works" page shows each reason beside the live weights it explains, so a
# clinician can check the one against the other.
WEIGHT_REASONS = {
    "little_interest": _(
        "Losing interest or pleasure is one of the two core signs of depression, and low mood "
        "and chronic pain make each other worse (Bair 2003). Version 1 asked low mood and loss "
        "of pleasure in one question worth at most 3 stress-driven points; version 2 asks them "
        "separately, so the weight is split between the two and the total stays about the same."
    ),
    "mood": _(
        "Feeling down is the other core sign of depression (the second PHQ-2 question). It keeps "
        "most of version 1's weight. The extra central point follows the ACR 2016 "
        "fibromyalgia criteria, which count depression among the symptoms of a sensitised "
        "nervous system."
    ),
    "nervous": _(
        "Anxiety keeps the body on alert and is counted as psychosocial load by the STarT Back "
        "tool (Hill 2008) and the Örebro screen (Linton 2011), both of which predict pain that "
        "persists. Its weight stays below that of either stress question, because anxiety is a "
        "layer that turns pain up, not a cause on its own."
    ),
    "uncontrolled_worry": _(
        "Worry that cannot be controlled is the second GAD-2 question. It adds points only when "
        "it happens on more than half the days, so an occasional worry does not count, and the "
        "two anxiety questions together stay below the stress questions."
    ),
}
