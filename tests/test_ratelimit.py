"""Rate limits: counted atomically in the database, recorded before they are judged.

The concurrency tests need PostgreSQL (threads, each with its own connection, on a real
server); on SQLite they are skipped and the sequential tests still run the SQLite path.
Run them with `DATABASE_URL=postgres://…/pm_x pytest tests/test_ratelimit.py`.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from assessment.journey import services
from painmap import ratelimit
from painmap.models import RateCounter
from painmap.ratelimit import Rate

# 10 seconds into an hour, so an hour-long window has 59 minutes to run; every window used in
# this file (1 h, 10 min) starts exactly at this hour.
WINDOW_START = datetime(2027, 3, 1, 9, 0, 10, tzinfo=UTC)
NOW = WINDOW_START.timestamp()

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent requests need PostgreSQL (SQLite's shared in-memory test database "
    "locks whole tables between threads)",
)


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.PAINMAP_RATE_LIMITS = {
        "start": "3/h",
        "resume": "2/10m",
        "share": "2/10m",
        "pdf": "30/10m",
    }


@pytest.fixture(autouse=True)
def _clock_at_a_window_start():
    """Every test starts at WINDOW_START, the clock running: on the real clock a test that
    happened to run across a 10-minute boundary (more likely on a busy machine) saw its count
    start again and failed. Tests that move the clock further travel from here."""
    with time_machine.travel(WINDOW_START, tick=True):
        yield


@pytest.fixture(params=["locmem", "db"])
def cache_setting(request, settings, django_db_blocker):
    """Both cache settings the site runs with: the limits must not depend on either."""
    if request.param == "db":
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "painmap_cache_test",
            },
        }
        with django_db_blocker.unblock():
            call_command("createcachetable", verbosity=0)
    return request.param


def request_from(address="203.0.113.5", method="post", **meta):
    factory = RequestFactory()
    return getattr(factory, method)("/map/", REMOTE_ADDR=address, **meta)


def test_it_parses_rates():
    assert Rate.parse("30/h") == Rate(30, 3600)
    assert Rate.parse("10/10m") == Rate(10, 600)
    assert Rate.parse(" 5 / 2d ") == Rate(5, 172_800)
    for bad in ("", "30", "x/h", "30/w", "0/h", "30/0m"):
        with pytest.raises(ValueError):
            Rate.parse(bad)


def test_it_allows_up_to_the_limit_then_refuses(db):
    request = request_from()
    assert [ratelimit.hit(request, "start", now=NOW) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert ratelimit.is_limited(request, "start", now=NOW)


def test_it_counts_each_address_on_its_own(db):
    for _ in range(3):
        ratelimit.record(request_from("203.0.113.5"), "start", now=NOW)
    assert ratelimit.is_limited(request_from("203.0.113.5"), "start", now=NOW)
    assert not ratelimit.is_limited(request_from("203.0.113.6"), "start", now=NOW)


def test_it_counts_each_scope_on_its_own(db):
    request = request_from()
    ratelimit.record(request, "resume", now=NOW)
    ratelimit.record(request, "resume", now=NOW)
    assert ratelimit.is_limited(request, "resume", now=NOW)
    assert not ratelimit.is_limited(request, "share", now=NOW)


def test_it_keeps_counting_for_the_whole_window_and_not_after(db):
    request = request_from()
    for _ in range(3):
        ratelimit.record(request, "start", now=NOW)
    # The database cache's incr() used to reset a counter after 300 s; a window is a window.
    for later in (6 * 60, 30 * 60, 59 * 60 + 49):
        assert ratelimit.is_limited(request, "start", now=NOW + later), later
    assert not ratelimit.is_limited(request, "start", now=NOW + 59 * 60 + 50)


def test_it_does_not_count_when_only_asked(db):
    request = request_from()
    for _ in range(10):
        assert not ratelimit.is_limited(request, "resume", now=NOW)
    assert ratelimit.used(request, "resume", now=NOW) == 0


def test_it_gives_back_a_refunded_attempt(db):
    request = request_from()
    assert ratelimit.attempt(request, "resume", now=NOW)
    ratelimit.refund(request, "resume", now=NOW)
    assert ratelimit.used(request, "resume", now=NOW) == 0
    ratelimit.refund(request, "resume", now=NOW)  # never below zero
    assert ratelimit.used(request, "resume", now=NOW) == 0


def test_it_keeps_addresses_out_of_the_table(db):
    ratelimit.record(request_from("198.51.100.77"), "start", now=NOW)
    ratelimit.record(request_from("2001:db8:5:6::77"), "start", now=NOW)
    buckets = list(RateCounter.objects.values_list("bucket", flat=True))
    assert len(buckets) == 2
    assert not any("198.51" in bucket or "2001" in bucket for bucket in buckets)


def test_it_forgets_ended_windows_when_pruned(db):
    ratelimit.record(request_from(), "resume", now=NOW)
    ratelimit.record(request_from(), "start", now=NOW)
    assert ratelimit.prune(now=NOW + 601) == 1  # the 10-minute window has ended, the hour not
    assert RateCounter.objects.count() == 1


def test_it_counts_an_ipv6_block_of_64_as_one_address(db):
    neighbours = [f"2001:db8:aa:bb:{i:x}::{i + 1:x}" for i in range(3)]
    for address in neighbours:
        ratelimit.record(request_from(address), "start", now=NOW)
    assert ratelimit.client_address(request_from(neighbours[0])) == "2001:db8:aa:bb::/64"
    assert ratelimit.is_limited(request_from("2001:db8:aa:bb:ffff::1"), "start", now=NOW)
    assert not ratelimit.is_limited(request_from("2001:db8:aa:bc::1"), "start", now=NOW)
    # An IPv4 client seen through an IPv6 socket is still that IPv4 address.
    assert ratelimit.client_address(request_from("::ffff:192.0.2.8")) == "192.0.2.8"


def test_it_ignores_forwarded_for_unless_told_to_trust_a_header(settings, db):
    spoofed = [request_from("192.0.2.1", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}") for i in range(3)]
    for request in spoofed:
        ratelimit.record(request, "start", now=NOW)
    assert ratelimit.is_limited(request_from("192.0.2.1"), "start", now=NOW)

    settings.PAINMAP_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert ratelimit.client_address(request_from("192.0.2.1", HTTP_X_REAL_IP="203.0.113.9")) == (
        "203.0.113.9"
    )
    assert ratelimit.client_address(request_from("192.0.2.1")) == "192.0.2.1"


def test_it_answers_429_with_a_plain_page_from_the_decorator(db):
    calls = []

    @ratelimit.rate_limited("start")
    def view(request):
        calls.append(request)
        return HttpResponse("ok")

    with time_machine.travel(WINDOW_START, tick=False):
        statuses = [view(request_from()).status_code for _ in range(4)]
        refused = view(request_from())
    assert statuses == [200, 200, 200, 429]
    assert len(calls) == 3
    assert refused["Retry-After"] == str(3600 - 10)  # until the window ends
    body = refused.content.decode()
    assert "Please wait before trying again" in body
    assert "Wait 60 minutes" in body


def test_it_does_not_count_gets_by_default(db):
    @ratelimit.rate_limited("start")
    def view(request):
        return HttpResponse("ok")

    assert all(view(request_from(method="get")).status_code == 200 for _ in range(10))


def test_it_counts_only_failures_with_limit_failures(db):
    from django.http import Http404

    @ratelimit.limit_failures("share")
    def view(request, token):
        if token != "right":
            raise Http404("no such link")
        return HttpResponse("summary")

    assert view(request_from(method="get"), "right").status_code == 200
    assert view(request_from(method="get"), "right").status_code == 200
    for _ in range(2):  # the limit in this file is 2 wrong per 10 minutes
        with pytest.raises(Http404):
            view(request_from(method="get"), "wrong")
    refused = view(request_from(method="get"), "right")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 600
    assert view(request_from("198.51.100.2", method="get"), "right").status_code == 200
    assert ratelimit.used(request_from(method="get"), "share") == 2  # refusals are not guesses


def test_it_slows_down_guessing_share_links(client, db):
    for _ in range(2):
        assert client.get("/shared/not-a-real-link/").status_code == 404
    response = client.get("/shared/not-a-real-link/")
    assert response.status_code == 429
    assert "Please wait before trying again" in response.content.decode()
    assert client.get("/shared/not-a-real-link/summary.pdf").status_code == 429


def test_it_slows_down_guessing_resume_codes_but_not_their_owner(client, db):
    from tests.support import make_assessment, make_questionnaire

    assessment = make_assessment(make_questionnaire())
    for _ in range(5):  # right codes never count
        response = Client().post("/map/resume/", {"code": assessment.resume_code})
        assert response.status_code == 302
    for _ in range(2):
        response = client.post("/map/resume/", {"code": "ACDE-FGHJ"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post("/map/resume/", {"code": "ACDE-FGHJ"}).status_code == 429
    assert client.post("/map/resume/", {"code": assessment.resume_code}).status_code == 429


def test_it_limits_how_many_assessments_one_address_starts(client, cache_setting, db):
    from tests.support import make_questionnaire

    make_questionnaire()
    with time_machine.travel(WINDOW_START, tick=True):
        statuses = [client.post("/map/start/").status_code for _ in range(4)]
    with time_machine.travel(WINDOW_START + timedelta(minutes=6), tick=True):
        statuses.append(client.post("/map/start/").status_code)
    with time_machine.travel(WINDOW_START + timedelta(hours=1), tick=True):
        statuses.append(client.post("/map/start/").status_code)
    assert statuses == [302, 302, 302, 429, 429, 302]


# ---------------------------------------------------------------- concurrency (PostgreSQL)


def _at_once(count: int, send) -> Counter:
    """Run `send(i)` in `count` threads released together; tally what they return."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=30)
            results[i] = send(i)
        except Exception as exc:  # noqa: BLE001  (reported in the tally, so the test fails)
            results[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return Counter(results)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_forty_concurrent_starts_give_exactly_the_limit(settings, cache_setting):
    from assessment.models import Assessment
    from tests.support import make_questionnaire

    settings.PAINMAP_RATE_LIMITS = {**settings.PAINMAP_RATE_LIMITS, "start": "5/h"}
    make_questionnaire()

    def start(_i):
        return Client(REMOTE_ADDR="203.0.113.40").post("/map/start/").status_code

    with time_machine.travel(WINDOW_START, tick=True):
        tally = _at_once(40, start)
    assert tally == Counter({302: 5, 429: 35}), tally
    assert Assessment.objects.count() == 5
    with time_machine.travel(WINDOW_START + timedelta(minutes=6), tick=True):
        assert start(0) == 429
        assert Client(REMOTE_ADDR="203.0.113.41").post("/map/start/").status_code == 302
    assert Assessment.objects.count() == 6


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_wrong_resume_codes_are_judged_at_most_the_limit(settings, monkeypatch):
    settings.PAINMAP_RATE_LIMITS = {**settings.PAINMAP_RATE_LIMITS, "resume": "10/10m"}
    judged = []
    real = services.find_by_resume_code

    def counting(raw):
        judged.append(raw)
        return real(raw)

    monkeypatch.setattr(services, "find_by_resume_code", counting)

    def guess(i):
        response = Client(REMOTE_ADDR="203.0.113.80").post(
            "/map/resume/", {"code": f"ACDE-FG{'HJKMNPQRTUVWXY'[i % 14]}{i % 10}"}
        )
        return response.status_code

    tally = _at_once(40, guess)
    assert tally == Counter({200: 10, 429: 30}), tally
    assert len(judged) == 10


# ---------------------------------------------------------------- PDFs at once


@pytest.fixture
def pdf_assessment(db):
    from tests.support import make_assessment, seed_toolkit, v1

    seed_toolkit()
    return make_assessment(v1(), {}, complete=True)


def test_a_busy_worker_answers_pdfs_with_a_calm_503_and_keeps_serving_pages(
    client, pdf_assessment, settings
):
    from tests.support import claim

    settings.PAINMAP_AT_ONCE = {"pdf": 1}
    ratelimit._SLOTS.clear()
    claim(client, pdf_assessment)
    url = reverse("assessment:summary_pdf", args=[pdf_assessment.key])
    # The clock starts the next 10-minute window, so a slow machine cannot carry the count
    # into the one after (and the answers stay well within their retention period).
    next_window = (int(datetime.now(UTC).timestamp()) // 600 + 1) * 600 + 1
    with time_machine.travel(datetime.fromtimestamp(next_window, UTC), tick=True):
        with ratelimit.slot("pdf") as taken:  # another thread of this worker is making a PDF
            assert taken
            busy = client.get(url)
            guide = client.get("/")
        assert busy.status_code == 503
        assert busy["Retry-After"] == "10"
        assert "This is busy at the moment" in busy.content.decode()
        assert "Nothing has been lost" in busy.content.decode()
        assert guide.status_code == 200
        # The slot is given back, and a busy answer did not use up the person's PDF limit.
        assert client.get(url).status_code == 200
        assert ratelimit.used(busy.wsgi_request, "pdf") == 1
