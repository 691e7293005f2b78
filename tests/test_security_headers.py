"""Security headers on every kind of response, and admin sign-in throttling."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import path

import painmap.urls
from painmap.middleware import PERMISSIONS_POLICY


def boom(request):
    raise RuntimeError("forced failure for the header test")


urlpatterns = [path("boom/", boom), *painmap.urls.urlpatterns]

EXPECTED_CSP = {
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
}


@pytest.fixture
def boom_urls(settings):
    settings.ROOT_URLCONF = __name__


def assert_common_headers(response):
    directives = {d.strip() for d in response["Content-Security-Policy"].split(";") if d.strip()}
    assert directives == EXPECTED_CSP
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_a_guide_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert_common_headers(response)
    # The guide is public: it may be indexed.
    assert "X-Robots-Tag" not in response


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_a_not_found_page(client):
    response = client.get("/no-such-page-here/")
    assert response.status_code == 404
    assert_common_headers(response)


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_a_server_error(boom_urls):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert_common_headers(response)
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_it_keeps_assessment_pages_out_of_search_engines_and_caches(client):
    response = client.get("/map/")
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert_common_headers(response)


@pytest.mark.django_db
def test_it_keeps_the_admin_out_of_search_engines(client, settings):
    response = client.get(f"/{settings.ADMIN_PATH}login/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    # The admin's only CSP relaxation: one inline style attribute, allowed by its hash.
    directives = {d.strip() for d in response["Content-Security-Policy"].split(";")}
    assert directives - EXPECTED_CSP == {
        "style-src-attr 'unsafe-hashes' 'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"
    }
    assert directives >= EXPECTED_CSP


@pytest.mark.django_db
def test_it_sends_hsts_over_https_when_configured(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = Client().get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
def test_it_marks_cookies_secure_and_http_only_when_configured(settings, client):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = client.get(f"/{settings.ADMIN_PATH}login/", secure=True)
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"


@pytest.mark.django_db
def test_it_locks_the_admin_sign_in_after_five_failures(settings):
    User.objects.create_superuser("editor", "editor@example.org", "a-correct-password-42")
    url = f"/{settings.ADMIN_PATH}login/?next=/{settings.ADMIN_PATH}"
    client = Client(REMOTE_ADDR="203.0.113.20")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the login form again, with an error
    response = client.post(url, {"username": "editor", "password": "wrong"})
    assert response.status_code in (403, 429)
    # Locked: even the right password is refused now.
    response = client.post(url, {"username": "editor", "password": "a-correct-password-42"})
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    # Another address with the same username is not locked out (no denial of service).
    other = Client(REMOTE_ADDR="203.0.113.21")
    response = other.post(url, {"username": "editor", "password": "a-correct-password-42"})
    assert response.status_code == 302


def test_it_sends_django_csps_own_policy_from_the_fast_path(client):
    import csp.utils
    from django.http import HttpRequest, HttpResponse

    from painmap.middleware import CSPMiddleware

    assert client.get("/privacy/")["Content-Security-Policy"] == csp.utils.build_policy()
    # A view that asks for its own policy still gets it.
    middleware = CSPMiddleware(lambda request: HttpResponse())
    request, response = HttpRequest(), HttpResponse()
    request.path = "/privacy/"
    response._csp_update = {"img-src": ["data:"]}
    middleware.process_request(request)
    header = middleware.process_response(request, response)["Content-Security-Policy"]
    assert "img-src 'self' data:" in header


@pytest.mark.django_db
def test_it_still_relaxes_only_the_admin(client):
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "style-src-attr" in admin
    assert "style-src-attr" not in client.get("/")["Content-Security-Policy"]
