"""The published scale for how strong the evidence behind a claim is: the one place its words live.

Editors grade each toolkit item, and each article's key claim, on this scale. The public
"How strong is the evidence?" page, the toolkit pages, the results, the clinician summary, the
PDF and the FHIR export all read the label and definition from here, so a change of wording
reaches every output at once. Plain data, no ORM and no HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Grade:
    code: str
    label: object  # lazy translated string
    # What sort of evidence earns the grade, for clinicians and editors.
    definition: object
    # What the grade means for the person deciding, in plain words.
    meaning: object
    rank: int  # higher is stronger; used to sort and to draw the "n of 4" marker

    @property
    def meter(self) -> str:
        """Filled and empty dots, n of 4: a shape cue beside the word, never instead of it."""
        return "\u25cf" * self.rank + "\u25cb" * (MAX_RANK - self.rank)


SCALE = (
    Grade(
        "strong",
        _("Strong"),
        _(
            "Several good-quality trials agree, pooled in systematic reviews, or a national "
            "guideline recommends it for this use."
        ),
        _("Well tested. It helps many people, though not everyone, and not always by much."),
        4,
    ),
    Grade(
        "moderate",
        _("Moderate"),
        _(
            "Some good trials show a benefit, but the results vary, the benefit is small or "
            "the trials are few. New research could change the picture."
        ),
        _("Reasonably tested. Worth trying, and worth reviewing whether it helps you."),
        3,
    ),
    Grade(
        "limited",
        _("Limited"),
        _(
            "Small or early trials, or evidence borrowed from a related condition, a different "
            "way of giving it, or laboratory studies."
        ),
        _(
            "Promising, not proven. Try it with your clinician's advice, and stop if it does not help."
        ),
        2,
    ),
    Grade(
        "expert_opinion",
        _("Expert opinion"),
        _(
            "Based on how the body works and on clinical experience, but not yet tested in "
            "trials for this use."
        ),
        _("A reasoned idea that has not been put to the test for this use."),
        1,
    ),
)

BY_CODE = {grade.code: grade for grade in SCALE}
CODES = tuple(grade.code for grade in SCALE)
CHOICES = [(grade.code, grade.label) for grade in SCALE]
MAX_RANK = max(grade.rank for grade in SCALE)


def grade(code: str) -> Grade | None:
    """The grade for a stored code, or None when the content has not been graded yet."""
    return BY_CODE.get(code or "")
