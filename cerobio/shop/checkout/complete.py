"""Completing a checkout, in django-oscar's order with Saleor's rules:

1. the order number first: the order row is inserted with the checkout's idempotency key, whose
   unique constraint makes a second submission (or a concurrent one) find the first order;
2. freeze the basket and hold the stock, under locks (order, basket, stock by id), re-checking
   availability under the lock, all in one transaction;
3. take payment with no transaction open and no lock held;
4. place the order: `mark_paid` records the payment and allocates the held stock, in one
   transaction (or `fail_payment` releases it and gives the basket back).

A repeat with the same Idempotency-Key (a double click, or a client retrying after a lost answer)
gets the first checkout's answer, and finishes what the first one left undone: if the order is
still waiting for payment (the first request died between placing the order and paying), the
repeat takes the payment, or releases the stock if its hold has run out. Only one request at a
time asks the provider (the claim on `payment_attempted_at`); a repeat that arrives while another
is still asking is told the payment is pending and when to try again. A repeat while the customer
is paying on the provider's page (Stripe Checkout) is sent back to that same page while it is open
and the stock still held; once the page has expired, the repeat asks the provider for a new one.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from cerobio.shop.basket.lock_objects import freeze_open_basket
from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.stock_actions import InsufficientStock, Need, reserve
from cerobio.shop.delivery.fetch import option
from cerobio.shop.money import STANDARD_VAT_RATE, Money, total, vat_included
from cerobio.shop.orders.actions import fail_payment, mark_paid
from cerobio.shop.orders.events import record as record_event
from cerobio.shop.orders.models import Order, OrderEvent, OrderLine
from cerobio.shop.orders.stop import stop_payment
from cerobio.shop.payments.models import Payment
from cerobio.shop.payments.providers import PaymentError, get_provider

from .details import CheckedDetails, CheckoutError, CheckoutRequest, check, check_key


@dataclass(frozen=True)
class Outcome:
    """Where a checkout ended: paid, waiting for the customer at the provider, or declined."""

    order: Order
    created: bool
    status: str  # "paid" | "redirect" | "pending" | "declined" | "cancelled"
    redirect_url: str = ""
    message: str = ""
    retry_after: int = 0  # "pending": seconds until a repeat may finish the payment
    expires_at: datetime.datetime | None = None  # "redirect": when the provider's page stops taking the payment


def request_fingerprint(req: CheckoutRequest) -> str:
    """A hash of what the checkout asks for; card details are left out (they are never kept, even hashed)."""
    address = {k: str(v or "").strip() for k, v in sorted((req.address or {}).items())}
    asked = {
        "email": (req.email or "").strip().lower(), "address": address, "shipping_method": req.shipping_method or "",
        "accept_terms": req.accept_terms is True, "payment_method": (req.payment or {}).get("method") or "",
    }
    return hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()


# What _snapshot writes to the order row place_order inserted: the number place_order gave it after the
# insert, and the totals and delivery dates (everything else was written by the insert).
SNAPSHOT_FIELDS = (
    "number", "subtotal", "total", "shipping_price", "shipping_vat", "vat_total", "delivery_earliest", "delivery_latest",
)


def order_with_key(key: str) -> Order | None:
    """The order an earlier checkout with this Idempotency-Key made, if any (the key is unique)."""
    return Order.objects.filter(idempotency_key=key).first()


def _order_line(order: Order, line) -> OrderLine:
    """The order's copy of a basket line, at today's price; refused if the product is no longer sold."""
    variant = line.variant
    if not variant.on_sale or not variant.product.live:
        raise CheckoutError("unavailable", f"{variant.name} is no longer sold.", 409, sku=variant.sku)
    unit = Money(variant.price)
    line_total = unit * line.quantity
    return OrderLine(
        order=order, variant=variant, product_name=variant.product.title, variant_name=variant.name,
        sku=variant.sku, quantity=line.quantity, unit_price=unit.amount, vat_rate=variant.vat_rate,
        line_total=line_total.amount, vat_amount=vat_included(line_total.amount, variant.vat_rate),
    )


def _snapshot(order: Order, basket: Basket, details: CheckedDetails, req: CheckoutRequest) -> list[Need]:
    """Write the order's lines and totals from the locked basket; return the stock it needs."""
    lines = (
        basket.lines.select_related("variant__product")
        .only(
            "id", "basket_id", "quantity", "variant__id", "variant__sku", "variant__name", "variant__price",
            "variant__vat_rate", "variant__on_sale", "variant__product_id", "variant__product__title",
            "variant__product__live",
        )
        .order_by("pk")
    )
    order_lines = [_order_line(order, line) for line in lines]
    if not order_lines:
        raise CheckoutError("basket_empty", "Your basket is empty.", 409)
    subtotal = total(Money(o.line_total) for o in order_lines)
    # Priced here unless the details were checked for this same sum.
    if details.subtotal == subtotal:
        delivery = details.delivery
    else:
        delivery = option(details.address["country"], details.delivery.code, subtotal)
    if delivery is None:
        raise CheckoutError(
            "invalid_details", "Choose a delivery method.", 422,
            [{"field": "shipping_method", "message": "Choose one of the delivery methods offered for your country."}],
        )
    grand_total = subtotal + delivery.price
    if req.expected_subtotal is not None and Money(req.expected_subtotal) != subtotal:
        raise CheckoutError(
            "price_changed", f"Your basket now comes to {subtotal}. Check your order and pay again.", 409,
            subtotal=subtotal.as_dict(),
        )
    OrderLine.objects.bulk_create(order_lines)
    order.subtotal, order.total = subtotal.amount, grand_total.amount
    order.shipping_price = delivery.price.amount
    order.shipping_vat = vat_included(delivery.price.amount, STANDARD_VAT_RATE)
    order.vat_total = sum((o.vat_amount for o in order_lines), order.shipping_vat)
    order.delivery_earliest, order.delivery_latest = delivery.earliest, delivery.latest
    order.save(update_fields=SNAPSHOT_FIELDS)
    return [Need(o.variant_id, o.sku, o.quantity) for o in order_lines]


def place_order(basket: Basket, details: CheckedDetails, req: CheckoutRequest, key: str, provider_code: str):
    """Steps 1 and 2: insert the order under its key, freeze the basket and hold the stock.

    Returns (order, created). A key already used returns its order with created=False.
    """
    order, created, _needs = _place(basket, details, req, key, provider_code)
    return order, created


def _place(basket, details, req, key, provider_code) -> tuple[Order, bool, list[Need]]:
    """place_order, also returning the stock the new order's lines need (none for an earlier order)."""
    address, delivery = details.address, details.delivery
    try:
        with transaction.atomic():
            order = Order(
                idempotency_key=key, basket=basket, email=details.email,
                ship_name=address["name"], ship_line1=address["line1"], ship_line2=address["line2"],
                ship_city=address["city"], ship_region=address["region"], ship_postcode=address["postcode"],
                ship_country=address["country"], shipping_code=delivery.code, shipping_name=delivery.name,
                shipping_price=delivery.price.amount, shipping_vat=0, delivery_earliest=delivery.earliest,
                delivery_latest=delivery.latest, subtotal=0, total=0, vat_total=0, payment_provider=provider_code,
                request_fingerprint=request_fingerprint(req), payment_attempted_at=timezone.now(),
            )
            # bulk_create, not save(): Order.save() writes the number in an UPDATE of its own, and
            # _snapshot writes it with the totals, in this same transaction.
            Order.objects.bulk_create([order])
            order.number = Order.number_for(order.pk)
            # Locks the basket and freezes it in one statement; a failure below rolls the freeze back.
            if not freeze_open_basket(basket.pk):
                raise CheckoutError(
                    "basket_not_open", "This basket is already being paid for, or was ordered.", 409
                )
            needs = _snapshot(order, basket, details, req)
            try:
                reserve(order, needs)
            except InsufficientStock as exc:
                message = (
                    f"Sorry, {exc.sku} has sold out."
                    if exc.available == 0
                    else f"Sorry, only {exc.available} of {exc.sku} left."
                )
                raise CheckoutError("insufficient_stock", message, 409, sku=exc.sku, available=exc.available) from exc
            record_event(order, OrderEvent.Kind.PLACED, f"Total £{order.total}.")
    except IntegrityError:
        existing = order_with_key(key)
        if existing is None:
            raise
        return existing, False, []
    return order, True, needs


def outcome_for(order: Order, created: bool = False) -> Outcome:
    """The outcome of an earlier checkout with the same key (the same answer, no new order)."""
    if order.paid_at is not None:
        return Outcome(order, created, "paid")
    if order.status == Order.Status.PAYMENT_FAILED:
        last = order.payments.order_by("-pk").first()
        return Outcome(order, created, "declined", message=(last.message if last else "") or "The payment did not go through.")
    if order.status == Order.Status.CANCELLED:
        return Outcome(order, created, "cancelled", message="This order was cancelled.")
    return Outcome(order, created, "pending")


def complete_checkout(basket: Basket, req: CheckoutRequest, key: str | None, *, return_base: str) -> Outcome:
    """Run a whole checkout for a basket; safe to repeat with the same key (see the module)."""
    key = check_key(key)
    # Most keys are new: whether the key is on record is asked first, and the order read only if it is.
    existing = order_with_key(key) if Order.objects.filter(idempotency_key=key).exists() else None
    if existing is not None:
        return resume_checkout(existing, basket, req, return_base=return_base)
    provider = get_provider()
    # The delivery is priced once, from the lines read under the basket's lock (`_snapshot`).
    details = check(req, None, provider)
    order, created, needs = _place(basket, details, req, key, provider.code)
    if not created:
        return resume_checkout(order, basket, req, return_base=return_base)
    return _take_payment(order, provider, req.payment or {}, return_base, needs)


def resume_checkout(order: Order, basket: Basket | None, req: CheckoutRequest, *, return_base: str) -> Outcome:
    """A repeat of the checkout that made `order`: the same answer, once its payment is finished.

    Refused (409 `idempotency_key_reused`) when the key was used for another basket or another request.
    """
    same_request = not order.request_fingerprint or order.request_fingerprint == request_fingerprint(req)
    if basket is None or order.basket_id != basket.pk or not same_request:
        raise CheckoutError(
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different checkout; send a new key for a new checkout.",
            409,
        )
    if order.status != Order.Status.PENDING_PAYMENT:
        return outcome_for(order)
    page = _open_payment_page(order)
    if page is not None:
        return Outcome(order, False, "redirect", redirect_url=page.redirect_url, expires_at=page.expires_at)
    wait = _claim_payment_attempt(order)
    if wait:
        return Outcome(order, False, "pending", message=PAYMENT_IN_PROGRESS, retry_after=wait)
    if not order.reservations.filter(expires_at__gt=timezone.now()).exists():
        stop_payment(order, reason="The checkout was repeated after its stock hold had run out; the stock was released.")
        order.refresh_from_db()
        return outcome_for(order)
    return _take_payment(order, get_provider(order.payment_provider), req.payment or {}, return_base, needs=None, created=False)


def _open_payment_page(order: Order) -> Payment | None:
    """The provider's page where the customer is paying for this order, while it is open and the stock held."""
    now = timezone.now()
    if not order.reservations.filter(expires_at__gt=now).exists():
        return None
    return (
        order.payments.filter(status=Payment.Status.PENDING, expires_at__gt=now).exclude(redirect_url="").order_by("-pk").first()
    )


REPEAT_SOON_SECONDS = 2
PAYMENT_IN_PROGRESS = "The payment for this order is still being taken. Repeat the request with the same Idempotency-Key shortly."


def _claim_payment_attempt(order: Order) -> int:
    """Take the turn to ask the provider (0), or the seconds until the attempt in progress may be taken over."""
    now = timezone.now()
    lease = datetime.timedelta(seconds=settings.PAYMENT_ATTEMPT_SECONDS)
    claimed = Order.objects.filter(
        Q(payment_attempted_at__isnull=True) | Q(payment_attempted_at__lte=now - lease),
        pk=order.pk, status=Order.Status.PENDING_PAYMENT,
    ).update(payment_attempted_at=now)
    if claimed:
        order.payment_attempted_at = now
        return 0
    order.refresh_from_db(fields=["payment_attempted_at"])
    started = order.payment_attempted_at or now
    # Usually the other request finishes in a moment: ask for a repeat soon, never later than the lease ends.
    return max(1, min(REPEAT_SOON_SECONDS, int((started + lease - now).total_seconds()) + 1))


def _take_payment(
    order: Order, provider, payment: dict, return_base: str, needs: list[Need] | None, created: bool = True
) -> Outcome:
    """Steps 3 and 4: no lock is held while the provider works."""
    try:
        result = provider.start(order, payment, return_base)
    except PaymentError as exc:
        fail_payment(order.pk, reason=f"Payment provider unavailable: {exc}")
        raise CheckoutError(
            "payment_unavailable", "We could not reach the payment service. Nothing was charged; try again shortly.", 503
        ) from exc
    if result.status == "succeeded":
        # mark_paid records the payment itself, in the transaction that marks the order paid.
        paid = mark_paid(
            order.pk, provider=provider.code, reference=result.reference, amount=order.total, message=result.message,
            needs=needs,
        )
        if paid is not None:
            order.status, order.paid_at, order.stock_problem = paid.status, paid.paid_at, paid.stock_problem
        else:  # a webhook or a second request got there first
            order.refresh_from_db(fields=["status", "paid_at", "stock_problem"])
        return outcome_for(order, created=created)
    status = Payment.Status.DECLINED if result.status == "declined" else Payment.Status.PENDING
    try:
        with transaction.atomic():
            Payment.objects.create(
                provider=provider.code, reference=result.reference, order=order, amount=order.total,
                status=status, message=result.message[:255], redirect_url=result.redirect_url,
                expires_at=result.expires_at,
            )
    except IntegrityError:
        pass  # already recorded for this reference (a webhook got here first)
    if result.status == "declined":
        fail_payment(order.pk, reason=result.message or "Card declined.")
        order.refresh_from_db()
        return Outcome(order, created, "declined", message=result.message)
    if result.status == "card_page":
        return Outcome(order, created, "redirect", redirect_url=card_step_url(order))
    return Outcome(order, created, "redirect", redirect_url=result.redirect_url, expires_at=result.expires_at)


def card_step_url(order: Order) -> str:
    """Our own page where the customer types the card into the provider's form (Stripe's Payment Element)."""
    return f"/checkout/pay/{order.token}/"

