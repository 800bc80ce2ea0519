"""The evidence rules in the admin, as the "Identifier rules" menu item."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EvidenceRule


class EvidenceRuleViewSet(SnippetViewSet):
    model = EvidenceRule
    icon = "list-ul"
    menu_label = "Identifier rules"
    menu_name = "identifier-rules"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["subject", "question", "value", "weight", "required", "reason"]
    list_filter = ["question", "weight", "required", "milia_type", "look_alike"]
    search_fields = ["reason"]
    list_per_page = 100


register_snippet(EvidenceRuleViewSet)
