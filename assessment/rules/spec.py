"""An immutable, in-memory picture of one questionnaire version.

Scoring, branching and validation work on this, never on the ORM, so that they are plain
functions that are fast to test. assessment/spec_loader.py builds it from a Questionnaire row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .codes import TYPE_CODES

TYPES = TYPE_CODES


@dataclass(frozen=True)
class OptionSpec:
    code: str
    label: str
    hint: str = ""
    exclusive: bool = False
    weights: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ItemSpec:
    code: str
    kind: str  # single, multi, number, text
    section: str
    section_title: str
    wording: str
    hint: str = ""
    why_we_ask: str = ""
    optional: bool = True
    show_when: tuple[str, str] | None = None  # (item code, answer code)
    min_value: int | None = None
    max_value: int | None = None
    min_label: str = ""
    max_label: str = ""
    options: tuple[OptionSpec, ...] = ()

    @cached_property
    def options_by_code(self) -> dict[str, OptionSpec]:
        return {option.code: option for option in self.options}


@dataclass(frozen=True)
class QuestionnaireSpec:
    version: int
    label: str
    status: str
    items: tuple[ItemSpec, ...]

    @cached_property
    def by_code(self) -> dict[str, ItemSpec]:
        return {item.code: item for item in self.items}
