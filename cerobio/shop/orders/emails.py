"""Order emails (HTML and plain text), sent by a background task after the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import DEFAULT_DB_ALIAS, router, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .events import record
from .models import Order, OrderEvent

SUBJECTS = {
    "confirmation": "Your Cerobio order {number} is confirmed",
    "dispatched": "Your Cerobio order {number} is on its way",
    "refund": "We have refunded you for order {number}",
    "message": "A message about your Cerobio order {number}",
}


def queue_email(order, kind: str, **extra) -> None:
    """Send an email about the order once the current transaction commits (never for a rollback).

    With the database task queue (production) the task's row is written in the current transaction,
    so it commits with the change it reports or not at all, without a commit of its own (one disk
    flush less per paid order; docs/performance.md). Any other queue, such as the immediate one in
    development and the tests, which would send at once, is handed the task after the commit.
    """
    enqueue_with_transaction(send_order_email, order_id=order.pk, kind=kind, extra=extra)


def enqueue_with_transaction(task, **kwargs) -> None:
    """Enqueue `task` so that it exists only if the current transaction commits (see queue_email)."""

    def enqueue():
        task.enqueue(**kwargs)

    if _queue_shares_the_transaction():
        enqueue()
    else:
        transaction.on_commit(enqueue)


def _queue_shares_the_transaction() -> bool:
    """True when enqueuing writes a row through the database connection the current transaction uses."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    return (
        isinstance(send_order_email.get_backend(), DatabaseBackend)
        and transaction.get_connection().in_atomic_block
        and router.db_for_write(DBTaskResult) == DEFAULT_DB_ALIAS
    )


def build_email(order, kind: str, extra: dict | None = None) -> EmailMultiAlternatives:
    from cerobio.shop.catalogue.fetch import default_shop_settings

    from .fetch import order_summary

    context = {
        "order": order,
        "summary": order_summary(order, history=False),  # no email shows the history
        "order_url": order.public_url,
        "site_url": settings.SITE_URL,
        "trader": default_shop_settings(),  # who sells: name, address, numbers, contact
        "extra": extra or {},
    }
    text = render_to_string(f"emails/order_{kind}.txt", context)
    html = render_to_string(f"emails/order_{kind}.html", context)
    message = EmailMultiAlternatives(
        subject=SUBJECTS[kind].format(number=order.number),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[order.email],
    )
    message.attach_alternative(html, "text/html")
    return message


@task()
def send_order_email(order_id: int, kind: str, extra: dict | None = None) -> None:
    """Render and send one order email, and note it in the order's history.

    A task may run twice (a worker that died mid-task has its task put back in the queue:
    cerobio/core/task_recovery.py), so the confirmation carries an idempotency mark on the order,
    `confirmation_sent_at`, taken by a guarded update just before sending: only the run that set it
    sends. If sending fails the mark is given back, so a later run can send.
    """
    order = Order.objects.get(pk=order_id)
    if order.personal_data_erased:  # the customer asked us to forget their address: nowhere to send it
        record(
            order, OrderEvent.Kind.NOTE,
            f"Not emailed ({SUBJECTS[kind].format(number=order.number)}): the customer's personal data was erased.",
        )
        return
    message = build_email(order, kind, extra)  # rendered first: the mark is held only while sending
    again = bool((extra or {}).get("again"))  # staff asked for it to be sent again: no mark
    if kind == "confirmation" and not again and not _take_mark(order_id):
        return  # already sent (or being sent) by an earlier run of this task
    try:
        message.send()
    except Exception:
        if kind == "confirmation" and not again:
            Order.objects.filter(pk=order_id).update(confirmation_sent_at=None)
        raise
    record(order, OrderEvent.Kind.EMAIL_SENT, f"{SUBJECTS[kind].format(number=order.number)} → {order.email}")


def _take_mark(order_id: int) -> bool:
    """Set the confirmation's idempotency mark if it is not set yet; True for the one call that set it."""
    return bool(Order.objects.filter(pk=order_id, confirmation_sent_at__isnull=True).update(confirmation_sent_at=timezone.now()))


def queue_paid_order_emails(order) -> None:
    """The customer's confirmation and the shop's notice of a newly paid order, as one task queued in the
    payment's transaction (one queue row and one worker round per paid order, not two)."""
    enqueue_with_transaction(send_paid_order_emails, order_id=order.pk)


@task()
def send_paid_order_emails(order_id: int) -> None:
    """Send the confirmation, then tell the shop (SHOP_STAFF_EMAIL); each is sent once however often the
    task runs (their own marks on the order), and the shop is told even if the confirmation failed."""
    try:
        send_order_email.call(order_id=order_id, kind="confirmation")
    finally:
        send_new_order_to_shop.call(order_id=order_id)


@task()
def send_new_order_to_shop(order_id: int) -> None:
    """Email the shop about a new paid order, once: the order's `staff_notified_at` is set in the same
    transaction as the send, so a task run twice sends one email, and a send that fails can run again."""
    if not settings.SHOP_STAFF_EMAIL:
        return
    with transaction.atomic():
        if not Order.objects.filter(pk=order_id, staff_notified_at__isnull=True).update(staff_notified_at=timezone.now()):
            return  # told already
        order = Order.objects.prefetch_related("lines").get(pk=order_id)
        from .fetch import order_summary

        context = {"order": order, "summary": order_summary(order, history=False),
                   "admin_url": settings.SITE_URL + reverse("shop_order_detail", args=[order.pk])}
        EmailMultiAlternatives(
            subject=f"New order {order.number}: {order.total_money} ({order.shipping_name})",
            body=render_to_string("emails/shop_new_order.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[settings.SHOP_STAFF_EMAIL],
        ).send()
