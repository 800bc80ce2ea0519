"""Admin screens: the review dates report, the page feedback report, and the claims override."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .claims import check_page
from .feedback import feedback_by_page
from .forms import ClaimOverrideForm
from .models import PageFeedback
from .overrides import blocking_findings, can_override, record_override
from .review_dates import DUE_SOON_DAYS, review_rows
from .roles import CLINICAL_REVIEWERS, EDITORS


def can_see_review_dates(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, CLINICAL_REVIEWERS]).exists()


def _date(name):
    return lambda row: getattr(row, name).strftime("%-d %b %Y") if getattr(row, name) else ""


class ReviewDatesReport(ReportView):
    """Live guide pages overdue for clinical review or due within 30 days, most overdue first."""

    page_title = "Review dates"
    header_icon = "date"
    index_url_name = "editorial_review_dates"
    index_results_url_name = "editorial_review_dates_results"
    paginate_by = 100
    columns = [
        TitleColumn("title", label="Page", get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page.pk])),
        Column("status", label="Review"),
        Column("next_review_due", label="Next review due", accessor=_date("next_review_due")),
        Column("last_reviewed", label="Last reviewed", accessor=_date("last_reviewed")),
        Column("reviewer_name", label="Reviewed by"),
    ]
    list_export = ["title", "url", "status", "next_review_due", "last_reviewed", "reviewer_name"]
    export_headings = {"url": "Address", "status": "Review"}

    def dispatch(self, request, *args, **kwargs):
        if not can_see_review_dates(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return review_rows()

    def get_filename(self):
        return "review-dates"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["no_results_message"] = f"No guide page is overdue or due within {DUE_SOON_DAYS} days."
        return context


class FeedbackReport(ReportView):
    """'Was this page helpful?' answers per page, least helpful first."""

    page_title = "Page feedback"
    header_icon = "comment"
    index_url_name = "editorial_feedback_report"
    index_results_url_name = "editorial_feedback_report_results"
    columns = [
        TitleColumn("title", label="Page", get_url=lambda page: reverse("editorial_feedback_detail", args=[page.pk])),
        NumberColumn("yes", label="Yes"),
        NumberColumn("no", label="No"),
        Column("helpful_share", label="Helpful", accessor=lambda p: f"{round(100 * p.yes / (p.yes + p.no))}%"),
        NumberColumn("comments", label="Comments"),
        Column("latest", label="Latest", accessor=lambda p: p.latest.strftime("%-d %b %Y") if p.latest else ""),
    ]
    list_export = ["title", "url", "yes", "no", "comments", "latest"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("editorial.view_pagefeedback"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return feedback_by_page()

    def get_filename(self):
        return "page-feedback"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["no_results_message"] = "No reader has answered 'Was this page helpful?' yet."
        return context


def feedback_detail(request, page_id: int):
    """Every answer and comment for one page, newest first."""
    if not request.user.has_perm("editorial.view_pagefeedback"):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id)
    answers = PageFeedback.objects.filter(page=page)
    return TemplateResponse(request, "editorial/admin/feedback_detail.html", {
        "page": page, "answers": answers[:500],
        "yes": answers.filter(helpful=True).count(), "no": answers.filter(helpful=False).count(),
        "page_title": f"Feedback: {page.title}", "header_title": f"Feedback: {page.title}", "header_icon": "comment",
    })


def claims_override(request, page_id: int):
    """A clinical reviewer publishes the latest draft despite flagged phrases, giving a reason."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_override(request.user) or not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    revision = page.get_latest_revision()
    draft = revision.as_object() if revision else page
    findings = blocking_findings(draft)
    if not findings:
        messages.info(request, "Nothing on this page needs a clinical override. Publish it from the editor.")
        return redirect(edit_url)
    form = ClaimOverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_override(page, findings, form.cleaned_data["reason"], request.user, revision=revision)
        revision.publish(user=request.user)
        messages.success(request, f"“{page.title}” is published. Your reason is kept in the page history.")
        return redirect(edit_url)
    return TemplateResponse(request, "editorial/admin/claims_override.html", {
        "page": page, "findings": findings, "all_findings": check_page(draft), "form": form, "edit_url": edit_url,
        "page_title": "Publish with a clinical override", "header_title": "Publish with a clinical override",
        "header_icon": "warning",
    }, status=400 if request.method == "POST" else 200)
