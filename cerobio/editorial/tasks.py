"""Background work (django-tasks): contact emails and the weekly review reminder."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

logger = logging.getLogger(__name__)


def team_address() -> str:
    """Where messages for the team go: EDITORIAL_TEAM_EMAIL, else the site's contact address."""
    configured = getattr(settings, "EDITORIAL_TEAM_EMAIL", "")
    if configured:
        return configured
    from cerobio.core.models import SiteSettings

    site_settings = SiteSettings.objects.first()
    return site_settings.contact_email if site_settings else "hello@cerobio.example"


def _email(subject: str, template: str, context: dict, to: list[str], reply_to=None) -> EmailMultiAlternatives:
    context = {**context, "site_url": settings.SITE_URL}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"editorial/emails/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    message.attach_alternative(render_to_string(f"editorial/emails/{template}.html", context), "text/html")
    return message


@task()
def send_contact_emails(message_id: int) -> None:
    """Email the team the message (reply goes to the sender) and send the sender a confirmation."""
    from .models.feedback import ContactMessage

    message = ContactMessage.objects.filter(pk=message_id).first()
    if message is None:  # deleted before the task ran
        return
    context = {"message": message}
    _email(
        f"[Cerobio contact] {message.get_topic_display()} from {message.name}",
        "contact_team", context, [team_address()], reply_to=[message.email],
    ).send()
    _email("We have your message – Cerobio", "contact_confirmation", context, [message.email]).send()


@task()
def send_review_reminders() -> int:
    """Email every clinical reviewer a summary of guide pages overdue or due within 30 days.

    Returns how many emails were sent (none when nothing is due or no reviewer has an address).
    """
    from .review_dates import review_summary
    from .roles import clinical_reviewers

    summary = review_summary()
    if not summary.overdue and not summary.due_soon and not summary.knowledge_changes:
        return 0
    sent = 0
    for reviewer in clinical_reviewers().exclude(email=""):
        _email(
            f"Guide pages to review: {len(summary.overdue)} overdue, {len(summary.due_soon)} due soon",
            "review_reminder",
            {"summary": summary, "reviewer": reviewer, "admin_url": settings.WAGTAILADMIN_BASE_URL},
            [reviewer.email],
        ).send()
        sent += 1
    return sent
