"""The clinical lead's workbench: questionnaire versions, their weights and the test bench.

A published or retired version is read-only here, as it is in the models: every change page of
it (and of its sections, items, answers and weights) opens in view mode under a banner that says
to clone it. The models refuse changes anyway; any refusal that still gets through is shown as a
message rather than an error page. Nested inlines are not in core Django, so the levels link:
version → items (inline, with each item's answers and weights as text) → item page (answers
inline) → answer page (weights inline).
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Max
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ..models import (
    AnswerOption,
    Item,
    OptionWeight,
    PublishedQuestionnaireError,
    PublishRecord,
    Questionnaire,
    Section,
    TestStory,
)
from ..rules.cautions import CAUTION_CODES
from ..rules.codes import REQUIRED_ITEMS, TOOLKIT_SLUGS, TYPE_CODES
from ..rules.labels import TYPE_LETTERS
from . import views as admin_views
from .testbench import NO_PATTERN


def weights_text(option) -> str:
    """Compact weights of one answer, e.g. "C+2 S+1"; uses prefetched weights."""
    return " ".join(
        f"{TYPE_LETTERS.get(w.type, w.type)}{w.points:+d}"
        for w in sorted(
            option.weights.all(),
            key=lambda w: TYPE_CODES.index(w.type) if w.type in TYPE_CODES else 99,
        )
    )


class LockedVersionMixin:
    """Read-only when the owning version is not a draft; refusals become messages, not 500s."""

    locked_banner_template = "admin/assessment/locked_change_form.html"

    def questionnaire_of(self, obj) -> Questionnaire | None:
        return obj.owning_questionnaire() if obj is not None else None

    def is_locked(self, obj) -> bool:
        questionnaire = self.questionnaire_of(obj)
        return questionnaire is not None and questionnaire.is_locked

    def has_change_permission(self, request, obj=None):
        if self.is_locked(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.is_locked(obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # queryset.delete() would skip the models' lock; delete row by row so it holds.
        for obj in queryset:
            obj.delete()

    def _refused(self, request, exc, obj_url):
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(obj_url)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            obj = self.get_object(request, object_id)
            questionnaire = self.questionnaire_of(obj)
            if questionnaire is not None and questionnaire.is_locked:
                extra_context["locked_questionnaire"] = questionnaire
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except PublishedQuestionnaireError as exc:
            return self._refused(request, exc, request.path)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except PublishedQuestionnaireError as exc:
            return self._refused(request, exc, request.path.rsplit("delete/", 1)[0])

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except PublishedQuestionnaireError as exc:
            return self._refused(request, exc, request.path)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except PublishedQuestionnaireError as exc:
            return self._refused(request, exc, request.path)


class LockedInlineMixin:
    """Inline rows of a locked version cannot be added, changed or deleted."""

    def _parent_locked(self, obj) -> bool:
        if obj is None:
            return False
        questionnaire = obj if isinstance(obj, Questionnaire) else obj.owning_questionnaire()
        return questionnaire.is_locked

    def has_add_permission(self, request, obj=None):
        return not self._parent_locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._parent_locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._parent_locked(obj) and super().has_delete_permission(request, obj)


class HiddenFromIndexMixin:
    """Reachable by link and for history, but not listed on the admin index."""

    def get_model_perms(self, request):
        return {}


# Questionnaire ---------------------------------------------------------------------------------


class SectionInline(LockedInlineMixin, admin.TabularInline):
    model = Section
    fields = ("order", "code", "title")
    extra = 0


class ItemInline(LockedInlineMixin, admin.TabularInline):
    model = Item
    fields = ("section", "order", "code", "kind", "wording", "show_when", "answers_and_weights")
    readonly_fields = ("show_when", "answers_and_weights")
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section")
            .prefetch_related("options__weights")
            .order_by("section__order", "order", "pk")
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":
            parent = getattr(request, "_workbench_questionnaire", None)
            kwargs["queryset"] = Section.objects.filter(questionnaire=parent)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("shown when"))
    def show_when(self, item):
        if not item.show_when_item:
            return "—"
        return f"{item.show_when_item} = {item.show_when_option}"

    @admin.display(description=_("answers (weights: P C S N)"))
    def answers_and_weights(self, item):
        options = list(item.options.all())
        if not options:
            return "—"
        return format_html_join(
            ", ",
            "<code>{}</code>{}",
            ((o.code, f" ({weights_text(o)})" if weights_text(o) else "") for o in options),
        )


@admin.register(Questionnaire)
class QuestionnaireAdmin(LockedVersionMixin, SimpleHistoryAdmin):
    list_display = ("version", "label", "status", "published_at", "item_count", "cloned_from")
    list_display_links = ("version", "label")
    list_filter = ("status",)
    fields = ("version", "label", "status", "published_at", "cloned_from", "changelog")
    readonly_fields = ("version", "status", "published_at", "cloned_from")
    inlines = (SectionInline, ItemInline)
    actions = ("clone_selected",)
    change_form_template = "admin/assessment/questionnaire/change_form.html"

    def questionnaire_of(self, obj):
        return obj

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=Count("items"))

    @admin.display(description=_("items"), ordering="item_total")
    def item_count(self, obj):
        return obj.item_total

    def get_formset_kwargs(self, request, obj, inline, prefix):
        request._workbench_questionnaire = obj
        return super().get_formset_kwargs(request, obj, inline, prefix)

    def get_inline_instances(self, request, obj=None):
        # Items need a section; a brand-new version has none yet, so add sections first.
        request._workbench_questionnaire = obj
        instances = super().get_inline_instances(request, obj)
        if obj is None:
            return [i for i in instances if not isinstance(i, ItemInline)]
        return instances

    def save_model(self, request, obj, form, change):
        if not change:
            top = Questionnaire.objects.aggregate(top=Max("version"))["top"] or 0
            obj.version = top + 1
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("insight/", view(admin_views.insight), name="assessment_insight"),
            path("export.csv", view(admin_views.export_csv), name="assessment_export"),
            path("<int:pk>/clone/", view(admin_views.clone), name="assessment_questionnaire_clone"),
            path(
                "<int:pk>/test/", view(admin_views.test_bench), name="assessment_questionnaire_test"
            ),
            path(
                "<int:pk>/preview/",
                view(admin_views.preview),
                name="assessment_questionnaire_preview",
            ),
            path(
                "<int:pk>/publish/",
                view(admin_views.publish),
                name="assessment_questionnaire_publish",
            ),
            path(
                "<int:pk>/retire/",
                view(admin_views.retire),
                name="assessment_questionnaire_retire",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["can_publish"] = request.user.has_perm("assessment.publish_questionnaire")
            context["can_clone"] = self.has_add_permission(request)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.action(description=_("Clone to a new draft"), permissions=["add"])
    def clone_selected(self, request, queryset):
        if queryset.count() != 1:
            messages.error(request, _("Choose exactly one version to clone."))
            return None
        return HttpResponseRedirect(
            reverse("admin:assessment_questionnaire_clone", args=[queryset.get().pk])
        )


# Items, answers, weights -------------------------------------------------------------------------


class AnswerOptionInline(LockedInlineMixin, admin.TabularInline):
    model = AnswerOption
    fields = ("order", "code", "label", "hint", "exclusive", "weights")
    readonly_fields = ("weights",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("weights")

    @admin.display(description=_("weights (P C S N)"))
    def weights(self, option):
        return weights_text(option) or "—"


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = (
            "questionnaire",
            "section",
            "order",
            "code",
            "kind",
            "wording",
            "hint",
            "why_we_ask",
            "optional",
            "show_when_item",
            "show_when_option",
            "min_value",
            "max_value",
            "min_label",
            "max_label",
        )

    def clean(self):
        cleaned = super().clean()
        section, questionnaire = cleaned.get("section"), cleaned.get("questionnaire")
        if section and questionnaire and section.questionnaire_id != questionnaire.pk:
            self.add_error("section", _("Choose a section of the same version."))
        if cleaned.get("show_when_option") and not cleaned.get("show_when_item"):
            self.add_error("show_when_item", _("Name the earlier item this answer belongs to."))
        if cleaned.get("show_when_item") and not cleaned.get("show_when_option"):
            self.add_error("show_when_option", _("Name the answer that shows this question."))
        return cleaned


@admin.register(Item)
class ItemAdmin(LockedVersionMixin, SimpleHistoryAdmin):
    form = ItemForm
    list_display = ("code", "wording", "kind", "section", "questionnaire")
    list_filter = ("questionnaire", "kind")
    list_select_related = ("section", "questionnaire")
    search_fields = ("code", "wording")
    inlines = (AnswerOptionInline,)
    change_form_template = "admin/assessment/locked_change_form.html"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "questionnaire":
            kwargs["queryset"] = Questionnaire.objects.filter(status=Questionnaire.Status.DRAFT)
        if db_field.name == "section":
            kwargs["queryset"] = Section.objects.filter(
                questionnaire__status=Questionnaire.Status.DRAFT
            ).select_related("questionnaire")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OptionWeightInline(LockedInlineMixin, admin.TabularInline):
    model = OptionWeight
    fields = ("type", "points")
    extra = 0


@admin.register(AnswerOption)
class AnswerOptionAdmin(HiddenFromIndexMixin, LockedVersionMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "label")
    search_fields = ("code", "label", "item__code")
    fields = ("item", "code", "label", "hint", "exclusive", "order")
    raw_id_fields = ("item",)
    inlines = (OptionWeightInline,)
    change_form_template = "admin/assessment/locked_change_form.html"


@admin.register(Section)
class SectionAdmin(HiddenFromIndexMixin, LockedVersionMixin, SimpleHistoryAdmin):
    list_display = ("title", "code", "questionnaire")
    change_form_template = "admin/assessment/locked_change_form.html"


@admin.register(OptionWeight)
class OptionWeightAdmin(HiddenFromIndexMixin, LockedVersionMixin, SimpleHistoryAdmin):
    list_display = ("__str__",)
    raw_id_fields = ("option",)
    change_form_template = "admin/assessment/locked_change_form.html"


# Test bench -------------------------------------------------------------------------------------


ASKED_ORDER = {code: i for i, code in enumerate(REQUIRED_ITEMS)}


class PrettyJSONField(forms.JSONField):
    """JSON shown indented, so a clinician can read and edit a story's answers.

    Answers are listed in the order the questions are asked: PostgreSQL does not keep the
    order keys were saved in.
    """

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            value = dict(
                sorted(value.items(), key=lambda kv: ASKED_ORDER.get(kv[0], len(ASKED_ORDER)))
            )
        return json.dumps(value, indent=2, ensure_ascii=False)


class TestStoryForm(forms.ModelForm):
    answers = PrettyJSONField(
        label=_("answers by item code"),
        widget=forms.Textarea(attrs={"rows": 24, "cols": 60, "class": "vLargeTextField"}),
        help_text=_(
            'Item code to answer code(s), e.g. {"red_flags": ["none"], "duration": '
            '"gt_12_months", "intensity": 6}'
        ),
    )
    expected_leading = forms.MultipleChoiceField(
        label=_("expected leading type (any of)"),
        choices=[(c, c) for c in TYPE_CODES]
        + [(NO_PATTERN, _("none: the answers may point to no single pattern"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick none of them when no type may be named at all (an emergency)."),
    )
    required_suggestions = forms.MultipleChoiceField(
        label=_("must suggest"),
        choices=[(s, s) for s in TOOLKIT_SLUGS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    forbidden_suggestions = forms.MultipleChoiceField(
        label=_("must not suggest"),
        choices=[(s, s) for s in TOOLKIT_SLUGS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    required_cautions = PrettyJSONField(
        label=_("required cautions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text=_(
            'Toolkit slug to caution code, e.g. {"omega-3": "anticoagulant"}. '
            "Caution codes: %(codes)s."
        )
        % {"codes": ", ".join(CAUTION_CODES)},
    )

    class Meta:
        model = TestStory
        fields = (
            "title",
            "story",
            "active",
            "answers",
            "expected_leading",
            "expected_urgency",
            "expected_crisis",
            "expected_acute",
            "required_suggestions",
            "forbidden_suggestions",
            "required_cautions",
        )

    def clean_answers(self):
        answers = self.cleaned_data["answers"]
        if not isinstance(answers, dict):
            raise forms.ValidationError(_("Answers must be an object of item code to answer."))
        return answers

    def clean_required_cautions(self):
        cautions = self.cleaned_data.get("required_cautions") or {}
        if not isinstance(cautions, dict):
            raise forms.ValidationError(_("Cautions must be an object of slug to caution code."))
        for slug, code in cautions.items():
            if slug not in TOOLKIT_SLUGS:
                raise forms.ValidationError(_("Unknown toolkit slug “%(slug)s”.") % {"slug": slug})
            if code not in CAUTION_CODES:
                raise forms.ValidationError(
                    _("Unknown caution code “%(code)s” for “%(slug)s”.")
                    % {"code": code, "slug": slug}
                )
        return cautions


@admin.register(TestStory)
class TestStoryAdmin(SimpleHistoryAdmin):
    form = TestStoryForm
    list_display = ("title", "leading", "expected_urgency", "expected_crisis", "active")
    list_filter = ("active", "expected_urgency", "expected_crisis")
    search_fields = ("title", "story")
    fieldsets = (
        (None, {"fields": ("title", "story", "active")}),
        (_("Answers"), {"fields": ("answers",)}),
        (
            _("What a clinician expects"),
            {
                "fields": (
                    "expected_leading",
                    "expected_urgency",
                    "expected_crisis",
                    "expected_acute",
                    "required_suggestions",
                    "forbidden_suggestions",
                    "required_cautions",
                )
            },
        ),
    )

    @admin.display(description=_("expected leading"))
    def leading(self, story):
        return ", ".join(story.expected_leading or [])


@admin.register(PublishRecord)
class PublishRecordAdmin(admin.ModelAdmin):
    list_display = ("questionnaire", "published_by", "published_at", "overridden")
    list_select_related = ("questionnaire", "published_by")
    readonly_fields = (
        "questionnaire",
        "published_by",
        "published_at",
        "confirmed_despite_failures",
        "failing_list",
    )
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("published despite failing stories"), boolean=True)
    def overridden(self, record):
        return record.confirmed_despite_failures

    @admin.display(description=_("failing stories"))
    def failing_list(self, record):
        if not record.failing_stories:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                (
                    (f.get("title", ""), "; ".join(f.get("problems", [])))
                    for f in record.failing_stories
                ),
            ),
        )
