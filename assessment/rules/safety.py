"""Safety rules the pages and exports share: how soon to get care, and what an emergency hides.

Plain functions of answer codes; no ORM, no request. Which flags are an emergency is scoring's
rule (`scoring.urgency_for`); this module only refines "urgent" into how soon, and lists the
red-flag options for safety-netting from the questionnaire's own red-flag item, so the list a
person is told to watch for is always the list they were asked about.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .codes import CRISIS_ANSWER, RED_FLAGS
from .scoring import urgency_for
from .spec import QuestionnaireSpec

# Fever, chills or feeling very unwell with the pain can be an infection: the same day, not
# "within a day or two".
SAME_DAY_FLAGS = frozenset({"fever_unwell"})

EMERGENCY = "emergency"
SAME_DAY = "same_day"
SOON = "soon"


def care_level(red_flags) -> str | None:
    """How soon to get care for these red-flag codes: emergency, same_day, soon or None."""
    urgency = urgency_for(red_flags)
    if urgency is None:
        return None
    if urgency == EMERGENCY:
        return EMERGENCY
    return SAME_DAY if SAME_DAY_FLAGS & set(red_flags or ()) else SOON


def ends_journey(urgency: str | None) -> bool:
    """An emergency ends the journey: no more questions, no pain type, score or toolkit."""
    return urgency == EMERGENCY


def shows_profile(urgency: str | None) -> bool:
    """Whether a page or export of this assessment may name a pain type or show a score."""
    return not ends_journey(urgency)


# Self-harm answers that are offered the support page: `yes` (crisis support at once) and
# `prefer_not_to_say` (the same information, offered gently). `no` is offered nothing.
DECLINED_ANSWER = "prefer_not_to_say"
SUPPORT_ANSWERS = (CRISIS_ANSWER, DECLINED_ANSWER)


def support_page_due(answer, seen: str) -> bool:
    """Whether saving this self-harm answer leads to the support page.

    Until the person has moved on from that page for this answer, every save of it does, so a
    double click or a retried POST can never skip it; after that, never again for that answer.
    """
    return answer in SUPPORT_ANSWERS and seen != answer


@dataclass(frozen=True)
class SafetyNet:
    """New symptoms to act on, in the questionnaire's own words, by how soon."""

    emergency: tuple[str, ...]
    same_day: tuple[str, ...]
    soon: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.emergency or self.same_day or self.soon)


# Short clinical names of the contract's red flags, so the summary's safety-netting line fits
# the two printed pages; an option an editor added keeps its own label.
CLINICIAN_FLAG_NAMES = {
    "bladder_bowel": _("bladder or bowel dysfunction"),
    "saddle_numbness": _("saddle numbness"),
    "progressive_weakness": _("progressive limb weakness"),
    "chest_pain": _("chest pain or breathlessness"),
    "fever_unwell": _("fever or feeling very unwell"),
    "weight_loss": _("unexplained weight loss"),
    "cancer_history": _("cancer"),
    "major_trauma": _("significant trauma"),
    "night_pain_constant": _("constant night pain"),
}


def safety_net(spec: QuestionnaireSpec, clinician: bool = False) -> SafetyNet:
    """The red-flag options of this questionnaire version, by how soon each needs care (the
    same `care_level` the stop page uses), for "get help if any of these start". The person
    reads the questionnaire's own words; the clinician (`clinician=True`) the short names."""
    item = spec.by_code.get(RED_FLAGS)
    groups: dict[str, list[str]] = {EMERGENCY: [], SAME_DAY: [], SOON: []}
    for option in item.options if item is not None else ():
        level = care_level([option.code])
        if level is not None:
            name = CLINICIAN_FLAG_NAMES.get(option.code) if clinician else None
            groups[level].append(str(name or option.label))
    return SafetyNet(*(tuple(groups[level]) for level in (EMERGENCY, SAME_DAY, SOON)))
