"""Baskets without an account: add, change, remove; re-checked on every view; signed cookie."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerobio.shop.basket.cookies import COOKIE
from cerobio.shop.basket.models import Basket
from cerobio.shop.catalogue.models import ProductVariant
from cerobio.shop.conftest import CREAM, SKU, set_stock


def _basket(client) -> Basket:
    return Basket.objects.order_by("-pk").first()


def test_add_change_and_remove_lines(shopper):
    html = shopper.get("/basket/").content.decode()
    assert "Standard kit" in html and "£29.00" in html and "Includes VAT of" in html and "£4.83" in html
    product_url = ProductVariant.objects.get(sku=SKU).product.url
    assert product_url and f'<a href="{product_url}">' in html  # each line links back to its product page
    line = _basket(shopper).lines.get()
    shopper.post("/basket/", {"action": "update", "line": line.pk, "quantity": "3"})
    assert _basket(shopper).lines.get().quantity == 3
    shopper.post("/basket/", {"action": "add", "sku": CREAM, "quantity": "1"})
    html = shopper.get("/basket/").content.decode()
    assert "£106.00" in html  # 3 × 29 + 19
    shopper.post("/basket/", {"action": "remove", "line": line.pk})
    assert list(_basket(shopper).lines.values_list("variant__sku", flat=True)) == [CREAM]


def test_cookie_is_signed_and_kept_for_30_days(client, shop):
    response = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    cookie = response.cookies[COOKIE]
    assert cookie["max-age"] == 30 * 86400 and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie.value != _basket(client).token  # signed, not the bare token
    client.cookies[COOKIE] = _basket(client).token  # a forged, unsigned cookie is ignored
    assert "Your basket is empty" in client.get("/basket/").content.decode()


def test_cannot_add_more_than_is_in_stock(client, shop):
    set_stock(SKU, 2)
    response = client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "3"}, follow=True)
    assert "only 2 of Standard kit left" in response.content.decode()


def test_price_and_stock_changes_are_explained_on_the_next_view(shopper):
    shopper.post("/basket/", {"action": "update", "line": _basket(shopper).lines.get().pk, "quantity": "4"})
    ProductVariant.objects.filter(sku=SKU).update(price=Decimal("27.50"))
    set_stock(SKU, 2)
    html = shopper.get("/basket/").content.decode()
    assert "Your basket has changed" in html
    assert "gone down from £29.00 to £27.50" in html
    assert "Only 2 of Cerobio exfoliating kit (Standard kit) left" in html
    assert _basket(shopper).lines.get().quantity == 2
    assert "Your basket has changed" not in shopper.get("/basket/").content.decode()


def test_sold_out_line_is_removed_with_a_message(shopper):
    set_stock(SKU, 0)
    html = shopper.get("/basket/").content.decode()
    assert "has sold out, so we removed it" in html and "Your basket is empty" in html


def test_nonsense_posts_are_refused_politely(shopper):
    for data in ({"action": "update", "line": "abc", "quantity": "x"}, {"action": "add", "sku": "NOPE"}, {"action": "??"}):
        response = shopper.post("/basket/", data, follow=True)
        assert response.status_code == 200


def test_mini_basket_count_costs_one_query_and_none_without_a_basket(client, shopper):
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template('{% include "shop/mini_basket.html" %}')
    request = RequestFactory().get("/")
    request.COOKIES = {}
    with CaptureQueriesContext(connection) as none:
        html = template.render(Context({"request": request}))
    assert len(none) == 0 and ">0<span" in html
    request = RequestFactory().get("/")
    request.COOKIES = {COOKIE: shopper.cookies[COOKIE].value}
    with CaptureQueriesContext(connection) as one:
        html = template.render(Context({"request": request}))
    assert len(one) == 1 and ">1<span" in html


def test_every_page_header_shows_this_visitors_own_count(client, shop, shopper):
    """The header is cached per address and count: a change shows at once, and never to another visitor."""

    def header_count(browser, path="/types/milia-en-plaque/") -> str:
        html = browser.get(path).content.decode()
        return html.split('class="mini-basket__count">', 1)[1].split("<", 1)[0]

    assert header_count(shopper) == "1"
    shopper.post("/basket/", {"action": "add", "sku": CREAM, "quantity": "2"})
    assert header_count(shopper) == "3"
    from django.test import Client

    assert header_count(Client()) == "0"  # a new visitor on the same page
    line = _basket(shopper).lines.get(variant__sku=CREAM)
    shopper.post("/basket/", {"action": "remove", "line": line.pk})
    assert header_count(shopper) == "1" and header_count(shopper, "/") == "1"
