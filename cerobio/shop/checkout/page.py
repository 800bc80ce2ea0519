"""What the checkout page shows: the basket, the address form for the country, delivery options."""

from __future__ import annotations

import uuid

from django.conf import settings

from cerobio.shop.basket.fetch import view as basket_view
from cerobio.shop.delivery.address import form_for
from cerobio.shop.delivery.countries import COUNTRY_NAMES, HOME_COUNTRY, country_choices
from cerobio.shop.delivery.fetch import options_for, shipping_countries
from cerobio.shop.money import Money, vat_included
from cerobio.shop.payments.providers import get_provider

ERROR_ORDER = ("email", "name", "line1", "line2", "city", "region", "postcode", "country", "shipping_method", "accept_terms",
               "card_number", "card_expiry", "card_cvc", "card_name")


def new_key() -> str:
    """A fresh idempotency key for one checkout attempt (one rendering of the form)."""
    return uuid.uuid4().hex


def checkout_context(request, basket, values: dict, errors: dict, problem: str = "") -> dict:
    view = basket_view(basket)
    country = str(values.get("country") or HOME_COUNTRY).upper()
    if country not in COUNTRY_NAMES:
        country = HOME_COUNTRY
    options = [
        {"option": o, "total": view.subtotal + o.price, "vat": view.vat + Money(vat_included(o.price.amount))}
        for o in options_for(country, view.subtotal)
    ]
    chosen = values.get("shipping_method")
    if chosen not in {o["option"].code for o in options}:
        chosen = options[0]["option"].code if options else ""
    selected = next((o for o in options if o["option"].code == chosen), None)
    provider = get_provider()
    address_form = form_for(country)
    return {
        "basket": view,
        "values": {**values, "country": country},
        "country_name": COUNTRY_NAMES[country],
        "errors": errors,
        "error_list": [(f, errors[f]) for f in ERROR_ORDER if f in errors],
        "problem": problem,
        "address_form": address_form,
        "postcode_hint": f"For example, {address_form.postcode_example}" if address_form.postcode_example else "",
        "countries": country_choices(shipping_countries()),
        "options": options,
        "chosen": chosen,
        "selected": selected,
        "idempotency_key": new_key(),
        "provider": provider,
        # Stripe with a publishable key: the order is paid on our card step (Stripe's Payment Element).
        "card_step": provider.code == "stripe" and bool(settings.STRIPE_PUBLISHABLE_KEY),
        "current_title": "Checkout",
    }
