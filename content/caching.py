"""Guide pages are the same for every visitor, so they are served from a cache.

Any change to the guide (or to a questionnaire, which the "How MAP works" page shows) clears
the cache of the worker that saved it at once; other workers pick it up within
PAINMAP_PAGES_TIMEOUT seconds (60 by default).
"""

from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.views.decorators.cache import cache_page

PAGES = "pages"


def guide_page(view):
    """Serve a public, anonymous, GET-only page from the pages cache."""
    return cache_page(None, cache=PAGES)(view)


def clear_pages(**kwargs) -> None:
    caches[PAGES].clear()


def connect_signals(models) -> None:
    for model in models:
        post_save.connect(clear_pages, sender=model, dispatch_uid=f"pages-save-{model.__name__}")
        post_delete.connect(clear_pages, sender=model, dispatch_uid=f"pages-del-{model.__name__}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                clear_pages,
                sender=field.remote_field.through,
                dispatch_uid=f"pages-m2m-{model.__name__}-{field.name}",
            )
