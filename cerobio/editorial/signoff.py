"""Clinical sign-off: a clinical reviewer's approval becomes the page's "reviewed by" and dates.

`finish_and_publish` is Wagtail's finish action for workflows (settings.WAGTAIL_FINISH_WORKFLOW_ACTION,
https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-finish-workflow-action). Wagtail
calls it when the last task of a workflow is approved, with the approving user; the default action
publishes the latest revision. Ours first stamps that revision with the reviewer's name, today's
date and the next review date, so the published page says who signed it off and when.

Knowledge records (milia types, look-alikes, references... `KnowledgeRecord`) go through the same
workflow and this same action: their latest revision is published with no stamp (a record has no
review dates); Wagtail's workflow history and the record's History keep who approved it and when.
The guide pages that show the record keep their own stamp: a page's sign-off says the whole page
was reviewed, so they are listed under "Knowledge records changed since their pages were reviewed"
(review_dates.knowledge_changes) until a clinical reviewer signs them off again.

Wagtail imports this module while it defines its models, so nothing here imports models at the top.
"""

from __future__ import annotations

import datetime

REVIEW_INTERVAL_MONTHS = 12


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the last day of the month when that day does not exist)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def reviewer_display_name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


def next_review_date(today: datetime.date, requested: datetime.date | None = None) -> datetime.date:
    """12 months after the review, unless the page asked for an earlier date that is still ahead."""
    default = add_months(today, REVIEW_INTERVAL_MONTHS)
    if requested and today < requested < default:
        return requested
    return default


def review_stamp(user, today: datetime.date | None = None, requested_due=None) -> dict:
    """The field values a sign-off gives a page."""
    today = today or datetime.date.today()
    return {
        "reviewer_name": reviewer_display_name(user),
        "last_reviewed": today,
        "next_review_due": next_review_date(today, requested_due),
    }


def sign_off_on_publish(form) -> None:
    """A clinical reviewer who publishes a guide page directly signs it off (the guide's
    `reviewed_page_publishing` hook). Reviewer and last reviewed are read-only in the editor: they
    come only from a sign-off (this, or approval in the "Clinical sign-off" workflow)."""
    from .roles import is_clinical_reviewer

    if not is_clinical_reviewer(form.for_user):
        return
    requested = form.cleaned_data.get("next_review_due") if "next_review_due" in form.changed_data else None
    stamp = review_stamp(form.for_user, requested_due=requested)
    for field, value in stamp.items():
        setattr(form.instance, field, value)
    form.instance._editorial_sign_off = stamp  # logged by the after_publish_page hook


def _is_reviewed_page(obj) -> bool:
    from cerobio.guide.models.pages import ReviewedPage

    return isinstance(obj, ReviewedPage)


def stamp_revision(revision, user, today=None):
    """Write the sign-off into a revision of a guide page, before it is published. Returns the stamp."""
    draft = revision.as_object()
    live = type(draft).objects.filter(pk=draft.pk).only("next_review_due").first()
    requested = draft.next_review_due if live is None or draft.next_review_due != live.next_review_due else None
    stamp = review_stamp(user, today, requested)
    revision.content.update({k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in stamp.items()})
    revision.save(update_fields=["content"])
    return stamp


def log_sign_off(page, user, stamp: dict, revision=None) -> None:
    from wagtail.log_actions import log

    log(
        instance=page,
        action="editorial.sign_off",
        user=user,
        revision=revision,
        data={
            "reviewer": stamp["reviewer_name"],
            "last_reviewed": stamp["last_reviewed"].isoformat(),
            "next_review_due": stamp["next_review_due"].isoformat(),
        },
    )


def finish_and_publish(workflow_state, user=None):
    """Wagtail's finish action: stamp a clinical reviewer's sign-off on guide pages, then publish.

    Knowledge records are published as approved, without a stamp (see the module docstring).
    """
    from .overrides import record_workflow_approval_of_flagged_copy
    from .roles import is_clinical_reviewer

    content = workflow_state.content_object
    specific = getattr(content, "specific", content)
    revision = content.get_latest_revision()
    stamp = None
    if _is_reviewed_page(specific) and is_clinical_reviewer(user):
        stamp = stamp_revision(revision, user)
    record_workflow_approval_of_flagged_copy(workflow_state, revision, user)
    revision.publish(user=user)
    if stamp:
        log_sign_off(specific, user, stamp, revision)
