"""Admin pages of the workbench: clone, test, preview, publish, retire, insight and export.

Thin views: the work is in versions.py, testbench.py, insight.py and export.py. Each is wrapped
by `admin_site.admin_view` (staff sign-in) in QuestionnaireAdmin.get_urls and checks its own
permission here.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import PublishedQuestionnaireError, Questionnaire
from ..spec_loader import build_spec
from . import export, versions
from .insight import insight as insight_numbers
from .insight import period_queryset
from .progress_insight import progress_insight
from .testbench import compare_bench, recent_impact, run_bench

DEFAULT_PERIOD_DAYS = 30


def _require(request, *perms):
    if not request.user.has_perms(perms):
        raise PermissionDenied


def _context(request, questionnaire, title, **extra):
    opts = Questionnaire._meta
    return {
        **admin.site.each_context(request),
        "opts": opts,
        "app_label": opts.app_label,
        "original": questionnaire,
        "questionnaire": questionnaire,
        "title": title,
        "change_url": reverse("admin:assessment_questionnaire_change", args=[questionnaire.pk])
        if questionnaire
        else None,
        **extra,
    }


def _to_change_page(questionnaire):
    return HttpResponseRedirect(
        reverse("admin:assessment_questionnaire_change", args=[questionnaire.pk])
    )


class CloneForm(forms.Form):
    label = forms.CharField(label=gettext_lazy("Label of the new draft"), max_length=120)


def clone(request, pk):
    _require(request, "assessment.add_questionnaire", "assessment.view_questionnaire")
    source = get_object_or_404(Questionnaire, pk=pk)
    form = CloneForm(
        request.POST if request.method == "POST" else None, initial={"label": source.label}
    )
    if request.method == "POST" and form.is_valid():
        draft = versions.questionnaire_clone(
            source=source, label=form.cleaned_data["label"], user=request.user
        )
        messages.success(
            request,
            _(
                "Version %(new)s is a new draft, cloned from version %(old)s. Edit it, test it, "
                "then publish it."
            )
            % {"new": draft.version, "old": source.version},
        )
        return _to_change_page(draft)
    title = _("Clone version %(version)s to a new draft") % {"version": source.version}
    return render(
        request,
        "admin/assessment/questionnaire/clone.html",
        _context(request, source, title, form=form),
    )


def test_bench(request, pk):
    _require(request, "assessment.view_questionnaire", "assessment.view_teststory")
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    title = _("Test version %(version)s") % {"version": questionnaire.version}
    return render(
        request,
        "admin/assessment/questionnaire/test_bench.html",
        _context(
            request,
            questionnaire,
            title,
            problems=versions.questionnaire_validate(questionnaire),
            report=run_bench(questionnaire),
            **_what_changes(questionnaire),
        ),
    )


def _what_changes(questionnaire) -> dict:
    """The draft beside the live version: every story side by side, and the recent impact."""
    live = Questionnaire.objects.live()
    if live is None or live.pk == questionnaire.pk:
        return {"live": live}
    return {
        "live": live,
        "comparisons": compare_bench(questionnaire, live),
        "impact": recent_impact(questionnaire, settings.PAINMAP_BENCH_RECENT),
    }


class PublishForm(forms.Form):
    changelog = forms.CharField(
        label=gettext_lazy("What changed in this version"),
        help_text=gettext_lazy(
            "Required. Say what changed and why, for the clinicians who will read the record."
        ),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=4000,
    )
    confirm_failures = forms.BooleanField(
        label=gettext_lazy(
            "I have read the failing test stories and still want to publish this version."
        ),
        required=False,
    )


def publish(request, pk):
    _require(request, "assessment.publish_questionnaire", "assessment.view_questionnaire")
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    title = _("Publish version %(version)s") % {"version": questionnaire.version}
    form = PublishForm(
        request.POST if request.method == "POST" else None,
        initial={"changelog": questionnaire.changelog},
    )
    if request.method == "POST" and form.is_valid():
        try:
            versions.questionnaire_publish(
                questionnaire=questionnaire,
                user=request.user,
                confirm_failures=form.cleaned_data["confirm_failures"],
                changelog=form.cleaned_data["changelog"],
            )
        except versions.AwaitingApproval as waiting:
            messages.info(request, waiting.messages[0])
            return _to_change_page(questionnaire)
        except versions.StoriesFailing:
            form.add_error(
                "confirm_failures",
                _("Some test stories fail. Tick the box to publish anyway, or fix the version."),
            )
        except (versions.VersionError, PublishedQuestionnaireError) as exc:
            for message in exc.messages:
                messages.error(request, message)
            return _to_change_page(questionnaire)
        else:
            messages.success(
                request,
                _(
                    "Version %(version)s is published. New assessments start on it; earlier "
                    "assessments keep their own version."
                )
                % {"version": questionnaire.version},
            )
            return _to_change_page(questionnaire)
    problems = versions.questionnaire_validate(questionnaire)
    report = run_bench(questionnaire) if not problems else None
    changes = _what_changes(questionnaire) if not problems else {}
    changes.setdefault("live", Questionnaire.objects.live())
    return render(
        request,
        "admin/assessment/questionnaire/publish.html",
        _context(
            request,
            questionnaire,
            title,
            form=form,
            problems=problems,
            report=report,
            approvals_required=settings.PAINMAP_PUBLISH_APPROVALS,
            **changes,
        ),
    )


def retire(request, pk):
    _require(request, "assessment.change_questionnaire", "assessment.view_questionnaire")
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    if request.method == "POST":
        try:
            versions.questionnaire_retire(questionnaire=questionnaire, user=request.user)
        except versions.VersionError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Version %(version)s is retired.") % {"version": questionnaire.version}
            )
        return _to_change_page(questionnaire)
    title = _("Retire version %(version)s") % {"version": questionnaire.version}
    return render(
        request,
        "admin/assessment/questionnaire/retire.html",
        _context(request, questionnaire, title),
    )


def preview(request, pk):
    """The question pages of a version, in order, as a patient sees them. Saves nothing.

    Every item is shown, including those behind a show-when rule (a banner names the rule), so
    a reviewer can walk the whole version with Continue and Back.
    """
    _require(request, "assessment.view_questionnaire")
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    spec = build_spec(questionnaire)
    base = reverse("admin:assessment_questionnaire_preview", args=[pk])
    try:
        step = max(0, int(request.GET.get("step", 0)))
    except ValueError:
        step = 0
    if request.method == "POST":
        # Continue or Skip: move on without storing what was chosen.
        step = min(step + 1, len(spec.items))
        return HttpResponseRedirect(f"{base}?step={step}")
    if step >= len(spec.items):
        return render(
            request,
            "admin/assessment/questionnaire/preview_end.html",
            _context(
                request,
                questionnaire,
                _("End of the preview of version %(version)s") % {"version": questionnaire.version},
                items=spec.items,
                base=base,
            ),
        )
    item = spec.items[step]
    options = [
        {"code": o.code, "label": o.label, "hint": o.hint, "exclusive": o.exclusive}
        for o in item.options
    ]
    scale = (
        [{"value": n} for n in range(item.min_value, item.max_value + 1)]
        if item.kind == "number"
        and item.min_value is not None
        and item.max_value is not None
        and item.max_value - item.min_value <= 10
        else []
    )
    back_url = (
        f"{base}?step={step - 1}"
        if step
        else reverse("admin:assessment_questionnaire_change", args=[pk])
    )
    return render(
        request,
        "admin/assessment/questionnaire/preview.html",
        {
            "title": item.wording,
            "item": item,
            "form": {"selected": [], "skippable": item.optional},
            "options": [o for o in options if not o["exclusive"]],
            "exclusive_options": [o for o in options if o["exclusive"]],
            "scale": scale,
            "action_url": f"{base}?step={step}",
            "back_url": back_url,
            "errors": [],
            "is_body_map": False,
            "preview_version": questionnaire,
            "preview_step": step + 1,
            "preview_total": len(spec.items),
            "preview_items": [(i, other) for i, other in enumerate(spec.items)],
            "preview_base": base,
            "change_url": reverse("admin:assessment_questionnaire_change", args=[pk]),
        },
    )


class PeriodForm(forms.Form):
    # A date input needs ISO dates, whatever the site's display format.
    start = forms.DateField(
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The start date must be on or before the end date."))
        return cleaned


def _period(request) -> tuple[PeriodForm, datetime.date, datetime.date]:
    today = timezone.localdate()
    default = {"start": today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1), "end": today}
    form = PeriodForm(request.GET if "start" in request.GET else None, initial=default)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, default["start"], default["end"]


def insight(request):
    _require(request, "assessment.view_insight")
    form, start, end = _period(request)
    numbers = insight_numbers(start, end)
    return render(
        request,
        "admin/assessment/insight.html",
        {
            **admin.site.each_context(request),
            "title": _("Anonymous insight"),
            "opts": Questionnaire._meta,
            "app_label": "assessment",
            "form": form,
            "insight": numbers,
            "progress": progress_insight(start, end),
            "can_export": request.user.has_perm("assessment.export_assessments"),
            "export_query": f"start={start.isoformat()}&end={end.isoformat()}",
        },
    )


def export_csv(request):
    _require(request, "assessment.export_assessments")
    _form, start, end = _period(request)
    response = StreamingHttpResponse(
        export.rows(period_queryset(start, end)), content_type="text/csv; charset=utf-8"
    )
    filename = f"painmap-assessments-{start.isoformat()}-to-{end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
