"""A basket being paid for cannot be changed through the API (add, change, remove); an open one records
when it was last changed."""

import datetime

from cerobio.shop.basket.models import Basket
from cerobio.shop.conftest import CREAM, SKU, new_basket

JSON = "application/json"


def _lines(basket) -> list[tuple[str, int]]:
    return sorted((line.variant.sku, line.quantity) for line in basket.lines.select_related("variant"))


def test_a_basket_being_paid_for_refuses_every_change(client, shop):
    basket = new_basket(SKU, 1)
    line = basket.lines.get()
    Basket.objects.filter(pk=basket.pk).update(status=Basket.Status.FROZEN)
    base = f"/api/v1/baskets/{basket.token}/lines"
    answers = [
        client.post(base, {"sku": CREAM, "quantity": 1}, content_type=JSON),
        client.patch(f"{base}/{line.pk}", {"quantity": 3}, content_type=JSON),
        client.delete(f"{base}/{line.pk}"),
    ]
    for response in answers:
        assert response.status_code == 409, response.content
        assert response.json()["code"] == "basket_not_open"
        assert "being paid for" in response.json()["message"]
    assert _lines(basket) == [(SKU, 1)]


def test_changing_an_open_basket_marks_it_as_used_now(client, shop):
    basket = new_basket(SKU, 1)
    long_ago = basket.updated_at.replace(year=basket.updated_at.year - 1)
    Basket.objects.filter(pk=basket.pk).update(updated_at=long_ago)
    response = client.post(f"/api/v1/baskets/{basket.token}/lines", {"sku": SKU, "quantity": 1}, content_type=JSON)
    assert response.status_code == 201
    basket.refresh_from_db()
    assert basket.updated_at - long_ago > datetime.timedelta(days=300)
    assert _lines(basket) == [(SKU, 2)]
