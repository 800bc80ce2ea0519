"""The catalogue: product page, JSON-LD offers, cosmetic copy, suitability and stock rules."""

import json
import re

import pytest
from django.db import IntegrityError, transaction

from cerobio.shop.catalogue.fetch import product_suitability
from cerobio.shop.catalogue.models import ProductPage, ProductVariant, Stock
from cerobio.shop.conftest import CREAM, SKU, set_stock, stock_of

PRODUCT_URL = "/shop/cerobio-exfoliating-kit/"
DRUG_WORDS = re.compile(r"\b(cures?|treats?|treatment for|removes? milia|dissolves?|permanent|guaranteed)\b", re.I)


def test_demo_product_and_variants(shop):
    page = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    variants = {v.sku: v for v in page.variants.all()}
    assert str(variants[SKU].price) == "29.00" and variants[SKU].name == "Standard kit"
    assert str(variants[CREAM].price) == "19.00" and variants[CREAM].name == "Cream refill 30 ml"
    assert stock_of(SKU) == 50 and stock_of(CREAM) == 100
    assert page.get_parent().specific.__class__.__name__ == "ShopIndexPage"
    assert page.get_url() == PRODUCT_URL


def test_product_page_shows_buying_and_who_it_is_not_for(client, shop):
    html = client.get(PRODUCT_URL).content.decode()
    assert "Add to basket" in html and "£29.00" in html and "£19.00" in html
    for words in ("How to use it", "Ingredients", "Who it suits", "Who should not use it", "Test mode"):
        assert words in html
    assert "children under 13" in html and "eyelids" in html
    assert 'href="/types/milia-en-plaque/"' in html and 'href="/types/multiple-eruptive-milia/"' in html
    assert "14 days" in html and "hygiene" in html


def test_product_copy_stays_cosmetic(shop):
    page = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    copy = " ".join([page.title, page.summary, page.description, page.how_to_use, page.suits_note, page.search_description])
    copy = copy.replace("does not treat", "")  # saying what it does not do is the honest part
    assert not DRUG_WORDS.search(copy), DRUG_WORDS.search(copy)


def test_product_json_ld_has_offers_shipping_and_returns(client, shop):
    html = client.get(PRODUCT_URL).content.decode()
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    product = next(b for b in blocks if b.get("@type") == "Product")
    offers = {o["sku"]: o for o in product["offers"]}
    assert offers[SKU]["price"] == "29.00" and offers[SKU]["priceCurrency"] == "GBP"
    assert offers[SKU]["availability"] == "https://schema.org/InStock"
    assert offers[SKU]["hasMerchantReturnPolicy"]["merchantReturnDays"] == 14
    rates = {d["shippingLabel"]: d["shippingRate"]["value"] for d in offers[SKU]["shippingDetails"]}
    assert rates["UK standard (Royal Mail 48)"] == "3.50"


def test_sold_out_variant_is_marked_in_json_ld_and_cannot_be_chosen(client, shop):
    set_stock(SKU, 0)
    html = client.get(PRODUCT_URL).content.decode()
    assert "OutOfStock" in html
    assert re.search(r'id="variant-CRB-KIT-STD"[^>]*disabled', html)


def test_suitability_comes_from_the_knowledge_base(shop):
    suits = product_suitability()
    assert set(suits["suits"]) == {"benign-primary-milia", "trauma-associated-milia"}
    assert {"congenital-milia", "milia-en-plaque", "multiple-eruptive-milia"} <= set(suits["not_for"])
    assert "eyelids" in suits["avoid_sites"] and suits["minimum_age"] == 13


def test_stock_can_never_go_below_zero_in_the_database(shop):
    with pytest.raises(IntegrityError), transaction.atomic():
        Stock.objects.filter(variant__sku=SKU).update(quantity=-1)


def test_publishing_the_page_never_changes_stock(shop):
    page = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    old_revision = page.save_revision()
    set_stock(SKU, 7)
    old_revision.publish()
    assert stock_of(SKU) == 7
    assert ProductVariant.objects.get(sku=SKU).stock.quantity == 7


def test_shop_index_lists_the_product(client, shop):
    html = client.get("/shop/").content.decode()
    assert PRODUCT_URL in html and "From <strong>£19.00</strong>" in html
