"""Clinical sign-off: a clinical reviewer's approval becomes the page's "reviewed by" and dates.

`finish_and_publish` is Wagtail's finish action for workflows (settings.WAGTAIL_FINISH_WORKFLOW_ACTION,
https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-finish-workflow-action). Wagtail
calls it when the last task of a workflow is approved, with the approving user; the default action
publishes the latest revision. Ours first stamps that revision with the approver's reviewer profile
(cerobio.guide.models.Reviewer), today's date and the next review date, so the published page says
who signed it off and when. An approver without a profile publishes the page unsigned: readers see
"Not yet reviewed by a clinician".

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


def reviewer_profile(user):
    """The user's clinical reviewer profile (cerobio.guide.models.Reviewer), or None."""
    from cerobio.guide.models import Reviewer

    if not (user and user.is_authenticated):
        return None
    return Reviewer.objects.filter(user=user).first()


def next_review_date(today: datetime.date, requested: datetime.date | None = None) -> datetime.date:
    """12 months after the review, unless the page asked for an earlier date that is still ahead."""
    default = add_months(today, REVIEW_INTERVAL_MONTHS)
    if requested and today < requested < default:
        return requested
    return default


def review_stamp(user, today: datetime.date | None = None, requested_due=None) -> dict:
    """The field values a sign-off gives a page.

    Only a clinician with a reviewer profile signs a page off. Anyone else's approval publishes
    the page as "Not yet reviewed by a clinician": the new text was not checked by a registered
    clinician, so an earlier sign-off no longer covers it.
    """
    profile = reviewer_profile(user)
    if profile is None:
        return {"reviewer": None}
    today = today or datetime.date.today()
    return {
        "reviewer": profile,
        "last_reviewed": today,
        "next_review_due": next_review_date(today, requested_due),
    }


def sign_off_on_publish(form) -> None:
    """Whoever publishes a guide page directly signs it off with their reviewer profile (the guide's
    `reviewed_page_publishing` hook); without one the page becomes "Not yet reviewed by a clinician".
    Reviewer and last reviewed are read-only in the editor: they come only from a sign-off (this, or
    approval in the "Clinical sign-off" workflow)."""
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
    revision.content.update({k: _serialised(v) for k, v in stamp.items()})
    revision.save(update_fields=["content"])
    return stamp


def _serialised(value):
    """A stamp value as a revision stores it: a reviewer by id, a date as ISO text."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "pk", value)


def log_sign_off(page, user, stamp: dict, revision=None) -> None:
    """Record the sign-off in the page's history (nothing when the approver had no reviewer profile)."""
    from wagtail.log_actions import log

    if stamp.get("reviewer") is None:
        return

    log(
        instance=page,
        action="editorial.sign_off",
        user=user,
        revision=revision,
        data={
            "reviewer": f"{stamp['reviewer'].name} ({stamp['reviewer'].registration})",
            "last_reviewed": stamp["last_reviewed"].isoformat(),
            "next_review_due": stamp["next_review_due"].isoformat(),
        },
    )


def finish_and_publish(workflow_state, user=None):
    """Wagtail's finish action: stamp the approver's sign-off on guide pages, then publish.

    Knowledge records are published as approved, without a stamp (see the module docstring).
    """
    from .overrides import record_workflow_approval_of_flagged_copy

    content = workflow_state.content_object
    specific = getattr(content, "specific", content)
    revision = content.get_latest_revision()
    stamp = None
    if _is_reviewed_page(specific):
        stamp = stamp_revision(revision, user)
    record_workflow_approval_of_flagged_copy(workflow_state, revision, user)
    revision.publish(user=user)
    if stamp:
        log_sign_off(specific, user, stamp, revision)
