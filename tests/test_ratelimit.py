import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from painmap import ratelimit
from painmap.ratelimit import Rate

NOW = 1_800_000_000.0  # a fixed instant, so windows do not roll over mid-test


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.PAINMAP_RATE_LIMITS = {"start": "3/h", "resume": "2/10m", "share": "2/10m"}


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


def test_it_allows_up_to_the_limit_then_refuses():
    request = request_from()
    assert [ratelimit.hit(request, "start", now=NOW) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert ratelimit.is_limited(request, "start", now=NOW)


def test_it_counts_each_address_on_its_own():
    for _ in range(3):
        ratelimit.record(request_from("203.0.113.5"), "start", now=NOW)
    assert ratelimit.is_limited(request_from("203.0.113.5"), "start", now=NOW)
    assert not ratelimit.is_limited(request_from("203.0.113.6"), "start", now=NOW)


def test_it_counts_each_scope_on_its_own():
    request = request_from()
    ratelimit.record(request, "resume", now=NOW)
    ratelimit.record(request, "resume", now=NOW)
    assert ratelimit.is_limited(request, "resume", now=NOW)
    assert not ratelimit.is_limited(request, "share", now=NOW)


def test_it_lets_the_address_in_again_in_the_next_window():
    request = request_from()
    ratelimit.record(request, "resume", now=NOW)
    ratelimit.record(request, "resume", now=NOW)
    assert ratelimit.is_limited(request, "resume", now=NOW)
    assert not ratelimit.is_limited(request, "resume", now=NOW + 600)


def test_it_does_not_count_when_only_asked():
    request = request_from()
    for _ in range(10):
        assert not ratelimit.is_limited(request, "resume", now=NOW)


def test_it_keeps_addresses_out_of_the_cache_keys():
    request = request_from("198.51.100.77")
    ratelimit.record(request, "start", now=NOW)
    keys = list(cache._cache.keys())  # LocMemCache internals: the stored key names
    assert keys
    assert not any("198.51.100.77" in key for key in keys)


def test_it_ignores_forwarded_for_unless_told_to_trust_a_header(settings):
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

    statuses = [view(request_from()).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert len(calls) == 3
    refused = view(request_from())
    assert refused["Retry-After"] == "3600"
    body = refused.content.decode()
    assert "Please wait before trying again" in body
    assert "Wait 60 minutes" in body


def test_it_does_not_count_gets_by_default(db):
    @ratelimit.rate_limited("start")
    def view(request):
        return HttpResponse("ok")

    assert all(view(request_from(method="get")).status_code == 200 for _ in range(10))


def test_it_counts_on_a_shared_database_cache(settings, db):
    from django.core.cache import caches
    from django.core.management import call_command

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "painmap_cache_test",
        }
    }
    # The settings fixture's CACHES change resets Django's cache handler (setting_changed).
    assert caches["default"].__class__.__name__ == "DatabaseCache"
    call_command("createcachetable", verbosity=0)
    request = request_from()
    assert [ratelimit.hit(request, "resume", now=NOW) for _ in range(3)] == [True, True, False]


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
    assert refused["Retry-After"] == "600"
    assert view(request_from("198.51.100.2", method="get"), "right").status_code == 200


def test_it_slows_down_guessing_share_links(client, db):
    for _ in range(2):
        assert client.get("/shared/not-a-real-link/").status_code == 404
    response = client.get("/shared/not-a-real-link/")
    assert response.status_code == 429
    assert "Please wait before trying again" in response.content.decode()
    assert client.get("/shared/not-a-real-link/summary.pdf").status_code == 429


def test_it_slows_down_guessing_resume_codes(client, db):
    for _ in range(2):
        response = client.post("/map/resume/", {"code": "ACDE-FGHJ"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post("/map/resume/", {"code": "ACDE-FGHJ"}).status_code == 429


def test_it_limits_how_many_assessments_one_address_starts(client, db):
    from tests.support import make_questionnaire

    make_questionnaire()
    statuses = [client.post("/map/start/").status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
