"""Admin screens for customer data rights: find by email, export as JSON, erase after confirming, the log.

The address travels only in POST bodies (never in a URL, so never in an access log or browser
history) and every response is marked no-store.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from cerobio.shop.orders import customer_data as customer_orders

from . import data_rights
from .models import CustomerDataLog

MANAGE = "editorial.manage_customer_data"
VIEW_LOG = "editorial.view_customerdatalog"
HEADER = {"page_title": "Customer data", "header_title": "Customer data", "header_icon": "user"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class EmailForm(forms.Form):
    email = forms.CharField(
        label="Customer's email address", max_length=254, required=False,
        help_text="Capital letters and spaces around it do not matter.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_email(self):
        return data_rights.clean_email(self.cleaned_data.get("email"))


class EraseForm(EmailForm):
    confirm = forms.CharField(
        label="Type the customer's email address again to confirm", max_length=254, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean(self):
        data = super().clean()
        email = data.get("email")
        if email and str(data.get("confirm") or "").strip().lower() != email:
            self.add_error("confirm", ValidationError(
                "Nothing was erased: the address you typed to confirm is not the same. Type it again.", code="mismatch"
            ))
        return data


def _message_page(request, status: int, headline: str, message: str, back_url=None, back_label="") -> TemplateResponse:
    return TemplateResponse(request, "editorial/admin/customer_data_message.html", {
        **HEADER, "headline": headline, "message": message,
        "back_url": back_url or reverse("editorial_customer_data"), "back_label": back_label or "Go to customer data",
    }, status=status)


def _forbidden(request) -> TemplateResponse:
    # A plain 403 rather than Wagtail's redirect to the dashboard: a refused erase must be unmistakable.
    return _message_page(
        request, 403, "You do not have permission to see customer data.",
        "Ask an administrator if your work needs it.", back_url=reverse("wagtailadmin_home"), back_label="Dashboard",
    )


def _post_only(request) -> TemplateResponse:
    response = _message_page(
        request, 405, "Nothing was changed.",
        "Exporting and erasing work only from the buttons on the customer data page, so that an address "
        "never appears in a link.",
    )
    response["Allow"] = "POST"
    return response


def _search_page(request, form, status=200, **extra) -> TemplateResponse:
    return TemplateResponse(request, "editorial/admin/customer_data.html", {**HEADER, "form": form, **extra},
                            status=status)


def _results_context(request, found) -> dict:
    user = request.user
    return {
        "found": found,
        "earlier": [a for a in data_rights.earlier_actions(found.email) if a.action != CustomerDataLog.Action.SEARCH][:20],
        "can_open_orders": user.has_perm("orders.view_order") or user.has_perm("orders.manage_orders"),
        "can_open_messages": user.has_perm("editorial.view_contactmessage"),
    }


@never_cache
def search(request):
    """GET: the search form. POST: everything stored under the address, logged as a look-up."""
    if not request.user.has_perm(MANAGE):
        return _forbidden(request)
    if request.method != "POST":
        return _search_page(request, EmailForm())
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _search_page(request, form, status=400)
    found = data_rights.find_customer(form.cleaned_data["email"])
    context = _results_context(request, found)  # read before this look-up is logged
    data_rights.record(CustomerDataLog.Action.SEARCH, found.email, orders=len(found.orders),
                       contact_messages=len(found.messages), user=request.user)
    return _search_page(request, EmailForm(initial={"email": found.email}), searched=True, **context)


@never_cache
def export(request):
    """POST: download everything stored under the address as a JSON file, logged as an export."""
    if not request.user.has_perm(MANAGE):
        return _forbidden(request)
    if request.method != "POST":
        return _post_only(request)
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _search_page(request, form, status=400)
    found = data_rights.find_customer(form.cleaned_data["email"])
    data_rights.record(CustomerDataLog.Action.EXPORT, found.email, orders=len(found.orders),
                       contact_messages=len(found.messages), user=request.user)
    response = HttpResponse(data_rights.export_json(found), content_type="application/json; charset=utf-8")
    # The file name carries no part of the address: downloads folders and logs keep names.
    name = f"cerobio-customer-data-{data_rights.email_hash(found.email)[:10]}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response


def _erase_page(request, form, found, status=200, refusal="") -> TemplateResponse:
    return TemplateResponse(request, "editorial/admin/customer_data_erase.html", {
        **HEADER, "form": form, "found": found, "page_title": "Erase customer data", "header_title": "Erase customer data",
        "refusal": refusal or customer_orders.refusal(found.orders),
    }, status=status)


@never_cache
def erase(request):
    """POST without `confirm`: what would be erased. POST with the address typed again: erase it."""
    if not request.user.has_perm(MANAGE):
        return _forbidden(request)
    if request.method != "POST":
        return _post_only(request)
    confirming = "confirm" in request.POST
    form = EraseForm(request.POST) if confirming else EmailForm(request.POST)
    if not form.is_valid() and form.has_error("email"):
        return _search_page(request, EmailForm(request.POST), status=400)
    email = form.cleaned_data["email"]
    found = data_rights.find_customer(email)
    if found.is_empty:
        messages.info(request, "Nothing to erase: no order or contact message uses that address. "
                      "If it was erased before, the log below the search says when.")
        return redirect("editorial_customer_data")
    if not confirming:
        return _erase_page(request, EraseForm(initial={"email": email}), found)
    if not form.is_valid():
        return _erase_page(request, form, found, status=400)
    try:
        done = data_rights.erase_customer(email, user=request.user)
    except data_rights.ErasureRefused as exc:
        return _erase_page(request, EraseForm(initial={"email": email}), data_rights.find_customer(email), status=409,
                           refusal=str(exc))
    if done.nothing:  # someone else erased it between the confirmation page and now
        messages.info(request, "Nothing to erase: no order or contact message uses that address any more.")
        return redirect("editorial_customer_data")
    messages.success(
        request,
        f"Erased: {_plural(done.orders, 'order')} anonymised (totals, items and VAT kept for the accounts) and "
        f"{_plural(done.contact_messages, 'contact message')} deleted. The log records this without the address.",
    )
    return redirect("editorial_customer_data")


def can_see_log(user) -> bool:
    return user.has_perm(VIEW_LOG)


class CustomerDataLogReport(ReportView):
    """Every look-up, export and erasure of customer data, newest first; addresses only as hashes."""

    page_title = "Customer data log"
    header_icon = "user"
    index_url_name = "editorial_customer_data_log"
    index_results_url_name = "editorial_customer_data_log_results"
    paginate_by = 100
    columns = [
        Column("created_at", label="When", accessor=lambda r: timezone.localtime(r.created_at).strftime("%-d %b %Y %H:%M")),
        Column("action", label="Action", accessor="get_action_display"),
        Column("username", label="Who", accessor=lambda r: r.username or r.get_via_display()),
        NumberColumn("orders", label="Orders"),
        NumberColumn("contact_messages", label="Contact messages"),
        Column("email_hash", label="Email hash", accessor=lambda r: r.email_hash[:16] + "…"),
    ]
    list_export = ["created_at", "action", "username", "via", "orders", "contact_messages", "email_hash"]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_log(request.user):
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return CustomerDataLog.objects.all()

    def get_filename(self):
        return "customer-data-log"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["no_results_message"] = "Nobody has looked up, exported or erased a customer's data yet."
        return context
