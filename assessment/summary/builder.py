"""The clinician summary as data: what a clinician reads in sixty seconds, in reading order.

`build_summary` is a plain function of the questionnaire spec, the stored answers, the scoring
result and the suggestions already paired with their cautions; it never touches the request or renders HTML, so the web page, the
PDF and the tests all read the same object. The toolkit suggestions come from
`presenters.toolkit_suggestions`, which pairs each suggestion with its cautions through the same function
the results page uses, so a caution shown there is shown on the summary and the PDF too.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from ..rules import flow, safety
from ..rules.cautions import BY_CODE
from ..rules.codes import RED_FLAGS, SELF_HARM, WPI_REGIONS
from ..rules.labels import LEVEL_NAMES, TYPE_CLINICIAN_NAMES
from ..rules.measures import (
    MEASURES_BY_CODE,
    PEG_MEANINGFUL_CHANGE,
    SCREENS,
    peg_meaningful_change,
    screens_positive,
)
from ..rules.scoring import SCORING_VERSION, MapResult
from ..rules.spec import TYPES, ItemSpec, QuestionnaireSpec

# Hands and feet are asked too, but they are not Widespread Pain Index regions, so they are
# counted separately.
NON_WPI_REGIONS = ("hands", "feet")

# Items with a summary block of their own; every item also appears in the full answer list.
NOTES_ITEM = "notes_for_clinician"

URGENCY_NAMES = {
    "emergency": _(
        "Emergency: advised to call emergency services or go to an emergency department now"
    ),
    "urgent": _("Urgent: advised to see a clinician within a day or two"),
    # Fever or feeling very unwell with the pain: the person was told the same day.
    safety.SAME_DAY: _("Urgent: advised to get medical advice the same day"),
}

# Short clinical names for the MAP items, so the answer list reads quickly. The person saw the
# plain-language question (in the FHIR Questionnaire); an item an editor adds later shows its
# question wording instead.
CLINICAL_LABELS = {
    "red_flags": _("Red-flag screen"),
    "duration": _("Duration"),
    "intensity": _("Average intensity, past week (0–10)"),
    "interference_enjoyment": _("Interference with enjoyment, past week (0–10)"),
    "interference_activity": _("Interference with activity, past week (0–10)"),
    "body_regions": _("Painful regions"),
    "pain_spread": _("Spread"),
    "movement_link": _("Mechanical pattern"),
    "proportionality": _("Proportionate to injury"),
    "descriptors": _("Descriptors"),
    "touch_sensitivity": _("Touch-evoked pain (allodynia)"),
    "swelling": _("Swelling, warmth or redness"),
    "morning_stiffness": _("Morning stiffness"),
    "sensory_sensitivity": _("Sensory hypersensitivity"),
    "sleep_quality": _("Sleep quality"),
    "fatigue": _("Fatigue"),
    "cognitive": _("Cognitive symptoms"),
    "other_symptoms": _("Other symptoms"),
    "activity_level": _("Activity level"),
    "processed_food": _("Processed food in diet"),
    "stress_level": _("Stress, past month"),
    "stress_pain_link": _("Pain worse with stress"),
    "little_interest": _("Little interest or pleasure, past 2 weeks"),
    "mood": _("Low mood or anhedonia, past 2 weeks"),
    "nervous": _("Nervous, anxious or on edge, past 2 weeks"),
    "uncontrolled_worry": _("Cannot stop or control worrying, past 2 weeks"),
    "self_harm": _("Thoughts of self-harm, past 2 weeks"),
    "worry": _("Worries pain will never improve"),
    "fear_of_movement": _("Believes activity is unsafe"),
    "adverse_experiences": _("Adverse experiences still affecting them"),
    "social_support": _("Social support"),
    "conditions": _("Conditions"),
    "medications": _("Medications"),
    "opioid_duration": _("Opioid use duration"),
    "opioid_taper": _("Wants to taper opioids"),
    "surgery": _("Surgery for this pain"),
    NOTES_ITEM: _("Notes for the clinician"),
}


def reference_for(key: str) -> str:
    """A short, non-secret reference printed on the summary, e.g. ``PM-K3QX7A``.

    It is the first six characters of a SHA-256 hash of the assessment key: it lets a clinician
    and a patient talk about the same printout, but it cannot be turned back into the key (or
    the resume code), so it opens nothing. It is not unique by design and is never looked up.
    """
    digest = hashlib.sha256(key.encode()).digest()
    return "PM-" + base64.b32encode(digest).decode()[:6]


# The summary view-model ------------------------------------------------------------------


@dataclass(frozen=True)
class TypeRow:
    code: str
    name: str
    score: int
    level: str
    level_name: str
    leading: bool
    because: tuple[str, ...]


@dataclass(frozen=True)
class AnswerRow:
    code: str
    label: str
    value: str  # empty when not provided
    provided: bool
    status: str = flow.ANSWERED  # flow.ANSWERED, SKIPPED, NOT_ASKED or NOT_REACHED


@dataclass(frozen=True)
class SectionRows:
    code: str
    title: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class MeasureRow:
    code: str
    name: str
    value: str  # "7.0/10", "3/6"; "" when not answered (a skipped item): never 0
    positive: bool  # PHQ-2 or GAD-2 at or over the published cut-off
    reading: str  # the published cut-off, or what a meaningful PEG change is


# The published reading of each measure, in one line for the clinician.
MEASURE_READINGS = {
    "phq2": _("Positive screen at 3 or more of 6: assess further (e.g. PHQ-9)."),
    "gad2": _("Positive screen at 3 or more of 6: assess further (e.g. GAD-7)."),
}
PEG_READING = _(
    "0-10: mean of pain, interference with enjoyment and with activity (past week). A "
    "%(percent)s%% fall is a meaningful improvement."
)
PEG_TARGET = _("From %(value)s, that is %(target)s or lower.")


def _measure_rows(spec: QuestionnaireSpec, result: MapResult) -> tuple[MeasureRow, ...]:
    rows = []
    for code in SCREENS:
        measure = MEASURES_BY_CODE[code]
        if not all(item in spec.by_code for item in measure.items):
            continue  # a version that does not ask it (version 1)
        value = result.measures.get(code)
        if code == "peg":
            reading = str(PEG_READING) % {"percent": round(PEG_MEANINGFUL_CHANGE * 100)}
            if value is not None:
                reading += " " + str(PEG_TARGET) % {
                    "value": f"{value:.1f}",
                    "target": f"{peg_meaningful_change(value):.1f}",
                }
            shown = f"{value:.1f}/10" if value is not None else ""
        else:
            reading = str(MEASURE_READINGS[code])
            shown = f"{value}/{measure.maximum}" if value is not None else ""
        rows.append(
            MeasureRow(
                code=code,
                name=measure.name,
                value=shown,
                positive=screens_positive(code, value),
                reading=str(reading),
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class Summary:
    reference: str
    date: datetime | None
    complete: bool
    questionnaire_version: int
    questionnaire_label: str
    scoring_version: str
    # Safety first
    urgency: str | None
    urgency_text: str
    red_flags: tuple[str, ...]  # labels of the flags reported
    red_flags_answered: bool
    crisis: bool
    self_harm: str  # the answer label, or "" when not provided
    self_harm_declined: bool  # "I would rather not say": the clinician is asked to ask
    # Profile
    acute: bool
    leading: tuple[str, ...]  # type names
    types: tuple[TypeRow, ...]
    measures: tuple[MeasureRow, ...]
    # Pain
    duration: str
    intensity: int | None
    wpi_count: int
    wpi_regions: tuple[str, ...]
    other_regions: tuple[str, ...]
    marked_regions: tuple[str, ...]  # region codes, for the body diagram
    pain_spread: str
    # Medicines and conditions
    medications: tuple[str, ...]
    conditions: tuple[str, ...]
    # How each page-1 question stands (flow.ANSWERED, SKIPPED, NOT_REACHED): an empty list
    # means "none" only when it was answered.
    medications_status: str
    conditions_status: str
    body_regions_status: str
    answer_cautions: tuple[str, ...]
    # Scoring notes, suggestions, the person's own words and every answer
    notes: tuple[str, ...]
    suggestions: tuple  # presenters.SuggestionView: item, cautions, because
    clinician_notes: str
    sections: tuple[SectionRows, ...]
    not_provided: int  # skipped + not reached
    skipped: int  # questions the person chose to skip (free text left empty not counted)
    not_reached: int

    @property
    def has_not_asked(self) -> bool:
        return any(
            row.status == flow.NOT_ASKED for section in self.sections for row in section.rows
        )

    @property
    def caution_texts(self) -> list[str]:
        return [caution.text for view in self.suggestions for caution in view.cautions]


def _labels(item: ItemSpec | None, value) -> list[str]:
    """The answer labels of a stored value, in the item's own order."""
    if item is None or value is None:
        return []
    if item.kind in ("single", "multi"):
        codes = value if isinstance(value, list) else [value]
        return [
            item.options_by_code[code].label if code in item.options_by_code else str(code)
            for code in codes
        ]
    return [str(value)]


def display_value(item: ItemSpec, value) -> str:
    """One answer as plain text; "" for not provided."""
    if value is None or value == "" or value == []:
        return ""
    if item.kind == "number":
        if item.code == "intensity" or (item.min_value == 0 and item.max_value == 10):
            return f"{value}/10"
        return str(value)
    return "; ".join(_labels(item, value))


def item_label(item: ItemSpec) -> str:
    return str(CLINICAL_LABELS.get(item.code, item.wording))


def _reason_text(spec: QuestionnaireSpec, reason) -> str:
    item = spec.by_code.get(reason.item)
    if item is None:
        return f"{reason.item}: {reason.answer}"
    answer = str(reason.answer)
    # The body-map rules give reasons that are not answer codes (scoring.py, results.py).
    if item.code == "body_regions" and answer.startswith("wpi_"):
        return _("%(count)s of 19 WPI regions") % {"count": answer.removeprefix("wpi_")}
    if item.code == "body_regions" and answer == "hands_and_feet":
        return str(_("Pain in hands and feet (glove and stocking)"))
    if item.kind in ("single", "multi"):
        option = item.options_by_code.get(reason.answer)
        answer = option.label if option else reason.answer
    else:
        answer = display_value(item, reason.answer)
    return f"{item_label(item)}: {answer}"


def _grouped_reasons(spec: QuestionnaireSpec, reasons) -> tuple[str, ...]:
    """Reasons in plain words, with answers to the same question joined:
    "Descriptors: Burning, Tingling" rather than two lines."""
    grouped: dict[str, list[str]] = {}
    for reason in reasons:
        label, _sep, answer = _reason_text(spec, reason).partition(": ")
        grouped.setdefault(label, [])
        if answer:
            grouped[label].append(answer)
    return tuple(
        f"{label}: {', '.join(answers)}" if answers else label for label, answers in grouped.items()
    )


def build_summary(
    spec: QuestionnaireSpec,
    stored: Mapping[str, object],
    result: MapResult,
    suggestions=(),
    *,
    reference: str,
    date: datetime | None = None,
    complete: bool = True,
    medicine_cautions=None,
) -> Summary:
    """Everything the clinician summary shows, from the stored answers (None = skipped).

    Answers on branches that do not apply are left out everywhere, as scoring leaves them out.
    """
    relevant = flow.relevant_answers(spec, dict(stored))
    items = spec.by_code

    def labels(code: str) -> list[str]:
        return _labels(items.get(code), relevant.get(code))

    red_flags = tuple(
        items[RED_FLAGS].options_by_code[code].label
        if RED_FLAGS in items and code in items[RED_FLAGS].options_by_code
        else code
        for code in result.red_flags
    )
    regions = relevant.get("body_regions") or []
    wpi = [code for code in WPI_REGIONS if code in regions]
    other = [code for code in NON_WPI_REGIONS if code in regions]
    region_item = items.get("body_regions")

    def region_labels(codes):
        return tuple(_labels(region_item, codes)) if region_item else tuple(codes)

    medications = [
        label
        for label, code in zip(
            labels("medications"), relevant.get("medications") or [], strict=False
        )
        if code != "none"
    ]
    conditions = [
        label
        for label, code in zip(labels("conditions"), relevant.get("conditions") or [], strict=False)
        if code != "none"
    ]
    # The person's own medicine-and-condition cautions, in the rulebook's clinician words.
    # The caution table's clinician lines (presenters.medicine_caution_views), or the built-in
    # rulebook's when called without the database.
    if medicine_cautions is None:
        answer_cautions = tuple(str(BY_CODE[c].clinician) for c in result.medicine_cautions)
    else:
        answer_cautions = tuple(view.text for view in medicine_cautions)

    # No pain type or score while emergency care is needed (ITEMS.md: emergency ends the journey).
    profile = safety.shows_profile(result.urgency)
    types = tuple(
        TypeRow(
            code=code,
            name=str(TYPE_CLINICIAN_NAMES.get(code, code)),
            score=part.score,
            level=part.level,
            level_name=str(LEVEL_NAMES.get(part.level, part.level)),
            leading=code in result.primary,
            because=_grouped_reasons(spec, part.because),
        )
        for code in TYPES
        if profile and (part := result.types.get(code)) is not None
    )

    stored = dict(stored)

    def status(code: str) -> str:
        item = items.get(code)
        return flow.answer_status(item, stored) if item else flow.NOT_ASKED

    sections: list[SectionRows] = []
    counts = {flow.SKIPPED: 0, flow.NOT_REACHED: 0}
    # Every item, those on branches that did not apply too: "not asked" is not "skipped".
    for item in spec.items:
        if item.code == NOTES_ITEM:
            continue  # shown in full in its own block
        value = relevant.get(item.code)
        text = display_value(item, value)
        if item.code == "body_regions" and value:
            text = "; ".join(region_labels(wpi) + region_labels(other))
        item_status = flow.answer_status(item, stored)
        if item_status in counts and item.kind != "text":
            counts[item_status] += 1
        row = AnswerRow(
            code=item.code,
            label=item_label(item),
            value=text,
            provided=bool(text),
            status=item_status,
        )
        if sections and sections[-1].code == item.section:
            sections[-1] = SectionRows(item.section, item.section_title, (*sections[-1].rows, row))
        else:
            sections.append(SectionRows(item.section, item.section_title, (row,)))

    return Summary(
        reference=reference,
        date=date,
        complete=complete,
        questionnaire_version=spec.version,
        questionnaire_label=spec.label,
        scoring_version=result.scoring_version or SCORING_VERSION,
        urgency=result.urgency,
        urgency_text=str(
            URGENCY_NAMES.get(safety.care_level(result.red_flags), "")
            or URGENCY_NAMES.get(result.urgency, "")
        )
        if result.urgency
        else "",
        red_flags=red_flags,
        red_flags_answered=RED_FLAGS in relevant,
        crisis=result.crisis,
        self_harm=", ".join(labels(SELF_HARM)),
        self_harm_declined=relevant.get(SELF_HARM) == safety.DECLINED_ANSWER,
        acute=result.acute,
        leading=tuple(
            str(TYPE_CLINICIAN_NAMES.get(code, code)) for code in result.primary if profile
        ),
        types=types,
        measures=_measure_rows(spec, result) if profile else (),
        duration=", ".join(labels("duration")),
        intensity=relevant.get("intensity"),
        wpi_count=len(wpi),
        wpi_regions=region_labels(wpi),
        other_regions=region_labels(other),
        marked_regions=tuple(wpi + other),
        pain_spread=", ".join(labels("pain_spread")),
        medications=tuple(medications),
        conditions=tuple(conditions),
        medications_status=status("medications"),
        conditions_status=status("conditions"),
        body_regions_status=status("body_regions"),
        answer_cautions=answer_cautions,
        notes=tuple(note.text for note in result.notes),
        suggestions=tuple(suggestions),
        clinician_notes=str(relevant.get(NOTES_ITEM) or ""),
        sections=tuple(sections),
        not_provided=counts[flow.SKIPPED] + counts[flow.NOT_REACHED],
        skipped=counts[flow.SKIPPED],
        not_reached=counts[flow.NOT_REACHED],
    )
