"""StreamField blocks for guide pages: the NHS-style health patterns plus data-driven blocks."""

from wagtail import blocks

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2) phrased as the reader's question."""

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        form_classname = "title"
        description = "A section heading, phrased as the reader's question"
        preview_value = "Will they go away?"


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/text.html"
        description = "Plain paragraphs and lists"
        preview_value = "<p>Milia are tiny, hard, white bumps.</p>"


class CareCardBlock(blocks.StructBlock):
    """When to get help, with an urgency level (self-care / see a GP or pharmacist / urgent)."""

    level = blocks.ChoiceBlock(
        choices=[
            ("self-care", "Self-care (you can look after this yourself)"),
            ("gp", "See a GP or pharmacist (non-urgent)"),
            ("urgent", "Urgent (get help today)"),
        ],
        default="gp",
    )
    heading = blocks.CharBlock()
    text = blocks.RichTextBlock(features=RICH_FEATURES)

    class Meta:
        icon = "warning"
        template = "components/blocks/care_card.html"
        description = "When and where to get help, with an urgency level"
        preview_value = {
            "level": "gp",
            "heading": "See a GP if",
            "text": "<ul><li>the bumps are red, sore or leaking pus</li></ul>",
        }


class CareAdviceBlock(blocks.StructBlock):
    """A care card written once in the knowledge base (Care advice) and shown wherever it applies.

    The identifier shows the same records in its safety net, so the guide and the identifier use
    the same words. A key with no published care advice shows nothing.
    """

    key = blocks.CharBlock(help_text="The care advice's key, e.g. 'safety-net-newborn-urgent'.")

    class Meta:
        icon = "help"
        template = "components/blocks/care_advice.html"
        description = "A care card from the knowledge base's care advice (the identifier shows the same)"
        preview_value = {"key": "safety-net-changes"}

    def get_context(self, value, parent_context=None):
        from .models.knowledge import CareAdvice

        context = super().get_context(value, parent_context=parent_context)
        context["advice"] = CareAdvice.objects.live().filter(key=value["key"]).first()
        return context


class DoDontBlock(blocks.StructBlock):
    do = blocks.ListBlock(blocks.CharBlock(), label="Do")
    dont = blocks.ListBlock(blocks.CharBlock(), label="Don't")

    class Meta:
        icon = "list-ul"
        template = "components/blocks/do_dont.html"
        description = "Do and don't lists for self-care"
        preview_value = {"do": ["wash gently"], "dont": ["squeeze or pick them"]}


class WarningBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Important")
    text = blocks.RichTextBlock(features=RICH_FEATURES)

    class Meta:
        icon = "warning"
        template = "components/blocks/warning.html"
        description = "A warning callout for something the reader must not miss"
        preview_value = {"heading": "Important", "text": "<p>Do not use needles near the eye.</p>"}


class InsetBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_FEATURES, **kwargs)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/inset.html"
        description = "A highlighted note, e.g. 'this is not a diagnosis'"
        preview_value = "<p>Milia are not contagious.</p>"


class ExpanderBlock(blocks.StructBlock):
    summary = blocks.CharBlock()
    text = blocks.RichTextBlock(features=RICH_FEATURES)

    class Meta:
        icon = "arrow-down"
        template = "components/blocks/expander.html"
        description = "Extra detail the reader can open (works without JavaScript)"
        preview_value = {"summary": "Where does the name come from?", "text": "<p>From Latin.</p>"}


class TypeCardsBlock(blocks.StructBlock):
    """Cards for every subtype in a group, generated from the knowledge base."""

    group = blocks.ChoiceBlock(
        choices=[("all", "All types"), ("primary", "Primary"), ("secondary", "Secondary")],
        default="all",
    )

    class Meta:
        icon = "grip"
        template = "components/blocks/type_cards.html"
        description = "A card for each milia subtype, drawn from the knowledge base"
        preview_value = {"group": "primary"}


class LookAlikeComparisonBlock(blocks.StaticBlock):
    """The side-by-side comparison of every look-alike, generated from the knowledge base."""

    class Meta:
        icon = "table"
        template = "components/blocks/lookalike_comparison.html"
        admin_text = "Compares milia with every look-alike in the knowledge base."
        description = "Side-by-side comparison generated from the look-alike data"


class NamesListBlock(blocks.StructBlock):
    kinds = blocks.MultipleChoiceBlock(
        choices=[
            ("medical", "Medical names"),
            ("lay", "Everyday names"),
            ("older", "Older or foreign names"),
            ("misspelling", "Misspellings"),
            ("related", "Related terms"),
            ("confusable", "Do not confuse with"),
        ]
    )

    class Meta:
        icon = "list-ul"
        template = "components/blocks/names_list.html"
        description = "Names for milia from the knowledge base, grouped by kind"
        preview_value = {"kinds": ["lay"]}


class CodesTableBlock(blocks.StaticBlock):
    class Meta:
        icon = "table"
        template = "components/blocks/codes_table.html"
        admin_text = "Classification codes from the knowledge base, with which are verified."
        description = "Classification codes table"


class CrossSectionBlock(blocks.StaticBlock):
    class Meta:
        icon = "image"
        template = "components/blocks/cross_section.html"
        admin_text = "Skin cross-section: where primary and secondary milia form."
        description = "Skin cross-section illustration"


class IllustrationBlock(blocks.StructBlock):
    """The close-up of one milia type or look-alike, with the skin-tone switcher."""

    subject = blocks.CharBlock(help_text="Slug of a milia type or look-alike, e.g. 'congenital-milia'.")
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "components/blocks/illustration.html"
        description = "The close-up drawing of a milia type or look-alike"
        preview_value = {"subject": "congenital-milia"}


class GuideStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    care_card = CareCardBlock()
    care_advice = CareAdviceBlock()
    do_dont = DoDontBlock()
    warning = WarningBlock()
    inset = InsetBlock()
    expander = ExpanderBlock()
    type_cards = TypeCardsBlock()
    lookalike_comparison = LookAlikeComparisonBlock()
    names_list = NamesListBlock()
    codes_table = CodesTableBlock()
    cross_section = CrossSectionBlock()
    illustration = IllustrationBlock()
