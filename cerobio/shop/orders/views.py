"""The guest order page at /orders/<token>/: reachable only through the unguessable token."""

from django.http import Http404
from django.shortcuts import render

from .fetch import order_summary
from .models import Order


def order_page(request, token: str):
    order = Order.objects.filter(token=token).prefetch_related("lines", "events").first()
    if order is None:
        raise Http404("No such order")
    response = render(
        request, "shop/order_page.html", {"order": order, "summary": order_summary(order), "current_title": "Your order"}
    )
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
