"""Restoration over time (issue 15): the plan, check-ins, progress and the calendar file.

Thin views, as in views.py: rules are `rules.progress`, checks `plan_forms`, writes
`plan_services`, words `plan_presenters`. Every page belongs to one completed assessment and
opens only from a session that holds its key (access.py); the resume code restores that on any
device. GET never changes anything; every POST that saves redirects.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from ..models import Questionnaire
from ..rules import progress, safety
from ..spec_loader import spec_for
from . import access, plan_presenters, plan_services, presenters, services
from .forms import scale_values
from .plan_calendar import check_in_calendar
from .plan_forms import CheckInForm, PlanForm
from .views import _not_here, _page_context


def _toolkit_items(slugs) -> dict:
    from content.models import ToolkitItem

    return {
        item.slug: item
        for item in ToolkitItem.objects.published()
        .filter(slug__in=list(slugs))
        .prefetch_related("cautions")
    }


def _open(request, key):
    """The completed assessment this session owns, or the response to send instead."""
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return None, _not_here(request)
    if not assessment.is_complete:
        return None, redirect("assessment:check", key)
    return assessment, None


def _context(assessment, plan=None, rows=(), **extra) -> dict:
    crisis = assessment.crisis or any(row.crisis for row in rows if row.submitted_at)
    context = _page_context(assessment, **extra)
    context["show_crisis"] = crisis
    latest = next((row for row in reversed(rows) if row.submitted_at), None)
    if latest is not None and latest.urgency and not assessment.urgency:
        # A red flag at the latest check-in stands on every plan page (the banner, and no
        # self-care after an emergency) until a later check-in no longer reports it.
        context["urgency"] = latest.urgency
        context["care"] = safety.care_level(latest.answers.get(plan_services.RED_FLAGS))
    context["plan"] = plan
    context["plan_url"] = reverse("assessment:plan", args=[assessment.key])
    context["retention_days"] = settings.PAINMAP_RETENTION_DAYS
    return context


# ---------------------------------------------------------------- plan


@access.private_page
@require_http_methods(["GET", "HEAD", "POST"])
def choose(request, key):
    """Pick up to three of your suggestions and a start date."""
    assessment, response = _open(request, key)
    if response:
        return response
    spec = spec_for(assessment.questionnaire)
    choices = plan_services.suggestion_choices(spec, assessment)
    plan = plan_services.plan_for(assessment)
    if request.method == "POST" and choices:
        form = PlanForm(choices, data=request.POST)
        if form.is_valid():
            plan_services.save_plan(assessment, form.chosen, form.start)
            return redirect("assessment:plan", key)
    else:
        form = PlanForm(
            choices,
            initial_slugs=[row.slug for row in plan.items.all()] if plan else (),
            initial_start=plan.start_date if plan else None,
        )
    needs_prescription = {view.item.slug: view.item.needs_prescription for view in choices}
    options = [
        {
            "view": view,
            "checked": view.item.slug in form.slugs,
            "clinician_first": progress.needs_clinician_first(
                view.cautions, needs_prescription[view.item.slug]
            ),
        }
        for view in choices
    ]
    return render(
        request,
        "assessment/progress/choose.html",
        _context(
            assessment,
            plan,
            title=_("Choose what to try"),
            form=form,
            options=options,
            errors=form.errors,
            max_items=progress.MAX_PLAN_ITEMS,
            red_flag=bool((assessment.result or {}).get("urgency")),
            back_url=reverse("assessment:results", args=[key]),
        ),
        status=200,
    )


@access.private_page
@require_http_methods(["GET", "HEAD"])
def plan(request, key):
    """The plan: what, when each might start to help, and when to check in."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    if plan is None:
        return redirect("assessment:plan_choose", key)
    rows = plan_services.check_ins(plan)
    items = plan_presenters.plan_item_views(plan, _toolkit_items(i.slug for i in plan.items.all()))
    dates = progress.check_in_dates(plan.start_date)
    return render(
        request,
        "assessment/progress/plan.html",
        _context(
            assessment,
            plan,
            rows,
            title=_("Your plan"),
            items=items,
            any_clinician_first=any(item.clinician_first for item in items),
            next_check_in=plan_services.next_check_in(plan, rows),
            check_in_dates=dates[:4],
            plan_weeks=progress.PLAN_WEEKS,
            done=len(plan_services.submitted(rows)),
        ),
    )


# ---------------------------------------------------------------- check-ins


def _check_in_spec(assessment):
    """The questions a check-in asks again: from the person's own MAP version, unless it lacks
    PEG (version 1), then from the live version, so every check-in can be scored."""
    spec = spec_for(assessment.questionnaire)
    if all(code in spec.by_code for code in plan_services.PEG_CODES):
        return spec
    live = Questionnaire.objects.live()
    return spec_for(live) if live is not None else spec


def _check_in_page(request, assessment, plan, rows, items, form):
    by_code = {item.code: item for item in form.items}

    def question(code):
        item = by_code.get(code)
        if item is None:
            return None
        options = [
            {
                "code": o.code,
                "label": o.label,
                "hint": o.hint,
                "exclusive": o.exclusive,
                "checked": o.code in form.selected(code),
            }
            for o in item.options
        ]
        return {
            "item": item,
            "error": form.field_errors.get(code),
            "optional": item.optional
            and code not in plan_services.PEG_CODES
            and code != plan_services.RED_FLAGS,
            "scale": [
                {"value": n, "checked": str(n) in form.selected(code)}
                for n in scale_values(item) or []
            ],
            "options": [o for o in options if not o["exclusive"]],
            "exclusive_options": [o for o in options if o["exclusive"]],
        }

    uses = [
        {
            "view": view,
            "selected": form.value(f"use-{view.slug}"),
            "why": form.value(f"why-{view.slug}"),
            "error": form.field_errors.get(f"use-{view.slug}")
            or form.field_errors.get(f"why-{view.slug}"),
        }
        for view in items
    ]
    return render(
        request,
        "assessment/progress/check_in.html",
        _context(
            assessment,
            plan,
            rows,
            title=_("Check in"),
            red_flags=question(plan_services.RED_FLAGS),
            peg=[question(code) for code in plan_services.PEG_CODES if code in by_code],
            sleep=question(plan_services.SLEEP),
            self_harm=question(services.SELF_HARM),
            uses=uses,
            use_labels=plan_presenters.use_labels(),
            errors=form.errors,
            why_max=progress.WHY_MAX_LENGTH,
            back_url=reverse("assessment:plan", args=[assessment.key]),
        ),
    )


@access.private_page
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def check_in(request, key):
    """A check-in, any day. Every submit keeps what was typed, valid or not."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    if plan is None:
        return redirect("assessment:plan_choose", key)
    spec = _check_in_spec(assessment)
    rows = plan_services.check_ins(plan)
    draft = plan_services.draft_of(rows)
    items = plan_presenters.plan_item_views(plan, _toolkit_items(i.slug for i in plan.items.all()))
    if request.method != "POST":
        form = CheckInForm(spec, items, draft=draft.answers if draft else None)
        return _check_in_page(request, assessment, plan, rows, items, form)
    form = CheckInForm(spec, items, data=request.POST)
    if not form.is_valid():
        plan_services.save_draft(plan, draft, form.raw)
        return _check_in_page(request, assessment, plan, rows, items, form)
    row = plan_services.submit(plan, draft, form.answers, form.adherence)
    if row.urgency:
        return redirect("assessment:check_in_stop", key, row.pk)
    if row.crisis:
        return redirect("assessment:check_in_support", key, row.pk)
    return redirect("assessment:progress", key)


def _submitted_check_in(plan, pk):
    return plan.check_ins.filter(pk=pk, submitted_at__isnull=False).first()


@access.private_page
@require_http_methods(["GET", "HEAD"])
def check_in_stop(request, key, pk):
    """A red flag at a check-in: the same care card as in the MAP, before anything else."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    row = _submitted_check_in(plan, pk) if plan else None
    if row is None or not row.urgency:
        return redirect("assessment:plan", key)
    spec = _check_in_spec(assessment)
    continue_url = (
        reverse("assessment:check_in_support", args=[key, pk])
        if row.crisis
        else reverse("assessment:progress", args=[key])
    )
    context = _context(
        assessment,
        plan,
        [row],
        title=_("Get medical advice about these symptoms"),
        flags=presenters.flag_labels(spec, row.answers.get(plan_services.RED_FLAGS) or []),
        continue_url=continue_url,
        heading_level="h1",
    )
    # The care card of this check-in, not the MAP's own answer.
    context["urgency"] = row.urgency
    context["care"] = safety.care_level(row.answers.get(plan_services.RED_FLAGS))
    return render(request, "assessment/progress/stop.html", context)


@access.private_page
@require_http_methods(["GET", "HEAD"])
def check_in_support(request, key, pk):
    """Thoughts of self-harm at a check-in: the MAP's crisis support, at once."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    row = _submitted_check_in(plan, pk) if plan else None
    if row is None or not row.crisis:
        return redirect("assessment:plan", key)
    context = _context(
        assessment,
        plan,
        [row],
        title=_("Help is there for you now"),
        continue_url=reverse("assessment:progress", args=[key]),
    )
    context["show_crisis"] = False  # the panel is the page's main content here
    return render(request, "assessment/progress/support.html", context)


# ---------------------------------------------------------------- progress


@access.private_page
@require_http_methods(["GET", "HEAD"])
def progress_page(request, key):
    """PEG over time as a chart and a table, each item's weeks of use, the change in words."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    if plan is None:
        return redirect("assessment:plan_choose", key)
    rows = plan_services.check_ins(plan)
    done = plan_services.submitted(rows)
    series = plan_services.peg_series(assessment, rows)
    change = progress.peg_change(
        plan_services.baseline_peg(assessment), done[-1].peg if done else None
    )
    items = plan_presenters.plan_item_views(plan, _toolkit_items(i.slug for i in plan.items.all()))
    plan_presenters.add_use(items, done)
    spec = _check_in_spec(assessment)
    latest = done[-1] if done else None
    flagged = [row for row in done if row.urgency]
    return render(
        request,
        "assessment/progress/progress.html",
        _context(
            assessment,
            plan,
            rows,
            title=_("Your progress"),
            chart=plan_presenters.peg_chart(series),
            series=[
                {"day": day, "peg": plan_presenters.peg_words(value), "baseline": n == 0}
                for n, (day, value) in enumerate(series)
            ],
            has_baseline=plan_services.baseline_peg(assessment) is not None,
            change=change,
            change_sentence=plan_presenters.change_sentence(change),
            items=items,
            check_ins=done,
            next_check_in=plan_services.next_check_in(plan, rows),
            latest_flag=latest if latest and latest.urgency else None,
            latest_care=safety.care_level(latest.answers.get(plan_services.RED_FLAGS))
            if latest and latest.urgency
            else None,
            latest_flags=presenters.flag_labels(
                spec, latest.answers.get(plan_services.RED_FLAGS) or []
            )
            if latest and latest.urgency
            else [],
            any_flag=bool(flagged),
            remap=progress.remap_offered(plan.start_date, timezone.localdate()),
            remap_assessment=plan.remap,
            then_and_now=plan_presenters.then_and_now(assessment.result, plan.remap.result)
            if plan.remap is not None and plan.remap.is_complete
            else None,
            heading_level="h2",
        ),
    )


@access.private_page
@require_POST
def remap(request, key):
    """From 12 weeks: take the MAP again on the live version; progress then shows both."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    questionnaire = Questionnaire.objects.live()
    if (
        plan is None
        or questionnaire is None
        or not progress.remap_offered(plan.start_date, timezone.localdate())
    ):
        return redirect("assessment:progress", key)
    new = plan_services.start_remap(plan, questionnaire)
    access.remember(request, new)
    access.remember(request, assessment)  # keep the first one at the top of "your answers"
    return redirect("assessment:carry_on", new.key)


@access.private_page
@require_http_methods(["GET", "HEAD"])
def calendar(request, key):
    """The suggested check-in dates as an .ics file: nothing about the person in it."""
    assessment, response = _open(request, key)
    if response:
        return response
    plan = plan_services.plan_for(assessment)
    if plan is None:
        return redirect("assessment:plan_choose", key)
    body = check_in_calendar(
        progress.check_in_dates(plan.start_date), assessment.key, request.get_host()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="painmap-check-ins.ics"'
    return response
