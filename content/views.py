"""The public guide. Views only fetch published rows, with every relation in a fixed number of
queries, and hand them to templates; Markdown was rendered to safe HTML when it was saved."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from . import evidence
from .models import Article, CautionRule, PresentationType, Question, Reference, ToolkitItem


def _published_types():
    return Prefetch("types", queryset=PresentationType.objects.published())


def _published_articles(attr="articles"):
    return Prefetch(attr, queryset=Article.objects.published())


def _published_questions():
    return Prefetch("questions", queryset=Question.objects.published())


def _sources():
    return Prefetch("sources", queryset=Reference.objects.order_by("order", "pk"))


def _cautions():
    return Prefetch("cautions", queryset=CautionRule.objects.order_by("order", "code"))


def home(request):
    articles = list(Article.objects.published())
    context = {
        "title": _("Chronic pain: why it persists and what helps"),
        "intro": next((a for a in articles if a.section == Article.Section.GENERAL), None),
        "mechanisms": [a for a in articles if a.section == Article.Section.MECHANISM],
        "care_gaps": [a for a in articles if a.section == Article.Section.CARE_GAP],
        "types": PresentationType.objects.published(),
        "toolkit": ToolkitItem.objects.published(),
        "questions": Question.objects.published(),
    }
    return render(request, "content/home.html", context)


def article_page(request, articles, *, preview=False, **lookup):
    """One article from `articles` with its published links; the admin's preview shares it."""
    article = get_object_or_404(
        articles.prefetch_related(_published_types(), _published_questions(), _sources()),
        **lookup,
    )
    context = {"title": article.title, "article": article, "preview": preview}
    return render(request, "content/article.html", context)


def article(request, slug):
    return article_page(request, Article.objects.published(), slug=slug)


def presentation_type(request, code):
    ptype = get_object_or_404(
        PresentationType.objects.published().prefetch_related(
            Prefetch(
                "toolkit_items",
                queryset=ToolkitItem.objects.published().prefetch_related(_cautions()),
            ),
            _published_articles(),
            _published_questions(),
        ),
        code=code,
    )
    return render(request, "content/type.html", {"title": ptype.name, "type": ptype})


def toolkit(request):
    items = ToolkitItem.objects.published().prefetch_related(_cautions(), _published_types())
    return render(request, "content/toolkit.html", {"title": _("Toolkit"), "items": items})


def toolkit_item(request, slug):
    item = get_object_or_404(
        ToolkitItem.objects.published().prefetch_related(
            _cautions(), _published_types(), _sources()
        ),
        slug=slug,
    )
    return render(request, "content/toolkit_item.html", {"title": item.name, "item": item})


def questions(request):
    items = Question.objects.published().prefetch_related(_published_articles(), _published_types())
    return render(
        request, "content/questions.html", {"title": _("Real questions"), "questions": items}
    )


def evidence_scale(request):
    # The scale is plain data (content.evidence), so this page needs no database query.
    return render(
        request,
        "content/evidence.html",
        {"title": _("How strong is the evidence?"), "scale": evidence.SCALE},
    )


def privacy(request):
    return render(
        request,
        "content/privacy.html",
        {
            "title": _("Privacy"),
            "retention_days": settings.PAINMAP_RETENTION_DAYS,
            "share_days": settings.PAINMAP_SHARE_DAYS,
        },
    )
