"""Stock levels in the Wagtail admin: see what is left and held, change it with a reason."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .models import ProductVariant, ShopSettings, StockMovement
from .offers import offers
from .stock_actions import StockChangeRefused, change_stock, count_stock

CHANGE_STOCK = "shop.change_stock"
STAFF_REASONS = [
    (StockMovement.Reason.RECEIVED, "Delivery received (add units)"),
    (StockMovement.Reason.DAMAGED, "Damaged or lost (take units away)"),
    (StockMovement.Reason.COUNT, "Stock count (set the level to what you counted)"),
]


class StockForm(forms.Form):
    """A staff change: units added or taken away, or the level a count found."""

    reason = forms.ChoiceField(label="What happened", choices=STAFF_REASONS)
    units = forms.IntegerField(label="Units", min_value=0, max_value=100_000)
    note = forms.CharField(max_length=250, required=False, help_text="Optional, e.g. the delivery note number.")

    def save(self, variant, user) -> StockMovement:
        data = self.cleaned_data
        if data["reason"] == StockMovement.Reason.COUNT:
            return count_stock(variant, counted=data["units"], note=data["note"], user=user)
        return change_stock(variant, units=data["units"], reason=data["reason"], note=data["note"], user=user)


def low_stock_rows(request=None):
    """Every variant with its stock, holds and availability, lowest first."""
    variants = list(ProductVariant.objects.select_related("product", "stock").order_by("product__title", "sort_order"))
    threshold = ShopSettings.for_request(request).low_stock_level if request else 10
    rows = []
    for variant, offer in zip(variants, offers(variants), strict=True):
        quantity = variant.stock.quantity if hasattr(variant, "stock") else 0
        rows.append(
            {"variant": variant, "quantity": quantity, "held": quantity - offer.available, "available": offer.available,
             "low": offer.available <= threshold}
        )
    return rows, threshold


class HistoryFilter(forms.Form):
    """Which stock changes to list: one item, one reason, or all."""

    sku = forms.ChoiceField(label="Item", required=False)
    reason = forms.ChoiceField(label="Reason", required=False,
                               choices=[("", "All reasons"), *StockMovement.Reason.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        skus = ProductVariant.objects.order_by("sku").values_list("sku", flat=True)
        self.fields["sku"].choices = [("", "All items"), *((sku, sku) for sku in skus)]

    def movements(self):
        found = StockMovement.objects.select_related("user", "order")
        if not self.is_valid():
            return found.none() if self.is_bound else found
        if self.cleaned_data["sku"]:
            found = found.filter(sku=self.cleaned_data["sku"])
        if self.cleaned_data["reason"]:
            found = found.filter(reason=self.cleaned_data["reason"])
        return found


def stock_index(request):
    if not request.user.has_perm(CHANGE_STOCK):
        raise PermissionDenied
    rows, threshold = low_stock_rows(request)
    history = HistoryFilter({k: request.GET.get(k, "") for k in ("sku", "reason")})
    page = Paginator(history.movements(), 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "shop/admin/stock_index.html",
        {
            "rows": rows, "threshold": threshold, "form": StockForm(), "history": history, "page": page,
            "query": query.urlencode(),
            "header_title": "Stock levels", "page_title": "Stock levels", "header_icon": "tag",
        },
    )


@require_POST
def stock_change(request, pk: int):
    if not request.user.has_perm(CHANGE_STOCK):
        raise PermissionDenied
    variant = get_object_or_404(ProductVariant, pk=pk)
    form = StockForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Stock for {variant.sku} was not changed: choose what happened and enter a whole number of units.")
        return redirect("shop_stock_index")
    try:
        movement = form.save(variant, request.user)
    except StockChangeRefused as exc:
        messages.error(request, f"Stock for {variant.sku} was not changed. {exc}")
    else:
        messages.success(request, f"{variant.sku} now has {movement.quantity_after} in stock ({movement.change:+d}).")
    return redirect("shop_stock_index")
