"""Checking one answer against its item. Shared by the web form and `map_score`."""

from __future__ import annotations

from .codes import RED_FLAGS
from .spec import ItemSpec, QuestionnaireSpec

TEXT_MAX_LENGTH = 1000


class AnswerError(ValueError):
    """An answer that does not fit its item. The message is safe to show to the person."""


def clean_answer(item: ItemSpec, raw) -> object:
    """Return the stored form of an answer, or raise AnswerError naming what is wrong.

    `raw` is what a form or a JSON file holds: a string, a list of strings or an int.
    """
    if item.kind == "single":
        if not isinstance(raw, str) or raw not in item.options_by_code:
            raise AnswerError(f"unknown answer {raw!r} for {item.code}")
        return raw
    if item.kind == "multi":
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list | tuple) or not raw:
            raise AnswerError(f"{item.code} needs a list of answer codes")
        unknown = [
            code for code in raw if not isinstance(code, str) or code not in item.options_by_code
        ]
        if unknown:
            raise AnswerError(f"unknown answer {', '.join(map(repr, unknown))} for {item.code}")
        chosen = list(dict.fromkeys(raw))  # keep order, drop repeats
        exclusive = [code for code in chosen if item.options_by_code[code].exclusive]
        if exclusive and len(chosen) > 1:
            raise AnswerError(
                f"{item.code}: {exclusive[0]!r} cannot be chosen together with other answers"
            )
        order = {option.code: i for i, option in enumerate(item.options)}
        return sorted(chosen, key=order.__getitem__)
    if item.kind == "number":
        if isinstance(raw, bool):
            raise AnswerError(f"{item.code} needs a whole number")
        try:
            number = int(raw)
        except (TypeError, ValueError):
            raise AnswerError(f"{item.code} needs a whole number") from None
        if isinstance(raw, float) and raw != number:
            raise AnswerError(f"{item.code} needs a whole number")
        low, high = item.min_value, item.max_value
        if (low is not None and number < low) or (high is not None and number > high):
            raise AnswerError(f"{item.code} must be between {low} and {high}")
        return number
    if item.kind == "text":
        if not isinstance(raw, str):
            raise AnswerError(f"{item.code} needs text")
        text = raw.strip()
        # PostgreSQL cannot store NUL, and a lone surrogate cannot be encoded: refuse both with
        # a message rather than fail (and log the person's words) when saving.
        if "\x00" in text or any("\ud800" <= ch <= "\udfff" for ch in text):
            raise AnswerError(f"{item.code} has characters that cannot be saved: please retype it")
        if len(text) > TEXT_MAX_LENGTH:
            raise AnswerError(f"{item.code} must be {TEXT_MAX_LENGTH} characters or fewer")
        return text
    raise AnswerError(f"{item.code} has an unknown kind {item.kind!r}")


def clean_answers(spec: QuestionnaireSpec, raw_answers: dict) -> dict:
    """Check a whole set of answers by item code; raise AnswerError naming every problem."""
    problems = []
    cleaned = {}
    for code, raw in raw_answers.items():
        item = spec.by_code.get(code)
        if item is None:
            problems.append(f"unknown item {code!r}")
            continue
        try:
            cleaned[code] = clean_answer(item, raw)
        except AnswerError as exc:
            problems.append(str(exc))
    if problems:
        raise AnswerError("; ".join(problems))
    return cleaned


def require_safety_screen(answers: dict) -> None:
    """There is no result without the red-flag screen: raise AnswerError when it is missing."""
    if not answers.get(RED_FLAGS):
        raise AnswerError("red flags not screened: no result without the safety screen")
