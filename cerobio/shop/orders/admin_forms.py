"""Forms staff fill in on an order's admin page."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db.models import Q, Value
from django.db.models.functions import Replace, Upper

from .models import NUMBER_PREFIX, Order, OrderLine
from .refunds import Refunding

SORTS = {
    "newest": ("Newest first", ["-created_at", "-pk"]),
    "oldest": ("Oldest first", ["created_at", "pk"]),
    "total_high": ("Total, highest first", ["-total", "-pk"]),
    "total_low": ("Total, lowest first", ["total", "pk"]),
    "status": ("Status", ["status", "-created_at"]),
    "name": ("Customer name", ["ship_name", "-created_at"]),
}


def carriers() -> list[str]:
    """The carriers staff choose from (the SHOP_CARRIERS setting)."""
    return list(settings.SHOP_CARRIERS)


class OrderFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "All statuses"), *Order.Status.choices], required=False)
    date_from = forms.DateField(label="Placed from", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="Placed until", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label="Number, email, name, postcode or SKU", required=False, max_length=100)
    sort = forms.ChoiceField(label="Sort by", choices=[(k, label) for k, (label, _) in SORTS.items()], required=False)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.none() if self.is_bound else queryset
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["date_from"]:
            queryset = queryset.filter(created_at__date__gte=data["date_from"])
        if data["date_to"]:
            queryset = queryset.filter(created_at__date__lte=data["date_to"])
        if data["q"].strip():
            queryset = search(queryset, data["q"].strip())
        return queryset.order_by(*SORTS[data["sort"] or "newest"][1])


def search(queryset, q: str):
    """Orders whose number (with or without the CRB- prefix and leading zeros), email, name, postcode
    (spaces and case ignored, from its start) or one of whose SKUs matches."""
    number = q.upper().removeprefix(NUMBER_PREFIX).strip()
    postcode = q.replace(" ", "").upper()
    match = Q(email__icontains=q) | Q(ship_name__icontains=q) | Q(postcode_compact__startswith=postcode)
    if number.isdigit():
        match |= Q(number=Order.number_for(int(number)))
    skus = OrderLine.objects.filter(sku__iexact=q).values("order_id")
    match |= Q(pk__in=skus)
    compact = Upper(Replace("ship_postcode", Value(" "), Value("")))
    return queryset.annotate(postcode_compact=compact).filter(match)


class CarrierForm(forms.Form):
    """The carrier, from the SHOP_CARRIERS setting (bulk dispatch asks each order's number apart)."""

    carrier = forms.ChoiceField(choices=(), help_text="The tracking link is made from the carrier and the number.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carrier"].choices = [(c, c) for c in carriers()]


class DispatchForm(CarrierForm):
    tracking_number = forms.CharField(
        max_length=80, help_text="As printed on the postage label.",
        validators=[RegexValidator(r"^[A-Za-z0-9 -]+$", "Use only the letters, digits, spaces and dashes on the label.")],
    )


class RefundForm(forms.Form):
    """A refund by items: units of each line (the amount follows), the delivery charge, an extra
    amount for goodwill, and why. Before dispatch, units may go back on sale; after dispatch this is
    a return: the units that came back, each back on sale or written off, are refunded.
    """

    delivery = forms.BooleanField(label="Refund the delivery charge", required=False)
    goodwill = forms.DecimalField(
        label="Extra amount, for goodwill (£)", required=False, max_digits=10, decimal_places=2, min_value=Decimal("0.00"),
        help_text="Optional: money on top of the items, e.g. for a late parcel. Leave empty for none.",
    )
    reason = forms.CharField(max_length=200, help_text="Shown in the order's history (not to the customer).")
    refunded_before = forms.DecimalField(widget=forms.HiddenInput, max_digits=10, decimal_places=2)

    def __init__(self, *args, order: Order, returned: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.order, self.returned = order, returned
        self.fields["refunded_before"].initial = order.refunded_total
        self.line_fields = []  # (line, {kind: field name})
        for line in order.lines.all():
            names = {}
            if returned:
                names["back"] = self._units(f"back_{line.pk}", "Returned, back on sale", line.restockable)
                names["lost"] = self._units(f"lost_{line.pk}", "Returned, written off", line.restockable)
            else:
                names["units"] = self._units(f"units_{line.pk}", "Units to refund", line.refundable)
                if line.variant_id and line.restockable:
                    names["back"] = self._units(f"back_{line.pk}", "Put back on sale", line.restockable)
            self.line_fields.append((line, names))
        if not order.shipping_price or order.delivery_refunded:
            del self.fields["delivery"]
        else:
            self.fields["delivery"].label = f"Refund the delivery charge (£{order.shipping_price})"

    def _units(self, name: str, label: str, most: int) -> str:
        self.fields[name] = forms.IntegerField(
            label=label, min_value=0, max_value=most, required=False,
            error_messages={"max_value": f"Enter 0 to {most}.", "min_value": f"Enter 0 to {most}."},
        )
        return name

    def line_rows(self):
        """Each line with its bound fields, for the template."""
        return [(line, [self[name] for name in names.values()]) for line, names in self.line_fields]

    def order_bound_fields(self):
        """The fields about the whole order (delivery, extra amount, reason), for the template."""
        return [self[name] for name in ("delivery", "goodwill", "reason") if name in self.fields]

    def clean(self):
        data = super().clean()
        if self.returned:
            for line, names in self.line_fields:
                back, lost = (data.get(names[k]) or 0 for k in ("back", "lost"))
                if back + lost > line.restockable:
                    raise forms.ValidationError(
                        f"Only {line.restockable} of {line.sku} can come back on this order; you entered {back + lost}."
                    )
                if back + lost > line.refundable:
                    raise forms.ValidationError(
                        f"Only {line.refundable} of {line.sku} can still be refunded on this order."
                    )
        return data

    def refunding(self) -> Refunding:
        """What the form asks for, as the refund service takes it."""
        data = self.cleaned_data

        def counts(kind):
            return {line.pk: data.get(names[kind]) or 0 for line, names in self.line_fields if kind in names}

        back, lost = counts("back"), counts("lost")
        units = {pk: back.get(pk, 0) + lost.get(pk, 0) for pk in back | lost} if self.returned else counts("units")
        return Refunding(units=units, back_on_sale=back, written_off=lost, delivery=bool(data.get("delivery")),
                         goodwill=data.get("goodwill") or Decimal("0.00"))

    def hidden_copy(self) -> list[tuple[str, str]]:
        """The answers as name/value pairs, carried by the confirmation step."""
        return [(name, "on" if value is True else str(value)) for name, value in self.cleaned_data.items()
                if value is not None and value is not False and value != ""]


class CancelForm(forms.Form):
    reason = forms.CharField(max_length=200, help_text="Shown in the order's history.")


class NoteForm(forms.Form):
    note = forms.CharField(label="Internal note", max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Only staff see it, in the history.")


class MessageForm(forms.Form):
    message = forms.CharField(label="Message to the customer", max_length=500, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="Emailed to the customer and kept in the history.")


class AddressForm(forms.Form):
    """A new delivery address in the order's country (its delivery price and VAT depend on it)."""

    name = forms.CharField(label="Name", max_length=200)
    line1 = forms.CharField(label="Address line 1", max_length=200)
    line2 = forms.CharField(label="Address line 2", max_length=200, required=False)
    city = forms.CharField(label="Town or city", max_length=120)
    region = forms.CharField(label="County, state or region", max_length=120, required=False)
    postcode = forms.CharField(label="Postcode", max_length=20, required=False)

    @classmethod
    def for_order(cls, order: Order) -> "AddressForm":
        return cls(initial={k: v for k, v in order.address.items() if k != "country"}, prefix="address")
