"""Reader feedback: which pages take it, storing an answer, and the numbers for the admin report."""

from django.db.models import Count, Max, Q
from wagtail.models import Page

from .models import PageFeedback


def feedback_page(page_id):
    """The live guide page a feedback form names, or None."""
    from cerobio.guide.models.pages import ReviewedPage

    try:
        page = Page.objects.live().get(pk=int(page_id)).specific
    except (Page.DoesNotExist, TypeError, ValueError):
        return None
    return page if isinstance(page, ReviewedPage) else None


def record_feedback(page, helpful: bool, comment: str = "") -> PageFeedback:
    """Store one answer: the page, yes or no, the comment (already scrubbed) and the date. Nothing else."""
    return PageFeedback.objects.create(page=page, helpful=helpful, comment=comment)


def feedback_by_page():
    """Pages that have feedback, with yes and no counts, comments and the latest date, least helpful first."""
    return (
        Page.objects.annotate(
            yes=Count("editorial_feedback", filter=Q(editorial_feedback__helpful=True)),
            no=Count("editorial_feedback", filter=Q(editorial_feedback__helpful=False)),
            comments=Count("editorial_feedback", filter=~Q(editorial_feedback__comment="")),
            latest=Max("editorial_feedback__created_on"),
        )
        .filter(Q(yes__gt=0) | Q(no__gt=0))
        .order_by("-no", "yes", "title")
    )
