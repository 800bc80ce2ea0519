"""Shop staff run the shop from the admin; editors and clinical reviewers cannot see orders or stock."""

import pytest

SHOP_SCREENS = [
    "/admin/shop/orders/",
    "/admin/shop/stock/",
    "/admin/snippets/delivery/shippingzone/",
    "/admin/snippets/delivery/closedday/",
    "/admin/settings/shop/shopsettings/",
    "/admin/settings/delivery/deliverysettings/",
]


@pytest.mark.parametrize("url", SHOP_SCREENS)
def test_shop_staff_open_every_shop_screen(as_shop, url):
    response = as_shop.get(url, follow=True)
    assert response.status_code == 200, url
    assert response.redirect_chain == [] or url.startswith("/admin/settings/")  # settings go to the site's own


def test_shop_staff_see_the_shop_menu(as_shop):
    html = as_shop.get("/admin/").content.decode()
    for label in ("Orders", "Stock levels", "Delivery zones and prices", "Closed days"):
        assert label in html, label


@pytest.mark.parametrize("who", ["as_editor", "as_reviewer"])
def test_editors_and_reviewers_cannot_see_orders_or_stock(db, request, who):
    # `db` is named so pytest-django runs this with the other database tests, before any flushing one.
    client = request.getfixturevalue(who)
    for url in ("/admin/shop/orders/", "/admin/shop/stock/", "/admin/snippets/delivery/shippingzone/"):
        response = client.get(url)
        assert response.status_code in (302, 403), (who, url)
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/") and "shop" not in response["Location"], (who, url)
