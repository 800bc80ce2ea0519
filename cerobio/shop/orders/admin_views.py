"""The shop's order screens in the Wagtail admin: list, detail, actions, packing slip, CSV."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cerobio.shop.delivery.address import format_lines
from cerobio.shop.payments.providers import get_provider

from . import actions, refunds
from .admin_forms import CARRIERS, CancelForm, DispatchForm, OrderFilterForm
from .admin_forms import RefundForm as RefundFormClass
from .fetch import order_summary
from .models import Order

VIEW, MANAGE = "orders.view_order", "orders.manage_orders"


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm) and not request.user.has_perm(MANAGE):
        raise PermissionDenied


def _filtered(request):
    form = OrderFilterForm(request.GET or None)
    return form, form.filter(Order.objects.all())


def order_index(request):
    """All orders, newest first, filtered by status, dates or a search."""
    _require(request, VIEW)
    form, orders = _filtered(request)
    page = Paginator(orders, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "shop/admin/order_index.html",
        {"form": form, "page": page, "query": query.urlencode(), "header_title": "Orders", "page_title": "Orders",
         "header_icon": "list-ul", "to_pack": Order.objects.filter(status=Order.Status.PAID).count()},
    )


def order_csv(request):
    """The filtered orders as a spreadsheet (CSV), one row per order."""
    _require(request, VIEW)
    _, orders = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cerobio-orders-{timezone.localdate():%Y-%m-%d}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["Order number", "Placed", "Status", "Email", "Name", "Postcode", "Country", "Items",
         "Goods (£)", "Delivery (£)", "Total (£)", "VAT (£)", "Refunded (£)", "Carrier", "Tracking number"]
    )
    for order in orders.prefetch_related("lines"):
        items = "; ".join(f"{line.quantity} x {line.sku}" for line in order.lines.all())
        row = [
            order.number, timezone.localtime(order.created_at).strftime("%Y-%m-%d %H:%M"), order.get_status_display(),
            order.email, order.ship_name, order.ship_postcode, order.ship_country, items, order.subtotal,
            order.shipping_price, order.total, order.vat_total, order.refunded_total, order.carrier, order.tracking_number,
        ]
        # Spreadsheet programs run cells that start with these characters as formulas (empty cells stay empty).
        writer.writerow([f"'{v}" if isinstance(v, str) and v and v[0] in "=+-@\t\r" else v for v in row])
    return response


def order_detail(request, pk: int):
    """One order: what was bought, where it goes, its payments and history, and what staff can do."""
    _require(request, VIEW)
    order = get_object_or_404(Order.objects.prefetch_related("lines", "events__user", "payments", "refunds"), pk=pk)
    left = order.total - order.refunded_total
    return render(
        request,
        "shop/admin/order_detail.html",
        {
            "order": order,
            "summary": order_summary(order),
            "history": order.events.all(),
            "dispatch_form": DispatchForm(),
            "refund_form": RefundFormClass(order=order),
            "cancel_form": CancelForm(),
            "carriers": CARRIERS,
            "can_manage": request.user.has_perm(MANAGE),
            "left_to_refund": left,
            "provider_test_mode": get_provider(order.payment_provider).test_mode,
            "header_title": f"Order {order.number}",
            "page_title": f"Order {order.number}",
            "header_icon": "doc-full",
        },
    )


def packing_slip(request, pk: int):
    """A printable packing slip: the address, and each item with its SKU and a tick box."""
    _require(request, VIEW)
    order = get_object_or_404(Order.objects.prefetch_related("lines"), pk=pk)
    return render(request, "shop/admin/packing_slip.html", {"order": order, "address_lines": format_lines(order.address, label=True)})


def _act(request, pk, form_class, run, done: str, form_kwargs=None):
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    form = form_class(request.POST, **(form_kwargs(order) if form_kwargs else {})) if form_class else None
    if form is not None and not form.is_valid():
        problems = "; ".join(f"{form.fields[f].label or f}: {' '.join(e)}" for f, e in form.errors.items())
        messages.error(request, f"Nothing was changed. {problems}")
        return redirect("shop_order_detail", pk=order.pk)
    try:
        run(order, {**form.cleaned_data, "form": form} if form else {})
    except actions.OrderActionRefused as exc:
        messages.error(request, f"Nothing was changed. {exc}")
    else:
        messages.success(request, done.format(number=order.number))
    return redirect("shop_order_detail", pk=order.pk)


@require_POST
def order_dispatch(request, pk: int):
    return _act(
        request, pk, DispatchForm,
        lambda o, d: actions.dispatch(o.pk, carrier=d["carrier"], tracking_number=d["tracking_number"],
                                      tracking_url=d["tracking_url"], user=request.user),
        "Order {number} is marked dispatched. The customer has been emailed the tracking number.",
    )


@require_POST
def order_delivered(request, pk: int):
    return _act(request, pk, None, lambda o, d: actions.mark_delivered(o.pk, user=request.user),
                "Order {number} is marked delivered.")


@require_POST
def order_refund(request, pk: int):
    return _act(
        request, pk, RefundFormClass,
        lambda o, d: refunds.refund(o.pk, amount=d["amount"], reason=d["reason"], user=request.user,
                                    restock_units=d["form"].restock_units()),
        "The refund for order {number} was sent. The customer has been emailed.",
        form_kwargs=lambda order: {"order": order},
    )


@require_POST
def order_cancel(request, pk: int):
    return _act(request, pk, CancelForm, lambda o, d: refunds.cancel(o.pk, reason=d["reason"], user=request.user),
                "Order {number} is cancelled. Its items are back on sale; any payment was refunded.")
