"""Forms staff fill in on an order's admin page."""

from decimal import Decimal

from django import forms

from .models import Order

CARRIERS = ["Royal Mail", "Parcelforce", "DPD", "Evri", "DHL", "UPS"]


class OrderFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "All statuses"), *Order.Status.choices], required=False)
    date_from = forms.DateField(label="Placed from", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="Placed until", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label="Order number, email or name", required=False, max_length=100)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["date_from"]:
            queryset = queryset.filter(created_at__date__gte=data["date_from"])
        if data["date_to"]:
            queryset = queryset.filter(created_at__date__lte=data["date_to"])
        if data["q"]:
            from django.db.models import Q

            q = data["q"].strip()
            queryset = queryset.filter(Q(number__iexact=q) | Q(email__icontains=q) | Q(ship_name__icontains=q))
        return queryset


class DispatchForm(forms.Form):
    carrier = forms.CharField(max_length=80, initial="Royal Mail", help_text="Who is delivering it, e.g. Royal Mail.")
    tracking_number = forms.CharField(max_length=80, help_text="As printed on the postage label.")
    tracking_url = forms.URLField(
        label="Tracking link (optional)", required=False, assume_scheme="https",
        help_text="The carrier's tracking page for this parcel; the customer gets it in the email.",
    )


class RefundForm(forms.Form):
    """A refund: the amount, why, and for an order never sent, which units go back on sale."""

    amount = forms.DecimalField(
        label="Amount to refund (£)", max_digits=10, decimal_places=2, min_value=Decimal("0.01"),
    )
    reason = forms.CharField(max_length=200, help_text="Shown in the order's history (not to the customer).")

    def __init__(self, *args, order: Order, **kwargs):
        super().__init__(*args, **kwargs)
        left = order.total - order.refunded_total
        self.fields["amount"].help_text = f"Up to £{left}."
        self.fields["amount"].max_value = left
        self.restock_fields = []
        if order.dispatched_at is None:
            for line in order.lines.all():
                if line.restockable and line.variant_id:
                    name = f"restock_{line.pk}"
                    self.fields[name] = forms.IntegerField(
                        label=f"Put back on sale: {line.product_name} – {line.variant_name} ({line.sku})",
                        min_value=0, max_value=line.restockable, initial=0, required=False,
                        help_text=f"0 to {line.restockable} units.",
                    )
                    self.restock_fields.append((name, line.pk))

    def restock_units(self) -> dict[int, int]:
        """Order line id → units staff chose to put back on sale."""
        return {pk: self.cleaned_data.get(name) or 0 for name, pk in self.restock_fields}


class CancelForm(forms.Form):
    reason = forms.CharField(max_length=200, help_text="Shown in the order's history.")
