"""Guide pages are the same for every visitor, so they are served from a cache.

`GuidePageCacheMiddleware` sits just inside the security middleware: a cached guide page is
answered before sessions, CSRF, authentication and the rest are consulted, because none of
them changes a public page. The stored response is the complete one (Content-Security-Policy
included), and the outer middleware still adds its headers on the way out.

Any change to the guide (or to a questionnaire, which the "How MAP works" page shows) clears
the cache of the worker that saved it at once; other workers pick it up within
PAINMAP_PAGES_TIMEOUT seconds (60 by default).
"""

from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language_from_request

PAGES = "pages"

# Public pages whose content depends only on the guide and the published questionnaire.
GUIDE_EXACT = ("/", "/map/how-it-works/")
GUIDE_PREFIXES = (
    "/guide/",
    "/types/",
    "/toolkit/",
    "/questions/",
    "/privacy/",
    "/evidence/",
)


def is_guide_page(path: str) -> bool:
    return path in GUIDE_EXACT or path.startswith(GUIDE_PREFIXES)


class GuidePageCacheMiddleware:
    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.cache = caches[PAGES]
        # While developing, templates change under your feet: always render afresh.
        self.enabled = not settings.DEBUG

    def __call__(self, request):
        if (
            not self.enabled
            or request.method != "GET"
            or request.META.get("QUERY_STRING")
            or not is_guide_page(request.path_info)
        ):
            return self.get_response(request)
        key = f"page:{get_language_from_request(request)}:{request.path_info}"
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        # Only a plain, complete, public page: never an error, a redirect or one that sets a
        # cookie (that would be someone's session or token).
        if response.status_code == 200 and not response.streaming and not response.cookies:
            self.cache.set(key, response)
        return response


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
