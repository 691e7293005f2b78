"""A small fixed-window rate limiter on Django's cache, keyed on the client address.

Used to slow down guessing (resume codes, share-link tokens) and floods of new assessments.
Two ways to count:

* ``@rate_limited("start")`` counts every POST to the view and answers 429 once over the limit;
* ``is_limited(request, "resume")`` / ``record(request, "resume")`` let a view count only
  *wrong* attempts, so a person typing their code correctly is never slowed down.

Limits come from ``settings.PAINMAP_RATE_LIMITS`` ("30/h", "10/10m"). The cache must be shared
by every worker process for the limit to hold (``DJANGO_CACHE=db`` in production): with the
per-process local-memory cache each gunicorn worker counts on its own.

Addresses are never stored as such: the cache key holds a keyed hash of the address, so the
cache table cannot be read back as a list of who used the site.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """ "30/h" is 30 per hour, "10/10m" is 10 per ten minutes."""
        match = _RATE.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a rate such as '30/h' or '10/10m'")
        count, multiple, unit = match.groups()
        seconds = int(multiple or 1) * _UNITS[unit]
        if int(count) < 1 or seconds < 1:
            raise ValueError(f"{text!r} must allow at least one request per period")
        return cls(int(count), seconds)


def rate_for(scope: str) -> Rate:
    return Rate.parse(settings.PAINMAP_RATE_LIMITS[scope])


def client_address(request) -> str:
    """The address the limit applies to.

    REMOTE_ADDR, unless ``PAINMAP_CLIENT_IP_HEADER`` names a header that the reverse proxy
    *sets* (for example ``HTTP_X_REAL_IP``). X-Forwarded-For is not trusted by default: a client
    can put anything in its first entry.
    """
    header = getattr(settings, "PAINMAP_CLIENT_IP_HEADER", "")
    if header:
        value = request.META.get(header, "").split(",")[-1].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, address: str, rate: Rate, now: float) -> str:
    window = int(now // rate.seconds)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}".encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"painmap-rl:{scope}:{rate.seconds}:{window}:{digest}"


def _count(scope: str, address: str, now: float | None = None) -> tuple[str, int, Rate]:
    rate = rate_for(scope)
    key = _key(scope, address, rate, time.time() if now is None else now)
    return key, cache.get(key, 0), rate


def is_limited(request, scope: str, now: float | None = None) -> bool:
    """Whether this address has used up its attempts in the current window (does not count)."""
    _, used, rate = _count(scope, client_address(request), now)
    return used >= rate.count


def record(request, scope: str, now: float | None = None) -> int:
    """Count one attempt for this address; return how many it has made in this window."""
    key, _, rate = _count(scope, client_address(request), now)
    # add() is a no-op when the key exists; the timeout outlives the window by a little so a
    # counter never disappears early. incr() is atomic on the database and Redis caches.
    cache.add(key, 0, timeout=rate.seconds + 5)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=rate.seconds + 5)
        return 1


def hit(request, scope: str, now: float | None = None) -> bool:
    """Count one attempt and return True while the address is still within its limit."""
    return record(request, scope, now) <= rate_for(scope).count


def too_many_requests(request, scope: str):
    """A plain page asking the person to wait, with status 429 and a Retry-After header."""
    rate = rate_for(scope)
    minutes = max(1, round(rate.seconds / 60))
    response = render(
        request,
        "429.html",
        {"title": _("Please wait before trying again"), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(rate.seconds)
    return response


def rate_limited(scope: str, methods: tuple[str, ...] = ("POST",)):
    """Decorate a view so each request with one of `methods` counts against `scope`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and not hit(request, scope):
                return too_many_requests(request, scope)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def limit_failures(scope: str):
    """Decorate a view so only its *failures* (a 404, raised or returned) count against `scope`.

    For links and codes that are either right or wrong: a person with the right one is never
    slowed down, and someone trying many wrong ones gets the 429 page, even for a right one,
    until the window passes.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if is_limited(request, scope):
                return too_many_requests(request, scope)
            try:
                response = view(request, *args, **kwargs)
            except Http404:
                record(request, scope)
                raise
            if response.status_code == 404:
                record(request, scope)
            return response

        return wrapped

    return decorator
