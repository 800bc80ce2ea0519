from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "cerobio.guide"
    label = "guide"
    verbose_name = "Milia guide"
