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


def test_a_page_made_private_is_refused_from_the_next_request_and_served_again_once_public(demo, client):
    """Whether any page is private is kept in the cache (cerobio/core/page_lookup.py): saving or
    deleting a restriction is seen at once."""
    from wagtail.models import PageViewRestriction

    page = MiliaTypePage.objects.live().first()
    assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    refused = client.get(page.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_a_new_home_for_the_site_is_used_from_the_next_request(demo, client):
    """The request's Site is kept in the cache (cerobio/core/page_lookup.py); saving it is seen at once."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert client.get("/types/").status_code == 200
    site.root_page = Page.objects.get(url_path=f"{site.root_page.url_path}types/")
    site.save()
    assert client.get("/types/").status_code == 404
    assert client.get("/milia-en-plaque/").status_code == 200
