"""The knowledge base in the admin: one 'Milia knowledge' menu with a listing per model."""

from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    BodySite,
    CareAdvice,
    ClassificationCode,
    LookAlike,
    MiliaType,
    Reference,
    Reviewer,
    Synonym,
    Trigger,
)


class MiliaTypeViewSet(SnippetViewSet):
    model = MiliaType
    icon = "doc-full-inverse"
    menu_label = "Milia types"
    list_display = ["name", "group", "slug"]
    list_filter = ["group"]
    search_fields = ["name", "summary"]


class LookAlikeViewSet(SnippetViewSet):
    model = LookAlike
    icon = "view"
    menu_label = "Look-alikes"
    list_display = ["name", "slug", "contagious"]
    search_fields = ["name"]


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    icon = "link"
    menu_label = "References"
    list_display = ["title", "container", "year", "kind", "strength", "withdrawn"]
    list_filter = ["kind", "strength", "withdrawn"]
    search_fields = ["title", "authors", "container"]


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "openquote"
    menu_label = "Names and search terms"
    list_display = ["term", "kind", "target"]
    list_filter = ["kind"]
    search_fields = ["term"]


class CodeViewSet(SnippetViewSet):
    model = ClassificationCode
    icon = "tag"
    menu_label = "Classification codes"
    list_display = ["system", "code", "verified"]


class BodySiteViewSet(SnippetViewSet):
    model = BodySite
    icon = "user"
    menu_label = "Body sites"
    list_display = ["name", "code", "region"]


class TriggerViewSet(SnippetViewSet):
    model = Trigger
    icon = "warning"
    menu_label = "Causes and triggers"
    list_display = ["name", "kind", "well_supported"]
    list_filter = ["kind"]


class CareAdviceViewSet(SnippetViewSet):
    model = CareAdvice
    icon = "help"
    menu_label = "Care advice"
    list_display = ["key", "heading", "level"]
    list_filter = ["level"]
    search_fields = ["key", "heading"]


class ReviewerViewSet(SnippetViewSet):
    """Clinical reviewer profiles; administrators add them after checking the regulator's register."""

    model = Reviewer
    icon = "user"
    menu_label = "Clinical reviewers"
    list_display = ["name", "profession", "registration", "user"]
    search_fields = ["name", "registration_number"]


class KnowledgeGroup(SnippetViewSetGroup):
    menu_label = "Milia knowledge"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        MiliaTypeViewSet,
        LookAlikeViewSet,
        TriggerViewSet,
        CareAdviceViewSet,
        BodySiteViewSet,
        SynonymViewSet,
        CodeViewSet,
        ReferenceViewSet,
        ReviewerViewSet,
    )


register_snippet(KnowledgeGroup)


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def flag_non_commercial_photos(request, page):
    """Warn the editor when a page shows a photo under a non-commercial licence: we sell a product."""
    photos = getattr(page, "photos", None)
    if photos is None:
        return
    flagged = [p.image.title for p in photos.select_related("image") if p.image.is_non_commercial]
    if flagged:
        messages.warning(
            request,
            "Check the licence: "
            + ", ".join(f"“{t}”" for t in flagged)
            + " may only be used non-commercially, and this site sells a product. "
            "Buy a commercial licence or choose another photo.",
        )
