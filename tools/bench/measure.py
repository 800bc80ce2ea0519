"""Database-side helpers for `make bench` and `make loadtest`, run against the bench database.

    measure.py stock N               set the kit's stock to N (so checkouts never run out)
    measure.py baskets N FILE        make N empty baskets, their tokens one per line in FILE
    measure.py queries               SQL queries per request (subtype page, checkout) as JSON
    measure.py basket-cookie         make a basket with the kit in it; print its Cookie header value
    measure.py snapshot FILE         before a load test: stock level and order count, as JSON
    measure.py verify FILE WRK_JSON RUN_ID
                                     after it: every 201 checkout is exactly one order, no key twice,
                                     stock went down by exactly what was ordered (exit 1 if not);
                                     WRK_JSON is the summary lua/common.lua wrote in done()

Uses the environment tools/bench/stack.sh sets (production settings, DATABASE_URL, REDIS_URL).
"""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

import django

SKU = "CRB-KIT-STD"
SUBTYPE = "/types/milia-en-plaque/"


def _setup() -> None:
    django.setup()


def set_stock(quantity: int) -> None:
    from cerobio.shop.catalogue.models import ProductVariant
    from cerobio.shop.catalogue.stock_actions import count_stock

    count_stock(ProductVariant.objects.get(sku=SKU), counted=quantity, note="bench")


def make_baskets(count: int, path: Path) -> None:
    from cerobio.shop.basket.models import Basket

    baskets = Basket.objects.bulk_create(Basket() for _ in range(count))
    path.write_text("".join(f"{b.token}\n" for b in baskets))


def checkout_body() -> dict:
    """The checkout the bench's Lua scripts send (tools/bench/lua/common.lua): the dummy card that pays."""
    return {
        "email": "bench@example.com",
        "shipping_address": {
            "name": "Bench Example",
            "line1": "1 High Street",
            "line2": "",
            "city": "London",
            "postcode": "SW1A 1AA",
            "country": "GB",
        },
        "shipping_method": "uk-standard",
        "accept_terms": True,
        "payment": {"method": "dummy", "card_number": "4242424242424242"},
    }


def basket_cookie() -> str:
    """A basket with the kit in it, as the signed cookie a visitor's browser would send (row a′)."""
    from django.http import HttpResponse

    from cerobio.shop.basket import actions
    from cerobio.shop.basket.cookies import COOKIE, SALT
    from cerobio.shop.basket.models import Basket

    basket = Basket.objects.create()
    actions.add(basket, SKU, 1)  # as the basket page does: the price seen is recorded with the line
    response = HttpResponse()
    response.set_signed_cookie(COOKIE, basket.token, salt=SALT)
    return f"{COOKIE}={response.cookies[COOKIE].value}"


def count_queries() -> dict:
    """Queries per request, counted with the test client on the bench database (warm caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING="gzip")
    result = {}

    def counted(name, call, expect):
        with CaptureQueriesContext(connection) as queries:
            response = call()
        if response.status_code != expect:
            sys.exit(f"measure.py: {name} answered {response.status_code}, expected {expect}")
        result[name] = len(queries)
        return response

    # The first request in a process fills its caches (site, settings, fragments, identifier snapshot).
    client.get(SUBTYPE)
    counted("subtype_page", lambda: client.get(SUBTYPE), 200)
    api = Client(HTTP_HOST="localhost")

    def post(path, body, **headers):
        return api.post(path, json.dumps(body), content_type="application/json", headers=headers)

    warm = post("/api/v1/baskets", {}).json()["token"]
    post(f"/api/v1/baskets/{warm}/lines", {"sku": SKU, "quantity": 1})
    post(
        f"/api/v1/baskets/{warm}/checkout",
        checkout_body(),
        **{"Idempotency-Key": f"bench-warm-{uuid.uuid4().hex}"},
    )
    post("/api/v1/identify", {"age_group": "adult"})
    token = counted("create_basket", lambda: post("/api/v1/baskets", {}), 201).json()["token"]
    counted(
        "add_line", lambda: post(f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 1}), 201
    )
    key = f"bench-queries-{uuid.uuid4().hex}"
    counted(
        "checkout",
        lambda: post(
            f"/api/v1/baskets/{token}/checkout", checkout_body(), **{"Idempotency-Key": key}
        ),
        201,
    )
    counted(
        "identify",
        lambda: post(
            "/api/v1/identify", {"age_group": "adult", "sites": ["nose"], "look": ["white_dome"]}
        ),
        200,
    )
    return result


def _state() -> dict:
    from cerobio.shop.catalogue.models import Stock
    from cerobio.shop.orders.models import Order

    return {
        "stock": Stock.objects.get(variant__sku=SKU).quantity,
        "orders": Order.objects.count(),
        "max_order_id": Order.objects.order_by("-pk").values_list("pk", flat=True).first() or 0,
    }


def verify(before_path: Path, counts_path: Path, run_id: str) -> list[str]:
    """Problems found after a load test: none means every 201 was one order and the stock adds up."""
    from django.db.models import Count, Sum

    from cerobio.shop.catalogue.models import Reservation, StockMovement
    from cerobio.shop.orders.models import Order, OrderLine

    before = json.loads(before_path.read_text())
    counts = json.loads(counts_path.read_text())["counters"]  # written by lua/common.lua's done()
    after = _state()
    new_orders = Order.objects.filter(pk__gt=before["max_order_id"])
    run_orders = new_orders.filter(idempotency_key__startswith=f"{run_id}-")
    problems = []
    created = new_orders.count()
    ok_responses = counts.get("checkout_201", 0)
    print(
        f"checkouts sent {counts.get('checkout_sent', 0)}, answered 201: {ok_responses}; "
        f"orders created during the run: {created}"
    )
    if created != ok_responses:
        problems.append(f"{created} orders were created but {ok_responses} checkouts answered 201")
    if run_orders.count() != created:
        problems.append(
            f"{created - run_orders.count()} orders were created with keys not sent by this run"
        )
    dupes = list(run_orders.values("idempotency_key").annotate(n=Count("pk")).filter(n__gt=1)[:5])
    if dupes:
        problems.append(f"idempotency keys used by more than one order: {dupes}")
    distinct_keys = run_orders.values("idempotency_key").distinct().count()
    if distinct_keys != created:
        problems.append(f"{created} orders but only {distinct_keys} distinct idempotency keys")
    unpaid = new_orders.exclude(status=Order.Status.PAID).count()
    if unpaid:
        problems.append(f"{unpaid} orders from the run are not paid")
    ordered = (
        OrderLine.objects.filter(order__in=new_orders, sku=SKU).aggregate(n=Sum("quantity"))["n"]
        or 0
    )
    sold = before["stock"] - after["stock"]
    print(
        f"stock before {before['stock']}, after {after['stock']}: down {sold}; quantity ordered {ordered}"
    )
    if sold != ordered:
        problems.append(f"stock went down by {sold} but {ordered} units were ordered")
    moved = -(
        StockMovement.objects.filter(order__in=new_orders, sku=SKU).aggregate(n=Sum("change"))["n"]
        or 0
    )
    if moved != ordered:
        problems.append(
            f"stock history records {moved} units sold for the run's orders, {ordered} were ordered"
        )
    held = Reservation.objects.filter(
        order__in=new_orders, status=Reservation.Status.ACTIVE
    ).count()
    if held:
        problems.append(f"{held} stock holds of the run's orders are still active")
    return problems


def main(argv: list[str]) -> None:
    _setup()
    command, *args = argv
    if command == "stock":
        set_stock(int(args[0]))
    elif command == "baskets":
        make_baskets(int(args[0]), Path(args[1]))
    elif command == "basket-cookie":
        print(basket_cookie())
    elif command == "queries":
        print(json.dumps(count_queries()))
    elif command == "snapshot":
        Path(args[0]).write_text(json.dumps(_state()))
    elif command == "verify":
        problems = verify(Path(args[0]), Path(args[1]), args[2])
        for problem in problems:
            print(f"MISMATCH: {problem}")
        if problems:
            sys.exit(1)
        print(
            "database check: every 201 checkout is exactly one paid order; stock went down by what was ordered"
        )
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
