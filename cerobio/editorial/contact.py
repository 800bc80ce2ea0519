"""The contact form: store the message, then email the team and a copy to the sender after commit."""

import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from cerobio.core.ratelimit import retry_after, too_many_requests

from .forms import ContactForm
from .models.feedback import ContactMessage

logger = logging.getLogger(__name__)


def receive_message(data: dict) -> ContactMessage:
    """Save a contact message and queue its two emails for when the transaction commits."""
    from .tasks import send_contact_emails

    with transaction.atomic():
        message = ContactMessage.objects.create(
            name=data["name"], email=data["email"], topic=data["topic"],
            order_number=data.get("order_number", ""), message=data["message"],
        )
        message_id = message.pk

        def queue():
            try:
                send_contact_emails.enqueue(message_id=message_id)
            except Exception:  # the message is saved; staff see it in the admin even if email is down
                logger.exception("Could not queue the emails for contact message %s", message_id)

        transaction.on_commit(queue)
    return message


def serve_contact_page(page, request):
    """GET shows the form (or the thank-you after a redirect); POST checks, stores and redirects."""
    context = page.get_context(request)
    if request.method == "POST":
        wait = retry_after(request, "contact", *settings.CONTACT_RATE_LIMIT)
        if wait:
            return too_many_requests(request, wait, page.get_url(request) or "/")
        form = ContactForm(request.POST)
        if form.is_spam:
            return redirect(f"{page.get_url(request)}?sent=1#contact-form")
        if form.is_valid():
            receive_message(form.cleaned_data)
            return redirect(f"{page.get_url(request)}?sent=1#contact-form")
        context.update(form=form, sent=False)
        return TemplateResponse(request, page.get_template(request), context, status=200)
    context.update(form=ContactForm(), sent=request.GET.get("sent") == "1")
    return TemplateResponse(request, page.get_template(request), context)
