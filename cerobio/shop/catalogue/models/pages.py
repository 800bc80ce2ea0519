"""Shop page types: the shop index and one page per product, with its variants inline."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cerobio.shop.money import Money

from ..forms import ProductPageForm

VAT_RATES = [
    (Decimal("0.200"), "Standard rate (20%)"),
    (Decimal("0.050"), "Reduced rate (5%)"),
    (Decimal("0.000"), "Zero rate (0%)"),
]
RICH_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ShopIndexPage(Page):
    """The shop's front page at /shop/: the products on sale."""

    template = "shop/shop_index_page.html"
    cache_profile = "shop"  # shows stock: caches keep it only CACHE_SHOP_MAX_AGE seconds

    intro = models.TextField(blank=True, help_text="One or two sentences under the heading.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["guide.HomePage"]
    subpage_types = ["shop.ProductPage"]
    max_count = 1

    class Meta:
        verbose_name = "shop index page"

    def get_context(self, request, *args, **kwargs):
        from ..offers import product_cards

        context = super().get_context(request, *args, **kwargs)
        products = ProductPage.objects.live().public().child_of(self).order_by("path")
        context["products"] = product_cards(products)
        return context


class ProductPage(Page):
    """A product: gallery, description, how to use, ingredients, who it suits, variants."""

    template = "shop/product_page.html"
    cache_profile = "shop"  # shows stock: caches keep it only CACHE_SHOP_MAX_AGE seconds

    summary = models.TextField(
        help_text="One plain sentence about what the product does. Cosmetic words only: "
        "'exfoliates', 'helps skin look smoother'; never 'cures', 'treats' or 'removes milia'."
    )
    description = RichTextField(features=RICH_FEATURES)
    how_to_use = RichTextField("How to use", features=RICH_FEATURES)
    ingredients = models.TextField(help_text="The full ingredient list (INCI names), as on the pack.")
    suits_note = models.TextField(
        "Who it suits",
        blank=True,
        help_text="Plain words about who the product is for; the milia types below are listed with it.",
    )
    suits_types = ParentalManyToManyField(
        "guide.MiliaType",
        blank=True,
        related_name="+",
        verbose_name="Suits these milia types",
        help_text="The identifier suggests the product only for these types.",
    )
    not_for_types = ParentalManyToManyField(
        "guide.MiliaType",
        blank=True,
        related_name="+",
        verbose_name="Not for these milia types",
        help_text="Shown under 'Who it does not suit', each linking to its guide page.",
    )
    avoid_sites = ParentalManyToManyField(
        "guide.BodySite",
        blank=True,
        related_name="+",
        verbose_name="Never use on",
        help_text="Body sites where the product must not be used.",
    )
    minimum_age = models.PositiveSmallIntegerField(
        default=12, help_text="Not for anyone younger than this (years)."
    )
    cautions = models.TextField(
        "Other reasons not to use it",
        blank=True,
        help_text="One per line, each finishing the sentence 'Do not use it …', e.g. 'on broken or inflamed skin'.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("gallery", heading="Gallery", label="Photo"),
        FieldPanel("description"),
        FieldPanel("how_to_use"),
        FieldPanel("ingredients"),
        MultiFieldPanel(
            [
                FieldPanel("suits_note"),
                FieldPanel("suits_types"),
                FieldPanel("not_for_types"),
                FieldPanel("avoid_sites"),
                FieldPanel("minimum_age"),
                FieldPanel("cautions"),
            ],
            heading="Who it suits and who it does not",
        ),
        HelpPanel(
            "<p>Stock levels are changed in <b>Shop › Stock levels</b>, where every change is "
            "recorded. Publishing this page never changes stock.</p>"
        ),
        InlinePanel("variants", heading="Variants (what a customer can buy)", label="Variant", min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("ingredients"),
    ]
    parent_page_types = ["shop.ShopIndexPage"]
    subpage_types = []
    base_form_class = ProductPageForm
    # A copied page would duplicate SKUs, which must stay unique.
    exclude_fields_in_copy = ["variants"]

    class Meta:
        verbose_name = "product page"

    @cached_property
    def variant_list(self) -> list:
        """Variants on sale, in order, with their stock (one query)."""
        return list(self.variants.filter(on_sale=True).select_related("stock").order_by("sort_order", "pk"))

    @property
    def caution_list(self) -> list[str]:
        return [line.strip() for line in self.cautions.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from ..offers import product_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(product_detail(self, request))
        return context


class ProductImage(Orderable):
    """A photo in a product's gallery."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey("images.CerobioImage", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ProductVariant(Orderable):
    """What a customer buys: a SKU with a name and a VAT-inclusive price in pounds."""

    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(
        "SKU", max_length=40, unique=True, help_text="Stock code printed on the packing slip, e.g. CRB-KIT-STD."
    )
    name = models.CharField(max_length=120, help_text="e.g. 'Standard kit' or 'Cream refill 30 ml'.")
    price = models.DecimalField(
        "Price (£, VAT included)",
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    vat_rate = models.DecimalField(
        "VAT rate", max_digits=4, decimal_places=3, choices=VAT_RATES, default=Decimal("0.200")
    )
    on_sale = models.BooleanField(
        default=True, help_text="Untick to stop selling this variant without deleting it."
    )

    panels = [
        FieldRowPanel([FieldPanel("sku"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("vat_rate"), FieldPanel("on_sale")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "variant"
        constraints = [
            models.CheckConstraint(name="shop_variant_price_positive", condition=models.Q(price__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.sku} · {self.name}"

    @property
    def unit_price(self) -> Money:
        return Money(self.price)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every variant has a stock row (starting at 0) so locks always find one.
        from .stock import Stock

        Stock.objects.get_or_create(variant=self)
