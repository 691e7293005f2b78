"""What the "How MAP works" page shows: the live rules and weights, never a copy of them.

Built from the published questionnaire's spec, the constants in scoring.py and
suggestions.py and the caution rulebook (cautions.py), so the page cannot drift from what the
scoring does.
"""

from dataclasses import dataclass

from ..rules import cautions, measures, scoring, suggestions
from ..rules.codes import EMERGENCY_FLAGS
from ..rules.labels import TYPE_SHORT_NAMES
from ..rules.spec import TYPES, QuestionnaireSpec


@dataclass(frozen=True)
class WeightRow:
    question: str
    answer: str
    points: int


def weight_rows(spec: QuestionnaireSpec) -> dict[str, list[WeightRow]]:
    """For each type, every answer that moves it, strongest first."""
    rows: dict[str, list[WeightRow]] = {code: [] for code in TYPES}
    for item in spec.items:
        for option in item.options:
            for type_code, points in option.weights.items():
                if type_code in rows and points:
                    rows[type_code].append(WeightRow(item.wording, option.label, points))
    for type_rows in rows.values():
        type_rows.sort(key=lambda row: -row.points)
    return rows


@dataclass(frozen=True)
class MeasureItemWeights:
    code: str
    question: str
    answers: tuple[tuple[str, str], ...]  # (answer label, "stress-driven +1, central +1")
    reason: str


def measure_item_weights(spec: QuestionnaireSpec) -> list[MeasureItemWeights]:
    """The PHQ-2 and GAD-2 items of this version, their live weights and why they weigh that.

    The weights come from the spec (the data the scoring reads); only the reason is prose, from
    measures.WEIGHT_REASONS.
    """
    rows = []
    for item in spec.items:
        if item.code not in measures.WEIGHT_REASONS:
            continue
        answers = tuple(
            (
                option.label,
                ", ".join(
                    f"{str(TYPE_SHORT_NAMES.get(code, code)).lower()} {points:+d}"
                    for code, points in option.weights.items()
                    if points
                )
                or "0",
            )
            for option in item.options
        )
        rows.append(
            MeasureItemWeights(
                item.code, item.wording, answers, str(measures.WEIGHT_REASONS[item.code])
            )
        )
    return rows


def how_it_works_context(spec: QuestionnaireSpec | None, rulebook=cautions.CAUTIONS) -> dict:
    return {
        "spec": spec,
        "type_names": TYPE_SHORT_NAMES,
        "weights": weight_rows(spec) if spec else {},
        "measure_weights": measure_item_weights(spec) if spec else [],
        "measures": measures.MEASURES,
        "high": scoring.HIGH,
        "moderate": scoring.MODERATE,
        "mixed_margin": scoring.MIXED_MARGIN,
        "skipped_percent": int(scoring.SKIPPED_WEIGHT * 100),
        "acute_percent": int(scoring.ACUTE_FACTOR * 100),
        "wpi_wide": scoring.WPI_CENTRAL[0],
        "wpi_some": scoring.WPI_CENTRAL[1],
        "localised_points": scoring.LOCALISED_PERIPHERAL,
        "glove_points": scoring.GLOVE_AND_STOCKING,
        "hands_or_feet_points": scoring.HANDS_OR_FEET_ONLY,
        "multi_counted": scoring.MULTI_COUNTED,
        "emergency_flags": EMERGENCY_FLAGS,
        "max_suggestions": suggestions.MAX_SUGGESTIONS,
        "suggestion_cautions": [c for c in rulebook if c.kind == "suggestion"],
        "medicine_cautions": [c for c in rulebook if c.kind == "medicine"],
        "scoring_version": scoring.SCORING_VERSION,
    }
