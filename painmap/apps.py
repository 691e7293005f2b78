from django.apps import AppConfig


class PainMapConfig(AppConfig):
    name = "painmap"
    verbose_name = "PainMap"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .logfilters import install_record_factory

        install_record_factory()
