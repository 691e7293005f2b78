import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "painmap.settings")
application = get_asgi_application()

from painmap.checks import refuse_without_secret_key  # noqa: E402

refuse_without_secret_key()
