"""The one-page checkout, the confirmation page and the return from Stripe."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cerobio.shop.basket import cookies
from cerobio.shop.basket.actions import recheck
from cerobio.shop.orders.fetch import order_summary
from cerobio.shop.orders.models import Order
from cerobio.shop.orders.stop import stop_payment, thaw_if_abandoned
from cerobio.shop.orders.stripe_flow import confirm_intent, confirm_session

from .complete import card_step_url, complete_checkout, outcome_for, resume_checkout
from .details import CheckoutError, CheckoutRequest
from .page import checkout_context

ADDRESS_FIELDS = ("name", "line1", "line2", "city", "region", "postcode", "country")
# The test card form's fields: passed to the payment provider, never kept, logged or shown again.
CARD_FIELDS = ("card_number", "card_expiry", "card_cvc", "card_name")


def _request_from(post) -> CheckoutRequest:
    try:
        expected = Decimal(post.get("expected_subtotal", ""))
    except InvalidOperation:
        expected = None
    return CheckoutRequest(
        email=post.get("email", ""),
        address={f: post.get(f, "") for f in ADDRESS_FIELDS},
        shipping_method=post.get("shipping_method", ""),
        accept_terms=post.get("accept_terms") == "yes",
        # card_page: this page can send the customer to our card step (the Store API cannot).
        payment={**{f: post.get(f, "") for f in CARD_FIELDS}, "card_page": True},
        expected_subtotal=expected,
    )


def _without_card(values: dict) -> dict:
    """What the customer typed, to show again, without the card details."""
    return {k: v for k, v in values.items() if k not in CARD_FIELDS}


def _page(request, basket, *, values=None, errors=None, problem="", status=200):
    context = checkout_context(request, basket, values or {}, errors or {}, problem)
    response = render(request, "shop/checkout.html", context, status=status)
    response["Cache-Control"] = "no-store, private"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def checkout(request):
    """GET shows the form; POST either refreshes delivery options or pays."""
    if request.method == "POST":
        repeated = _repeated_submission(request)
        if repeated is not None:
            return _respond(request, repeated, _without_card(request.POST.dict()))
    basket = thaw_if_abandoned(cookies.current(request))
    if basket is None or not basket.lines.exists():
        messages.info(request, "Your basket is empty, so there is nothing to check out yet.")
        return redirect("/basket/")
    if not basket.is_open:
        messages.info(request, "You have already started paying for this basket. To change it, stop that payment first.")
        return redirect("/basket/")
    if request.method != "POST":
        changes = recheck(basket)
        for change in changes:
            messages.warning(request, change.message)
        if changes and not basket.lines.exists():
            return redirect("/basket/")
        return _page(request, basket)
    values = _without_card(request.POST.dict())
    if values.get("action") == "refresh":
        return _page(request, basket, values=values)
    try:
        outcome = complete_checkout(
            basket, _request_from(request.POST), request.POST.get("idempotency_key"), return_base=settings.SITE_URL
        )
    except CheckoutError as exc:
        errors = {e["field"].removeprefix("shipping_address.").removeprefix("payment."): e["message"] for e in exc.errors}
        values.pop("idempotency_key", None)
        return _page(request, basket, values=values, errors=errors, problem=exc.message, status=exc.status)
    return _respond(request, outcome, values, basket)


def _repeated_submission(request):
    """A second submission of the same form (double click, back and resubmit): the first order's outcome,
    after finishing its payment if the first submission was cut off before it was taken."""
    key = request.POST.get("idempotency_key", "")
    order = Order.objects.filter(idempotency_key=key).select_related("basket").first() if key else None
    if order is None or order.basket is None or order.basket.token != cookies.token_from(request):
        return None
    try:
        return resume_checkout(order, order.basket, _request_from(request.POST), return_base=settings.SITE_URL)
    except CheckoutError:  # the form was changed before it was sent again: show the order it made
        return outcome_for(order)


def _respond(request, outcome, values, basket=None):
    if outcome.status == "redirect":
        return redirect(outcome.redirect_url)
    if outcome.status == "declined":
        values.pop("idempotency_key", None)
        basket = basket or thaw_if_abandoned(outcome.order.basket)
        return _page(request, basket, values=values, errors={"card_number": outcome.message}, problem=outcome.message, status=402)
    if outcome.status == "pending":  # still being paid by another submission: its card step or status page
        if outcome.order.payments.filter(status="pending", reference__startswith="pi_").exists():
            return redirect(card_step_url(outcome.order))
        return redirect(outcome.order.get_absolute_url())
    return redirect(f"/checkout/complete/{outcome.order.token}/")


def complete(request, token: str):
    """The confirmation page after paying (also reached by a repeated submission).

    Stripe sends the customer here from the card step with `?payment_intent=pi_...`: the payment is
    then asked of Stripe (the address proves nothing), and the page is shown again at its plain
    address, so the intent's client secret leaves the address bar and the history. A payment that
    did not go through goes back to the card step, which says why.
    """
    order = Order.objects.filter(token=token).first()
    if order is None:
        raise Http404("No such order")
    if "payment_intent" in request.GET:
        if order.status == Order.Status.PENDING_PAYMENT:
            state = confirm_intent(order, request.GET["payment_intent"])
            if state is not None and state.status in ("open", "failed"):
                return redirect(card_step_url(order))
        return redirect(f"/checkout/complete/{order.token}/")
    response = render(
        request, "shop/checkout_complete.html", {"order": order, "summary": order_summary(order), "current_title": "Order confirmed"}
    )
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "no-referrer"
    return response


def stripe_return(request):
    """Back from Stripe Checkout: ask Stripe about the session, then mark the order paid if it is."""
    order = confirm_session(request.GET.get("session_id", ""))
    if order is None:
        messages.error(request, "We could not find that payment. If you were charged, we will email you.")
        return redirect("/basket/")
    return redirect(f"/checkout/complete/{order.token}/")


def stripe_cancel(request):
    """The customer left Stripe Checkout without paying: close the session, release the stock, give the basket back."""
    order = Order.objects.filter(token=request.GET.get("order", "")).first()
    reason = "The customer left the payment page without paying."
    if order is not None and order.payment_provider == "stripe" and stop_payment(order, reason=reason) == "paid":
        return redirect(f"/checkout/complete/{order.token}/")
    messages.info(request, "You did not finish paying, so nothing was charged. Your basket is as you left it.")
    return redirect("/basket/")


