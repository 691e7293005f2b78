"""Response headers Django does not set itself.

Placed right after SecurityMiddleware, so they go on every response: pages, error pages and
the static files WhiteNoise serves.
"""

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
