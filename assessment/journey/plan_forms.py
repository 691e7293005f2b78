"""Reading the plan and check-in pages' POSTs, with GOV.UK-style messages.

A check-in asks MAP questions again, so each of them is checked by the MAP's own AnswerForm
(the same answer codes, ranges and messages); only the field names differ, because several
questions share one page: each question's answer arrives in a field named by its item code.
"""

from __future__ import annotations

import datetime as dt
import re

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from ..rules import progress
from ..rules.answers import UNSTORABLE_MESSAGE, has_unstorable, without_unstorable
from ..rules.results import Suggestion
from .forms import AnswerForm, number_message, scale_values
from .plan_services import CHECK_IN_CODES, PEG_CODES


class PlanForm:
    """Up to three of the person's suggestions and a start date (GOV.UK date input)."""

    def __init__(self, choices: list, data=None, initial_slugs=(), initial_start=None):
        self.choices = choices  # SuggestionViews, as the results page shows them
        self.data = data
        self.errors: list[tuple[str, str]] = []
        self.field_errors: dict[str, str] = {}
        start = initial_start or timezone.localdate()
        if data is None:
            self.slugs = list(initial_slugs)
            self.day, self.month, self.year = str(start.day), str(start.month), str(start.year)
        else:
            self.slugs = [s for s in data.getlist("items") if isinstance(s, str)]
            self.day = (data.get("start-day") or "").strip()
            self.month = (data.get("start-month") or "").strip()
            self.year = (data.get("start-year") or "").strip()
        self.chosen: list[Suggestion] = []
        self.start: dt.date | None = None

    def _error(self, field: str, anchor: str, message: str) -> None:
        self.field_errors[field] = message
        self.errors.append((message, anchor))

    def is_valid(self) -> bool:
        by_slug = {view.item.slug: view for view in self.choices}
        picked = [slug for slug in dict.fromkeys(self.slugs) if slug in by_slug]
        first = f"items-{self.choices[0].item.slug}" if self.choices else "items"
        if not picked:
            self._error("items", first, _("Select at least one thing to try"))
        elif len(picked) > progress.MAX_PLAN_ITEMS:
            self._error(
                "items",
                first,
                _("Select up to %(max)s things to try") % {"max": progress.MAX_PLAN_ITEMS},
            )
        order = {view.item.slug: n for n, view in enumerate(self.choices)}
        self.chosen = [
            Suggestion(slug=slug, cautions=tuple(c.code for c in by_slug[slug].cautions))
            for slug in sorted(picked, key=order.get)
        ]
        self.start = self._clean_start()
        return not self.errors

    def _clean_start(self) -> dt.date | None:
        parts = (self.day, self.month, self.year)
        if not any(parts):
            self._error("start", "start-day", _("Enter the date you will start"))
            return None
        # Digits by pattern (str.isdigit() takes "²", which int() refuses) and short enough
        # for a date (a 20-digit day overflowed date()).
        if not all(re.fullmatch(r"[0-9]{1,2}", part) for part in (self.day, self.month)) or (
            not re.fullmatch(r"[0-9]{4}", self.year)
        ):
            self._error(
                "start", "start-day", _("The start date must be a real date, like 14 3 2026")
            )
            return None
        try:
            start = dt.date(int(self.year), int(self.month), int(self.day))
        except ValueError:
            self._error(
                "start", "start-day", _("The start date must be a real date, like 14 3 2026")
            )
            return None
        today = timezone.localdate()
        window = dt.timedelta(days=progress.START_WITHIN_DAYS)
        if not today - window <= start <= today + window:
            self._error(
                "start",
                "start-day",
                _("The start date must be within %(days)s days of today")
                % {"days": progress.START_WITHIN_DAYS},
            )
            return None
        return start


class CheckInForm:
    """A check-in page: the MAP questions asked again, and how each plan item went.

    `raw` keeps exactly what was typed (field name -> list of strings), so a page shown again
    after an error, or opened later from the draft, has every answer in place.
    """

    def __init__(self, spec, plan_items, data=None, draft: dict | None = None):
        self.items = [spec.by_code[code] for code in CHECK_IN_CODES if code in spec.by_code]
        self.plan_items = plan_items
        # Fields that held a character no database can keep (NUL, a lone surrogate): refused
        # with a message, and the characters left out of `raw`, which is saved as the draft.
        self.unstorable: list[str] = []
        if data is not None:
            self.raw = {}
            for name in self.field_names():
                values = [v for v in data.getlist(name) if isinstance(v, str)]
                if any(has_unstorable(v) for v in values):
                    self.unstorable.append(name)
                    values = [without_unstorable(v) for v in values]
                self.raw[name] = values
        else:
            self.raw = {name: list(values) for name, values in (draft or {}).items()}
        self.errors: list[tuple[str, str]] = []
        self.field_errors: dict[str, str] = {}
        self.answers: dict = {}
        self.adherence: dict = {}

    def field_names(self) -> list[str]:
        names = [item.code for item in self.items]
        for plan_item in self.plan_items:
            names += [f"use-{plan_item.slug}", f"why-{plan_item.slug}"]
        return names

    def value(self, name: str) -> str:
        values = self.raw.get(name) or []
        return values[0] if values else ""

    def selected(self, name: str) -> set[str]:
        return set(self.raw.get(name) or [])

    def anchor(self, item) -> str:
        scale = scale_values(item)
        if scale:
            return f"{item.code}-{scale[0]}"
        if item.options:
            return f"{item.code}-{item.options[0].code}"
        return item.code

    def is_valid(self) -> bool:
        for name in self.unstorable:
            item = next((item for item in self.items if item.code == name), None)
            self.field_errors[name] = _(UNSTORABLE_MESSAGE)
            anchor = self.anchor(item) if item else name
            if name.startswith("use-"):
                anchor = f"{name}-{progress.MOST_DAYS}"
            self.errors.append((_(UNSTORABLE_MESSAGE), anchor))
        for item in self.items:
            if item.code in self.unstorable:
                continue
            data = QueryDict(mutable=True)
            data.setlist("answer", self.raw.get(item.code) or [])
            form = AnswerForm(item, data=data)
            ok = form.is_valid()
            if ok and form.value is None and item.code in PEG_CODES:
                # PEG is the point of a check-in: its three questions are needed to score it.
                form.error, ok = number_message(item), False
            if not ok:
                self.field_errors[item.code] = form.error
                self.errors.append((form.error, self.anchor(item)))
                continue
            if form.value is not None:
                self.answers[item.code] = form.value
        for plan_item in self.plan_items:
            if {f"use-{plan_item.slug}", f"why-{plan_item.slug}"} & set(self.unstorable):
                continue
            use = self.value(f"use-{plan_item.slug}")
            why = self.value(f"why-{plan_item.slug}").strip()
            if use not in progress.USE_CODES:
                message = _("Select how often you used %(name)s") % {"name": plan_item.name}
                self.field_errors[f"use-{plan_item.slug}"] = message
                self.errors.append((message, f"use-{plan_item.slug}-{progress.MOST_DAYS}"))
                continue
            if len(why) > progress.WHY_MAX_LENGTH:
                message = _("Why you stopped must be %(max)s characters or fewer") % {
                    "max": progress.WHY_MAX_LENGTH
                }
                self.field_errors[f"why-{plan_item.slug}"] = message
                self.errors.append((message, f"why-{plan_item.slug}"))
                continue
            self.adherence[plan_item.slug] = {
                "use": use,
                "why": why if use == progress.STOPPED else "",
            }
        return not self.errors
