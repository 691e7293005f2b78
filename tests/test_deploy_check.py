"""`manage.py check --deploy` with the production environment: no warning may be left."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAINMAP_")) and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="painmap.settings",
        DJANGO_DEBUG="False",
        DJANGO_HTTPS="True",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="painmap.example",
    )
    env.update(env_overrides)
    # A subprocess, because settings are computed from the environment at import time.
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_the_deploy_check_with_the_production_environment():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_fails_the_deploy_check_without_https():
    # The same check catches a deployment that forgot DJANGO_HTTPS (insecure cookies, no HSTS).
    result = run_check(DJANGO_HTTPS="False")
    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W012" in result.stderr


def test_it_fails_the_deploy_check_with_debug_on():
    result = run_check(DJANGO_DEBUG="True")
    assert result.returncode != 0
    assert "security.W018" in result.stderr


def test_it_refuses_to_start_without_a_secret_key():
    result = run_check(DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_it_sends_secure_host_only_cookies_over_https():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PAINMAP_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="painmap.settings",
        DJANGO_HTTPS="True",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="painmap.example",
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.split()
    assert out == [
        "True",
        "True",
        "True",
        "__Host-sessionid",
        "__Host-csrftoken",
        "31536000",
        "True",
    ]
