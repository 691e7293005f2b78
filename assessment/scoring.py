"""MAP scoring: answers in, a profile out. Plain Python: no ORM, no request, no templates.

API (stable; the web results page, the summary, exports and `map_score` all call `score`):

    result = score(spec, answers)      # spec: QuestionnaireSpec; answers: cleaned, relevant
    result.to_dict(id=...)             # the JSON object `map_score` prints (ITEMS.md contract)

STUB: the real rules land in the next commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .spec import TYPES, QuestionnaireSpec

SCORING_VERSION = "map-scoring-1"

EMERGENCY_FLAGS = ("bladder_bowel", "saddle_numbness", "progressive_weakness", "chest_pain")


@dataclass(frozen=True)
class Reason:
    """One answer that moved a score: `item=answer` and how many points it gave."""

    item: str
    answer: str
    points: float

    def __str__(self) -> str:
        return f"{self.item}={self.answer}"


@dataclass(frozen=True)
class TypeResult:
    code: str
    score: int  # 0-100
    level: str  # low, moderate, high
    because: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    slug: str
    cautions: tuple[str, ...] = ()  # caution codes: opioids, prescription, anticoagulant, ...
    fit: float = 0.0
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Note:
    code: str
    text: str


@dataclass(frozen=True)
class MapResult:
    questionnaire: str
    primary: tuple[str, ...]
    types: dict[str, TypeResult]
    acute: bool = False
    urgency: str | None = None
    red_flags: tuple[str, ...] = ()
    crisis: bool = False
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[Note, ...] = field(default_factory=tuple)
    scoring_version: str = SCORING_VERSION

    @property
    def urgent(self) -> bool:
        return self.urgency is not None

    def to_dict(self, id: str | None = None) -> dict:
        return {
            "id": id,
            "questionnaire": self.questionnaire,
            "scoring": self.scoring_version,
            "primary": list(self.primary),
            "types": {
                code: {
                    "score": part.score,
                    "level": part.level,
                    "because": [str(reason) for reason in part.because],
                }
                for code, part in self.types.items()
            },
            "acute": self.acute,
            "urgent": self.urgent,
            "urgency": self.urgency,
            "red_flags": list(self.red_flags),
            "crisis": self.crisis,
            "suggestions": [
                {"slug": s.slug, "cautions": list(s.cautions)} for s in self.suggestions
            ],
            "notes": [note.text for note in self.notes],
        }


def urgency_for(red_flags) -> str | None:
    flags = [flag for flag in red_flags or [] if flag != "none"]
    if not flags:
        return None
    return "emergency" if any(flag in EMERGENCY_FLAGS for flag in flags) else "urgent"


def score(spec: QuestionnaireSpec, answers: dict) -> MapResult:
    red_flags = tuple(f for f in answers.get("red_flags", []) if f != "none")
    types = {code: TypeResult(code=code, score=0, level="low") for code in TYPES}
    return MapResult(
        questionnaire=str(spec.version),
        primary=("peripheral",),
        types=types,
        urgency=urgency_for(red_flags),
        red_flags=red_flags,
        crisis=answers.get("self_harm") == "yes",
    )
