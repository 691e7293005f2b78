"""`manage.py check --deploy` with the production environment: no warning may be left."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.slow  # starts a fresh Python process
def test_it_passes_the_deploy_check_with_the_production_environment():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow  # starts a fresh Python process
def test_it_fails_the_deploy_check_without_https():
    # The same check catches a deployment that forgot DJANGO_HTTPS (insecure cookies, no HSTS).
    result = run_check(DJANGO_HTTPS="False")
    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W012" in result.stderr


@pytest.mark.slow  # starts a fresh Python process
def test_it_fails_the_deploy_check_with_debug_on():
    result = run_check(DJANGO_DEBUG="True")
    assert result.returncode != 0
    assert "security.W018" in result.stderr


@pytest.mark.slow  # starts a fresh Python process
def test_it_refuses_to_start_without_a_secret_key():
    result = run_check(DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.slow  # starts a fresh Python process
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


def load_gunicorn_config(**env):
    import runpy
    from unittest import mock

    with mock.patch.dict(os.environ, env):
        return runpy.run_path(str(ROOT / "painmap" / "gunicorn.conf.py"))


def test_it_binds_gunicorn_to_loopback_unless_told_otherwise():
    assert load_gunicorn_config()["bind"] == ["127.0.0.1:8000"]
    assert load_gunicorn_config(PORT="9001")["bind"] == ["127.0.0.1:9001"]
    assert load_gunicorn_config(BIND="0.0.0.0:80", PORT="9001")["bind"] == ["0.0.0.0:80"]
    capped = load_gunicorn_config(GUNICORN_MAX_WORKERS="1")
    assert capped["workers"] == 1
    assert capped["preload_app"] is True


def test_it_keeps_query_strings_and_tokens_out_of_the_access_log():
    import datetime as dt
    from types import SimpleNamespace

    from gunicorn.config import Config

    conf = load_gunicorn_config()
    cfg = Config()
    cfg.set("accesslog", None)
    logger = conf["RedactingLogger"](cfg)
    token = "k3Jx9_Vb2mQp7RtYw0LzN4sD8fHc6GaE1uIo5"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/map/{token}/q/pain_area/?answer=secret-answer",
        "PATH_INFO": f"/map/{token}/q/pain_area/",
        "QUERY_STRING": "answer=secret-answer",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://painmap.example/map/{token}/",
    }
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[])
    atoms = logger.atoms(response, {}, environ, dt.timedelta(milliseconds=12))
    line = conf["access_log_format"] % atoms
    assert line.endswith('"GET /map/…/q/pain_area/" 200 1234 12ms')
    assert token not in line
    assert "secret-answer" not in line
    assert all(token not in str(value) and "secret" not in str(value) for value in atoms.values())


def test_it_redacts_every_secret_that_can_travel_in_a_path():
    redact = load_gunicorn_config()["redact_path"]
    from painmap.logfilters import redact_path

    assert redact is redact_path
    assert redact("/map/resume/ACDE3479/") == "/map/resume/…/"
    assert redact("/shared/AbC123xyz:1tq0Zx:kq9w8e7r6t5y4u3i2o1p/summary.pdf") == (
        "/shared/…/summary.pdf"
    )
    assert redact("/map/k3Jx9_Vb2mQp7RtYw0LzN4sD8fHc6GaE1uIo5/results/") == "/map/…/results/"
    # Guide pages stay readable in the log.
    assert redact("/guide/opioids-and-hyperalgesia/") == "/guide/opioids-and-hyperalgesia/"
    assert redact("/map/resume/") == "/map/resume/"


def test_it_caches_compiled_templates():
    # Django wraps the loaders in its cached loader when OPTIONS["loaders"] is unset (also
    # with DEBUG on, since 4.1); setting loaders by hand would silently lose that.
    from django.template import engines
    from django.template.loaders.cached import Loader

    assert isinstance(engines["django"].engine.template_loaders[0], Loader)


def _without_key_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PAINMAP_"))}
    env.update(DJANGO_SETTINGS_MODULE="painmap.settings", DJANGO_DEBUG="False")
    return env


@pytest.mark.slow  # starts a fresh Python process
def test_it_refuses_to_serve_without_a_secret_key():
    for module in ("painmap.wsgi", "painmap.asgi"):
        result = subprocess.run(
            [sys.executable, "-c", f"import {module}"],
            cwd=ROOT,
            env=_without_key_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0, module
        assert "DJANGO_SECRET_KEY is not set" in result.stderr, module


@pytest.mark.slow  # starts a fresh Python process
def test_it_scores_without_a_secret_key(tmp_path):
    # Scoring needs no secret: check-vignettes runs `map_score` with a bare environment.
    story = tmp_path / "story.json"
    story.write_text('{"id": "s", "answers": {"red_flags": ["chest_pain"]}}')
    env = _without_key_env()
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    for command in (["migrate", "-v0"], ["seed_map"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env={**env, "DJANGO_DEBUG": "True"},
            check=True,
            capture_output=True,
            timeout=180,
        )
    result = subprocess.run(
        [sys.executable, "manage.py", "map_score", str(story)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"urgency": "emergency"' in result.stdout
