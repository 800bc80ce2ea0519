"""The basket page: shows the basket re-checked against stock and prices, and changes it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cerobio.shop.checkout.complete import thaw_if_abandoned
from cerobio.shop.payments.stop import stop_payment

from . import actions, cookies
from .fetch import view as basket_view
from .models import Basket


def _quantity(value, default=1) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


@require_http_methods(["GET", "HEAD", "POST"])
def basket(request):
    """GET: the basket. POST: add, update, remove or unfreeze, then back to the basket."""
    if request.method == "POST":
        return _change(request)
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
    from cerobio.shop.money import Money

    from .fetch import BasketView

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
