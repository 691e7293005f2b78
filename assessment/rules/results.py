"""The shape of a MAP result: what scoring returns and every page, print and export reads."""

from __future__ import annotations

from dataclasses import dataclass, field

SCORING_VERSION = "map-scoring-2"


@dataclass(frozen=True)
class Reason:
    """One answer that moved a score: `item=answer` and how many points it gave.

    For the body-map rules `answer` is `wpi_<n>` (n of the 19 regions), `hands_and_feet`,
    `hands` or `feet`.
    """

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
    medicine_cautions: tuple[str, ...] = ()  # codes from cautions.MEDICINE_CAUTIONS
    measures: dict = field(default_factory=dict)  # peg, phq2, gad2, wpi: a value or None
    scoring_version: str = SCORING_VERSION

    @property
    def urgent(self) -> bool:
        return self.urgency is not None

    @property
    def mixed(self) -> bool:
        return len(self.primary) > 1

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
            "medicine_cautions": list(self.medicine_cautions),
            "measures": dict(self.measures),
            "notes": [str(note.text) for note in self.notes],
        }
