"""The product page's admin form: a page holding placeholder text is never published.

Imported by the page models, so it imports no models.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from cerobio.core.placeholders import placeholder_words

# Every field a customer reads on the product page (or in search results and link previews).
CHECKED_FIELDS = (
    "title", "summary", "description", "how_to_use", "ingredients", "suits_note", "cautions",
    "seo_title", "search_description",
)


class ProductPageForm(WagtailAdminPageForm):
    """Publishing is refused, field by field, while any of CHECKED_FIELDS holds placeholder text
    ("placeholder", "coming soon", "TBC", ...); saving a draft is always allowed."""

    def clean(self):
        cleaned = super().clean()
        if "action-publish" not in self.data:
            return cleaned
        for name in CHECKED_FIELDS:
            if name not in self.fields:
                continue
            found = placeholder_words(str(cleaned.get(name) or ""))
            if found:
                words = ", ".join(f"“{w}”" for w in found)
                self.add_error(
                    name,
                    f"Not published: this holds placeholder text ({words}). Replace it with the real "
                    "product details, or save a draft until you have them.",
                )
        return cleaned
