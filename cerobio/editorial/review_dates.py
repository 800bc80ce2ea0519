"""Which guide pages are due for clinical review, and which knowledge records changed since their pages' review."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone

DUE_SOON_DAYS = 30


@dataclass
class ReviewRow:
    page: object
    today: datetime.date

    @property
    def days(self) -> int:
        """Days until the review is due (negative when overdue)."""
        return (self.page.next_review_due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def status(self) -> str:
        if self.days < 0:
            return f"Overdue by {-self.days} day{'s' if self.days != -1 else ''}"
        if self.days == 0:
            return "Due today"
        return f"Due in {self.days} day{'s' if self.days != 1 else ''}"

    # Attributes the admin report and CSV export read.
    @property
    def title(self) -> str:
        return self.page.title

    @property
    def next_review_due(self):
        return self.page.next_review_due

    @property
    def last_reviewed(self):
        return self.page.last_reviewed

    @property
    def reviewer_name(self) -> str:
        reviewer = self.page.reviewer
        return reviewer.name if reviewer else "Not yet reviewed by a clinician"

    @property
    def url(self) -> str:
        return self.page.url or ""


@dataclass
class KnowledgeChange:
    record: object
    changed_at: datetime.datetime
    changed_by: str
    pages: list = field(default_factory=list)


@dataclass
class ReviewSummary:
    today: datetime.date
    overdue: list[ReviewRow]
    due_soon: list[ReviewRow]
    knowledge_changes: list[KnowledgeChange]


def reviewed_page_models() -> list:
    from cerobio.guide.models.pages import ReviewedPage

    return [m for m in apps.get_models() if issubclass(m, ReviewedPage) and not m._meta.abstract]


def live_reviewed_pages() -> list:
    """Every live guide page (home, guide pages, types index, type pages), one query per page type."""
    pages = []
    for model in reviewed_page_models():
        pages += list(model.objects.live().select_related("reviewer").only(
            "id", "title", "url_path", "depth", "path", "next_review_due", "last_reviewed", "reviewer", "reviewer__name",
        ))
    return pages


def review_rows(today: datetime.date | None = None, within_days: int = DUE_SOON_DAYS) -> list[ReviewRow]:
    """Live guide pages overdue or due within `within_days`, most overdue first."""
    today = today or datetime.date.today()
    horizon = today + datetime.timedelta(days=within_days)
    rows = [ReviewRow(p, today) for p in live_reviewed_pages() if p.next_review_due <= horizon]
    return sorted(rows, key=lambda r: (r.page.next_review_due, r.page.title))


def _pages_showing(record, pages_by_model) -> list:
    from cerobio.guide.models import LookAlike, MiliaType, PageReference, Reference

    if isinstance(record, MiliaType):
        return [p for p in pages_by_model.get("miliatypepage", []) if p.milia_type_id == record.pk]
    if isinstance(record, LookAlike):
        showing = []
        for page in pages_by_model.get("guidepage", []):
            for block in page.body.raw_data:
                value = block.get("value") or {}
                subject = value.get("subject") if isinstance(value, dict) else None
                if block.get("type") == "lookalike_comparison" or subject == record.slug:
                    showing.append(page)
                    break
        return showing
    if isinstance(record, Reference):
        ids = set(PageReference.objects.filter(reference=record).values_list("page_id", flat=True))
        return [p for ps in pages_by_model.values() for p in ps if p.pk in ids]
    return []


def pages_showing(record) -> list:
    """The live guide pages that show a milia type, look-alike or reference ([] for anything else)."""
    from cerobio.guide.models import LookAlike, MiliaType, Reference

    if not isinstance(record, (MiliaType, LookAlike, Reference)):
        return []
    pages_by_model = {m._meta.model_name: list(m.objects.live()) for m in reviewed_page_models()}
    return _pages_showing(record, pages_by_model)


def knowledge_changes() -> list[KnowledgeChange]:
    """Published knowledge records a person changed after the review of a page that shows them.

    Only what readers see counts: the record's live revision, dated when it was published. A draft
    waiting for "Clinical sign-off" is on no page yet, and the demo loader's revisions have no user.
    Approving a record does not re-stamp the pages that show it (a page's sign-off covers the whole
    page), so they are listed here until a clinical reviewer signs them off again.
    """
    from cerobio.guide.models import LookAlike, MiliaType, Reference

    pages_by_model = {m._meta.model_name: list(m.objects.live()) for m in reviewed_page_models()}
    changes = []
    for model in (MiliaType, LookAlike, Reference):
        published = model.objects.live().filter(live_revision__user__isnull=False).select_related("live_revision__user")
        for record in published:
            changed_at = record.last_published_at or record.live_revision.created_at
            changed_on = timezone.localtime(changed_at).date()  # a London date, like last_reviewed
            stale = [p for p in _pages_showing(record, pages_by_model) if changed_on > p.last_reviewed]
            if stale:
                changes.append(KnowledgeChange(record, changed_at, str(record.live_revision.user), stale))
    return sorted(changes, key=lambda c: c.changed_at, reverse=True)


def review_summary(today: datetime.date | None = None) -> ReviewSummary:
    today = today or datetime.date.today()
    rows = review_rows(today)
    return ReviewSummary(
        today=today,
        overdue=[r for r in rows if r.overdue],
        due_soon=[r for r in rows if not r.overdue],
        knowledge_changes=knowledge_changes(),
    )
