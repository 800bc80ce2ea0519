"""The trust pages (about, privacy, terms, ...) and the plain-English notes, from the content folder.

Only missing pages (by slug, under the home page) and notes are added, so an editor's changes are
never overwritten; then the roles and the "Clinical sign-off" workflow are attached to the pages
once (cerobio.editorial.roles.attach_to_pages).
"""

from collections import Counter

from wagtail.models import Page

from cerobio.editorial.models import ContactPage, InfoPage, PlainEnglishNote
from cerobio.editorial.roles import attach_to_pages
from cerobio.guide.models import HomePage

from .content import Content, ContentError
from .markup import stream

PAGE_FIELDS = ("title", "seo_title", "search_description", "summary", "last_updated")


def load_trust(content: Content, created: Counter):
    """Trust pages, plain-English notes, then the roles' page permissions and the workflow (each once)."""
    home = HomePage.objects.first()
    if home is not None:
        for data in content.trust_pages:
            created["trust pages"] += _add(
                home, ContactPage if data.get("type") == "contact" else InfoPage, data
            )
    for note in content.plain_english_notes:
        page = Page.objects.filter(url_path="/home" + note["page"]).first()
        if page is not None and not PlainEnglishNote.objects.filter(page=page).exists():
            PlainEnglishNote.objects.create(page=page, reason=note["reason"])
            created["plain English notes"] += 1
    created["editorial set-up steps"] += len(attach_to_pages())


def _add(home: HomePage, cls, data: dict) -> bool:
    if home.get_children().filter(slug=data["slug"]).exists():
        return False
    page = cls(
        slug=data["slug"], show_in_menus=False, **{k: data[k] for k in PAGE_FIELDS if k in data}
    )
    try:
        page.body = stream(cls._meta.get_field("body").stream_block, data.get("body", []))
    except ValueError as error:
        raise ContentError(f"The page {page.slug}: {error}") from error
    home.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    return True
