"""The header's basket count."""

from django import template

from cerobio.shop.basket.cookies import token_from
from cerobio.shop.basket.fetch import item_count

register = template.Library()


@register.simple_tag(takes_context=True)
def basket_count(context) -> int:
    """How many items are in the visitor's basket, for the header (one query; none without a cookie)."""
    request = context.get("request")
    if request is None:
        return 0
    count = getattr(request, "_basket_count", None)
    if count is None:
        count = item_count(token_from(request))
        request._basket_count = count
    return count or 0
