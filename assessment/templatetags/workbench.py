"""Admin index helpers: what needs a reviewer's attention, for the signed-in user."""

from django import template
from django.urls import reverse
from django.utils import timezone

register = template.Library()


@register.simple_tag(takes_context=True)
def overdue_reviews(context):
    """Guide content whose review date has passed, per model the user may see: label, count, url.

    Three counting queries; the links open each list filtered to the overdue rows.
    """
    from content.models import Article, Question, ToolkitItem

    user = context["request"].user
    today = timezone.localdate()
    rows = []
    for model in (Article, ToolkitItem, Question):
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        count = model.objects.overdue_for_review(today).count()
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + "?overdue=yes"
        rows.append({"label": opts.verbose_name_plural, "count": count, "url": url})
    return rows
