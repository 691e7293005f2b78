"""The editors' admin: find, write, review and publish guide content, with its history."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import views
from .markdown import normalise_newlines
from .models import (
    Article,
    CautionRule,
    PresentationType,
    Question,
    Reference,
    Status,
    SupportText,
    ToolkitItem,
)


class OverdueForReviewFilter(admin.SimpleListFilter):
    title = _("overdue for review")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue for review")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "yes":
            return queryset.overdue_for_review(today)
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.overdue_for_review(today).values("pk"))
        return queryset


def _set_status(modeladmin, request, queryset, status, done_message):
    # Save one by one (not queryset.update) so every change is kept in the history.
    changed = 0
    ungraded = []
    for obj in queryset:
        # The same rule as the change form (Graded.clean): no publishing without a grade.
        if status == Status.PUBLISHED and getattr(obj, "evidence_strength", None) == "":
            ungraded.append(str(obj))
            continue
        if obj.status != status:
            obj.status = status
            obj._change_reason = f"Set to {status} from the admin list"
            obj.save()
            changed += 1
    modeladmin.message_user(request, done_message(changed), messages.SUCCESS)
    if ungraded:
        modeladmin.message_user(
            request,
            _("Not published, set the strength of evidence first: %s") % "; ".join(ungraded),
            messages.WARNING,
        )


@admin.action(description=_("Publish selected items"), permissions=["change"])
def publish(modeladmin, request, queryset):
    _set_status(
        modeladmin,
        request,
        queryset,
        Status.PUBLISHED,
        lambda n: ngettext("%d item published.", "%d items published.", n) % n,
    )


@admin.action(description=_("Unpublish selected items (back to draft)"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    _set_status(
        modeladmin,
        request,
        queryset,
        Status.DRAFT,
        lambda n: ngettext("%d item unpublished.", "%d items unpublished.", n) % n,
    )


REVIEW_FIELDSET = (
    _("Publishing and review"),
    {"fields": ("status", "last_reviewed", "review_due", "reviewed_by")},
)
REVIEW_FILTERS = ("status", OverdueForReviewFilter, "review_due")
# The grade is reviewed with the text, so it sits just above the review dates.
EVIDENCE_FIELDSET = (
    _("Strength of evidence"),
    {
        "fields": ("evidence_strength", "evidence_claim"),
        "description": _(
            "Grade the one claim this rests on by its best reference, and no higher. Add the "
            "references below, each with a DOI or a link; for a national guideline, say "
            "whether it agrees."
        ),
    },
)


class PlainTextField(forms.CharField):
    """A textarea's text with LF line endings. Browsers send CRLF; comparing that with the stored
    LF text made every untouched Markdown field look changed (and recorded in the history)."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_newlines(value) if isinstance(value, str) else value


PLAIN_TEXT = {models.TextField: {"form_class": PlainTextField}}


def pages_delay_words() -> str:
    """How long another worker may go on serving its cached copy of a guide page."""
    seconds = int(settings.CACHES["pages"].get("TIMEOUT", 60))
    if seconds % 60 == 0:
        minutes = seconds // 60
        return ngettext("a minute", "%(n)d minutes", minutes) % {"n": minutes}
    return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}


class EditorAdmin(SimpleHistoryAdmin):
    """What every guide admin shares: text fields compared without line-ending noise, no
    history entry for a save that changed nothing, and the truth about when visitors see it."""

    formfield_overrides = {**PLAIN_TEXT}

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            # simple_history would otherwise record a version identical to the last.
            obj.skip_history_when_saving = True
        try:
            super().save_model(request, obj, form, change)
        finally:
            obj.__dict__.pop("skip_history_when_saving", None)
        if form.has_changed() or not change:
            messages.info(
                request,
                _(
                    "Visitors may see this change up to %(delay)s later: each web server keeps "
                    "guide pages for that long."
                )
                % {"delay": pages_delay_words()},
            )


class ReferenceInline(admin.StackedInline):
    model = Reference
    extra = 1
    fields = (("citation",), ("kind", "guideline_stance"), ("doi", "url"), "note", "order")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}, **PLAIN_TEXT}


class GuideAdmin(EditorAdmin):
    actions = [publish, unpublish]
    list_per_page = 50
    save_on_top = True


@admin.register(PresentationType)
class PresentationTypeAdmin(GuideAdmin):
    list_display = ("name", "code", "status", "order", "review_due")
    list_filter = REVIEW_FILTERS
    search_fields = ("name", "code", "summary", "drivers", "what_helps")
    ordering = ("order", "code")
    fieldsets = (
        (None, {"fields": ("code", "name", "order", "summary", "drivers", "what_helps")}),
        REVIEW_FIELDSET,
    )


@admin.register(Article)
class ArticleAdmin(GuideAdmin):
    list_display = (
        "title",
        "section",
        "evidence_strength",
        "status",
        "order",
        "last_reviewed",
        "review_due",
    )
    list_filter = (*REVIEW_FILTERS, "evidence_strength", "section", "types")
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("types",)
    ordering = ("section", "order", "title")
    fieldsets = (
        (None, {"fields": ("title", "slug", "section", "order", "summary", "body")}),
        (_("Links"), {"fields": ("types",)}),
        EVIDENCE_FIELDSET,
        REVIEW_FIELDSET,
    )
    inlines = [ReferenceInline]

    def get_urls(self):
        preview = path(
            "<int:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="content_article_preview",
        )
        return [preview, *super().get_urls()]

    def view_on_site(self, obj):
        # A draft has no public page yet: "View on site" opens the editors' preview instead.
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("admin:content_article_preview", args=[obj.pk])

    def preview_view(self, request, object_id):
        """The article as visitors will see it, draft or not, for signed-in staff only. It lives
        under the admin, so the guide page cache never stores it, and it is never cached."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = views.article_page(request, Article.objects.all(), preview=True, pk=object_id)
        add_never_cache_headers(response)  # no-store, private: a draft stays off every cache
        response["X-Robots-Tag"] = "noindex"
        return response


class CautionInline(admin.TabularInline):
    """The caution rules riding on this item (edit each rule on its own page)."""

    model = CautionRule.items.through
    extra = 0
    verbose_name = _("caution that rides on this item")
    verbose_name_plural = _("cautions that ride on this item")


@admin.register(ToolkitItem)
class ToolkitItemAdmin(GuideAdmin):
    list_display = (
        "name",
        "slug",
        "evidence_strength",
        "needs_prescription",
        "status",
        "order",
        "review_due",
    )
    list_filter = (*REVIEW_FILTERS, "evidence_strength", "needs_prescription", "types")
    search_fields = ("name", "slug", "summary", "what_it_does", "dose", "evidence")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("types",)
    ordering = ("order", "name")
    inlines = [CautionInline, ReferenceInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "order", "summary", "what_it_does")}),
        (
            _("Dose, timing and evidence"),
            {
                "fields": (
                    "dose",
                    "time_to_effect",
                    ("effect_from_weeks", "effect_to_weeks"),
                    "evidence",
                    "needs_prescription",
                    "types",
                )
            },
        ),
        EVIDENCE_FIELDSET,
        REVIEW_FIELDSET,
    )


class CautionForm(forms.ModelForm):
    class Meta:
        model = CautionRule
        fields = (
            "code",
            "kind",
            "label",
            "order",
            "triggers",
            "shown_when",
            "items",
            "rank_factor",
            "patient_text",
            "clinician_text",
        )
        widgets = {"triggers": forms.Textarea(attrs={"rows": 4, "cols": 60})}

    def clean_triggers(self):
        """Every trigger must name a question and answer the live MAP really has."""
        from assessment.rules.cautions import TriggerError, parse_triggers

        text = self.cleaned_data["triggers"]
        try:
            when = parse_triggers(text)
        except TriggerError as exc:
            raise forms.ValidationError(str(exc)) from None
        spec = _live_spec()
        if spec is not None:
            problems = []
            for group in when:
                for part in group:
                    item = spec.by_code.get(part.item)
                    if item is None:
                        problems.append(_("no question has the code “%s”") % part.item)
                    elif part.answer and part.answer not in item.options_by_code:
                        problems.append(
                            _("“%(item)s” has no answer “%(answer)s”")
                            % {"item": part.item, "answer": part.answer}
                        )
            if problems:
                raise forms.ValidationError(problems)
        return text

    def clean(self):
        data = super().clean()
        if data.get("kind") == CautionRule.Kind.SUGGESTION and not data.get("items"):
            self.add_error("items", _("Choose the toolkit items this caution rides on."))
        return data


def _live_spec():
    from assessment.models import Questionnaire
    from assessment.spec_loader import spec_for

    questionnaire = Questionnaire.objects.live()
    return spec_for(questionnaire) if questionnaire else None


@admin.register(CautionRule)
class CautionAdmin(EditorAdmin):
    """The one caution table: results, summary, PDF, FHIR, CSV, map_score, the test bench and
    the method page all read it. A change applies to assessments completed from then on."""

    form = CautionForm
    list_display = ("code", "label", "kind", "riding_on", "shown_when")
    list_filter = ("kind", "items")
    search_fields = ("code", "label", "patient_text", "clinician_text", "triggers")
    # A plain multiple select: it works with a keyboard alone and without JavaScript.
    fieldsets = (
        (None, {"fields": ("code", "kind", "label", "order")}),
        (_("When it is shown"), {"fields": ("triggers", "shown_when", "items", "rank_factor")}),
        (_("What it says"), {"fields": ("patient_text", "clinician_text")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("items")

    @admin.display(description=_("rides on"))
    def riding_on(self, obj):
        return ", ".join(item.slug for item in obj.items.all()) or "—"

    def get_readonly_fields(self, request, obj=None):
        from assessment.rules.cautions import CONTRACT_CODES

        # ITEMS.md names these codes: reword or extend them, but keep the code.
        if obj is not None and obj.code in CONTRACT_CODES:
            return ("code", "kind")
        return ()

    def has_delete_permission(self, request, obj=None):
        from assessment.rules.cautions import CONTRACT_CODES

        if obj is not None and obj.code in CONTRACT_CODES:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Question)
class QuestionAdmin(GuideAdmin):
    list_display = ("question", "slug", "status", "order", "review_due")
    list_filter = (*REVIEW_FILTERS, "types")
    search_fields = ("question", "slug", "answer")
    prepopulated_fields = {"slug": ("question",)}
    filter_horizontal = ("articles", "types")
    ordering = ("order", "question")
    fieldsets = (
        (None, {"fields": ("question", "slug", "order", "answer")}),
        (_("Links"), {"fields": ("articles", "types")}),
        REVIEW_FIELDSET,
    )


@admin.register(SupportText)
class SupportTextAdmin(EditorAdmin):
    """One row per place a safety text is shown; editors change the words, not the places."""

    list_display = ("slug", "heading", "updated_at")
    fields = ("slug", "heading", "body")

    def get_readonly_fields(self, request, obj=None):
        return ("slug",) if obj else ()


@admin.register(Reference)
class ReferenceAdmin(EditorAdmin):
    """Every source in one list, to check links and guideline stances at review time."""

    list_display = ("citation", "item", "article", "kind", "guideline_stance", "doi")
    list_filter = ("kind", "guideline_stance")
    list_select_related = ("item", "article")
    search_fields = ("citation", "doi", "url", "note")
    autocomplete_fields = ("item", "article")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}, **PLAIN_TEXT}
    ordering = ("kind", "citation")
