"""Two app servers on one PostgreSQL and one Redis behave as one site: nothing that matters lives in a process.

App server A and B are the stack's two gunicorns; requests go straight to one of them (as nginx's
upstream would send them), or through the shared nginx.
"""

import json
import time
import uuid

import pytest

from cerobio.shop.conftest import api_body

from .conftest import requires_nginx, requires_postgres

pytestmark = [pytest.mark.deploy, pytest.mark.django_db, requires_nginx, requires_postgres]

A, B = 0, 1
JSON = {"Content-Type": "application/json"}
SKU = "CRB-KIT-STD"


def call(deploy_stack, server, method, path, payload=None, headers=None):
    body = json.dumps(payload).encode() if payload is not None else None
    response = deploy_stack.app(
        server, path, method=method, body=body, headers={**JSON, **(headers or {})}
    )
    return response.status, json.loads(response.body or b"null")


def test_a_basket_made_on_server_a_is_checked_out_on_server_b(deploy_stack):
    status, basket = call(deploy_stack, A, "POST", "/api/v1/baskets")
    assert status == 201, basket
    token = basket["token"]
    status, _ = call(
        deploy_stack, A, "POST", f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 2}
    )
    assert status == 201

    status, seen_by_b = call(deploy_stack, B, "GET", f"/api/v1/baskets/{token}")
    assert status == 200 and seen_by_b["item_count"] == 2

    order_body = api_body()
    key = {"Idempotency-Key": f"scale-out-{uuid.uuid4().hex}"}
    status, order = call(
        deploy_stack, B, "POST", f"/api/v1/baskets/{token}/checkout", order_body, key
    )
    assert status == 201, order
    # The same request retried on the other server finds the same order, not a second one.
    status, again = call(
        deploy_stack, A, "POST", f"/api/v1/baskets/{token}/checkout", order_body, key
    )
    assert status == 201 and again["order_number"] == order["order_number"]
    status, seen_by_a = call(deploy_stack, A, "GET", f"/api/v1/orders/{order['token']}")
    assert status == 200 and seen_by_a["order_number"] == order["order_number"]


def test_a_page_published_on_one_server_is_fresh_on_both_and_in_the_shared_cache(deploy_stack):
    path = "/types/trauma-associated-milia/"
    deploy_stack.get(path)
    assert deploy_stack.get(path).header("X-Cache-Status") == "HIT"
    marker = f"Published once {uuid.uuid4().hex[:8]}: seen everywhere."
    deploy_stack.run(
        "from cerobio.guide.models import MiliaTypePage\n"
        "page = MiliaTypePage.objects.get(slug='trauma-associated-milia')\n"
        f"page.summary = {marker!r}\n"
        "page.save_revision().publish()\n",
    )  # fmt: skip
    assert marker in deploy_stack.app(A, path).text
    assert marker in deploy_stack.app(B, path).text
    deadline = time.monotonic() + 20
    while marker not in deploy_stack.get(path).text and time.monotonic() < deadline:
        time.sleep(0.3)
    cached = deploy_stack.get(path)
    assert marker in cached.text and cached.header("X-Cache-Status") == "HIT", deploy_stack.logs()


def test_an_identifier_rule_changed_on_one_server_is_used_by_the_other(deploy_stack):
    """Each server keeps the rules in memory; a version key in Redis tells it when to reload them."""
    answers = {"history": ["acne"]}
    for server in (A, B):  # both have built their in-memory snapshot
        status, result = call(deploy_stack, server, "POST", "/api/v1/identify", answers)
        assert status == 200 and result["matches"][0]["slug"] == "whiteheads", result
    deploy_stack.run(
        "from cerobio.identify.models import EvidenceRule\n"
        "rule = EvidenceRule.objects.get(look_alike__slug='whiteheads', question='history', value='acne')\n"
        "rule.weight = -3\n"
        "rule.save()\n",
    )  # fmt: skip
    for server in (A, B):
        status, result = call(deploy_stack, server, "POST", "/api/v1/identify", answers)
        assert status == 200
        assert "whiteheads" not in [m["slug"] for m in result["matches"]], (
            f"server {'AB'[server]} used old rules"
        )


def test_a_delivery_price_changed_on_one_server_is_charged_by_both(deploy_stack):
    """Saving a delivery method on one server makes both servers charge the new price from the next request."""

    def uk_standard(server):
        status, methods = call(deploy_stack, server, "GET", "/api/v1/shipping-methods?country=GB&subtotal=29.00")
        assert status == 200, methods
        return next(m["price"]["amount"] for m in methods if m["code"] == "uk-standard")

    def set_price(price):
        deploy_stack.run(
            "from cerobio.shop.delivery.models import ShippingMethod\n"
            "method = ShippingMethod.objects.get(code='uk-standard')\n"
            f"method.price = {price!r}\n"
            "method.save()\n",
        )  # fmt: skip

    assert [uk_standard(A), uk_standard(B), uk_standard(A)] == ["3.50"] * 3  # stored in Redis by now
    set_price("4.10")
    try:
        assert [uk_standard(A), uk_standard(B)] == ["4.10", "4.10"]
    finally:
        set_price("3.50")
    assert [uk_standard(A), uk_standard(B)] == ["3.50", "3.50"]


def test_the_confirmation_email_is_queued_by_the_request_and_sent_by_the_worker(deploy_stack):
    """Production sends emails from the task worker (django-tasks-db), never inside the customer's request."""
    status, basket = call(deploy_stack, A, "POST", "/api/v1/baskets")
    token = basket["token"]
    call(deploy_stack, A, "POST", f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 1})
    order_body = api_body(email="worker.test@example.com")
    status, order = call(
        deploy_stack, A, "POST", f"/api/v1/baskets/{token}/checkout", order_body,
        {"Idempotency-Key": f"worker-{uuid.uuid4().hex}"},
    )  # fmt: skip
    assert status == 201, order
    number = order["order_number"]

    mail_dir = deploy_stack.folder / "mail"
    deadline = time.monotonic() + 30
    sent = []
    while time.monotonic() < deadline and not sent:
        sent = [p for p in mail_dir.iterdir() if number in p.read_text(errors="replace")]
        time.sleep(0.2)
    assert sent, f"no confirmation email for {number}\n{deploy_stack.logs()}"
    assert "worker.test@example.com" in sent[0].read_text()

    # The task row shows who ran it: the worker process, not the web request.
    answer = deploy_stack.run(
        "from cerobio.shop.orders.models import Order\n"
        "from django_tasks_db.models import DBTaskResult\n"
        f"order = Order.objects.get(number={number!r})\n"
        "rows = [r for r in DBTaskResult.objects.filter(task_path__endswith='send_paid_order_emails')\n"
        "        if r.args_kwargs['kwargs'].get('order_id') == order.pk]\n"
        "print([(r.status, len(r.worker_ids)) for r in rows])\n"
    )
    assert "('SUCCESSFUL', 1)" in answer, answer
