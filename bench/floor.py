"""The floor: bare Django, one view, no middleware, no apps, no database.

Served by the same gunicorn settings as PainMap (`bench/run.py`), so the ratio page ÷ floor
measures what PainMap itself costs, not gunicorn or the machine.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = b"PainMap benchmark floor: the cheapest response Django can give.\n"

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY="bench-floor-only-not-a-real-key-" + "x" * 32,  # noqa: S106
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)


def floor(request):
    return HttpResponse(BODY, content_type="text/plain")


urlpatterns = [path("", floor)]

django.setup()
application = get_wsgi_application()
