"""Response headers Django does not set itself.

Placed right after SecurityMiddleware, so they go on every response: pages, error pages and
the static files WhiteNoise serves.
"""

import csp.middleware
import csp.utils
from django.conf import settings
from django.utils.cache import add_never_cache_headers

# Nothing on PainMap needs a device sensor, payments or ad-interest APIs: switch them all off,
# also for anything a future page might embed. (interest-cohort, the retired FLoC, is left
# out on purpose: current Chromium logs an "unrecognized feature" error for it.)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

ROBOTS = "noindex, nofollow, noarchive"


def private_prefixes() -> tuple[str, ...]:
    """URL prefixes whose pages belong to one person or to editors: never indexed or cached."""
    return ("/map/", "/shared/", "/" + settings.ADMIN_PATH)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = private_prefixes()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Our pages, styles and images are for this site only; no other origin may embed them.
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(self.prefixes):
            response.headers.setdefault("X-Robots-Tag", ROBOTS)
            # Someone's answers must not sit in a shared proxy or the browser's back-forward
            # cache on a shared computer. Views that already chose a policy keep it.
            if "Cache-Control" not in response.headers:
                add_never_cache_headers(response)
        return response


# django-simple-history's admin history page carries one inline style attribute
# (`<p class="paginator" style="border-top: 0">`), which `style-src 'self'` blocks. Allow that
# exact attribute, by hash, on admin pages only; everything else stays as strict as the site.
ADMIN_CSP_REPLACE = {
    "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
}


# Response attributes by which a view asks django-csp for a different policy.
PER_VIEW_CSP = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the admin's one relaxation above.

    Almost every response carries the same site-wide policy, so that string is built once
    rather than on every request (it was the largest cost of serving a cached page). Anything
    unusual (the admin, a nonce, a view's own policy, a report-only policy) takes
    django-csp's full path.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.admin_prefix = "/" + settings.ADMIN_PATH
        self.site_policy = csp.utils.build_policy()
        self.fast = not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)

    def process_response(self, request, response):
        if (
            self.fast
            and csp.middleware.HEADER not in response
            and getattr(request, "_csp_nonce", None) is None
            and not request.path.startswith(self.admin_prefix)
            and not any(hasattr(response, name) for name in PER_VIEW_CSP)
        ):
            response[csp.middleware.HEADER] = self.site_policy
            # As django-csp does: a nonce asked for after this point is an error, not a gap.
            request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(self.admin_prefix) and parts.replace is None:
            parts.replace = ADMIN_CSP_REPLACE
        return parts


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after ``PAINMAP_STAFF_IDLE_MINUTES`` without a request (30).

    Each staff request sets the session to expire that long from now, so the limit is idle
    time, enforced by the session store itself (an expired session is never loaded). Patients
    are never signed in, so their sessions keep ``SESSION_COOKIE_AGE`` (30 days, for resuming).
    After AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only admin requests are looked at: anywhere else, asking for the user would load the
        # session, a query on every patient page (staff idle time is time idle in the admin).
        if request.path.startswith("/" + settings.ADMIN_PATH):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.is_staff:
                request.session.set_expiry(settings.PAINMAP_STAFF_IDLE_MINUTES * 60)
        return self.get_response(request)
