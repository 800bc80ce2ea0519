"""The admin form and editor tabs of every guide page (`ReviewedPage`).

The guide sits below editorial, so what editorial adds comes in through two Wagtail hooks:

- `reviewed_page_publishing`: called with the form when an editor presses Publish on a guide page,
  before the page is saved; it may set fields on `form.instance` (editorial stamps a clinical
  reviewer's sign-off);
- `reviewed_page_content_panels`: returns panels shown at the top of the Content tab (editorial's
  plain-English and claims check).

Imported by cerobio.guide.models.pages, so it imports no models.
"""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import ObjectList, TabbedInterface


class ReviewedPageForm(WagtailAdminPageForm):
    """The guide pages' admin form: publishing runs the `reviewed_page_publishing` hooks first."""

    def save(self, commit=True):
        if "action-publish" in self.data:
            for publishing in hooks.get_hooks("reviewed_page_publishing"):
                publishing(self)
        return super().save(commit=commit)


_handlers: dict = {}


def reviewed_page_edit_handler(cls):
    """Tabs for a guide page type: Content (after the hooks' panels), Review and sources, Promote, Settings."""
    if cls not in _handlers:
        checks = [panel for hook in hooks.get_hooks("reviewed_page_content_panels") for panel in hook()]
        tabs = [
            ObjectList([*checks, *cls.content_panels], heading="Content"),
            ObjectList(cls.review_panels, heading="Review and sources"),
        ]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading="Promote"))
        if cls.settings_panels:
            tabs.append(ObjectList(cls.settings_panels, heading="Settings"))
        _handlers[cls] = TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)
    return _handlers[cls]
