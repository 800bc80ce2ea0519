"""GET /api/v1/products and GET /api/v1/shipping-methods."""

from django.http import HttpRequest, HttpResponse
from ninja import Field as NinjaField
from ninja import Query, Router, Schema

from cerobio.api.errors import ErrorOut, error
from cerobio.shop.catalogue.fetch import live_products
from cerobio.shop.catalogue.offers import offers
from cerobio.shop.delivery.countries import COUNTRY_CODES_EITHER_CASE, COUNTRY_NAMES, country_code
from cerobio.shop.delivery.fetch import options_for
from cerobio.shop.money import Money

from .schemas import ProductOut, ShippingMethodOut

router = Router(tags=["shop"])


@router.get("/products", response={200: list[ProductOut]}, summary="Products on sale", operation_id="list_products")
def list_products(request: HttpRequest, response: HttpResponse):
    response["Cache-Control"] = "no-cache"
    result = []
    for page in live_products().prefetch_related("variants"):
        variants = [v for v in page.variants.all() if v.on_sale]
        result.append(
            {
                "slug": page.slug,
                "name": page.title,
                "url": page.get_url(request=request) or "",
                "variants": [
                    {"sku": o.sku, "name": o.name, "price": o.price.as_dict(), "available": o.in_stock}
                    for o in offers(variants)
                ],
            }
        )
    return result


class CountryQuery(Schema):
    country: str = NinjaField(
        ..., min_length=2, max_length=2, json_schema_extra={"enum": COUNTRY_CODES_EITHER_CASE},
        description="ISO 3166 two-letter code, upper or lower case, e.g. GB. Another value is 422 `unknown_country`.",
    )
    subtotal: str = NinjaField(
        "0", max_length=12, pattern=r"^([0-9]{1,9}(\.[0-9]{1,2})?)?$",
        description="Goods total in pounds (29 or 29.00), for free-delivery thresholds; empty is 0.",
    )


@router.get(
    "/shipping-methods",
    response={200: list[ShippingMethodOut], 404: ErrorOut, 422: ErrorOut},
    summary="Delivery methods, prices and dates for a country",
    operation_id="list_shipping_methods",
)
def list_shipping_methods(request: HttpRequest, query: Query[CountryQuery]):
    country = country_code(query.country)
    if country is None:
        return error(422, "unknown_country", "Use a two-letter ISO 3166 country code such as GB.",
                     [{"field": "country", "message": "Unknown country code."}])
    try:
        subtotal = Money(query.subtotal or "0")
        if subtotal.amount < 0:
            raise ValueError
    except (ArithmeticError, ValueError):
        return error(422, "invalid_request", "subtotal must be an amount in pounds, e.g. 29.00.",
                     [{"field": "subtotal", "message": "Enter an amount like 29.00."}])
    options = options_for(country, subtotal)
    if not options:
        return error(404, "no_delivery", f"We do not deliver to {COUNTRY_NAMES[country]}.")
    return [
        {
            "code": o.code, "name": o.name, "price": o.price.as_dict(), "tracked": o.tracked,
            "estimated_delivery": {"min_days": o.min_days, "max_days": o.max_days, "earliest": o.earliest, "latest": o.latest},
        }
        for o in options
    ]
