"""The editors' admin: find, write, review and publish guide content, with its history."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Article,
    Caution,
    PresentationType,
    Question,
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
    for obj in queryset:
        if obj.status != status:
            obj.status = status
            obj._change_reason = f"Set to {status} from the admin list"
            obj.save()
            changed += 1
    modeladmin.message_user(request, done_message(changed), messages.SUCCESS)


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


class GuideAdmin(SimpleHistoryAdmin):
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
    list_display = ("title", "section", "status", "order", "last_reviewed", "review_due")
    list_filter = (*REVIEW_FILTERS, "section", "types")
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("types",)
    ordering = ("section", "order", "title")
    fieldsets = (
        (None, {"fields": ("title", "slug", "section", "order", "summary", "body")}),
        (_("Sources and links"), {"fields": ("references", "types")}),
        REVIEW_FIELDSET,
    )


class CautionInline(admin.TabularInline):
    model = Caution
    extra = 1
    fields = ("code", "text")


@admin.register(ToolkitItem)
class ToolkitItemAdmin(GuideAdmin):
    list_display = ("name", "slug", "needs_prescription", "status", "order", "review_due")
    list_filter = (*REVIEW_FILTERS, "needs_prescription", "types")
    search_fields = ("name", "slug", "summary", "what_it_does", "dose", "evidence")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("types",)
    ordering = ("order", "name")
    inlines = [CautionInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "order", "summary", "what_it_does")}),
        (
            _("Dose, timing and evidence"),
            {"fields": ("dose", "time_to_effect", "evidence", "needs_prescription", "types")},
        ),
        REVIEW_FIELDSET,
    )


@admin.register(Caution)
class CautionAdmin(SimpleHistoryAdmin):
    list_display = ("item", "code", "text")
    list_filter = ("code", "item")
    list_select_related = ("item",)
    search_fields = ("item__name", "item__slug", "text")
    autocomplete_fields = ("item",)
    ordering = ("item__order", "item__name", "code")


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
class SupportTextAdmin(SimpleHistoryAdmin):
    """One row per place a safety text is shown; editors change the words, not the places."""

    list_display = ("slug", "heading", "updated_at")
    fields = ("slug", "heading", "body")

    def get_readonly_fields(self, request, obj=None):
        return ("slug",) if obj else ()
