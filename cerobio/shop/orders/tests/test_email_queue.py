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


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_paid_order_queues_one_confirmation_that_the_worker_sends(client, shop):
    order = _checkout(client)
    assert mail.outbox == []  # not sent in the customer's request
    queued = list(DBTaskResult.objects.all())
    assert [(t.task_path.rsplit(".", 1)[-1], t.args_kwargs["kwargs"]["order_id"]) for t in queued] == [
        ("send_order_email", order.pk)
    ]
    # The same request again (same key) replays the order and queues nothing more.
    basket = order.basket
    again = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(), content_type=JSON,
                        headers={"Idempotency-Key": "email-queue-key"})
    assert again.status_code == 201 and DBTaskResult.objects.count() == 1

    _run_queued()
    assert [m.subject for m in mail.outbox] == [f"Your Cerobio order {order.number} is confirmed"]
    assert mail.outbox[0].to == ["ann@example.com"]
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
