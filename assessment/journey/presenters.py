"""View-models for MAP pages: answers, reasons and results in plain words, never codes.

Plain functions of the spec, the stored answers and a scoring result, so the wording rules
("your answers share features with…", never "you have…") are tested without a request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..rules.cautions import BY_CODE as CAUTIONS_BY_CODE
from ..rules.codes import RED_FLAGS
from ..rules.flow import SKIPPED, answer_status, relevant_answers, visible_items
from ..rules.labels import LEVEL_NAMES, LEVEL_WORDS, TYPE_NAMES, TYPE_PHRASES
from ..rules.measures import MEASURES_BY_CODE, SCREENS, screens_positive
from ..rules.scoring import MapResult, Reason
from ..rules.spec import TYPES, ItemSpec, QuestionnaireSpec
from .forms import scale_values


def type_phrase(code: str) -> str:
    return str(TYPE_PHRASES.get(code, code.replace("_", " ")))


def answer_text(item: ItemSpec, value) -> str:
    """An answer as the person chose it: option labels, a number on its scale, or text."""
    if value is None or value == "" or value == []:
        return _("Not provided")
    if item.kind == "multi":
        return ", ".join(option_label(item, code) for code in value)
    if item.kind == "single":
        return option_label(item, value)
    if item.kind == "number":
        if item.max_value is not None and scale_values(item):
            return _("%(value)s out of %(max)s") % {"value": value, "max": item.max_value}
        return str(value)
    return str(value)


def option_label(item: ItemSpec, code) -> str:
    option = item.options_by_code.get(str(code))
    return option.label if option else str(code).replace("_", " ")


@dataclass
class Row:
    item: ItemSpec
    value: str
    skipped: bool


@dataclass
class SectionRows:
    title: str
    rows: list[Row] = field(default_factory=list)


def scale_ends(item: ItemSpec) -> tuple[str, str]:
    """What the two ends of a 0-10 scale mean, each said once: "0: No pain".

    A label that already starts with its number ("0 No pain") is shown as it is, so a screen
    reader does not hear "0: 0 No pain".
    """

    def end(value, label, fallback) -> str:
        label = (label or str(fallback)).strip()
        return label if label.split(" ", 1)[0] == str(value) else f"{value}: {label}"

    return (
        end(item.min_value, item.min_label, _("lowest")),
        end(item.max_value, item.max_label, _("highest")),
    )


def check_answer_sections(spec: QuestionnaireSpec, answers: dict) -> list[SectionRows]:
    """The answers for check answers, grouped by section: only questions that apply."""
    sections: list[SectionRows] = []
    for item in visible_items(spec, answers):
        if not sections or sections[-1].title != item.section_title:
            sections.append(SectionRows(title=item.section_title))
        value = answers.get(item.code)
        sections[-1].rows.append(
            Row(item=item, value=answer_text(item, value), skipped=value in (None, "", []))
        )
    return sections


@dataclass
class StatusRow:
    item: ItemSpec
    value: str  # the answer in words; "" when there is none
    status: str  # flow.ANSWERED, SKIPPED, NOT_ASKED or NOT_REACHED


def answer_status_rows(spec: QuestionnaireSpec, answers: dict) -> list[StatusRow]:
    """Every question with its answer or why there is none: skipped, not asked (a branch that
    did not apply) and answered "none" are three different things."""
    relevant = relevant_answers(spec, answers)
    rows = []
    for item in spec.items:
        status = answer_status(item, answers)
        value = answer_text(item, relevant[item.code]) if item.code in relevant else ""
        rows.append(StatusRow(item=item, value=value, status=status))
    return rows


def skipped_count(rows: list[StatusRow]) -> int:
    """Questions the person chose to skip; an empty free-text box is not counted."""
    return sum(1 for row in rows if row.status == SKIPPED and row.item.kind != "text")


def because_line(spec: QuestionnaireSpec, reason: Reason) -> str:
    """One reason as one plain line: the question, then the answer that counted.

    “How long have you had this pain? Over a year.” The list it sits in already says these
    are the person's answers, so no line repeats “You said”, and the answer is not quoted
    (a quoted answer inside a quoted question nests quotes).
    """
    item = spec.by_code.get(reason.item)
    if item is None:
        return str(reason.answer).replace("_", " ")
    answer = reason.answer
    if item.code == "body_regions" and answer not in item.options_by_code:
        return body_map_line(answer) + "."
    shown = answer_text(item, answer) if item.kind == "number" else option_label(item, answer)
    question = item.wording.strip()
    if not question.endswith(("?", ".", "!")):
        question += ":"
    return f"{question} {shown.rstrip('.')}."


def body_map_line(answer: str) -> str:
    """The body-map rules give counts and patterns, not single regions (see scoring)."""
    if answer.startswith("wpi_") and answer[4:].isdigit():
        count = int(answer[4:])
        return ngettext(
            "You marked pain in %(count)s of the 19 body areas",
            "You marked pain in %(count)s of the 19 body areas",
            count,
        ) % {"count": count}
    lines = {
        "hands_and_feet": _("You marked pain in both your hands and your feet"),
        "hands": _("You marked pain in your hands"),
        "feet": _("You marked pain in your feet"),
    }
    return lines.get(answer, _("Where you marked pain on the body map"))


@dataclass
class TypeRow:
    code: str
    name: str
    phrase: str
    score: int
    level: str
    level_name: str
    level_words: str
    because: list[str]
    leading: bool


def type_rows(spec: QuestionnaireSpec, result: MapResult) -> list[TypeRow]:
    """The four types, highest score first (ties keep the usual order)."""
    order = {code: i for i, code in enumerate(TYPES)}
    parts = sorted(result.types.values(), key=lambda part: (-part.score, order.get(part.code, 99)))
    return [
        TypeRow(
            code=part.code,
            name=str(TYPE_NAMES.get(part.code, part.code)),
            phrase=type_phrase(part.code),
            score=part.score,
            level=part.level,
            level_name=str(LEVEL_NAMES.get(part.level, part.level)),
            level_words=str(LEVEL_WORDS.get(part.level, part.level)),
            because=[because_line(spec, reason) for reason in part.because],
            leading=part.code in result.primary,
        )
        for part in parts
    ]


def leading_sentence(result: MapResult) -> tuple[str, str]:
    """The headline in words: the leading type, and the close ones when the picture is mixed."""
    if not result.primary:
        return _("Your answers do not point to one single pattern of pain."), ""
    main = _("Your answers share most features with %(type)s.") % {
        "type": type_phrase(result.primary[0])
    }
    others = [type_phrase(code) for code in result.primary[1:]]
    if not others:
        return main, ""
    also = ngettext(
        "And also with %(types)s: the picture is mixed.",
        "And also with %(types)s: the picture is mixed.",
        len(others),
    ) % {"types": _(" and ").join(others)}
    return main, also


@dataclass
class ChartBar:
    code: str
    name: str
    score: int
    level_name: str
    y: int
    width: float
    label_y: int


CHART_WIDTH = 330
CHART_ROW = 44


def chart_bars(rows: list[TypeRow]) -> tuple[list[ChartBar], int]:
    """Geometry of the server-drawn bar chart (0-100 per type) and its height."""
    bars = [
        ChartBar(
            code=row.code,
            name=row.name,
            score=row.score,
            level_name=row.level_name,
            y=10 + i * CHART_ROW,
            width=round(CHART_WIDTH * max(0, min(100, row.score)) / 100, 1),
            label_y=10 + i * CHART_ROW + 20,
        )
        for i, row in enumerate(rows)
    ]
    return bars, 10 + len(rows) * CHART_ROW


def flag_labels(spec: QuestionnaireSpec, flags) -> list[str]:
    item = spec.by_code.get(RED_FLAGS)
    return [option_label(item, flag) if item else str(flag) for flag in flags]


@dataclass
class CautionView:
    code: str
    text: str


@dataclass
class SuggestionView:
    item: object  # content.models.ToolkitItem
    cautions: list[CautionView]
    because: list[str]


# Said for a caution code that no longer has words anywhere (a rule an editor removed after
# this result was stored): the caution still shows, never silently dropped.
CAUTION_DEFAULT = gettext_lazy("Check with your doctor or pharmacist before you start.")


def caution_words(codes) -> dict:
    """The caution table's rows for these codes: one query, none when there are no codes.

    A contract caution missing from the table reads from the built-in floor (cautions.py).
    """
    from content.models import CautionRule

    codes = set(codes)
    if not codes:
        return {}
    rows = {rule.code: rule for rule in CautionRule.objects.filter(code__in=codes)}
    return {
        code: rows.get(code) or CAUTIONS_BY_CODE.get(code)
        for code in codes
        if code in rows or code in CAUTIONS_BY_CODE
    }


def _words(rule, audience: str) -> str:
    if rule is None:
        return str(CAUTION_DEFAULT)
    if audience == "clinician":
        return str(getattr(rule, "clinician_text", None) or rule.clinician)
    return str(getattr(rule, "patient_text", None) or rule.patient)


def suggestion_views(
    spec: QuestionnaireSpec, suggestions, items_by_slug: dict, words: dict | None = None
) -> list:
    """Suggestions in rank order, each with EVERY caution code it carries, in words.

    The words come from the caution table (`caution_words`), so a caution an editor wrote
    reads the same here as everywhere else, and one with no words left is still shown.
    """
    if words is None:
        words = caution_words(code for s in suggestions for code in s.cautions)
    views = []
    for suggestion in suggestions:
        item = items_by_slug.get(suggestion.slug)
        if item is None:
            continue  # not published: nothing to link to, and its cautions go with it
        views.append(
            SuggestionView(
                item=item,
                cautions=[
                    CautionView(code=code, text=_words(words.get(code), "patient"))
                    for code in suggestion.cautions
                ],
                because=[because_line(spec, reason) for reason in suggestion.reasons],
            )
        )
    return views


def medicine_caution_views(result: MapResult, audience: str = "patient") -> list[CautionView]:
    """The person's own medicine-and-condition cautions, in the caution table's words."""
    words = caution_words(result.medicine_cautions)
    return [
        CautionView(code=code, text=_words(words.get(code), audience))
        for code in result.medicine_cautions
    ]


def toolkit_suggestions(spec: QuestionnaireSpec, result: MapResult) -> list:
    """The suggestions with every caution that qualifies them, as the results page, the
    summary and the PDF all show them: one query for the toolkit items, one for the words of
    their cautions.

    A red flag means getting checked comes first, so there are none then.
    """
    from content.models import ToolkitItem

    if result.urgency:
        return []
    slugs = [suggestion.slug for suggestion in result.suggestions]
    items = {item.slug: item for item in ToolkitItem.objects.published().filter(slug__in=slugs)}
    return suggestion_views(spec, result.suggestions, items)


# What each measure is, in plain words for the person. A positive screen is something worth
# talking about, never a label: "you have depression" must not appear anywhere.
MEASURE_WORDS = {
    "peg": gettext_lazy(
        "The average of your pain score and how much pain got in the way of enjoying life and "
        "of your general activity in the past week. Clinicians use it to follow how pain "
        "affects daily life: if it falls by about a third (30%) between visits, that is a real "
        "improvement."
    ),
    "phq2": gettext_lazy(
        "Two questions about low mood and losing interest in things over the past two weeks. "
        "Low mood is common when you live with pain, and it can be helped."
    ),
    "gad2": gettext_lazy(
        "Two questions about feeling nervous and worrying over the past two weeks. Worry is "
        "common when you live with pain, and it can be helped."
    ),
}
MEASURE_POSITIVE_WORDS = {
    "phq2": gettext_lazy(
        "Your answers reach the level (3 or more) where this is worth talking to your "
        "clinician about. It is a short check, not a diagnosis."
    ),
    "gad2": gettext_lazy(
        "Your answers reach the level (3 or more) where this is worth talking to your "
        "clinician about. It is a short check, not a diagnosis."
    ),
}
MEASURE_NOT_ANSWERED = gettext_lazy(
    "Not worked out: one of its questions was skipped, and we never guess an answer."
)


@dataclass
class MeasureView:
    code: str
    name: str
    value: float | int | None
    maximum: int
    words: str
    positive: bool
    positive_words: str
    not_answered: str


def measure_views(spec: QuestionnaireSpec, result: MapResult) -> list[MeasureView]:
    """PEG, PHQ-2 and GAD-2 in plain words, for a questionnaire version that asks them.

    A measure with a skipped item says so; it is never shown as 0.
    """
    views = []
    for code in SCREENS:
        measure = MEASURES_BY_CODE[code]
        if not all(item in spec.by_code for item in measure.items):
            continue  # version 1 does not ask these
        value = result.measures.get(code)
        positive = screens_positive(code, value)
        views.append(
            MeasureView(
                code=code,
                name=measure.name,
                value=value,
                maximum=measure.maximum,
                words=str(MEASURE_WORDS[code]),
                positive=positive,
                positive_words=str(MEASURE_POSITIVE_WORDS[code]) if positive else "",
                not_answered=str(MEASURE_NOT_ANSWERED) if value is None else "",
            )
        )
    return views
