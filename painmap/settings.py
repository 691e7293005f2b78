"""PainMap settings, read from the environment (see README "Settings").

One module for every environment: production differs only by its environment variables.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a yes/no value; use True or False.")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from exc


def envlist(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = envbool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# With debug off the site will not serve without a key (painmap.checks, wsgi.py, asgi.py):
# sessions and share links would be signed with a guessable one. Commands that need no secret,
# such as `map_score`, still run.
MISSING_SECRET_KEY = not SECRET_KEY and not DEBUG
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if DEBUG:
    ALLOWED_HOSTS += ["testserver"]

# Served over HTTPS (production): secure cookies, HSTS and redirects.
HTTPS = envbool("DJANGO_HTTPS", False)

INSTALLED_APPS = [
    "painmap.apps.PainMapConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "content",
    "assessment",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "painmap.middleware.SecurityHeadersMiddleware",
    "content.caching.GuidePageCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "painmap.middleware.CSPMiddleware",  # django-csp, plus one admin exception
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "painmap.middleware.StaffIdleTimeoutMiddleware",
    "painmap.twofactor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "painmap.urls"
WSGI_APPLICATION = "painmap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "painmap.context_processors.care",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# DJANGO_CACHE=db shares the cache (rate-limit counters) across gunicorn workers and machines;
# run `manage.py createcachetable` once. The default local-memory cache is per process.
_CACHE_BACKENDS = {
    "locmem": ("django.core.cache.backends.locmem.LocMemCache", "painmap"),
    "db": ("django.core.cache.backends.db.DatabaseCache", "painmap_cache"),
}
_cache_choice = os.environ.get("DJANGO_CACHE", "locmem").strip() or "locmem"
if _cache_choice not in _CACHE_BACKENDS:
    raise ImproperlyConfigured(f"DJANGO_CACHE={_cache_choice!r}: use locmem or db.")
CACHES = {
    "default": {
        "BACKEND": _CACHE_BACKENDS[_cache_choice][0],
        "LOCATION": _CACHE_BACKENDS[_cache_choice][1],
    },
    # Rendered guide pages, the same for every visitor, kept in each worker's memory: a cached
    # page then costs no database query. A change to the guide clears this worker's copy at
    # once (content.caching); other workers' copies expire within PAINMAP_PAGES_TIMEOUT seconds.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "painmap_pages",
        "TIMEOUT": envint("PAINMAP_PAGES_TIMEOUT", 60),
    },
}

# Per client address. Wrong resume codes and share-link tokens count; right ones do not.
PAINMAP_RATE_LIMITS = {
    "start": os.environ.get("PAINMAP_RATE_START", "30/h"),
    "resume": os.environ.get("PAINMAP_RATE_RESUME", "10/10m"),
    "share": os.environ.get("PAINMAP_RATE_SHARE", "10/10m"),
    # A PDF takes about a second of CPU to make: generous for a person, a wall for a script.
    "pdf": os.environ.get("PAINMAP_RATE_PDF", "30/10m"),
}
# Slow work one worker process does at once; more is answered "busy, try again in a few
# seconds" (503) at once, so PDFs can never take every thread and starve the guide pages.
PAINMAP_AT_ONCE = {"pdf": envint("PAINMAP_PDF_AT_ONCE", 1)}
# A header the reverse proxy sets to the client address (for example HTTP_X_REAL_IP). Empty:
# use REMOTE_ADDR. Never a header the client controls, or the limits can be sidestepped.
PAINMAP_CLIENT_IP_HEADER = os.environ.get("PAINMAP_CLIENT_IP_HEADER", "").strip()

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sign-in throttling: five failures lock that username and address for an hour.
AXES_FAILURE_LIMIT = envint("PAINMAP_ADMIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The same client address as the rate limits: behind the documented proxy every sign-in would
# otherwise come from the proxy, and one person's wrong passwords would lock out everyone.
AXES_CLIENT_IP_CALLABLE = "painmap.ratelimit.axes_client_ip"

# Editors' sessions end after this many minutes without a request; patients' are unaffected.
PAINMAP_STAFF_IDLE_MINUTES = envint("PAINMAP_STAFF_IDLE_MINUTES", 30)
# Members of these groups must sign in with an authenticator app (painmap.twofactor); every
# other staff account may turn it on.
PAINMAP_TWO_FACTOR_GROUPS = ["Clinical lead"]
OTP_TOTP_ISSUER = "PainMap"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("DJANGO_MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
if HTTPS:
    # __Host- cookies are refused by browsers unless Secure, host-only and Path=/, so a
    # subdomain or a plain-HTTP page can never set or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_FAILURE_VIEW = "painmap.views.csrf_failure"
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is a near-permanent commitment for the whole domain, so it is opt-in; without it
# check --deploy's W021 is silenced on purpose rather than left as noise.
SECURE_HSTS_PRELOAD = HTTPS and envbool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Strict Content Security Policy: everything from this site, nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}

ADMIN_PATH = os.environ.get("PAINMAP_ADMIN_PATH", "admin/").strip("/") + "/"

# How long a person's answers are kept after their last change.
PAINMAP_RETENTION_DAYS = envint("PAINMAP_RETENTION_DAYS", 90)
# How long a clinician share link works.
PAINMAP_SHARE_DAYS = envint("PAINMAP_SHARE_DAYS", 14)
# How many clinical leads must sign a questionnaire version off before it goes live (the one
# who publishes counts as one): 2 asks a second clinical lead to approve the same draft.
PAINMAP_PUBLISH_APPROVALS = max(1, envint("PAINMAP_PUBLISH_APPROVALS", 1))
# How many recently completed assessments the test bench re-scores on a draft (counts only).
PAINMAP_BENCH_RECENT = envint("PAINMAP_BENCH_RECENT", 500)
# Which country's care services the site names (assessment/rules/regions.py): uk, ie, us, ca, au,
# nz, or generic ("call your local emergency number"). An unknown code gets the generic pack.
PAINMAP_REGION = os.environ.get("PAINMAP_REGION", "uk").strip().lower()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Django logs the path of every error; paths can hold assessment keys and share links.
    "filters": {
        "redact_paths": {"()": "painmap.logfilters.RedactPaths"},
        "withhold_database_detail": {"()": "painmap.logfilters.WithholdDatabaseDetail"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_paths", "withhold_database_detail"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # With debug on this logger has every SQL statement with its parameters (answers): never
    # below INFO, whatever DJANGO_LOG_LEVEL says.
    "loggers": {"django.db.backends": {"level": "INFO", "propagate": True}},
}
