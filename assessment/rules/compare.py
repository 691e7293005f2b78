"""What changes between two results of the same answers: for the test bench and re-scoring.

Plain functions of two `MapResult.to_dict()`/record objects, so a clinical lead sees, before
publishing, exactly which stories or past assessments a change of weights or rules would move.
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of change, in the order a clinician weighs them.
URGENCY = "urgency"
LEADING = "leading type"
CAUTIONS = "cautions"
SUGGESTIONS = "suggestions"
SCORES = "scores"
KINDS = (URGENCY, LEADING, CAUTIONS, SUGGESTIONS, SCORES)


def _cautions(result: dict) -> list:
    riding = sorted(
        (s["slug"], tuple(s.get("cautions", ()))) for s in result.get("suggestions", ())
    )
    return [riding, sorted(result.get("medicine_cautions", ()))]


def _scores(result: dict) -> dict:
    return {code: part["score"] for code, part in (result.get("types") or {}).items()}


def changes(old: dict, new: dict) -> tuple[str, ...]:
    """The kinds of change from `old` to `new`, in KINDS order (empty: the same result)."""
    found = set()
    if old.get("urgency") != new.get("urgency"):
        found.add(URGENCY)
    if list(old.get("primary") or ())[:1] != list(new.get("primary") or ())[:1]:
        found.add(LEADING)
    if _cautions(old) != _cautions(new):
        found.add(CAUTIONS)
    if [s["slug"] for s in old.get("suggestions", ())] != [
        s["slug"] for s in new.get("suggestions", ())
    ]:
        found.add(SUGGESTIONS)
    if _scores(old) != _scores(new):
        found.add(SCORES)
    return tuple(kind for kind in KINDS if kind in found)


@dataclass(frozen=True)
class ScoreShift:
    type: str
    old: int
    new: int

    @property
    def delta(self) -> int:
        return self.new - self.old


def score_shifts(old: dict, new: dict) -> list[ScoreShift]:
    """Each type whose score moved, with its old and new score."""
    before, after = _scores(old), _scores(new)
    return [
        ScoreShift(code, before[code], after[code])
        for code in after
        if code in before and before[code] != after[code]
    ]
