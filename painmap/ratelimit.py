"""Per-address rate limits that hold across workers, threads and machines.

Used to slow down guessing (resume codes, share-link tokens) and floods of new assessments.
Two ways to count:

* ``@rate_limited("start")`` counts every POST to the view and answers 429 once over the limit;
* ``@limit_failures("share")`` / ``attempt`` + ``refund`` count only *wrong* attempts, so a
  person typing their code correctly is never slowed down.

Limits come from ``settings.PAINMAP_RATE_LIMITS`` ("30/h", "10/10m"): fixed windows, so a
window that starts at 10:00 with "5/h" ends at 11:00 whatever happens in between.

Why a table and not the cache: Django's database cache re-sets a key's expiry on ``incr()``
(so a window reset itself after 5 minutes) and a "check, then record" pair lets a burst of
concurrent requests all pass the check. Here each attempt is *recorded first*, by one atomic
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` on :class:`painmap.models.RateCounter` (one row
per bucket and window; PostgreSQL and SQLite ≥ 3.35 both run it atomically), and the count it
returns decides. Forty concurrent starts against "5/h" give exactly five successes.

Addresses are never stored: the bucket holds a keyed hash of the address. IPv6 clients are
counted per /64, the block one household or one server is normally given.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, models
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import RateCounter

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


def _header_or_peer(request) -> str:
    header = getattr(settings, "PAINMAP_CLIENT_IP_HEADER", "")
    if header:
        # The proxy appends the peer it saw; anything before that the client could have sent.
        value = request.META.get(header, "").split(",")[-1].strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "")


def client_address(request) -> str:
    """The address the limits (and the admin lockout, django-axes) apply to.

    REMOTE_ADDR, unless ``PAINMAP_CLIENT_IP_HEADER`` names a header that the reverse proxy
    *sets* (for example ``HTTP_X_REAL_IP``). X-Forwarded-For is not trusted by default: a client
    can put anything in its first entry. An IPv6 address stands for its /64: anyone given one
    address is normally given the whole block, so counting addresses one by one would give an
    attacker 2^64 fresh limits.
    """
    raw = _header_or_peer(request).strip()
    try:
        address = ipaddress.ip_address(raw.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    except ValueError:
        return raw[:100] or "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def axes_client_ip(request) -> str | None:
    """`client_address` for django-axes, which stores it in an IP address column: an IPv6
    client stands for its /64 by the block's first address; no valid address gives None."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_network(address, strict=False).network_address)
    except ValueError:
        return None


def _bucket(scope: str, address: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}".encode(), hashlib.sha256
    ).hexdigest()[:40]
    return f"{scope[:30]}:{digest}"


def _window(rate: Rate, now: float | None) -> tuple[int, int]:
    """The (start, end) of the fixed window holding `now`, in whole seconds."""
    now = time.time() if now is None else now
    start = int(now // rate.seconds) * rate.seconds
    return start, start + rate.seconds


def _upsert(bucket: str, start: int, end: int, step: int) -> int:
    """Add `step` to the bucket's count in this window, atomically; return the new count."""
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    count = connection.ops.quote_name("count")
    sql = (
        f"INSERT INTO {table} (bucket, window_start, expires_at, {count}) "
        "VALUES (%s, %s, %s, %s) "
        f"ON CONFLICT (bucket, window_start) DO UPDATE SET {count} = {table}.{count} + %s "
        f"RETURNING {count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [bucket, start, end, max(step, 0), step])
        return cursor.fetchone()[0]


def used(request, scope: str, now: float | None = None) -> int:
    """How many attempts this address has made in the current window (counts nothing)."""
    start, _end = _window(rate_for(scope), now)
    bucket = _bucket(scope, client_address(request))
    return (
        RateCounter.objects.filter(bucket=bucket, window_start=start)
        .values_list("count", flat=True)
        .first()
        or 0
    )


def is_limited(request, scope: str, now: float | None = None) -> bool:
    """Whether this address has used up its attempts in the current window (counts nothing)."""
    return used(request, scope, now) >= rate_for(scope).count


def record(request, scope: str, now: float | None = None) -> int:
    """Count one attempt for this address; return how many it has made in this window."""
    rate = rate_for(scope)
    start, end = _window(rate, now)
    return _upsert(_bucket(scope, client_address(request)), start, end, 1)


def refund(request, scope: str, now: float | None = None) -> None:
    """Take back one attempt counted by `attempt` that turned out to be a right one."""
    rate = rate_for(scope)
    start, end = _window(rate, now)
    bucket = _bucket(scope, client_address(request))
    RateCounter.objects.filter(bucket=bucket, window_start=start, count__gt=0).update(
        count=models.F("count") - 1
    )


def hit(request, scope: str, now: float | None = None) -> bool:
    """Count one attempt and return True while the address is still within its limit.

    Recorded before it is judged: of any number of concurrent attempts, exactly as many as
    the limit allows see a count within it.
    """
    return record(request, scope, now) <= rate_for(scope).count


attempt = hit  # for views that count every try and `refund` the right ones


def prune(now: float | None = None) -> int:
    """Delete counters whose window has ended; return how many went."""
    now = time.time() if now is None else now
    deleted, _ = RateCounter.objects.filter(expires_at__lt=int(now)).delete()
    return deleted


def too_many_requests(request, scope: str):
    """A plain page asking the person to wait, with status 429 and a Retry-After header."""
    rate = rate_for(scope)
    _start, end = _window(rate, None)
    wait = max(1, end - int(time.time()))
    minutes = max(1, round(wait / 60))
    response = render(
        request,
        "429.html",
        {"title": _("Please wait before trying again"), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(wait)
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

    For links and codes that are either right or wrong. Every try is counted before the view
    runs (so a burst of concurrent guesses cannot all be judged), and a right one is given
    back afterwards: a person with the right link is never slowed down, and someone trying
    many wrong ones gets the 429 page, even for a right one, until the window passes.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not attempt(request, scope):
                refund(request, scope)  # a refused try is not a guess that was judged
                return too_many_requests(request, scope)
            try:
                response = view(request, *args, **kwargs)
            except Http404:
                raise
            except BaseException:
                refund(request, scope)
                raise
            if response.status_code != 404:
                refund(request, scope)
            return response

        return wrapped

    return decorator


# ---------------------------------------------------------------- work done at once

_SLOTS: dict[str, threading.BoundedSemaphore] = {}
_SLOTS_LOCK = threading.Lock()


def _slots(name: str) -> threading.BoundedSemaphore:
    with _SLOTS_LOCK:
        if name not in _SLOTS:
            size = max(1, int(settings.PAINMAP_AT_ONCE.get(name, 1)))
            _SLOTS[name] = threading.BoundedSemaphore(size)
        return _SLOTS[name]


@contextmanager
def slot(name: str):
    """Hold one of this worker process's `PAINMAP_AT_ONCE[name]` slots, or yield False now.

    Never waits: a request that would queue behind slow work is answered at once instead, so
    the worker's other threads stay free for everything else.
    """
    semaphore = _slots(name)
    taken = semaphore.acquire(blocking=False)
    try:
        yield taken
    finally:
        if taken:
            semaphore.release()


def busy(request, retry_after: int = 10):
    """A calm 503 page: too much of this kind of work right now, try again in a few seconds."""
    response = render(
        request,
        "503_busy.html",
        {"title": _("This is busy at the moment"), "seconds": retry_after},
        status=503,
    )
    response["Retry-After"] = str(retry_after)
    return response


def at_most_at_once(name: str, retry_after: int = 10):
    """Decorate a view so a worker runs at most `PAINMAP_AT_ONCE[name]` of it at once."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            with slot(name) as taken:
                if not taken:
                    return busy(request, retry_after)
                return view(request, *args, **kwargs)

        return wrapped

    return decorator
