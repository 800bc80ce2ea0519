"""The shop's order screens in the Wagtail admin: list, detail, actions, packing slip, CSV."""

from __future__ import annotations

import csv
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cerobio.shop.delivery.address import format_lines
from cerobio.shop.payments.providers import get_provider

from . import actions, refunds, staff_actions
from .admin_forms import (
    AddressForm,
    CancelForm,
    CarrierForm,
    DispatchForm,
    MessageForm,
    NoteForm,
    OrderFilterForm,
)
from .admin_forms import RefundForm as RefundFormClass
from .fetch import amount_for, order_summary, payment_status, refund_summary
from .models import Order

VIEW, MANAGE = "orders.view_order", "orders.manage_orders"
TRACKING = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{0,79}")


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
    page = Paginator(orders.prefetch_related("lines"), 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "shop/admin/order_index.html",
        {"form": form, "page": page, "query": query.urlencode(), "header_title": "Orders", "page_title": "Orders",
         "header_icon": "list-ul", "to_pack": Order.objects.filter(status=Order.Status.PAID).count(),
         "can_manage": request.user.has_perm(MANAGE)},
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
            "cancel_form": CancelForm(),
            "note_form": NoteForm(),
            "message_form": MessageForm(),
            "address_form": AddressForm.for_order(order),
            "can_manage": request.user.has_perm(MANAGE),
            "left_to_refund": left,
            "payment_status": payment_status(order, test_mode=get_provider(order.payment_provider).test_mode),
            "header_title": f"Order {order.number}",
            "page_title": f"Order {order.number}",
            "header_icon": "doc-full",
        },
    )


def packing_slip(request, pk: int):
    """A printable packing slip: the address, and each item with its SKU and a tick box."""
    _require(request, VIEW)
    order = get_object_or_404(Order.objects.prefetch_related("lines"), pk=pk)
    return _slips(request, [order])


def packing_slips(request):
    """The packing slips of the orders ticked in the list, one per printed page, in one document."""
    _require(request, VIEW)
    orders = list(Order.objects.filter(pk__in=_chosen(request.GET)).prefetch_related("lines").order_by("pk"))
    if not orders:
        messages.error(request, "Tick the orders whose packing slips you want to print.")
        return redirect("shop_order_index")
    return _slips(request, orders)


def _slips(request, orders):
    slips = [(order, format_lines(order.address, label=True)) for order in orders]
    title = f"Packing slip {orders[0].number}" if len(orders) == 1 else f"{len(orders)} packing slips"
    return render(request, "shop/admin/packing_slip.html", {"slips": slips, "title": title})


def _chosen(data) -> list[int]:
    return [int(pk) for pk in data.getlist("order") if pk.isdigit()][:200]


def bulk_dispatch(request):
    """Mark the ticked orders dispatched with one carrier, each with its tracking number; all or none."""
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    orders = list(Order.objects.filter(pk__in=_chosen(source)).prefetch_related("lines").order_by("pk"))
    if not orders:
        messages.error(request, "Tick the orders you want to mark dispatched.")
        return redirect("shop_order_index")
    form = CarrierForm(request.POST or None, prefix="all")
    numbers = {o.pk: request.POST.get(f"tracking_{o.pk}", "").strip() for o in orders}
    problems = []
    if request.method == "POST":
        missing = [o.number for o in orders if not TRACKING.fullmatch(numbers[o.pk])]
        if missing:
            problems.append("Enter the tracking number (letters, digits, spaces, dashes) for " + ", ".join(missing) + ".")
        if form.is_valid() and not problems:
            try:
                done = actions.dispatch_many(numbers, carrier=form.cleaned_data["carrier"], user=request.user)
            except actions.OrderActionRefused as exc:
                problems.append(f"Nothing was changed. {exc}")
            else:
                messages.success(request, f"{len(done)} orders are marked dispatched: "
                                 + ", ".join(o.number for o in done) + ". Each customer has been emailed.")
                return redirect("shop_order_index")
    return render(request, "shop/admin/bulk_dispatch.html", {
        "orders": orders, "form": form, "numbers": numbers, "problems": problems,
        "header_title": "Mark orders dispatched", "page_title": "Mark orders dispatched", "header_icon": "list-ul",
    }, status=400 if problems or form.errors else 200)


def _act(request, pk, form_class, run, done: str):
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        problems = "; ".join(
            f"{form.fields[f].label if f in form.fields else 'Form'}: {' '.join(e)}" for f, e in form.errors.items()
        )
        messages.error(request, f"Nothing was changed. {problems}")
        return redirect("shop_order_detail", pk=order.pk)
    try:
        run(order, dict(form.cleaned_data) if form else {})
    except actions.OrderActionRefused as exc:
        messages.error(request, f"Nothing was changed. {exc}")
    else:
        messages.success(request, done.format(number=order.number))
    return redirect("shop_order_detail", pk=order.pk)


@require_POST
def order_dispatch(request, pk: int):
    return _act(
        request, pk, DispatchForm,
        lambda o, d: actions.dispatch(o.pk, carrier=d["carrier"], tracking_number=d["tracking_number"], user=request.user),
        "Order {number} is marked dispatched. The customer has been emailed the tracking number.",
    )


@require_POST
def order_delivered(request, pk: int):
    return _act(request, pk, None, lambda o, d: actions.mark_delivered(o.pk, user=request.user),
                "Order {number} is marked delivered.")


def order_refund(request, pk: int):
    """Refund by items, the delivery charge and an extra amount: a form, then a summary to confirm."""
    return _refund_page(request, pk, returned=False)


def order_return(request, pk: int):
    """Items the customer sent back: each back on sale or written off, refunded in one step."""
    return _refund_page(request, pk, returned=True)


def _refund_page(request, pk: int, *, returned: bool):
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    order = get_object_or_404(Order.objects.prefetch_related("lines"), pk=pk)
    problem = _cannot_refund(order, returned)
    if problem:
        messages.error(request, problem)
        return redirect("shop_order_detail", pk=order.pk)
    form = RefundFormClass(request.POST or None, order=order, returned=returned)
    context = {"order": order, "form": form, "returned": returned, "left_to_refund": order.total - order.refunded_total,
               "header_icon": "doc-full"}
    context["header_title"] = context["page_title"] = f"{'Return' if returned else 'Refund'}: order {order.number}"
    if request.method != "POST" or not form.is_valid():
        return render(request, "shop/admin/order_refund.html", context, status=400 if form.is_bound else 200)
    refunding = form.refunding()
    amount = amount_for(order, refunding)
    problem = _refund_problem(order, amount)
    if problem:
        form.add_error(None, problem)
        return render(request, "shop/admin/order_refund.html", context, status=400)
    if request.POST.get("confirm") == "no":  # "Change the refund": the form again, as filled in
        return render(request, "shop/admin/order_refund.html", context)
    if request.POST.get("confirm") != "yes":
        context.update(confirm=True, amount=amount, summary=refund_summary(order, refunding))
        return render(request, "shop/admin/order_refund.html", context)
    try:
        refunds.give_back(order.pk, refunding, reason=form.cleaned_data["reason"], user=request.user,
                          returned=returned, refunded_before=form.cleaned_data["refunded_before"])
    except actions.OrderActionRefused as exc:
        messages.error(request, f"Nothing was refunded. {exc}")
        return redirect(request.path)
    messages.success(request, f"£{amount} was refunded on order {order.number}. The customer has been emailed.")
    return redirect("shop_order_detail", pk=order.pk)


def _cannot_refund(order: Order, returned: bool) -> str:
    if order.paid_at is None or order.total <= order.refunded_total:
        return f"Nothing can be refunded on order {order.number}: it was not paid, or it was refunded in full."
    if returned and order.dispatched_at is None:
        return f"Order {order.number} has not been sent, so nothing can be returned; use Refund instead."
    return ""


def _refund_problem(order: Order, amount) -> str:
    left = order.total - order.refunded_total
    if amount <= 0:
        return "Choose items, the delivery charge or an extra amount: the refund comes to £0.00."
    if amount > left:
        return f"This comes to £{amount}, but at most £{left} can still be refunded on this order."
    return ""


@require_POST
def order_note(request, pk: int):
    return _act(request, pk, NoteForm, lambda o, d: staff_actions.add_note(o.pk, d["note"], user=request.user),
                "Your note is in the history of order {number}.")


@require_POST
def order_message(request, pk: int):
    return _act(request, pk, MessageForm,
                lambda o, d: staff_actions.message_customer(o.pk, d["message"], user=request.user),
                "Your message to the customer of order {number} is being emailed and is kept in the history.")


@require_POST
def order_resend(request, pk: int):
    kind = request.POST.get("email", "")
    return _act(request, pk, None, lambda o, d: staff_actions.resend_email(o.pk, kind, user=request.user),
                "The email is being sent again to the customer of order {number}.")


@require_POST
def order_address(request, pk: int):
    return _act(
        request, pk, lambda data: AddressForm(data, prefix="address"),
        lambda o, d: staff_actions.change_address(o.pk, d, user=request.user),
        "The delivery address of order {number} is changed; the packing slip shows the new one.",
    )


@require_POST
def order_cancel(request, pk: int):
    return _act(request, pk, CancelForm, lambda o, d: refunds.cancel(o.pk, reason=d["reason"], user=request.user),
                "Order {number} is cancelled. Its items are back on sale; any payment was refunded.")
