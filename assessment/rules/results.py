"""The shape of a MAP result: what scoring returns and every page, print and export reads.

A completed assessment keeps its result as a record (`to_record`): the `map_score` object
plus the detail the pages need (each reason's points, each suggestion's fit and reasons, each
note's code). Every page and export of a completed assessment reads that record back with
`from_record`, so a later change to the rules never silently changes what a person was told.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCORING_VERSION = "map-scoring-2"
# The shape of a stored result record (MapResult.to_record).
RECORD_FORMAT = 1


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

    def to_record(self) -> dict:
        """What an assessment stores at completion: `to_dict()` plus the detail to rebuild it.

        Exports and insight read the `to_dict()` keys straight from the database.
        """
        return {
            **self.to_dict(),
            "record": RECORD_FORMAT,
            "detail": {
                "because": {
                    code: [_reason(r) for r in part.because] for code, part in self.types.items()
                },
                "suggestions": [
                    {
                        "slug": s.slug,
                        "cautions": list(s.cautions),
                        "fit": s.fit,
                        "reasons": [_reason(r) for r in s.reasons],
                    }
                    for s in self.suggestions
                ],
                "notes": [[note.code, str(note.text)] for note in self.notes],
            },
        }

    @classmethod
    def from_record(cls, record: dict) -> MapResult:
        """The result exactly as stored; a record from before RECORD_FORMAT keeps what it has."""
        detail = record.get("detail") or {}
        because = detail.get("because") or {}

        def reasons(rows):
            return tuple(Reason(item, answer, points) for item, answer, points in rows)

        def legacy_reason(text):
            item, _, answer = str(text).partition("=")
            return Reason(item, answer, 0)

        types = {
            code: TypeResult(
                code=code,
                score=part["score"],
                level=part["level"],
                because=reasons(because[code])
                if code in because
                else tuple(legacy_reason(text) for text in part.get("because", ())),
            )
            for code, part in record["types"].items()
        }
        if "suggestions" in detail:
            suggestions = tuple(
                Suggestion(s["slug"], tuple(s["cautions"]), s["fit"], reasons(s["reasons"]))
                for s in detail["suggestions"]
            )
        else:
            suggestions = tuple(
                Suggestion(s["slug"], tuple(s.get("cautions", ()))) for s in record["suggestions"]
            )
        if "notes" in detail:
            notes = tuple(Note(code, text) for code, text in detail["notes"])
        else:
            notes = tuple(Note("", text) for text in record.get("notes", ()))
        return cls(
            questionnaire=str(record.get("questionnaire", "")),
            primary=tuple(record.get("primary", ())),
            types=types,
            acute=bool(record.get("acute")),
            urgency=record.get("urgency"),
            red_flags=tuple(record.get("red_flags", ())),
            crisis=bool(record.get("crisis")),
            suggestions=suggestions,
            notes=notes,
            medicine_cautions=tuple(record.get("medicine_cautions", ())),
            measures=dict(record.get("measures") or {}),
            scoring_version=record.get("scoring", "map-scoring-1"),
        )


def _reason(reason: Reason) -> list:
    return [reason.item, reason.answer, reason.points]
