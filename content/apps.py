from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Guide")

    def ready(self):
        from assessment import models as map_models

        from . import caching, models

        caching.connect_signals(
            [
                models.Article,
                models.CautionRule,
                models.PresentationType,
                models.Question,
                models.Reference,
                models.SupportText,
                models.ToolkitItem,
                map_models.Questionnaire,
            ]
        )
