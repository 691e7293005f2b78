"""Which question comes next: plain functions of the stored answers and the questionnaire.

Routing is one function of the answers, never a per-session counter, so refresh, back, a second
tab or a resumed session all land on the same page.
"""

from __future__ import annotations

from .spec import ItemSpec, QuestionnaireSpec


def is_shown(item: ItemSpec, answers: dict) -> bool:
    """Whether an item applies, given the answers so far (its show-when rule).

    A rule may only point at an earlier item, so hiding never depends on a later answer.
    """
    if item.show_when is None:
        return True
    item_code, option_code = item.show_when
    value = answers.get(item_code)
    if isinstance(value, list):
        return option_code in value
    return value == option_code


def visible_items(spec: QuestionnaireSpec, answers: dict) -> list[ItemSpec]:
    return [item for item in spec.items if is_shown(item, answers)]


def relevant_answers(spec: QuestionnaireSpec, answers: dict) -> dict:
    """The answers that count: known items on branches that still apply.

    An answer on a branch that no longer applies (opioid questions after opioids were
    unticked) is kept in storage, in case the branch opens again, but is dropped here, before
    anything is scored, shown or exported.
    """
    return {
        item.code: answers[item.code]
        for item in visible_items(spec, answers)
        if answers.get(item.code) is not None
    }


def next_item(spec: QuestionnaireSpec, answers: dict, after: str | None = None) -> ItemSpec | None:
    """The first shown item after `after` (or from the start) that has not been seen yet.

    `answers` holds stored answers by item code, where None marks a question the person chose
    to skip, so it is not asked again. None means every shown question has been answered or
    skipped: go to check answers.
    """
    items = visible_items(spec, answers)
    start = 0
    if after is not None:
        codes = [item.code for item in items]
        start = codes.index(after) + 1 if after in codes else 0
    for item in items[start:]:
        if item.code not in answers:
            return item
    return None


def previous_item(spec: QuestionnaireSpec, answers: dict, code: str) -> ItemSpec | None:
    """The shown item before `code`, for the back link; None on the first question."""
    items = visible_items(spec, answers)
    codes = [item.code for item in items]
    if code not in codes:
        return None
    index = codes.index(code)
    return items[index - 1] if index > 0 else None


def question_range(spec: QuestionnaireSpec) -> tuple[int, int]:
    """How many questions a person meets: the ones everyone is asked, and every one.

    A question with a show-when rule is asked only on its branch (opioid follow-ups), so the
    fewest is the count without them and the most is all of them.
    """
    always = sum(1 for item in spec.items if item.show_when is None)
    return always, len(spec.items)


# How an item stands in one assessment. Skipped, not asked and answered "none" are three
# different things, and every page and export says which (an unticked box is not a "no").
ANSWERED = "answered"
SKIPPED = "skipped"  # shown, and the person chose to skip it
NOT_ASKED = "not_asked"  # on a branch that does not apply, so never shown
NOT_REACHED = "not_reached"  # shown, but the person has not got to it yet


def is_empty(value) -> bool:
    return value is None or value == "" or value == []


def answer_status(item: ItemSpec, answers: dict) -> str:
    """ANSWERED, SKIPPED, NOT_ASKED or NOT_REACHED for one item, from the stored answers."""
    if not is_shown(item, answers):
        return NOT_ASKED
    if item.code not in answers:
        return NOT_REACHED
    return SKIPPED if is_empty(answers[item.code]) else ANSWERED
