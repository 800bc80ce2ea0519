"""The card step (Stripe): Stripe's Payment Element on our own page, Stripe's hosted Checkout as its fallback.

The checkout places the order and holds its stock, then sends the customer here. With JavaScript,
`static/js/card-step.js` mounts the Payment Element for the order's PaymentIntent and confirms it
with `stripe.confirmPayment`, which comes back to the confirmation page; the order is marked paid
only by the signed webhook or by asking Stripe on that return, never by the browser. Without
JavaScript, if Stripe.js does not load, or without STRIPE_PUBLISHABLE_KEY, the page's other button
sends the customer to Stripe's hosted Checkout for the same order.

Only this page loads Stripe.js, so only this page's Content-Security-Policy allows Stripe's
origins (docs/security.md).
"""

from __future__ import annotations

from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from cerobio.shop.orders.fetch import order_summary
from cerobio.shop.orders.models import Order
from cerobio.shop.orders.stripe_flow import card_page_payment, start_hosted_checkout
from cerobio.shop.payments.providers import PaymentError

STRIPE_JS = "https://js.stripe.com/v3/"
# Stripe's documented sources for Stripe.js and the Payment Element (its script, its frames, 3-D
# Secure's frames, its API), allowed on the card step only.
STRIPE_JS_POLICY = {
    "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}
STOPPED = "This payment was stopped, so nothing was charged. Your basket is as you left it."
UNREACHABLE = "The card form could not be loaded just now. Nothing was charged. Reload the page, or pay on Stripe’s page."


def _stripe_order(token: str) -> Order:
    order = Order.objects.filter(token=token, payment_provider="stripe").first()
    if order is None:
        raise Http404("No such order")
    return order


def _finished(request, order: Order):
    """Where to send a customer whose order is no longer waiting for payment (None: it still is)."""
    if order.paid_at is not None:
        return redirect(f"/checkout/complete/{order.token}/")
    if order.status != Order.Status.PENDING_PAYMENT:
        messages.info(request, STOPPED)
        return redirect("/basket/")
    return None


@require_http_methods(["GET", "HEAD"])
def card_step(request, token: str):
    """The order's card form (Stripe's Payment Element), or the button to Stripe's own page."""
    order = _stripe_order(token)
    done = _finished(request, order)
    if done:
        return done
    state = card_page_payment(order)  # a payment that went through meanwhile is recorded here
    if state is not None and state.status in ("succeeded", "processing"):
        return redirect(f"/checkout/complete/{order.token}/")
    if state is not None and state.status == "canceled":
        order.refresh_from_db()
        return _finished(request, order) or redirect("/basket/")
    element = state is not None and bool(state.client_secret and settings.STRIPE_PUBLISHABLE_KEY)
    problem = (
        state.message
        if state is not None
        else (UNREACHABLE if settings.STRIPE_PUBLISHABLE_KEY else "")
    )
    context = {
        "order": order,
        "summary": order_summary(order),
        "element": element,
        "stripe_js": STRIPE_JS,
        "publishable_key": settings.STRIPE_PUBLISHABLE_KEY if element else "",
        "client_secret": state.client_secret if element else "",
        "return_url": f"{settings.SITE_URL}/checkout/complete/{order.token}/",
        "hold_until": max((r.expires_at for r in order.reservations.all()), default=None),
        "problem": problem,
        "current_title": "Payment",
    }
    render_page = csp_update(STRIPE_JS_POLICY)(_render) if element else _render
    response = render_page(request, context)
    response["Cache-Control"] = "no-store, private"  # the page holds the payment's client secret
    return response


def _render(request, context):
    return render(request, "shop/card_step.html", context)


@require_POST
def card_step_hosted(request, token: str):
    """The fallback: pay for the same order on Stripe's hosted Checkout page."""
    order = _stripe_order(token)
    done = _finished(request, order)
    if done:
        return done
    try:
        url = start_hosted_checkout(order, settings.SITE_URL)
    except PaymentError:
        messages.error(
            request,
            "We could not reach Stripe’s payment page. Nothing was charged; try again in a moment.",
        )
        return redirect(f"/checkout/pay/{order.token}/")
    return redirect(url)
