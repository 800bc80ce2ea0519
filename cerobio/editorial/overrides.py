"""Publishing shop copy that the claims checker flagged: only with a clinical reviewer's written reason.

The gate is the `before_publish_page` hook (wagtail_hooks.py): publishing a page whose claims
scope is "product" (shop pages, trust pages) with a flagged phrase is stopped, the draft is kept,
and the editor is told which phrases and what to write instead. A clinical reviewer is sent to
the override screen, where a written reason publishes the page and is kept in the page history
(and as a `ClaimOverride`). An override covers the phrases it names on that page, so later edits
that add no new flagged phrase publish normally.

For copy that is not a page (emails, templates), call `claims.check_text` and, when a reviewer
accepts the wording, `record_override(None, findings, reason, user, subject="email: ...")`.
"""

from __future__ import annotations

from django.db import transaction

from .claims import PRODUCT, Finding, check_page, page_claims_scope
from .models import ClaimOverride

OVERRIDE_PERMISSION = "editorial.override_claims"


def can_override(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(OVERRIDE_PERMISSION))


def overridden_phrases(page) -> set[str]:
    phrases: set[str] = set()
    for override in ClaimOverride.objects.filter(page_id=page.pk).only("phrases"):
        phrases |= {p.lower() for p in override.phrases}
    return phrases


def blocking_findings(page) -> list[Finding]:
    """Flagged phrases that stop this page being published (none for guide pages or covered phrases)."""
    if page_claims_scope(page) != PRODUCT:
        return []
    findings = check_page(page)
    if not findings:
        return []
    covered = overridden_phrases(page) if page.pk else set()
    return [f for f in findings if f.phrase.lower() not in covered]


@transaction.atomic
def record_override(page, findings: list[Finding], reason: str, user, revision=None, subject: str = "") -> ClaimOverride:
    """Keep a reviewer's decision: a ClaimOverride row and, for a page, an entry in its history."""
    override = ClaimOverride.objects.create(
        page=page,
        revision=revision,
        subject=subject or (page.title if page is not None else "copy"),
        phrases=[f.phrase for f in findings],
        reason=reason,
        user=user,
    )
    if page is not None:
        from wagtail.log_actions import log

        log(
            instance=page,
            action="editorial.claims_override",
            user=user,
            revision=revision,
            data={"phrases": override.phrases, "reason": reason},
        )
    return override


def record_workflow_approval_of_flagged_copy(workflow_state, revision, user) -> ClaimOverride | None:
    """When a workflow approves flagged shop copy, the approver's decision is the override."""
    content = workflow_state.content_object
    page = getattr(content, "specific", content)
    if not hasattr(page, "get_url_parts"):
        return None
    draft = revision.as_object()
    findings = blocking_findings(draft)
    if not findings:
        return None
    last = workflow_state.task_states.filter(status="approved").order_by("-finished_at").first()
    reason = (last.comment if last and last.comment else "") or "Approved in the workflow without a comment."
    return record_override(page, findings, reason, user, revision=revision)
