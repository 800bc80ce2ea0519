"""Order emails in production's database queue: a task row exists only if its order change commits.

Production queues emails in the database (`django_tasks_db`); the row is written in the order's own
transaction (cerobio/shop/orders/emails.py), so the email and the change it reports commit or roll
back together. The tests elsewhere use the immediate queue, which is handed the task on commit.
"""

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from cerobio.shop.conftest import SKU, api_body, new_basket
from cerobio.shop.orders.emails import queue_email
from cerobio.shop.orders.models import Order, OrderEvent

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}  # production's
JSON = "application/json"


def _run_queued():
    """What `manage.py db_worker` does with each queued row (the command itself closes the test's
    database connection; tests/deploy/test_scale_out.py runs the real worker)."""
    for row in DBTaskResult.objects.order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def _checkout(client, key="email-queue-key"):
    basket = new_basket(SKU, 1)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                           headers={"Idempotency-Key": key})
    assert response.status_code == 201, response.content
    return Order.objects.get(token=response.json()["token"])


@override_settings(TASKS=DATABASE_QUEUE, SHOP_STAFF_EMAIL="shop@cerobio.example")
def test_a_paid_order_queues_one_task_that_the_worker_sends_as_the_confirmation_and_the_shop_email(client, shop):
    order = _checkout(client)
    assert mail.outbox == []  # not sent in the customer's request
    queued = list(DBTaskResult.objects.all())
    assert [(t.task_path.rsplit(".", 1)[-1], t.args_kwargs["kwargs"]["order_id"]) for t in queued] == [
        ("send_paid_order_emails", order.pk)
    ]
    # The same request again (same key) replays the order and queues nothing more.
    basket = order.basket
    again = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                        headers={"Idempotency-Key": "email-queue-key"})
    assert again.status_code == 201 and DBTaskResult.objects.count() == 1

    _run_queued()
    assert sorted((m.subject.split(":")[0], m.to) for m in mail.outbox) == [
        (f"New order {order.number}", ["shop@cerobio.example"]),
        (f"Your Cerobio order {order.number} is confirmed", ["ann@example.com"]),
    ]
    assert order.events.filter(kind=OrderEvent.Kind.EMAIL_SENT).count() == 1


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_rolled_back_change_leaves_no_email_queued(client, shop):
    order = _checkout(client)
    DBTaskResult.objects.all().delete()

    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email(order, "dispatched")
        assert DBTaskResult.objects.count() == 1  # written inside the transaction...
        raise RuntimeError("the dispatch failed after the email was queued")
    assert DBTaskResult.objects.count() == 0  # ...and gone with it

    with transaction.atomic():
        queue_email(order, "dispatched")
    assert DBTaskResult.objects.count() == 1
    _run_queued()
    assert [m.subject for m in mail.outbox] == [f"Your Cerobio order {order.number} is on its way"]


def test_the_immediate_queue_still_waits_for_the_commit(client, shop, django_capture_on_commit_callbacks):
    order = _checkout(client, key="email-queue-immediate")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        queue_email(order, "dispatched")
    assert mail.outbox == [] and len(callbacks) == 1  # nothing sent until the commit runs it
    callbacks[0]()
    assert [m.subject for m in mail.outbox] == [f"Your Cerobio order {order.number} is on its way"]


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_confirmation_task_run_twice_sends_one_email(client, shop):
    """A task put back in the queue after its worker died runs again: the mark on the order stops a second email."""
    order = _checkout(client, key="email-twice-0001")
    _run_queued()
    _run_queued()  # as if the worker had died after sending, before recording the task's success
    assert [m.subject for m in mail.outbox] == [f"Your Cerobio order {order.number} is confirmed"]
    order.refresh_from_db()
    assert order.confirmation_sent_at is not None
    assert order.events.filter(kind=OrderEvent.Kind.EMAIL_SENT).count() == 1


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_confirmation_that_could_not_be_sent_is_sent_by_the_next_run(client, shop, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    order = _checkout(client, key="email-fails-0001")

    def refused(self, *args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMultiAlternatives, "send", refused)
        with pytest.raises(ConnectionRefusedError):
            _run_queued()
    order.refresh_from_db()
    assert order.confirmation_sent_at is None and mail.outbox == []  # the mark was given back
    _run_queued()
    assert len(mail.outbox) == 1


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_task_left_running_by_a_dead_worker_is_queued_again(client, shop, settings):
    """The worker claimed the confirmation and died: requeue_stalled_tasks puts it back, and it is sent once."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks import TaskResultStatus

    order = _checkout(client, key="email-dead-worker-1")
    task = DBTaskResult.objects.get()  # the paid order's emails
    task.claim("host-a-worker")  # what db_worker does before running it; then the process died
    assert DBTaskResult.objects.running().count() == 1

    call_command("requeue_stalled_tasks", worker_id="host-b-worker")  # another worker's: not this one's, not stale
    assert DBTaskResult.objects.running().count() == 1
    call_command("requeue_stalled_tasks", worker_id="host-a-worker")  # its supervisor restarts host-a-worker
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY and DBTaskResult.objects.ready().count() == 1

    task.claim("host-c-worker")  # claimed again, and that machine vanished
    call_command("requeue_stalled_tasks")
    assert DBTaskResult.objects.running().count() == 1  # too recent to be called stalled
    DBTaskResult.objects.update(started_at=timezone.now() - datetime.timedelta(seconds=settings.TASK_STALL_SECONDS + 1))
    call_command("requeue_stalled_tasks")
    assert DBTaskResult.objects.ready().count() == 1
    _run_queued()
    assert [m.subject for m in mail.outbox] == [f"Your Cerobio order {order.number} is confirmed"]


@override_settings(TASKS=DATABASE_QUEUE, SHOP_STAFF_EMAIL="shop@cerobio.example")
def test_the_shop_hears_of_a_paid_order_even_when_its_confirmation_could_not_be_sent(client, shop, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    order = _checkout(client, key="email-shop-still-told")
    send = EmailMultiAlternatives.send

    def customer_mail_down(self, fail_silently=False):
        if self.to == [order.email]:
            raise ConnectionRefusedError("the customer's mail cannot be sent")
        return send(self, fail_silently)

    with monkeypatch.context() as patch:
        patch.setattr(EmailMultiAlternatives, "send", customer_mail_down)
        with pytest.raises(ConnectionRefusedError):
            _run_queued()
    assert [m.to for m in mail.outbox] == [["shop@cerobio.example"]]
    _run_queued()  # run again: the confirmation goes now, and the shop is not told twice
    assert sorted(m.to[0] for m in mail.outbox) == [order.email, "shop@cerobio.example"]
