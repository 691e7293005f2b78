"""Refuse to serve PainMap without a secret key when debug is off, and say why."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "DJANGO_SECRET_KEY is not set. PainMap will not start with debug off and no secret key, "
    "because sessions and share links would be signed with a guessable key. Set "
    "DJANGO_SECRET_KEY to a long random value, or set DJANGO_DEBUG=True for local development "
    "only."
)


@register()
def secret_key_is_set(app_configs, **kwargs):
    if getattr(settings, "MISSING_SECRET_KEY", False):
        return [Error(MISSING_SECRET_KEY, id="painmap.E001")]
    return []


def refuse_without_secret_key() -> None:
    """For wsgi.py and asgi.py: application servers do not run system checks."""
    if getattr(settings, "MISSING_SECRET_KEY", False):
        raise ImproperlyConfigured(MISSING_SECRET_KEY)


@register()
def region_is_known(app_configs, **kwargs):
    """An unknown PAINMAP_REGION still works (the generic pack), but is probably a typo."""
    from assessment.rules.regions import GENERIC, PACKS

    code = getattr(settings, "PAINMAP_REGION", "")
    if code not in PACKS:
        return [
            Warning(
                f"PAINMAP_REGION={code!r} has no region pack; pages tell people to call their "
                f"local emergency number. Known: {', '.join(sorted(PACKS))}.",
                hint=f"Set PAINMAP_REGION to one of the known codes, or {GENERIC!r}.",
                id="painmap.W001",
            )
        ]
    return []
