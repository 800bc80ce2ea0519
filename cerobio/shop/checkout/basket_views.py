"""The basket page: shows the basket re-checked against stock and prices, and changes it.

It lives with the checkout, above orders, because it also gives back a basket frozen by a payment
the customer stopped or never finished (`orders.stop`).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cerobio.shop.basket import actions, cookies
from cerobio.shop.basket.fetch import BasketView
from cerobio.shop.basket.fetch import view as basket_view
from cerobio.shop.basket.models import Basket
from cerobio.shop.money import Money
from cerobio.shop.orders.stop import stop_payment, thaw_if_abandoned


def _quantity(value, default=1) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _same_origin(request) -> bool | None:
    """Whether the browser says the form came from this site (Origin, else Referer); None if it says nothing."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return None
    parts = urlsplit(source)
    origin = f"{parts.scheme}://{parts.netloc}"
    scheme = "https" if request.is_secure() else "http"
    return origin == f"{scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS


def _csrf_refusal(request):
    """None when the POST may go ahead, else Django's 403 CSRF failure page.

    Product pages are cached whole and shared between visitors (cerobio/core/http_cache.py), so their
    "Add to basket" form carries no CSRF token. Adding to a basket is accepted from a page of this site,
    which every current browser states in the Origin header (Referer as a fallback). Anything else
    (update, remove, unfreeze, or an add whose origin is unknown) needs Django's usual token.
    """
    if request.POST.get("action") == "add":
        same = _same_origin(request)
        if same is True:
            return None
        if same is False:
            # The site's CSRF failure page (the CSRF_FAILURE_VIEW setting), as Django's own refusal shows.
            refuse = import_string(settings.CSRF_FAILURE_VIEW)
            return refuse(request, reason="Origin checking failed (basket add).")
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})


@csrf_exempt  # checked in _csrf_refusal
@require_http_methods(["GET", "HEAD", "POST"])
def basket(request):
    """GET: the basket. POST: add, update, remove or unfreeze, then back to the basket."""
    if request.method == "POST":
        return _csrf_refusal(request) or _change(request)
    current = thaw_if_abandoned(cookies.current(request))
    changes = actions.recheck(current) if current else []
    context = {
        "basket": basket_view(current) if current else None,
        "changes": changes,
        "frozen": current is not None and current.status == Basket.Status.FROZEN,
        "current_title": "Your basket",
    }
    if context["basket"] is None:
        context["basket"] = _empty()
    response = render(request, "shop/basket.html", context)
    response["Cache-Control"] = "no-store, private"
    return response


def _empty():
    return BasketView(token="", status="open", lines=(), subtotal=Money.zero(), vat=Money.zero())


def _change(request):
    action = request.POST.get("action", "")
    current = cookies.current(request, create=action == "add")
    if current is None:
        messages.info(request, "Your basket is empty.")
        return redirect("/basket/")
    back = "/basket/"
    try:
        if action == "add":
            variant = actions.find_variant(request.POST.get("sku", ""))
            back = variant.product.url or back
            quantity = _quantity(request.POST.get("quantity"))
            actions.add(current, variant.sku, quantity)
            messages.success(request, f"Added {quantity} × {variant.product.title} ({variant.name}) to your basket.")
            back = "/basket/"
        elif action == "update":
            line = actions.set_quantity(current, request.POST.get("line"), _quantity(request.POST.get("quantity"), -1))
            messages.success(request, "Quantity updated." if line else "Item removed from your basket.")
        elif action == "remove":
            actions.remove(current, request.POST.get("line"))
            messages.success(request, "Item removed from your basket.")
        elif action == "unfreeze":
            order = current.orders.order_by("-pk").first()
            outcome = stop_payment(order, reason="The customer stopped the payment to change the basket.") if order else ""
            if outcome == "paid":
                messages.info(request, "Your payment had already gone through, so your order is placed.")
                return redirect(f"/checkout/complete/{order.token}/")
            messages.success(request, "Payment stopped. Nothing was charged; you can change your basket now.")
        else:
            messages.error(request, "Sorry, we did not understand that request.")
    except actions.BasketError as exc:
        messages.error(request, exc.message)
    response = redirect(back)
    cookies.remember(request, response)
    return response
