"""Editorial in the admin: claim phrases, messages, reports, the dashboard panel and the publishing gates."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, data_rights_views
from .claims import GUIDE, PRODUCT, check_page, check_text, page_claims_scope
from .models import ClaimOverride, ClaimPhrase, ContactMessage, PlainEnglishNote
from .overrides import blocking_findings, can_override
from .panels import ContentChecksPanel
from .review_dates import review_summary
from .signoff import sign_off_on_publish

# The guide pages' form and tabs (cerobio/guide/page_forms.py) take these from editorial.
hooks.register("reviewed_page_publishing", sign_off_on_publish)


@hooks.register("reviewed_page_content_panels")
def content_checks_panel():
    return [ContentChecksPanel()]


class ClaimPhraseViewSet(SnippetViewSet):
    model = ClaimPhrase
    icon = "warning"
    menu_label = "Claim phrases"
    list_display = ["phrase", "suggestion", "scope", "unless_referenced", "active"]
    list_filter = ["scope", "active"]
    search_fields = ["phrase", "suggestion"]


class ClaimOverrideViewSet(SnippetViewSet):
    model = ClaimOverride
    icon = "history"
    menu_label = "Claims overrides"
    list_display = ["subject", "phrases", "user", "created_at"]
    inspect_view_enabled = True


class ContactMessageViewSet(SnippetViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = "Contact messages"
    list_display = ["name", "topic", "order_number", "created_at", "handled"]
    list_filter = ["topic", "handled"]
    search_fields = ["name", "email", "order_number", "message"]
    inspect_view_enabled = True


class PlainEnglishNoteViewSet(SnippetViewSet):
    model = PlainEnglishNote
    icon = "doc-full"
    menu_label = "Plain English notes"
    list_display = ["page", "reason"]


class EditorialGroup(SnippetViewSetGroup):
    menu_label = "Editorial"
    menu_icon = "tasks"
    menu_order = 210
    items = (ContactMessageViewSet, ClaimPhraseViewSet, ClaimOverrideViewSet, PlainEnglishNoteViewSet)
    submenu_hook = "register_editorial_menu_item"  # "Customer data" joins the group through this hook


register_snippet(EditorialGroup)


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("reports/review-dates/", admin_views.ReviewDatesReport.as_view(), name="editorial_review_dates"),
        path(
            "reports/review-dates/results/",
            admin_views.ReviewDatesReport.as_view(results_only=True),
            name="editorial_review_dates_results",
        ),
        path("reports/page-feedback/", admin_views.FeedbackReport.as_view(), name="editorial_feedback_report"),
        path(
            "reports/page-feedback/results/",
            admin_views.FeedbackReport.as_view(results_only=True),
            name="editorial_feedback_report_results",
        ),
        path("reports/page-feedback/<int:page_id>/", admin_views.feedback_detail, name="editorial_feedback_detail"),
        path("editorial/claims/<int:page_id>/publish/", admin_views.claims_override, name="editorial_claims_override"),
        path("customer-data/", data_rights_views.search, name="editorial_customer_data"),
        path("customer-data/export/", data_rights_views.export, name="editorial_customer_data_export"),
        path("customer-data/erase/", data_rights_views.erase, name="editorial_customer_data_erase"),
        path("reports/customer-data-log/", data_rights_views.CustomerDataLogReport.as_view(), name="editorial_customer_data_log"),
        path(
            "reports/customer-data-log/results/",
            data_rights_views.CustomerDataLogReport.as_view(results_only=True),
            name="editorial_customer_data_log_results",
        ),
    ]


class _ReviewDatesMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_review_dates(request.user)


class _FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("editorial.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def review_dates_menu_item():
    return _ReviewDatesMenuItem("Review dates", reverse("editorial_review_dates"), icon_name="date", order=50)


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return _FeedbackMenuItem("Page feedback", reverse("editorial_feedback_report"), icon_name="comment", order=60)


class _CustomerDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(data_rights_views.MANAGE)


class _CustomerDataLogMenuItem(MenuItem):
    def is_shown(self, request):
        return data_rights_views.can_see_log(request.user)


@hooks.register("register_editorial_menu_item")
def customer_data_menu_item():
    return _CustomerDataMenuItem("Customer data", reverse("editorial_customer_data"), icon_name="user", order=10)


@hooks.register("register_reports_menu_item")
def customer_data_log_menu_item():
    return _CustomerDataLogMenuItem(
        "Customer data log", reverse("editorial_customer_data_log"), icon_name="user", order=70
    )


@hooks.register("register_permissions")
def customer_data_permissions():
    """Offer the data rights permissions in Settings › Groups."""
    return Permission.objects.filter(
        content_type__app_label="editorial", codename__in=["manage_customer_data", "view_customerdatalog"]
    )


class ReviewDatesPanel(Component):
    """Dashboard panel: guide pages overdue or due within 30 days, and knowledge changes to check."""

    name = "editorial_review_dates"
    order = 40
    template_name = "editorial/admin/review_dates_panel.html"

    def get_context_data(self, parent_context):
        return {"summary": review_summary()}


@hooks.register("construct_homepage_panels")
def add_review_dates_panel(request, panels):
    if admin_views.can_see_review_dates(request.user):
        panels.append(ReviewDatesPanel())


@hooks.register("register_log_actions")
def editorial_log_actions(actions):
    @actions.register_action("editorial.sign_off")
    class SignOff(LogFormatter):
        label = "Clinical sign-off"

        def format_message(self, log_entry):
            data = log_entry.data
            return (
                f"Signed off by {data.get('reviewer', '')}; reviewed {data.get('last_reviewed', '')}, "
                f"next review due {data.get('next_review_due', '')}"
            )

    @actions.register_action("editorial.claims_override")
    class ClaimsOverride(LogFormatter):
        label = "Claims check overridden"

        def format_message(self, log_entry):
            phrases = ", ".join(f"“{p}”" for p in log_entry.data.get("phrases", []))
            return f"Published with flagged wording allowed by a clinical reviewer: {phrases}"

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


def _findings_html(findings):
    return format_html_join("", "<li>{}</li>", ((f.message,) for f in findings))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_claims(request, page):
    """Name each flagged phrase on save, with the cosmetic wording to use instead."""
    if request.method != "POST":
        return
    findings = check_page(page)
    if not findings:
        return
    if page_claims_scope(page) == GUIDE:
        intro = "Check the wording: guide pages should not sound like advertising."
    else:
        intro = "This page makes what regulators treat as medicinal claims. Publishing it needs a clinical reviewer's override."
    messages.warning(request, format_html("{} <ul>{}</ul>", intro, _findings_html(findings)))


@hooks.register("before_publish_page")
def gate_claims_and_log_sign_off(request, page):
    """Stop shop copy with flagged phrases from going live without a clinical override."""
    findings = blocking_findings(page)
    if findings:
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if can_override(request.user) and page.permissions_for_user(request.user).can_publish():
            messages.warning(request, "Not published yet: give your reason for allowing this wording.")
            return redirect("editorial_claims_override", page_id=page.pk)
        messages.error(
            request,
            format_html(
                "Not published: your changes are saved as a draft. Change the wording below, or ask a "
                "clinical reviewer to publish it with a reason. <ul>{}</ul>",
                _findings_html(findings),
            ),
        )
        return redirect(edit_url)
    stamp = getattr(page, "_editorial_sign_off", None)
    if stamp:
        from .signoff import log_sign_off

        log_sign_off(page, request.user, stamp, page.latest_revision)
    return None


@hooks.register("before_bulk_action")
def gate_claims_in_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk publishing goes through the same gate: no flagged shop copy without an override."""
    if action_type != "publish":
        return None
    blocked = []
    for page in objects:
        candidates = [page, *page.get_descendants().not_live().specific()]
        for candidate in candidates:
            candidate = getattr(candidate, "specific", candidate)
            draft = candidate.get_latest_revision_as_object() if candidate.has_unpublished_changes else candidate
            findings = blocking_findings(draft)
            if findings:
                blocked.append((candidate, findings))
    if not blocked:
        return None
    messages.error(
        request,
        format_html(
            "Nothing was published. These pages have wording that needs changing or a clinical "
            "reviewer's override (publish them one at a time from the editor): <ul>{}</ul>",
            format_html_join(
                "", "<li>{}: {}</li>", ((p.title, ", ".join(f"“{f.phrase}”" for f in fs)) for p, fs in blocked)
            ),
        ),
    )
    return redirect(request.GET.get("next") or "wagtailadmin_explore_root")


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def check_search_terms_that_lead_to_the_shop(request, instance):
    """A search term that leads to a shop page is shop copy: name any medicinal wording in it.

    Publishing the product page is stopped while such a term leads to it (claims.page_text_parts).
    """
    from cerobio.guide.models import Synonym

    if not isinstance(instance, Synonym) or instance.target is None:
        return
    target = instance.target.specific
    if page_claims_scope(target) != PRODUCT:
        return
    findings = check_text(instance.term, scope=PRODUCT)
    if findings:
        messages.warning(
            request,
            format_html(
                "This search term leads to “{}”, which sells something: it makes what regulators treat as "
                "a medicinal claim. Point it at a guide page, or change it. <ul>{}</ul>",
                target.title,
                _findings_html(findings),
            ),
        )


@hooks.register("after_edit_snippet")
def say_which_pages_show_a_knowledge_change(request, instance):
    """Name the pages that show a clinical record: now (it was published) or once it is published."""
    from .review_dates import pages_showing

    pages = pages_showing(instance)
    if not pages:
        return
    links = format_html_join(", ", "<a href=\"{}\">{}</a>", ((p.url or "#", p.title) for p in pages))
    # The view's object holds the draft; the row says whether this request published it.
    row = type(instance).objects.filter(pk=instance.pk).values("live", "has_unpublished_changes").first()
    if row and row["live"] and not row["has_unpublished_changes"]:
        messages.info(
            request,
            format_html(
                "This change is now live on {}. Those pages are listed on the dashboard under "
                "“Knowledge records changed since their pages were reviewed” until a clinical reviewer signs "
                "them off again.",
                links,
            ),
        )
    else:
        messages.info(
            request,
            format_html(
                "Readers do not see this change yet. Once a clinical reviewer approves it in "
                "“Clinical sign-off” (or publishes it), it will show on {}.",
                links,
            ),
        )
