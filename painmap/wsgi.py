import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "painmap.settings")
application = get_wsgi_application()

from painmap.checks import refuse_without_secret_key  # noqa: E402

refuse_without_secret_key()
