"""The product may be suggested only when the best fit suits it and nothing rules it out."""

import pytest

from cerobio.identify.answers import Answers
from cerobio.identify.scoring import identify

SUITED = {"age_group": "adult", "sites": ["forehead"], "look": ["white_dome"], "count": "few", "onset": "gradual"}


def suggested(rules, **changes) -> bool:
    return identify(rules, Answers.from_mapping({**SUITED, **changes})).product_suggested


def test_suggested_for_an_adult_with_benign_primary_milia(rules):
    result = identify(rules, Answers.from_mapping(SUITED))
    assert result.best.slug == "benign-primary-milia"
    assert result.product_suggested


def test_suggested_after_a_healed_burn(rules):
    result = identify(rules, Answers.from_mapping({**SUITED, "history": ["burn_or_injury"], "sites": ["hands"]}))
    assert result.best.slug == "trauma-associated-milia"
    assert result.product_suggested


@pytest.mark.parametrize(
    ("why", "changes"),
    [
        ("a newborn", {"age_group": "newborn"}),
        ("a child", {"age_group": "child"}),
        ("age not given", {"age_group": None}),
        ("the eyelids", {"sites": ["eyelids", "forehead"]}),
        ("inflamed skin", {"look": ["white_dome", "red_inflamed"]}),
        ("painful", {"symptoms": ["painful"]}),
        ("eruptive", {"onset": "sudden", "count": "many"}),
        ("a red plaque", {"look": ["white_dome", "on_red_plaque"]}),
        ("a red flag", {"symptoms": ["bleeding"]}),
        ("blisters", {"history": ["blistering_disease"]}),
        ("a look-alike fits best", {"look": ["flat_topped"], "sites": ["around_eyes"]}),
        ("a medicine type fits best", {"history": ["steroid_cream"]}),
    ],
)
def test_not_suggested(rules, why, changes):
    assert not suggested(rules, **changes), why


def test_the_shop_box_appears_only_when_suggested(client, demo_db):
    yes = client.post("/identify/", {"step": "symptoms", **SUITED}).content.decode()
    no = client.post("/identify/", {"step": "symptoms", **SUITED, "age_group": "newborn"}).content.decode()
    assert 'href="/shop/"' in yes and "identify-shop" in yes
    assert "identify-shop" not in no


def test_the_api_exposes_the_decision(client, demo_db):
    data = client.post("/api/v1/identify", SUITED, content_type="application/json").json()
    assert data["product_suggested"] is True
    data = client.post("/api/v1/identify", {**SUITED, "symptoms": ["bleeding"]}, content_type="application/json").json()
    assert data["product_suggested"] is False


def _api(client, answers):
    return client.post("/api/v1/identify", answers, content_type="application/json").json()["product_suggested"]


BURN = {**SUITED, "history": ["burn_or_injury"], "sites": ["hands"]}


def _publish(product, **changes):
    revision_page = product.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(revision_page, name, value)
    revision_page.save_revision().publish()


def test_the_product_page_decides_who_it_suits(client, demo_db):
    """An editor taking a type off the product page's "suits" list stops the identifier suggesting it."""
    from cerobio.guide.models import MiliaType
    from cerobio.shop.catalogue.models import ProductPage

    product = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    assert _api(client, BURN) is True
    _publish(product, suits_types=list(MiliaType.objects.filter(slug="benign-primary-milia")))
    assert _api(client, BURN) is False
    assert _api(client, SUITED) is True


def test_the_product_page_decides_the_minimum_age_and_places_to_avoid(client, demo_db):
    from cerobio.guide.models import BodySite, MiliaType
    from cerobio.shop.catalogue.models import ProductPage

    product = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    teen = {**SUITED, "age_group": "teen"}
    assert _api(client, teen) is True
    _publish(product, minimum_age=18)
    assert _api(client, teen) is False
    assert _api(client, SUITED) is True  # adults still

    assert _api(client, BURN) is True
    _publish(product, avoid_sites=[*BodySite.objects.filter(code__in=["eyelids", "hands"])])
    assert _api(client, BURN) is False

    # A type on both lists is never suggested: "not for" wins.
    _publish(
        product,
        avoid_sites=[],
        not_for_types=[*product.not_for_types.all(), MiliaType.objects.get(slug="benign-primary-milia")],
    )
    assert _api(client, SUITED) is False


def test_no_live_product_means_no_suggestion(client, demo_db):
    from cerobio.shop.catalogue.models import ProductPage

    product = ProductPage.objects.get(slug="cerobio-exfoliating-kit")
    assert _api(client, SUITED) is True
    product.unpublish()
    assert _api(client, SUITED) is False
    yes = client.post("/identify/", {"step": "symptoms", **SUITED}).content.decode()
    assert "identify-shop" not in yes
