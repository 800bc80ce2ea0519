"""Addresses find their page (HomePage.route looks a page up by its address in one query)."""

import pytest
from wagtail.models import Page

from cerobio.guide.models import MiliaTypePage


@pytest.mark.parametrize(
    "path",
    ["/no-such-page/", "/types/no-such-type/", "/types/milia-en-plaque/extra/", "/treatment/types/milia-en-plaque/"],
)
def test_an_address_with_no_page_is_404(demo, client, path):
    assert client.get(path).status_code == 404


def test_every_live_page_answers_at_its_own_address(demo, client):
    for page in Page.objects.live().filter(depth__gt=2).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_an_unpublished_page_is_404_and_a_renamed_one_moves(demo, client):
    page = MiliaTypePage.objects.live().first()
    old = page.url
    page.slug = f"{page.slug}-renamed"
    page.save_revision().publish()
    page = MiliaTypePage.objects.get(pk=page.pk)
    assert page.url != old
    assert client.get(old).status_code == 404
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404
