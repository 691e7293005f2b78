"""View-models for the plan, check-in and progress pages, in plain words (issue 15).

Plain functions of a plan, its check-ins and the toolkit items, so the wording rules (change
stated, never its cause) are tested without a request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..rules import progress
from ..rules.cautions import BY_CODE as CAUTIONS_BY_CODE
from .presenters import CautionView


@dataclass
class PlanItemView:
    slug: str
    name: str
    item: object | None  # content.models.ToolkitItem, None when no longer published
    cautions: list[CautionView]
    clinician_first: bool
    window: progress.Window | None
    time_to_effect: str = ""
    weeks_used: int = 0
    last_use: str = ""
    last_why: str = ""
    uses: list[str] = field(default_factory=list)


def plan_item_views(plan, items_by_slug: dict) -> list[PlanItemView]:
    """Each plan item with its cautions (rulebook codes, the editor's words where written),
    whether to talk to a clinician first, and when it might start to help."""
    views = []
    for row in plan.items.all():
        item = items_by_slug.get(row.slug)
        texts = {c.code: c.text for c in item.cautions.all()} if item else {}
        cautions = [
            CautionView(code=code, text=texts.get(code) or str(CAUTIONS_BY_CODE[code].patient))
            for code in row.cautions
            if code in CAUTIONS_BY_CODE
        ]
        needs_prescription = bool(item and item.needs_prescription)
        window = (
            progress.effect_window(plan.start_date, item.effect_from_weeks, item.effect_to_weeks)
            if item
            else None
        )
        views.append(
            PlanItemView(
                slug=row.slug,
                name=item.name if item else row.slug.replace("-", " "),
                item=item,
                cautions=cautions,
                clinician_first=progress.needs_clinician_first(row.cautions, needs_prescription),
                window=window,
                time_to_effect=item.time_to_effect if item else "",
            )
        )
    return views


def add_use(views: list[PlanItemView], check_ins) -> None:
    """Weeks of use and the latest answer for each plan item, from the submitted check-ins."""
    labels = dict(use_labels())
    for view in views:
        uses = [(row.adherence or {}).get(view.slug) or {} for row in check_ins]
        view.uses = [str(labels.get(use.get("use"), "")) for use in uses]
        view.weeks_used = progress.weeks_of_use([use.get("use") for use in uses])
        if uses and uses[-1]:
            view.last_use = str(labels.get(uses[-1].get("use"), ""))
            view.last_why = uses[-1].get("why", "")


def use_labels() -> list[tuple[str, str]]:
    return [
        (progress.MOST_DAYS, _("Most days")),
        (progress.SOME_DAYS, _("Some days")),
        (progress.NOT_YET, _("Not started yet")),
        (progress.STOPPED, _("I stopped")),
    ]


def day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def peg_words(value: float) -> str:
    return f"{value:.1f}"


def change_sentence(change: progress.Change | None) -> str:
    """The change in PEG in plain words. It says what changed, never why."""
    if change is None:
        return ""
    values = {
        "from": peg_words(change.baseline),
        "to": peg_words(change.latest),
        "percent": abs(change.percent_fall),
    }
    if change.direction == "fell":
        sentence = _("Your PEG has fallen from %(from)s to %(to)s, a %(percent)s %% fall") % values
        if change.meaningful:
            return sentence + _(": the size of change that studies count as meaningful.")
        return sentence + _(". Studies count a fall of 30 % or more as a meaningful change.")
    if change.direction == "rose":
        return (
            _("Your PEG has risen from %(from)s to %(to)s, a %(percent)s %% rise.") % values
            + " "
            + _("If your pain is getting worse, talk to your clinician.")
        )
    return _("Your PEG is the same as when you started: %(from)s.") % values


@dataclass
class Chart:
    points: list
    gridlines: list
    polyline: str
    width: int = progress.CHART_WIDTH
    height: int = progress.CHART_HEIGHT
    left: int = progress.CHART_LEFT
    right: int = progress.CHART_WIDTH - progress.CHART_RIGHT
    axis_y: float = progress.CHART_HEIGHT - progress.CHART_BOTTOM
    label_y: float = progress.CHART_HEIGHT - progress.CHART_BOTTOM + 20
    title: str = ""


def peg_chart(series) -> Chart | None:
    """The server-drawn PEG chart: points, the line through them, gridlines, a text title."""
    if not series:
        return None
    points = progress.chart_points(series)
    title = (
        _("PEG score out of 10 over time:")
        + " "
        + "; ".join(f"{day(p.day)} {peg_words(p.peg)}" for p in points)
    )
    return Chart(
        points=points,
        gridlines=progress.chart_gridlines(),
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        title=title,
    )


@dataclass
class ThenAndNow:
    name: str
    then_score: int | None
    then_level: str
    now_score: int | None
    now_level: str


def then_and_now(before: dict | None, after: dict | None) -> list[ThenAndNow]:
    """The type profile at the first MAP and at the re-map, side by side, from the stored
    results (each as shown when it was completed, on its own questionnaire version)."""
    from .presenters import LEVEL_NAMES, TYPE_NAMES

    rows = []
    for code in TYPE_NAMES:
        then = ((before or {}).get("types") or {}).get(code) or {}
        now = ((after or {}).get("types") or {}).get(code) or {}
        rows.append(
            ThenAndNow(
                name=str(TYPE_NAMES[code]),
                then_score=then.get("score"),
                then_level=str(LEVEL_NAMES.get(then.get("level"), "")),
                now_score=now.get("score"),
                now_level=str(LEVEL_NAMES.get(now.get("level"), "")),
            )
        )
    return rows
