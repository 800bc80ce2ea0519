"""Trust pages: about us, editorial policy, accessibility, privacy, cookies, terms, delivery, returns, contact."""

import datetime

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cerobio.guide.blocks import ExpanderBlock, HeadingBlock, InsetBlock, TextBlock, WarningBlock


class DeliveryOptionsBlock(blocks.StaticBlock):
    """The shop's delivery zones and methods, read from Shop › Delivery (one source of truth)."""

    class Meta:
        icon = "table"
        template = "editorial/blocks/delivery_options.html"
        admin_text = "A table of where we deliver, how, the price and how long, from the shop's delivery settings."
        description = "Delivery options from the shop's settings"


class ReviewerListBlock(blocks.StaticBlock):
    """The clinicians who sign the guide off, read from Milia knowledge › Clinical reviewers."""

    class Meta:
        icon = "group"
        template = "editorial/blocks/reviewers.html"
        admin_text = "A list of the clinical reviewers, each linking to their profile, from their reviewer profiles."
        description = "The clinical reviewers, from their profiles"


class TraderDetailsBlock(blocks.StaticBlock):
    """Who sells: the trader's legal name, address, numbers and contact, read from Settings › Shop."""

    class Meta:
        icon = "site"
        template = "editorial/blocks/trader_details.html"
        admin_text = "The company that sells (legal name, address, company and VAT numbers, email, phone), from Settings › Shop."
        description = "The trader's details from the shop settings"


class InfoStreamBlock(blocks.StreamBlock):
    """Plain information: headings, paragraphs and lists, a highlighted note, a warning, an expander."""

    heading = HeadingBlock()
    text = TextBlock()
    inset = InsetBlock()
    warning = WarningBlock()
    expander = ExpanderBlock()
    delivery_options = DeliveryOptionsBlock()
    reviewers = ReviewerListBlock()
    trader_details = TraderDetailsBlock()


class InfoPage(Page):
    """A plain information page about the site or the shop, linked from the footer.

    Trust pages speak for the company that sells the product, so the claims checker treats them
    like shop copy: a flagged medicinal claim needs a clinical reviewer's override to publish.
    """

    template = "editorial/info_page.html"
    claims_scope = "product"

    summary = models.TextField(blank=True, help_text="One or two plain sentences under the heading.")
    body = StreamField(InfoStreamBlock(), use_json_field=True, blank=True)
    last_updated = models.DateField(
        default=datetime.date.today, help_text="Shown to readers. Change it when the meaning of the page changes."
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body"), FieldPanel("last_updated")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2), index.SearchField("body")]

    parent_page_types = ["guide.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "information page"


class ContactPage(InfoPage):
    """The contact page: the information above the form, then the form (works without JavaScript)."""

    template = "editorial/contact_page.html"

    thank_you = models.TextField(
        default=(
            "Thank you. We have your message and have sent a copy to your email address. "
            "We aim to reply within 2 working days."
        ),
        help_text="Shown after someone sends a message.",
    )

    content_panels = [*InfoPage.content_panels, FieldPanel("thank_you")]

    parent_page_types = ["guide.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "contact page"

    def serve(self, request, *args, **kwargs):
        from ..contact import serve_contact_page

        return serve_contact_page(self, request)
