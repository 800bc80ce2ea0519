"""The shop tells the truth about itself: a cosmetic in cosmetic words, no placeholder ever published,
a demo that says it is one, and a named trader (terms, contact page, footer, order emails, and a
deployment check that refuses a production without them)."""

import re

import pytest
from django.core.checks import Tags, run_checks
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.editorial.claims import check_page
from cerobio.guide.models import Synonym
from cerobio.shop.catalogue.fetch import default_shop_settings
from cerobio.shop.catalogue.models import ProductPage
from cerobio.shop.catalogue.models.settings import TRADER_FIELDS
from cerobio.shop.conftest import SKU, api_body, new_basket
from cerobio.twofactor.testing import verified_login

PRODUCT_URL = "/shop/cerobio-exfoliating-kit/"
DRUG_WORDS = re.compile(r"\b(remov\w*|treat\w*|cur(e|es|ed|ing))\b", re.IGNORECASE)
SHOP_PAGES = ["/shop/", PRODUCT_URL, "/basket/"]


def visible(html: str) -> str:
    from cerobio.guide.tests.test_guide_pages import visible_text

    return visible_text(html)


def test_the_products_address_name_and_may_suit_section_are_cosmetic(shop, client):
    product = ProductPage.objects.live().get()
    assert not DRUG_WORDS.search(product.slug.replace("-", " ")), product.slug
    assert not DRUG_WORDS.search(product.title)
    for variant in product.variants.all():
        assert not DRUG_WORDS.search(variant.name)
    html = client.get(PRODUCT_URL).content.decode()
    section = re.search(r'<section[^>]*aria-labelledby="who-it-suits".*?</section>', html, re.S).group(0)
    assert section.count("<a ") == product.suits_types.count()  # the types, linking to the guide
    # The product's own words (the guide's names of the types it may suit are links to the guide).
    text = visible(re.sub(r"<a [^>]*>.*?</a>", "", section, flags=re.S))
    assert "smoother" in text and not DRUG_WORDS.search(text), text
    assert client.get("/shop/cerobio-milia-removal-kit/").status_code == 404


def test_a_search_for_milia_removal_puts_the_guides_treatment_page_first(shop, client):
    response = client.get("/search/", {"q": "milia removal"})
    results = response.context["results"]
    assert results[0].url == "/treatment/"
    assert PRODUCT_URL not in [r.url for r in results[:1]]


def test_the_claims_checker_reads_the_address_variant_names_and_search_terms(shop):
    product = ProductPage.objects.live().get()
    assert check_page(product) == []  # the demo product is clean
    product.slug = "cerobio-milia-removal-kit"
    assert [f.where for f in check_page(product)] == [("address",)]

    product = ProductPage.objects.live().get()
    variant = product.variants.first()
    variant.name = "Milia removal refill"
    product.variants = [variant]
    assert ("variant name",) in [f.where for f in check_page(product)]

    product = ProductPage.objects.live().get()
    Synonym.objects.create(term="milia cure cream", kind="phrase", target=product)
    findings = check_page(product)
    assert [(f.phrase, f.where) for f in findings] == [("cure", ("search term",))]


def test_no_search_term_leads_to_the_shop_with_medicinal_wording(shop):
    for product in ProductPage.objects.live():
        assert check_page(product) == [], product.title


@pytest.fixture
def shop_admin(shop, client, django_user_model):
    user = django_user_model.objects.create_superuser("shopadmin", "s@example.org", "pw-123456-long")
    return verified_login(client, user)


def _post_product(client, page, changes: dict, action: str):
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(changes)
    data[action] = "1"
    return client.post(url, data)


@pytest.mark.parametrize(
    "field, text",
    [
        ("ingredients", "Aqua, Glycerin. (Placeholder list: check it against the final pack.)"),
        ("summary", "Photos and details coming soon."),
        ("search_description", "Ingredients TBC."),
    ],
)
def test_a_product_page_holding_placeholder_text_cannot_be_published(shop_admin, field, text):
    product = ProductPage.objects.live().get()
    response = _post_product(shop_admin, product, {field: text}, "action-publish")
    assert response.status_code == 200  # the editor again, with the error on the field
    errors = response.context["form"].errors
    assert field in errors and "placeholder" in errors[field][0]
    product.refresh_from_db()
    assert getattr(product, field) != text and not product.has_unpublished_changes  # nothing changed


def test_a_placeholder_may_wait_in_a_draft(shop_admin):
    product = ProductPage.objects.live().get()
    response = _post_product(shop_admin, product, {"summary": "Details coming soon."}, "action-draft")
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.has_unpublished_changes and "coming soon" not in product.summary


def test_no_shop_page_shows_a_placeholder(shop, client):
    for path in SHOP_PAGES:
        text = visible(client.get(path).content.decode()).lower()
        for words in ("placeholder", "coming soon", "tbc", "lorem"):
            assert words not in text, (path, words)


def test_every_shop_page_of_the_demo_says_it_is_a_demo_shop(shopper):
    shopper.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"})
    for path in [*SHOP_PAGES, "/checkout/"]:
        response = shopper.get(path)
        assert response.status_code == 200, path
        assert "This is a demo shop" in visible(response.content.decode()), path
    settings = default_shop_settings()
    settings.demo_shop = False
    settings.save()
    assert "This is a demo shop" not in shopper.get(PRODUCT_URL).content.decode()


def test_the_trader_is_named_on_the_terms_contact_page_and_footer(shop, client):
    trader = default_shop_settings()
    assert all(getattr(trader, name) for name in TRADER_FIELDS)
    assert "fictional" in trader.trader_name  # the demo's values say what they are
    for path in ("/terms/", "/contact/"):
        text = visible(client.get(path).content.decode())
        for value in (trader.trader_name, trader.company_number, trader.vat_number, trader.trader_email,
                      trader.trader_phone, trader.trader_address_lines[0]):
            assert value in text, (path, value)
    footer = visible(client.get("/what-is-milia/").content.decode())
    assert f"Sold by {trader.trader_name}" in footer and trader.vat_number in footer


def test_order_emails_name_the_trader(shop, client):
    from cerobio.shop.orders.emails import build_email
    from cerobio.shop.orders.models import Order

    basket = new_basket(SKU, 1)
    response = client.post(f"/api/v1/baskets/{basket.token}/checkout", api_body(),
                           content_type="application/json", headers={"Idempotency-Key": "trader-email"})
    assert response.status_code == 201, response.content
    order = Order.objects.get(token=response.json()["token"])
    trader = default_shop_settings()
    message = build_email(order, "confirmation")  # what the queued task sends
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert trader.trader_name in body and trader.company_number in body and trader.vat_number in body


def shop_deploy_problems() -> list:
    """What `manage.py check --deploy --database default` (run by gunicorn at start-up) says about the shop."""
    found = run_checks(include_deployment_checks=True, databases=["default"], tags=[Tags.database])
    return [p.id for p in found if p.id in ("cerobio.shop.E001", "cerobio.shop.W003")]


def test_the_deploy_check_refuses_a_trader_detail_left_empty(shop):
    assert shop_deploy_problems() == ["cerobio.shop.W003"]  # the demo: fictional values, a warning
    settings = default_shop_settings()
    settings.vat_number = ""
    settings.save()
    assert shop_deploy_problems() == ["cerobio.shop.E001", "cerobio.shop.W003"]


def test_the_deploy_check_passes_a_real_named_trader(shop):
    settings = default_shop_settings()
    settings.trader_name = "Cerobio Ltd"
    settings.trader_address = "12 Park Row\nLeeds\nLS1 5HD"
    settings.company_number = "12345678"
    settings.vat_number = "GB 123 4567 89"
    settings.trader_email = "shop@cerobio.co.uk"
    settings.trader_phone = "0113 496 0000"
    settings.demo_shop = False
    settings.save()
    assert shop_deploy_problems() == []
