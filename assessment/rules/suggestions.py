"""Which toolkit items fit a MAP profile, ranked, each with the cautions that qualify it.

A suggestion's fit is the strongest match between the types it serves and the person's type
scores, plus small bonuses for answers that make it plainly relevant (poor sleep for sleep
restoration, low B12 for methylcobalamin). Tools that guidelines put first for persistent pain (education, movement, sleep; NICE NG193,
ACP 2017) carry more weight than supplements. A caution never hides a suggestion silently: it
rides along with it and lowers its rank, so the person and their clinician see both.

Cautions come from the one rulebook, `cautions.py`: when an answer needed to judge a caution
was skipped, the caution is shown, since not knowing is not the same as being safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cautions import CAUTIONS, cautions_for, rank_factor
from .codes import is_acute
from .results import Reason, Suggestion, TypeResult

THRESHOLD = 0.3
MAX_SUGGESTIONS = 7
ALWAYS_SUGGESTED = "graded-movement"

# Only gentle, general tools are offered for recent (acute) pain; the rest are for pain that
# has persisted.
ACUTE_ALLOWED = frozenset(
    {
        "pain-neuroscience-education",
        "graded-movement",
        "sleep-restoration",
        "anti-inflammatory-diet",
    }
)

NEURO_CAUSE_DIABETES = frozenset({"diabetes", "prediabetes"})
# Heavy alcohol can damage nerves, but it is not a B12 finding: what helps first is cutting
# down and a clinician's check (the alcohol note says so); methylcobalamin needs a low B12.
NEURO_CAUSE_B12 = frozenset({"b12_low"})


@dataclass(frozen=True)
class Rule:
    slug: str
    serves: dict[str, float]  # type -> relevance 0..1
    bonuses: tuple[tuple[str, str, float], ...] = ()  # (item, answer, bonus)
    needs: tuple[str, ...] = ()  # named preconditions, see _precondition


RULES = (
    Rule(
        "pain-neuroscience-education",
        {"central": 1.0, "stress_driven": 0.8, "neuropathic": 0.4, "peripheral": 0.3},
        (
            ("worry", "agree", 0.15),
            ("fear_of_movement", "agree", 0.15),
            ("surgery", "no_lasting_relief", 0.15),
            ("conditions", "disc_or_spine_finding", 0.1),
        ),
    ),
    Rule(
        "graded-movement",
        {"central": 1.0, "peripheral": 1.0, "stress_driven": 0.7, "neuropathic": 0.5},
        (("activity_level", "mostly_resting", 0.3), ("fear_of_movement", "agree", 0.3)),
    ),
    Rule(
        "sleep-restoration",
        {"central": 0.6, "stress_driven": 0.6},
        (("sleep_quality", "poor", 0.3), ("sleep_quality", "very_poor", 0.45)),
        needs=("sleep_not_good",),
    ),
    Rule(
        "somatic-therapy",
        {"stress_driven": 0.9, "central": 0.4},
        (("adverse_experiences", "yes", 0.3),),
    ),
    Rule(
        "magnesium",
        {"central": 0.6, "stress_driven": 0.4},
        (
            ("sleep_quality", "poor", 0.1),
            ("sleep_quality", "very_poor", 0.1),
            ("other_symptoms", "jaw_clenching", 0.1),
        ),
    ),
    Rule(
        "palmitoylethanolamide",
        {"neuropathic": 0.8, "central": 0.6},
        (("conditions", "fibromyalgia_diagnosis", 0.1),),
    ),
    Rule(
        "omega-3",
        {"neuropathic": 0.6, "peripheral": 0.5, "central": 0.4},
        (("swelling", "yes", 0.1),),
    ),
    Rule(
        "curcumin",
        {"peripheral": 0.6, "neuropathic": 0.4},
        (
            ("conditions", "osteoarthritis", 0.1),
            ("conditions", "inflammatory_arthritis", 0.1),
            ("swelling", "yes", 0.05),
        ),
    ),
    Rule(
        "anti-inflammatory-diet",
        {"peripheral": 0.5, "central": 0.3},
        (
            ("processed_food", "most", 0.3),
            ("processed_food", "some", 0.15),
            ("conditions", "diabetes", 0.15),
            ("conditions", "prediabetes", 0.15),
        ),
    ),
    Rule(
        "low-dose-naltrexone",
        {"central": 0.6},
        (("conditions", "fibromyalgia_diagnosis", 0.15),),
    ),
    Rule(
        "blood-sugar-control",
        {"neuropathic": 0.5},
        (("conditions", "diabetes", 0.5), ("conditions", "prediabetes", 0.5)),
        needs=("diabetes", "nerve_features"),
    ),
    Rule(
        "alpha-lipoic-acid",
        {"neuropathic": 0.5},
        (("conditions", "diabetes", 0.3), ("conditions", "prediabetes", 0.2)),
        needs=("diabetes", "nerve_features"),
    ),
    Rule(
        "methylcobalamin",
        {"neuropathic": 0.5},
        (("conditions", "b12_low", 0.4),),
        needs=("b12", "nerve_features"),
    ),
)


def _has(answers: dict, item: str, answer: str) -> bool:
    value = answers.get(item)
    return answer in value if isinstance(value, list) else value == answer


def _precondition(name: str, types: dict[str, TypeResult], answers: dict) -> bool:
    conditions = set(answers.get("conditions") or ())
    if name == "sleep_not_good":
        return answers.get("sleep_quality") in ("fair", "poor", "very_poor")
    if name == "diabetes":
        return bool(conditions & NEURO_CAUSE_DIABETES)
    if name == "b12":
        return bool(conditions & NEURO_CAUSE_B12)
    if name == "nerve_features":
        # A plausible cause is not enough: the answers must also look like nerve pain.
        regions = set(answers.get("body_regions") or ())
        return types["neuropathic"].level != "low" or bool({"hands", "feet"} & regions)
    raise ValueError(f"unknown precondition {name!r}")


def suggest(
    types: dict[str, TypeResult], answers: dict, rulebook=CAUTIONS
) -> tuple[Suggestion, ...]:
    acute = is_acute(answers)
    found, always = [], None
    for rule in RULES:
        if acute and rule.slug not in ACUTE_ALLOWED:
            continue
        if not all(_precondition(name, types, answers) for name in rule.needs):
            continue
        best_type = max(rule.serves, key=lambda code: types[code].score * rule.serves[code])
        base = types[best_type].score / 100 * rule.serves[best_type]
        reasons = [Reason("type", best_type, round(base, 2))]
        for item, answer, bonus in rule.bonuses:
            if _has(answers, item, answer):
                reasons.append(Reason(item, answer, bonus))
        fit = sum(reason.points for reason in reasons)
        cautions = cautions_for(rule.slug, answers, rulebook)
        suggestion = Suggestion(
            rule.slug, cautions, round(fit * rank_factor(cautions, rulebook), 3), tuple(reasons)
        )
        if rule.slug == ALWAYS_SUGGESTED:
            always = suggestion
        if fit >= THRESHOLD:
            found.append(suggestion)
    found.sort(key=lambda s: -s.fit)
    kept = found[:MAX_SUGGESTIONS]
    # Staying active helps every type (ITEMS.md): graded movement is never lost to the
    # threshold or to the cut-off; it takes the last place when it ranks lower.
    if always is not None and always not in kept:
        kept = [*kept[: MAX_SUGGESTIONS - 1], always]
    return tuple(kept)
