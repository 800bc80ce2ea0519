from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "cerobio.guide"
    label = "guide"
    verbose_name = "Milia guide"

    def ready(self):
        from cerobio.core.purge import refresh_every_page_on_change

        from . import checks  # noqa: F401

        # Every guide page reads the whole knowledge base; "Reviewed by" and the About page show the
        # reviewer profiles.
        refresh_every_page_on_change(
            "guide.MiliaType", "guide.LookAlike", "guide.Reference", "guide.BodySite", "guide.Trigger",
            "guide.Synonym", "guide.ClassificationCode", "guide.CareAdvice", "guide.Reviewer",
        )
