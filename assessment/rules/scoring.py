"""MAP scoring: answers in, a profile out. Plain Python: no ORM, no request, no templates.

    result = score(spec, answers)      # spec: QuestionnaireSpec; answers: cleaned, relevant
    result.to_dict(id=...)             # the JSON object `map_score` prints (ITEMS.md contract)

How a score is made (published for clinicians on the "How MAP works" page):

1. Every answer adds the points its questionnaire version gives it for each type (the
   weights, editable data). For a "select all that apply" question only its strongest few
   answers count towards a type (MULTI_COUNTED), so ticking many words cannot outweigh the
   rest of the questionnaire. Negative points (features whose absence marks a type) always
   count.
2. Two derived rules add points from the body map: how many of the 19 Widespread Pain Index
   regions hurt (widespread pain → central; one or two regions → peripheral), and pain in
   hands and feet together (a glove-and-stocking pattern → neuropathic).
3. A type's score is its points as a share (0–100) of the points a person with every feature
   of that type would get from the questions they were shown. A skipped question counts at
   SKIPPED_WEIGHT of its full weight, so missing answers lower certainty without erasing the
   features that were reported.
4. Pain under 3 months is acute: the central, stress-driven and nerve scores are scaled by
   ACUTE_FACTOR and never called high, because those pictures need time to settle.
5. Levels: high from HIGH, moderate from MODERATE. The leading type comes first in
   `primary`. Any other type that is also high, or moderate and within MIXED_MARGIN points of
   the leader, makes the picture mixed and is listed after it: mixed pain is common
   (Hodges 2024), and stress in particular is a layer that sits beside the other types.
   When no type reaches moderate, `primary` is empty: the answers do not point clearly to one
   pattern, and saying so is more honest than naming a type on thin evidence.

Red flags and crisis are not scored: they are read straight from the answers. Any red flag
removes every suggestion (getting checked comes first), and an emergency flag names no type
at all (`primary` is empty): nothing may frame an emergency as a pain type.
"""

from __future__ import annotations

from . import codes as contract
from .cautions import CAUTIONS, medicine_cautions
from .flow import is_shown, relevant_answers
from .measures import measures_for
from .results import SCORING_VERSION, MapResult, Note, Reason, Suggestion, TypeResult
from .spec import TYPES, ItemSpec, QuestionnaireSpec
from .suggestions import suggest

__all__ = [
    "MapResult",
    "Note",
    "Reason",
    "Suggestion",
    "TypeResult",
    "SCORING_VERSION",
    "score",
    "result_for",
]

HIGH = 50
MODERATE = 25
MIXED_MARGIN = 12
SKIPPED_WEIGHT = 0.5
ACUTE_FACTOR = 0.8
ACUTE_TYPES = ("central", "stress_driven", "neuropathic")

# For "select all that apply" questions, how many of the strongest answers count per type.
# One diagnosis is enough evidence (conditions, medications); three nerve words reach the
# DN4-interview threshold (descriptors).
MULTI_COUNTED = {"descriptors": 3, "other_symptoms": 3, "conditions": 1, "medications": 1}
MULTI_COUNTED_DEFAULT = 3

WPI_REGIONS = frozenset(contract.WPI_REGIONS)

# Body-map rules: (minimum WPI regions, points to central). ACR 2016: WPI 7+ is widespread;
# 4-6 counts with high symptom severity.
WPI_CENTRAL = ((7, 5), (4, 3))
LOCALISED_PERIPHERAL = 2  # one or two regions: Smart nociceptive "localised to the area"
GLOVE_AND_STOCKING = 3  # hands and feet together
HANDS_OR_FEET_ONLY = 1


def urgency_for(red_flags) -> str | None:
    """`emergency`, `urgent` or None for a list of red-flag answer codes."""
    flags = [flag for flag in red_flags or [] if flag != "none"]
    if not flags:
        return None
    return "emergency" if any(flag in contract.EMERGENCY_FLAGS for flag in flags) else "urgent"


def level_for(score: int, acute: bool = False, type_code: str = "") -> str:
    if score >= HIGH and not (acute and type_code in ACUTE_TYPES):
        return "high"
    if score >= MODERATE:
        return "moderate"
    return "low"


def _item_points(item: ItemSpec, value, type_code: str) -> list[Reason]:
    """The points one answer gives one type, as reasons (positive and negative)."""
    if item.kind == "single":
        option = item.options_by_code.get(value)
        points = option.weights.get(type_code, 0) if option else 0
        return [Reason(item.code, value, points)] if points else []
    if item.kind == "multi":
        reasons = []
        for code in value:
            option = item.options_by_code.get(code)
            points = option.weights.get(type_code, 0) if option else 0
            if points:
                reasons.append(Reason(item.code, code, points))
        positive = sorted((r for r in reasons if r.points > 0), key=lambda r: -r.points)
        counted = MULTI_COUNTED.get(item.code, MULTI_COUNTED_DEFAULT)
        return positive[:counted] + [r for r in reasons if r.points < 0]
    return []


def _item_max(item: ItemSpec, type_code: str) -> float:
    """The most points an item can give a type: what "every feature" would score."""
    positive = sorted(
        (o.weights.get(type_code, 0) for o in item.options if o.weights.get(type_code, 0) > 0),
        reverse=True,
    )
    if not positive:
        return 0
    if item.kind == "multi":
        return sum(positive[: MULTI_COUNTED.get(item.code, MULTI_COUNTED_DEFAULT)])
    return positive[0]


def _body_map_reasons(regions) -> dict[str, list[Reason]]:
    regions = set(regions or ())
    wpi = len(regions & WPI_REGIONS)
    found: dict[str, list[Reason]] = {code: [] for code in TYPES}
    for minimum, points in WPI_CENTRAL:
        if wpi >= minimum:
            found["central"].append(Reason("body_regions", f"wpi_{wpi}", points))
            break
    if 1 <= wpi <= 2:
        found["peripheral"].append(Reason("body_regions", f"wpi_{wpi}", LOCALISED_PERIPHERAL))
    if {"hands", "feet"} <= regions:
        found["neuropathic"].append(Reason("body_regions", "hands_and_feet", GLOVE_AND_STOCKING))
    elif "hands" in regions or "feet" in regions:
        which = "hands" if "hands" in regions else "feet"
        found["neuropathic"].append(Reason("body_regions", which, HANDS_OR_FEET_ONLY))
    return found


BODY_MAP_MAX = {
    "central": WPI_CENTRAL[0][1],
    "peripheral": LOCALISED_PERIPHERAL,
    "neuropathic": GLOVE_AND_STOCKING,
    "stress_driven": 0,
}


def type_scores(spec: QuestionnaireSpec, answers: dict) -> dict[str, TypeResult]:
    """The four type scores, before any acute adjustment, with their reasons."""
    shown = [
        item for item in spec.items if item.code != contract.RED_FLAGS and is_shown(item, answers)
    ]
    acute = contract.is_acute(answers)
    body_map = _body_map_reasons(answers.get("body_regions"))
    results = {}
    for type_code in TYPES:
        reasons: list[Reason] = []
        maximum = 0.0
        for item in shown:
            answered = item.code in answers
            maximum += _item_max(item, type_code) * (1 if answered else SKIPPED_WEIGHT)
            if answered:
                reasons += _item_points(item, answers[item.code], type_code)
        if "body_regions" in spec.by_code:
            answered = "body_regions" in answers
            maximum += BODY_MAP_MAX[type_code] * (1 if answered else SKIPPED_WEIGHT)
            reasons += body_map[type_code]
        points = sum(reason.points for reason in reasons)
        value = 100 * points / maximum if maximum else 0
        if acute and type_code in ACUTE_TYPES:
            value *= ACUTE_FACTOR
        value = int(round(min(100, max(0, value))))
        # Only answers that added to a score explain it; a score of 0 has no reasons.
        because = (
            tuple(sorted((r for r in reasons if r.points > 0), key=lambda r: -r.points)[:5])
            if value
            else ()
        )
        results[type_code] = TypeResult(
            code=type_code,
            score=value,
            level=level_for(value, acute, type_code),
            because=because,
        )
    return results


def primary_types(types: dict[str, TypeResult], urgency: str | None = None) -> tuple[str, ...]:
    """The leading type, then any type close enough to call the picture mixed.

    Empty for an emergency, and when no type reaches moderate.
    """
    if urgency == "emergency":
        return ()
    ranked = sorted(TYPES, key=lambda code: (-types[code].score, TYPES.index(code)))
    leader = types[ranked[0]]
    if leader.level == "low":
        return ()
    mixed = [
        code
        for code in ranked[1:]
        if types[code].level == "high"
        or (types[code].level == "moderate" and leader.score - types[code].score <= MIXED_MARGIN)
    ]
    return (leader.code, *mixed)


def notes_for(answers: dict, acute: bool) -> tuple[Note, ...]:
    """Plain notes for the person and their clinician that no score carries."""
    notes = []
    conditions = set(answers.get("conditions") or ())
    medications = set(answers.get("medications") or ())
    if acute:
        notes.append(
            Note(
                "acute",
                "Your pain began less than 3 months ago. Recent pain often settles as "
                "tissues heal, so the central, stress-driven and nerve features are less "
                "certain this early.",
            )
        )
    if answers.get("morning_stiffness") == "over_30_min":
        notes.append(
            Note(
                "morning_stiffness",
                "Morning stiffness lasting more than 30 minutes: ask a clinician whether "
                "an inflammatory arthritis should be checked.",
            )
        )
    if answers.get("opioid_duration") == "gt_3_months":
        notes.append(
            Note(
                "opioid_hyperalgesia",
                "Opioids taken for more than 3 months can make the nervous system more "
                "sensitive to pain (opioid-induced hyperalgesia). Do not stop or change "
                "them on your own: talk to your prescriber.",
            )
        )
    if answers.get("opioid_taper") == "yes":
        notes.append(
            Note(
                "opioid_taper",
                "Pain often flares for a while during an opioid taper. A slow taper with "
                "support for the nervous system helps; see the question about tapering.",
            )
        )
    if "nsaids_regular" in medications:
        notes.append(
            Note(
                "nsaids_gut",
                "Taking anti-inflammatory painkillers most days can harm the stomach and "
                "gut lining over time. Ask your clinician or pharmacist about this.",
            )
        )
    if "disc_or_spine_finding" in conditions:
        notes.append(
            Note(
                "imaging",
                "Disc and spine findings on scans are very common in people with no pain "
                "at all. A finding may not be what is driving your pain.",
            )
        )
    if "alcohol_heavy" in conditions:
        notes.append(
            Note(
                "alcohol_nerves",
                "Drinking a lot of alcohol over time can damage nerves. Cutting down, with "
                "support if you need it, helps most; ask your clinician to check your "
                "vitamin levels (B1 and B12) before taking supplements.",
            )
        )
    if {"diabetes", "prediabetes", "b12_low", "chemotherapy", "alcohol_heavy"} & conditions and (
        {"feet", "hands"} & set(answers.get("body_regions") or ())
    ):
        notes.append(
            Note(
                "neuropathy_cause",
                "Nerve pain in the hands or feet has several possible causes. Ask your "
                "clinician whether its cause has been fully checked.",
            )
        )
    return tuple(notes)


def score(spec: QuestionnaireSpec, answers: dict, rulebook=CAUTIONS) -> MapResult:
    """Score one person's answers (already cleaned, hidden branches already dropped).

    `rulebook` is the caution table: cautions.CAUTIONS, or the editors' table from the database
    (spec_loader.rulebook(), completed with the contract cautions).
    """
    red_flags = tuple(flag for flag in answers.get(contract.RED_FLAGS) or () if flag != "none")
    urgency = urgency_for(red_flags)
    acute = contract.is_acute(answers)
    types = type_scores(spec, answers)
    suggestions = () if urgency else suggest(types, answers, rulebook)
    return MapResult(
        questionnaire=str(spec.version),
        primary=primary_types(types, urgency),
        types=types,
        acute=acute,
        urgency=urgency,
        red_flags=red_flags,
        crisis=contract.is_crisis(answers),
        suggestions=suggestions,
        notes=notes_for(answers, acute),
        medicine_cautions=medicine_cautions(answers, rulebook),
        measures=measures_for(answers),
    )


def result_for(spec: QuestionnaireSpec, answers: dict, rulebook=CAUTIONS) -> MapResult:
    """The MAP result of stored answers: only the answers on branches that still apply count.

    The one way in: the site, the workbench's test bench and `manage.py map_score` all score
    through this, so the same answers give the same result wherever they come from.
    """
    return score(spec, relevant_answers(spec, answers), rulebook)
