"""Demo shop content: the shop page, the kit with two variants, and the delivery zones.

Adds only what is missing, so `load_demo` can run again without touching an editor's changes
(stock levels included). The product copy is an honest placeholder for the owner to replace,
in cosmetic words only (CONTENT.md).
"""

from collections import Counter
from decimal import Decimal

from django.db import transaction

SHOP = {
    "title": "Shop",
    "slug": "shop",
    "intro": "Our skincare kit, delivered to your door. It is a cosmetic product: it does not treat any skin condition.",
    "seo_title": "Cerobio shop",
    "search_description": "The Cerobio exfoliating kit: prices, delivery and returns.",
}

PRODUCT = {
    "title": "Cerobio exfoliating kit",
    "slug": "cerobio-milia-removal-kit",
    "search_description": "A gentle exfoliating cream and cloth that help skin look smoother. Delivered to your door.",
    "summary": "A gentle exfoliating cream and a soft cloth that help skin look and feel smoother.",
    "description": (
        "<p>The kit has a 30 ml exfoliating cream and a soft, reusable cleansing cloth. The cream "
        "contains lactic acid, which exfoliates the surface of the skin, in a light moisturising base. "
        "Used regularly, it helps skin look and feel smoother.</p>"
        "<p>This is a cosmetic product. It does not treat any skin condition, and it is not a "
        "substitute for advice from a pharmacist or doctor. If you are not sure what the bumps on "
        "your skin are, read our guide or ask a pharmacist.</p>"
        "<p><em>This description is a placeholder until the final product details are confirmed.</em></p>"
    ),
    "how_to_use": (
        "<ol><li>Wash the area with warm water and pat it dry.</li>"
        "<li>In the evening, smooth a pea-sized amount over the area. Keep it away from the eyes and lips.</li>"
        "<li>For the first two weeks, use it every other evening. Then use it each evening if your skin is comfortable.</li>"
        "<li>In the day, use a sunscreen: exfoliating makes skin more sensitive to the sun.</li>"
        "<li>Stop if your skin becomes red, sore or itchy.</li>"
        "<li>Do not squeeze or pick the bumps.</li></ol>"
    ),
    "ingredients": (
        "Aqua, Glycerin, Lactic Acid, Caprylic/Capric Triglyceride, Cetearyl Alcohol, Sodium Hydroxide, "
        "Xanthan Gum, Phenoxyethanol, Ethylhexylglycerin. (Placeholder list: check it against the final pack.)"
    ),
    "suits_note": (
        "Teenagers and adults with a few small, firm white bumps on the face, or on skin that has fully "
        "healed after a minor injury, who would like their skin to look smoother."
    ),
    "minimum_age": 12,
    "cautions": (
        "near the eyes, including the edge of the eyelid\n"
        "on broken, sore, sunburnt or inflamed skin\n"
        "on many bumps that appeared within a few weeks, or on bumps on a raised red patch: ask a GP first\n"
        "on bumps that are growing, bleeding or painful: ask a GP first"
    ),
}
SUITS = ["benign-primary-milia", "trauma-associated-milia"]
NOT_FOR = [
    "congenital-milia",
    "milia-en-plaque",
    "multiple-eruptive-milia",
    "disease-associated-milia",
    "genodermatosis-associated-milia",
]
AVOID_SITES = ["eyelids", "inside_mouth", "lips", "genitals"]
VARIANTS = [
    ("CRB-KIT-STD", "Standard kit", Decimal("29.00"), 50),
    ("CRB-CREAM-30", "Cream refill 30 ml", Decimal("19.00"), 100),
]
EUROPE = (
    "IE FR DE ES IT NL BE LU PT AT DK SE FI PL CZ SK HU SI HR RO BG GR CY MT EE LV LT NO CH IS"
)
ZONES = [
    ("United Kingdom", "GB", False, [
        ("uk-standard", "UK standard (Royal Mail 48)", "3.50", "40.00", 2, 4, False),
        ("uk-express", "UK tracked express", "6.95", None, 1, 2, True),
    ]),
    ("Europe", EUROPE, False, [("europe-tracked", "Europe tracked", "9.95", None, 4, 8, True)]),
    ("Rest of the world", "", True, [("world-tracked", "Rest of the world tracked", "14.95", None, 7, 14, True)]),
]


def _shop_index(home, created: Counter):
    from cerobio.shop.catalogue.models import ShopIndexPage

    index = ShopIndexPage.objects.child_of(home).first()
    if index is None:
        index = ShopIndexPage(**SHOP)
        home.add_child(instance=index)
        index.save_revision().publish(log_action=False)
        created["shop pages"] += 1
    return index


def _product(index, created: Counter):
    from cerobio.guide.models import BodySite, MiliaType
    from cerobio.shop.catalogue.models import ProductPage, ProductVariant

    if ProductPage.objects.filter(slug=PRODUCT["slug"]).exists():
        return
    page = ProductPage(**PRODUCT)
    page.suits_types = list(MiliaType.objects.filter(slug__in=SUITS))
    page.not_for_types = list(MiliaType.objects.filter(slug__in=NOT_FOR))
    page.avoid_sites = list(BodySite.objects.filter(code__in=AVOID_SITES))
    page.variants = [
        ProductVariant(sku=sku, name=name, price=price, sort_order=i)
        for i, (sku, name, price, _) in enumerate(VARIANTS)
    ]
    index.add_child(instance=page)
    page.save_revision().publish(log_action=False)
    created["shop pages"] += 1
    _stock(created)


def _stock(created: Counter):
    from cerobio.shop.catalogue.models import ProductVariant, Stock, StockMovement

    for sku, _, _, quantity in VARIANTS:
        variant = ProductVariant.objects.get(sku=sku)
        stock, _ = Stock.objects.get_or_create(variant=variant)
        if stock.quantity == 0 and not StockMovement.objects.filter(variant=variant).exists():
            stock.quantity = quantity
            stock.save()
            StockMovement.objects.create(
                variant=variant, sku=sku, change=quantity, quantity_after=quantity,
                reason=StockMovement.Reason.RECEIVED, note="Demo stock",
            )
            created["stock levels"] += 1


def _zones(created: Counter):
    from cerobio.shop.delivery.models import ShippingMethod, ShippingZone

    for i, (name, countries, rest, methods) in enumerate(ZONES):
        if ShippingZone.objects.filter(name=name).exists():
            continue
        zone = ShippingZone(name=name, countries=countries, rest_of_world=rest, sort_order=i)
        zone.methods = [
            ShippingMethod(
                code=code, name=label, price=Decimal(price), free_over=Decimal(free) if free else None,
                min_days=lo, max_days=hi, tracked=tracked, sort_order=j,
            )
            for j, (code, label, price, free, lo, hi, tracked) in enumerate(methods)
            if not ShippingMethod.objects.filter(code=code).exists()
        ]
        zone.full_clean()
        zone.save()
        created["shipping zones"] += 1


def load_shop() -> dict:
    """Create the missing demo shop content; return how many of each were added."""
    from cerobio.guide.models import HomePage

    created: Counter = Counter()
    home = HomePage.objects.first()
    with transaction.atomic():
        _zones(created)
        if home is not None:
            _product(_shop_index(home, created), created)
    return dict(created)
