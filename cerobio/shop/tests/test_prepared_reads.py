"""Prepared reads (cerobio/core/prepared.py): compiled once, the same answers as the ORM, every time.

The basket, stock and checkout reads are prepared: a mistake in binding would show a customer
another basket's lines, or stock held by an expired payment. Run on SQLite and PostgreSQL (CI).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cerobio.core.prepared import PreparedRead, instance
from cerobio.shop.api.baskets import find_basket
from cerobio.shop.basket import actions
from cerobio.shop.basket.fetch import lines_with_stock, subtotal, view
from cerobio.shop.basket.models import Basket, BasketLine
from cerobio.shop.catalogue.models import ProductVariant, Stock
from cerobio.shop.catalogue.models.stock import held_units
from cerobio.shop.checkout.complete import place_order
from cerobio.shop.checkout.details import CheckoutRequest, check
from cerobio.shop.conftest import CREAM, SKU, address, new_basket, requires_postgres
from cerobio.shop.payments.providers import get_provider


def _stock_read():
    built = []

    def build(variant_id, now):
        built.append((variant_id, now))
        return (
            Stock.objects.filter(variant_id=variant_id)
            .annotate(held=held_units("variant_id", now))
            .values_list("variant_id", "quantity", "held")
        )

    return PreparedRead(build, variant_id=int, now=datetime.datetime), built


def _hold(sku, quantity):
    """A checkout waiting for its payment: its reservation holds the units until it expires."""
    basket = new_basket(sku, quantity)
    req = CheckoutRequest(email="held@example.com", address=address(), shipping_method="uk-standard",
                          accept_terms=True, payment={"method": "dummy", "card_number": "4242424242424242"})  # fmt: skip
    order, _ = place_order(basket, check(req, subtotal(basket), get_provider()), req, f"held-{sku}", "dummy")
    return order.reservations.get()


def test_each_call_binds_its_own_values_and_the_queryset_is_built_once(shop):
    read, built = _stock_read()
    kit, cream = ProductVariant.objects.get(sku=SKU), ProductVariant.objects.get(sku=CREAM)
    _hold(SKU, 3)
    now = timezone.now()
    later = now + datetime.timedelta(days=1)  # after the hold expires

    for variant, when in [(kit, now), (cream, now), (kit, later), (kit, now)]:
        expected = list(read.build(variant.pk, when))
        assert read(variant_id=variant.pk, now=when) == expected
    built_by_calls = len(built) - 4  # the four comparisons above built it themselves
    assert built_by_calls == 1, "the prepared read was built again instead of reusing its SQL"
    assert read(variant_id=kit.pk, now=now)[0][2] == 3  # held by the live reservation
    assert read(variant_id=kit.pk, now=later)[0][2] == 0  # no longer held a day later
    assert read(variant_id=-1, now=now) == []


def test_a_read_whose_values_cannot_be_found_is_built_every_time_with_the_same_answers(shop):
    # The token is cut before it reaches the SQL, so the marker cannot be found among the
    # parameters: the read is not prepared, and each call asks the ORM instead.
    basket, other = new_basket(), new_basket()
    read = PreparedRead(lambda token: Basket.objects.filter(token=token[1:]).values_list("pk"), token=str)
    assert read.compiled() is None
    assert read(token="x" + basket.token) == [(basket.pk,)]
    assert read(token="x" + other.token) == [(other.pk,)]
    assert read(token="no-such-basket") == []


def test_values_are_converted_as_the_orm_converts_them(shop):
    basket = new_basket(SKU, 2)
    read = PreparedRead(
        lambda basket_id: BasketLine.objects.filter(basket_id=basket_id).values_list(
            "quantity", "variant__price", "variant__product__live", "created_at"
        ),
        basket_id=int,
    )
    assert read(basket_id=basket.pk) == list(read.build(basket.pk))
    quantity, price, live, created = read(basket_id=basket.pk)[0]
    assert (quantity, str(price), live) == (2, "29.00", True)
    assert created.tzinfo is not None


def test_a_value_of_the_wrong_type_is_refused():
    read = PreparedRead(lambda token: Basket.objects.filter(token=token).values_list("pk"), token=str)
    with pytest.raises(TypeError):
        read(token=5)
    with pytest.raises(TypeError):
        PreparedRead(lambda token: Basket.objects.filter(token=token).values_list("pk"), key=str)


def test_instance_puts_each_value_in_its_named_field_whatever_the_order(shop):
    variant = ProductVariant.objects.get(sku=SKU)
    built = instance(ProductVariant, ("sku", "price", "id"), ("ANY-SKU", variant.price, variant.pk))
    assert (built.pk, built.sku, built.price) == (variant.pk, "ANY-SKU", variant.price)
    assert built.name == variant.name  # not named: loaded on first use, as with .only()


def test_the_basket_reads_match_the_orm_line_for_line(shop):
    basket = new_basket(SKU, 2)
    actions.add(basket, CREAM, 1)
    other = new_basket(CREAM, 4)
    _hold(SKU, 5)

    shown = view(basket)
    orm = list(lines_with_stock(basket))
    assert [(line.id, line.sku, line.quantity) for line in shown.lines] == [
        (line.pk, line.variant.sku, line.quantity) for line in orm
    ]
    assert [line.available for line in shown.lines] == [
        max(0, line.variant.stock.quantity - line.held) for line in orm
    ]
    assert shown.lines[0].page.url == orm[0].variant.product.url
    assert [line.quantity for line in view(other).lines] == [4]

    found = find_basket(basket.token)
    assert (found.pk, found.token, found.status) == (basket.pk, basket.token, basket.status)
    assert find_basket("not-a-basket") is None
    with CaptureQueriesContext(connection) as queries:
        view(basket)
        find_basket(basket.token)
        actions.find_variant(SKU.lower())
    assert len(queries) == 3


def test_adding_joins_the_existing_line_of_the_same_variant(shop):
    basket = new_basket(SKU, 1)
    actions.add(basket, CREAM, 1)
    actions.add(basket, SKU, 2)
    assert sorted(basket.lines.values_list("variant__sku", "quantity")) == sorted([(SKU, 3), (CREAM, 1)])
    with pytest.raises(actions.BasketError) as refused:
        actions.find_variant("NO-SUCH-SKU")
    assert refused.value.code == "unknown_sku"


def test_the_prepared_locks_find_their_rows_and_refuse_to_run_outside_a_transaction(shop):
    from django.db import transaction

    from cerobio.shop.basket.lock_objects import basket_for_update
    from cerobio.shop.catalogue.lock_objects import stock_for_update
    from cerobio.shop.orders.lock_objects import order_for_update

    held = _hold(SKU, 1)
    order, basket = held.order, held.order.basket
    kit = ProductVariant.objects.get(sku=SKU)
    with transaction.atomic():
        assert (order_for_update(order.pk).number, basket_for_update(basket.pk).token) == (order.number, basket.token)
        assert [s.quantity for s in stock_for_update([kit.pk])] == [Stock.objects.get(variant=kit).quantity]
        with pytest.raises(type(order).DoesNotExist):
            order_for_update(-1)
        with pytest.raises(Basket.DoesNotExist):
            basket_for_update(-1)


@requires_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # as every transactional test: see test_concurrency.py
def test_the_prepared_locks_refuse_to_run_outside_a_transaction():
    """As Django refuses it: a row lock taken outside a transaction would be let go at once."""
    from django.db.transaction import TransactionManagementError

    from cerobio.shop.basket.lock_objects import basket_for_update
    from cerobio.shop.catalogue.lock_objects import stock_for_update
    from cerobio.shop.orders.lock_objects import order_for_update

    basket = Basket.objects.create()
    for lock in (lambda: order_for_update(1), lambda: basket_for_update(basket.pk), lambda: stock_for_update([1])):
        with pytest.raises(TransactionManagementError):
            lock()


def test_units_held_count_only_live_holds_of_that_variant(shop):
    hold = _hold(SKU, 3)
    kit, cream = Stock.objects.get(variant__sku=SKU), Stock.objects.get(variant__sku=CREAM)
    now = timezone.now()
    assert (kit.held(now), cream.held(now)) == (3, 0)
    assert kit.held(hold.expires_at + datetime.timedelta(seconds=1)) == 0
    assert kit.held(now, exclude_order=hold.order_id) == 0
    assert kit.available(now) == kit.quantity - 3


def test_a_prepared_update_changes_only_the_matching_rows_with_the_values_adapted(shop):
    from decimal import Decimal

    from cerobio.core.prepared import PreparedUpdate
    from cerobio.shop.orders.models import Order

    first, second = _hold(SKU, 1).order, _hold(CREAM, 1).order
    paid_at = timezone.now().replace(microsecond=123456)
    write = PreparedUpdate(Order, fields=("status", "paid_at", "stock_problem", "vat_total"), match=("id", "status"))
    changed = write(
        values={"status": Order.Status.PAID, "paid_at": paid_at, "stock_problem": True, "vat_total": Decimal("1.25")},
        match={"id": first.pk, "status": Order.Status.PENDING_PAYMENT},
    )
    assert changed == 1
    first.refresh_from_db()
    assert (first.status, first.paid_at, first.stock_problem, first.vat_total) == (
        Order.Status.PAID, paid_at, True, Decimal("1.25"),
    )
    second.refresh_from_db()
    assert (second.status, second.paid_at, second.stock_problem) == (Order.Status.PENDING_PAYMENT, None, False)
    # The status no longer matches: nothing changes, and the caller is told so.
    assert write(values={"status": Order.Status.CANCELLED, "paid_at": None, "stock_problem": False,
                         "vat_total": Decimal("0")}, match={"id": first.pk, "status": Order.Status.PENDING_PAYMENT}) == 0  # fmt: skip
    first.refresh_from_db()
    assert first.status == Order.Status.PAID


def test_a_prepared_update_refuses_fields_it_was_not_made_for():
    from cerobio.core.prepared import PreparedUpdate

    write = PreparedUpdate(Basket, fields=("status",), match=("id",))
    with pytest.raises(TypeError):
        write(values={"status": "open", "token": "x"}, match={"id": 1})
    with pytest.raises(TypeError):
        write(values={"status": "open"}, match={"token": "x"})
    with pytest.raises(TypeError):
        PreparedUpdate(Basket, fields=("lines",), match=("id",))  # a relation, not a column


def _orm_row(model, pk):
    """Every column of a row as the ORM reads it back."""
    return model.objects.filter(pk=pk).values(*[f.attname for f in model._meta.concrete_fields]).get()


def test_a_prepared_insert_writes_the_row_the_orm_would(shop):
    from decimal import Decimal

    from cerobio.core.prepared import PreparedInsert
    from cerobio.shop.orders.models import OrderEvent
    from cerobio.shop.payments.models import Payment

    order = _hold(SKU, 1).order
    event = PreparedInsert(OrderEvent)(OrderEvent(order=order, kind=OrderEvent.Kind.PAID, message="Paid £9.", data={"n": 1}))
    twin = OrderEvent.objects.create(order=order, kind=OrderEvent.Kind.PAID, message="Paid £9.", data={"n": 1},
                                     created_at=event.created_at)  # fmt: skip
    assert event.pk is not None and event.pk != twin.pk and not event._state.adding
    written, expected = _orm_row(OrderEvent, event.pk), _orm_row(OrderEvent, twin.pk)
    assert {**written, "id": None} == {**expected, "id": None}
    assert written["data"] == {"n": 1} and written["order_id"] == order.pk

    # Field defaults (status, currency, created_at) are filled in as an insert fills them in.
    before = timezone.now()
    payment = PreparedInsert(Payment)(Payment(provider="dummy", reference="ref-1", order=order, amount=Decimal("12.50")))
    row = _orm_row(Payment, payment.pk)
    assert (row["status"], row["currency"], row["amount"], row["order_id"]) == ("pending", "GBP", Decimal("12.50"), order.pk)
    assert before <= row["created_at"] <= timezone.now()

    # A second instance gets a row of its own (each call binds its own values).
    again = PreparedInsert(Payment)(Payment(provider="dummy", reference="ref-2", order=order, amount=Decimal("1.00")))
    assert Payment.objects.get(pk=again.pk).reference == "ref-2"
    assert Payment.objects.get(pk=payment.pk).reference == "ref-1"


def test_a_prepared_insert_fills_in_auto_now_add_and_the_objects_saved_after_assignment(shop):
    from cerobio.core.prepared import PreparedInsert

    basket = Basket()  # not saved yet
    line = BasketLine(basket=basket, variant=ProductVariant.objects.get(sku=SKU), quantity=2, price_seen=1)
    with pytest.raises(ValueError):
        PreparedInsert(BasketLine)(line)  # its basket has no id yet: refused, as save() refuses it
    PreparedInsert(Basket)(basket)
    assert Basket.objects.get(pk=basket.pk).token == basket.token and basket.status == "open"
    PreparedInsert(BasketLine)(line)  # the basket saved since: its id is taken, as save() takes it
    stored = BasketLine.objects.get(pk=line.pk)
    assert (stored.basket_id, stored.quantity, stored.created_at) == (basket.pk, 2, line.created_at)
    assert stored.created_at is not None


def test_a_prepared_insert_refuses_what_it_cannot_write(shop):
    from django.db import IntegrityError, transaction
    from django.db.models import F

    from cerobio.core.prepared import PreparedInsert
    from cerobio.shop.orders.models import OrderEvent

    insert = PreparedInsert(Basket)
    with pytest.raises(TypeError):
        insert(BasketLine())  # another model
    with pytest.raises(TypeError):
        insert(Basket.objects.create())  # already saved
    with pytest.raises(TypeError):
        PreparedInsert(OrderEvent)(OrderEvent(order=_hold(SKU, 1).order, kind="note", message=F("kind")))
    # A broken constraint is Django's IntegrityError (what the checkout's duplicate-key path catches),
    # and leaves nothing behind.
    taken = Basket.objects.create().token
    count = Basket.objects.count()
    with pytest.raises(IntegrityError), transaction.atomic():
        insert(Basket(token=taken))
    assert Basket.objects.count() == count


def test_the_shop_models_written_by_prepared_inserts_have_no_save_signals():
    """A prepared insert sends no signals (as bulk_create): a receiver added for one of these models
    would silently not run, so this fails first."""
    from django.db.models.signals import post_save

    from cerobio.shop.catalogue.models import Reservation, StockMovement
    from cerobio.shop.orders.models import Order, OrderEvent, OrderLine
    from cerobio.shop.payments.models import Payment

    for model in (Basket, BasketLine, Order, OrderLine, OrderEvent, Payment, Reservation, StockMovement):
        assert not post_save.has_listeners(model), model


def test_a_prepared_insert_can_leave_an_existing_row_alone(shop):
    """ignore_conflicts: "record it unless it is there" in one statement (how mark_paid records a payment)."""
    from decimal import Decimal

    from cerobio.core.prepared import PreparedInsert
    from cerobio.shop.payments.models import Payment

    order = _hold(SKU, 1).order
    insert = PreparedInsert(Payment, ignore_conflicts=True)
    first = insert(Payment(provider="dummy", reference="once", order=order, amount=Decimal("3.00")))
    assert first is not None and first.pk is not None
    again = Payment(provider="dummy", reference="once", order=order, amount=Decimal("4.00"), status="succeeded")
    assert insert(again) is None and again.pk is None
    assert list(Payment.objects.filter(reference="once").values_list("pk", "amount", "status")) == [
        (first.pk, Decimal("3.00"), "pending")
    ]
    with pytest.raises(TypeError):
        from cerobio.shop.catalogue.models import Stock

        PreparedInsert(Stock, ignore_conflicts=True)  # no automatic key: it could not tell what it wrote


def test_a_prepared_queryset_update_changes_the_rows_the_orm_would(shop):
    """The basket a paid order submits: not when a newer order was started from it (a subquery)."""
    from cerobio.core.prepared import PreparedQuerySetUpdate
    from cerobio.shop.orders.actions import fail_payment

    submit = PreparedQuerySetUpdate(
        lambda basket_id, order_id: Basket.objects.filter(pk=basket_id, status=Basket.Status.FROZEN).exclude(
            orders__pk__gt=order_id
        ),
        new_values={"status": str}, basket_id=int, order_id=int,
    )
    old = _hold(SKU, 1).order
    fail_payment(old.pk, reason="Card declined.")  # the basket is open again
    basket = Basket.objects.get(pk=old.basket_id)
    req = CheckoutRequest(email="held@example.com", address=address(), shipping_method="uk-standard",
                          accept_terms=True, payment={"method": "dummy", "card_number": "4242424242424242"})  # fmt: skip
    new, _ = place_order(basket, check(req, subtotal(basket), get_provider()), req, "newer-order", "dummy")

    # The older order's payment must leave the basket with the newer order; the newer one's submits it.
    assert submit(values={"status": "submitted"}, basket_id=basket.pk, order_id=old.pk) == 0
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.FROZEN
    assert submit(values={"status": "submitted"}, basket_id=basket.pk, order_id=new.pk) == 1
    assert Basket.objects.get(pk=basket.pk).status == Basket.Status.SUBMITTED
    # Each call binds its own values: the status no longer matches, nothing changes.
    assert submit(values={"status": "open"}, basket_id=basket.pk, order_id=new.pk) == 0
    assert submit.compiled() is not None  # prepared, not built on every call
    with pytest.raises(TypeError):
        submit(values={"status": "open", "token": "x"}, basket_id=basket.pk, order_id=new.pk)
    with pytest.raises(TypeError):
        submit(values={"status": 1}, basket_id=basket.pk, order_id=new.pk)
