"""Checking one answer against its item. Shared by the web form and `map_score`."""

from __future__ import annotations

import re

from .codes import RED_FLAGS
from .spec import ItemSpec, QuestionnaireSpec

TEXT_MAX_LENGTH = 1000
# A number as typed: an optional minus and at most three digits, nothing else. int() alone
# takes "²", "٣", " 5", "1_0" and five thousand nines (then raises); the range comes after.
NUMBER_PATTERN = re.compile(r"^-?[0-9]{1,3}$")
# NUL cannot be stored by PostgreSQL and lone surrogates cannot be encoded as UTF-8: either
# would fail deep in the database (a 500, with the text in the error) instead of here.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE_MESSAGE = (
    "Your answer has a character that cannot be saved (a hidden control character). "
    "Type it again, or remove what you pasted."
)


class AnswerError(ValueError):
    """An answer that does not fit its item. The message is safe to show to the person."""


def has_unstorable(text: str) -> bool:
    """Whether `text` holds a character no database column can keep (NUL, a lone surrogate)."""
    return bool(_UNSTORABLE.search(text))


def without_unstorable(text: str) -> str:
    """`text` with every character `has_unstorable` finds left out (for keeping a draft)."""
    return _UNSTORABLE.sub("", text)


def parse_number(raw) -> int:
    """A whole number from a form field (by pattern) or from JSON (an int, or a whole float)."""
    if isinstance(raw, bool):
        raise AnswerError("needs a whole number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")) or raw != int(raw):
            raise AnswerError("needs a whole number")
        return int(raw)
    if isinstance(raw, str) and NUMBER_PATTERN.match(raw):
        return int(raw)
    raise AnswerError("needs a whole number")


def clean_answer(item: ItemSpec, raw) -> object:
    """Return the stored form of an answer, or raise AnswerError naming what is wrong.

    `raw` is what a form or a JSON file holds: a string, a list of strings or an int.
    """
    # Text answers are checked below, after stripping; every other kind is checked here, so
    # the message says why rather than "unknown answer" (map_score's JSON can carry these).
    if item.kind != "text" and (
        (isinstance(raw, str) and has_unstorable(raw))
        or (
            isinstance(raw, list | tuple)
            and any(isinstance(value, str) and has_unstorable(value) for value in raw)
        )
    ):
        raise AnswerError(UNSTORABLE_MESSAGE)
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
        try:
            number = parse_number(raw)
        except AnswerError:
            raise AnswerError(f"{item.code} needs a whole number") from None
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
