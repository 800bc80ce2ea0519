"""nginx's page cache in front of the app: hits for anonymous pages, fresh copies after publishing, and
never a shared basket, checkout or order page."""

import re
import time
import uuid

import pytest

from .conftest import requires_nginx, requires_postgres

pytestmark = [pytest.mark.deploy, pytest.mark.django_db, requires_nginx, requires_postgres]

SUBTYPE = "/types/milia-en-plaque/"
PRODUCT = "/shop/cerobio-exfoliating-kit/"
SKU = "CRB-KIT-STD"


def eventually(check, timeout: float = 20):
    """Call `check` until it returns something true (the task worker refreshes in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.3)


def basket_count(html: str) -> int:
    return int(re.search(r'mini-basket__count">(\d+)', html).group(1))


def cookie_from(response, name: str) -> str:
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith(f"{name}="):
            return header.split(";", 1)[0]
    raise AssertionError(f"no {name} cookie in {response.headers.get_all('Set-Cookie')}")


def add_to_basket(deploy_stack, quantity: int) -> str:
    """Press "Add to basket" on the (cached) product page as a browser would; the visitor's basket cookie."""
    origin = f"https://localhost:{deploy_stack.ports.https}"
    response = deploy_stack.get(
        "/basket/", method="POST", body=f"action=add&sku={SKU}&quantity={quantity}".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": origin},
    )  # fmt: skip
    assert response.status == 302, response.text[:500]
    return cookie_from(response, "cerobio_basket")


def publish_summary(deploy_stack, slug: str, summary: str) -> None:
    """An editor's change published through Wagtail's revisions, in a process with the servers' settings."""
    deploy_stack.run(
        "from cerobio.guide.models import MiliaTypePage\n"
        f"page = MiliaTypePage.objects.get(slug={slug!r})\n"
        f"page.summary = {summary!r}\n"
        "page.save_revision().publish()\n",
    )  # fmt: skip


def test_an_anonymous_subtype_page_is_a_cache_hit_the_second_time(deploy_stack):
    path = f"{SUBTYPE}?visit={uuid.uuid4().hex}"  # a URL nobody fetched yet
    first, second = deploy_stack.get(path), deploy_stack.get(path)
    assert first.header("X-Cache-Status") == "MISS"
    assert second.header("X-Cache-Status") == "HIT"
    assert second.body == first.body


def test_publishing_in_wagtail_refreshes_the_cached_page(deploy_stack):
    deploy_stack.get(SUBTYPE)
    assert deploy_stack.get(SUBTYPE).header("X-Cache-Status") == "HIT"
    marker = f"Reviewed again {uuid.uuid4().hex[:8]}: milia en plaque is rare."
    publish_summary(deploy_stack, "milia-en-plaque", marker)

    def refreshed():
        response = deploy_stack.get(SUBTYPE)
        return response if marker in response.text else None

    response = eventually(refreshed)
    assert response, f"the cached page still shows the old text\n{deploy_stack.logs()}"
    assert response.header("X-Cache-Status") == "HIT", (
        "nginx stored the refreshed page: visitors get the new text from the cache"
    )


def test_a_knowledge_base_edit_refreshes_the_pages_that_show_it(deploy_stack):
    deploy_stack.get("/types/")
    assert deploy_stack.get("/types/").header("X-Cache-Status") == "HIT"
    marker = f"Edited in the knowledge base {uuid.uuid4().hex[:8]}."
    deploy_stack.run(
        "from cerobio.guide.models import MiliaType\n"
        "t = MiliaType.objects.get(slug='nodular-grouped-milia')\n"
        f"t.summary = {marker!r}\n"
        "t.save()\n",
    )  # fmt: skip
    assert eventually(lambda: marker in deploy_stack.get("/types/").text), deploy_stack.logs()


def test_two_baskets_never_see_each_others_count(deploy_stack):
    first_visitor, second_visitor = add_to_basket(deploy_stack, 1), add_to_basket(deploy_stack, 2)
    for _ in range(2):
        one = deploy_stack.get(SUBTYPE, headers={"Cookie": first_visitor})
        two = deploy_stack.get(SUBTYPE, headers={"Cookie": second_visitor})
        assert one.header("X-Cache-Status") == two.header("X-Cache-Status") == "BYPASS"
        assert (basket_count(one.text), basket_count(two.text)) == (1, 2)
        assert "private" in one.header("Cache-Control")
    anonymous = deploy_stack.get(SUBTYPE)
    assert anonymous.header("X-Cache-Status") == "HIT" and basket_count(anonymous.text) == 0


@pytest.mark.parametrize("path", ["/basket/", "/checkout/", "/search/?q=milia", "/identify/"])
def test_basket_checkout_search_and_identifier_pages_are_never_served_from_the_cache(
    deploy_stack, path
):
    visitor = add_to_basket(deploy_stack, 1)
    for headers in ({}, {}, {"Cookie": visitor}, {"Cookie": visitor}):
        response = deploy_stack.get(path, headers=headers)
        assert response.header("X-Cache-Status") in ("MISS", "BYPASS"), (path, headers)
        assert "no-store" in response.header("Cache-Control") or response.status in (301, 302)


def test_the_product_page_is_cached_and_its_form_still_adds_to_the_basket(deploy_stack):
    deploy_stack.get(PRODUCT)
    cached = deploy_stack.get(PRODUCT)
    assert cached.header("X-Cache-Status") == "HIT"
    assert "csrfmiddlewaretoken" not in cached.text
    visitor = add_to_basket(deploy_stack, 3)
    basket = deploy_stack.get("/basket/", headers={"Cookie": visitor})
    assert basket.status == 200 and basket_count(basket.text) == 3


def test_another_site_cannot_add_to_a_basket(deploy_stack):
    response = deploy_stack.get(
        "/basket/", method="POST", body=f"action=add&sku={SKU}".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"},
    )  # fmt: skip
    assert response.status == 403


def test_only_the_secret_makes_nginx_refresh_a_page(deploy_stack):
    from .stack import REFRESH_SECRET

    deploy_stack.get(SUBTYPE)
    guessed = deploy_stack.get(SUBTYPE, headers={"X-Cache-Refresh": "a-guess"})
    assert guessed.header("X-Cache-Status") == "HIT", "a visitor cannot make nginx go to the app"
    refreshed = deploy_stack.get(SUBTYPE, headers={"X-Cache-Refresh": REFRESH_SECRET})
    assert refreshed.header("X-Cache-Status") == "BYPASS"
    assert deploy_stack.get(SUBTYPE).header("X-Cache-Status") == "HIT", (
        "and the fresh copy was stored"
    )
