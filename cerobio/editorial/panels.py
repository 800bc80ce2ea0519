"""The plain-English and claims check at the top of a guide page's Content tab (the guide's
`reviewed_page_content_panels` hook, registered in wagtail_hooks.py)."""

from wagtail.admin.panels import Panel

from . import readability
from .claims import check_page
from .models import PlainEnglishNote


class ContentChecksPanel(Panel):
    """Reading ease and grade against the house target, long sentences, and flagged claim phrases.

    Scored from the last saved draft (the editor shows that draft), so it updates on every save
    and preview.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Plain English and claims check")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "content_checks"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/admin/content_checks_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page is not None and page.pk)
            if context["saved"]:
                context["report"] = readability.report(page)
                context["findings"] = check_page(page)
                context["note"] = PlainEnglishNote.objects.filter(page_id=page.pk).first()
            context.update(
                target_grade=readability.TARGET_GRADE,
                target_ease=readability.TARGET_EASE,
                max_grade=readability.MAX_GRADE,
            )
            return context

