"""Routes and parts of pages kept in the cache (cerobio/core/render_cache.py): the same HTML as a full
render, far fewer queries, nothing that belongs to one visitor or one day frozen in, and out of date
the moment content changes, exactly like the page copy."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cerobio.core.models import SiteSettings
from cerobio.core.tests.outages import database_down
from cerobio.core.tests.test_database_outage import assert_friendly_page
from cerobio.guide.models import GuidePage, MiliaType, MiliaTypePage
from cerobio.shop.conftest import SKU

SUBTYPE = "/types/milia-en-plaque/"
PAGES = [
    "/",
    "/what-is-milia/",
    "/types/",
    SUBTYPE,
    "/look-alikes/",
    "/shop/cerobio-milia-removal-kit/",
]


@pytest.fixture
def render_cache_on(settings, demo):
    settings.PAGE_CACHE = False  # every request renders; only the parts come from the cache
    settings.RENDER_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _get(client, path, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    assert response.status_code == 200, path
    return response, [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_built_from_stored_parts_is_the_page_rendered_in_full(
    client, render_cache_on, settings, path
):
    first, _ = _get(client, path)
    second, _ = _get(client, path)
    settings.RENDER_CACHE = False
    full, _ = _get(client, path)
    assert second.content == first.content == full.content


def test_a_rendered_subtype_page_skips_the_routing_the_knowledge_base_and_the_settings(
    client, render_cache_on
):
    _, first = _get(client, SUBTYPE)
    _, second = _get(client, SUBTYPE)
    # The page itself, then Wagtail's view-restriction check (the page's ancestors, their restrictions).
    assert len(first) >= 15 and len(second) == 3, (len(first), second)
    assert "wagtailcore_site" not in second[0] and '"guide_miliatypepage"' in second[0]
    assert "wagtailcore_pageviewrestriction" in second[2]


def test_publishing_a_page_shows_the_new_text_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    page.title = "Milia en plaque, freshly reviewed"
    page.summary = "A freshly reviewed summary of milia en plaque."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    html = client.get(SUBTYPE).content.decode()
    assert "A freshly reviewed summary" in html  # the article
    assert "<title>Milia en plaque, freshly reviewed | Cerobio</title>" in html  # the head
    assert 'aria-current="page">Milia en plaque, freshly reviewed</li>' in html  # the breadcrumbs


def test_a_knowledge_base_edit_shows_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    client.get("/types/")
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    with django_capture_on_commit_callbacks(execute=True):
        milia_type.appearance_text = "Appearance edited in the knowledge base."
        milia_type.summary = "Summary edited in the knowledge base."
        milia_type.save()
    assert "Appearance edited in the knowledge base." in client.get(SUBTYPE).content.decode()
    assert "Summary edited in the knowledge base." in client.get("/types/").content.decode()


def test_unpublishing_a_subtype_takes_its_page_down_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    with django_capture_on_commit_callbacks(execute=True):
        MiliaType.objects.get(slug="milia-en-plaque").unpublish()
    assert client.get(SUBTYPE).status_code == 404


def test_a_site_settings_edit_reaches_the_header_and_footer_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    site_settings = SiteSettings.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.tagline = "A freshly written tagline"
        site_settings.disclaimer = "A freshly written disclaimer."
        site_settings.save()
    html = client.get(SUBTYPE).content.decode()
    assert '<span class="brand__tagline">A freshly written tagline</span>' in html
    assert "A freshly written disclaimer." in html


def test_the_basket_count_is_never_stored(client, render_cache_on):
    client.get(SUBTYPE)  # every part stored, with an empty basket
    client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "2"})
    html = client.get(SUBTYPE).content.decode()
    assert 'mini-basket__count">2' in html
    client.cookies.clear()
    assert 'mini-basket__count">0' in client.get(SUBTYPE).content.decode()


def test_the_feedback_thanks_is_shown_to_the_reader_who_sent_it(client, render_cache_on):
    client.get("/what-is-milia/")
    thanks = client.get("/what-is-milia/?feedback=thanks").content.decode()
    assert "Thank you for your feedback" in thanks and "Was this page helpful?" not in thanks
    again = client.get("/what-is-milia/").content.decode()
    assert "Was this page helpful?" in again and "Thank you for your feedback" not in again


def test_the_under_review_note_appears_the_day_the_review_falls_due(
    client, render_cache_on, monkeypatch
):
    from cerobio.guide.models import pages

    page = GuidePage.objects.get(slug="what-is-milia")
    assert b"This page is being reviewed" not in client.get("/what-is-milia/").content

    class DayAfterTheReviewIsDue(datetime.date):
        @classmethod
        def today(cls):
            return page.next_review_due + datetime.timedelta(days=1)

    monkeypatch.setattr(pages.datetime, "date", DayAfterTheReviewIsDue)
    assert b"This page is being reviewed" in client.get("/what-is-milia/").content


def test_a_preview_shows_the_editors_changes_not_the_stored_page(client, render_cache_on):
    client.get(SUBTYPE)
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    # The admin previews the page built from the unsaved edit form: same page, same address.
    page.summary = "A draft summary nobody has published."
    assert b"A draft summary nobody has published." in page.make_preview_request().content
    assert b"A draft summary" not in client.get(SUBTYPE).content


def test_a_renamed_page_moves_to_its_new_address_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    page.slug = "milia-en-plaque-renamed"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    old_address = client.get(
        SUBTYPE
    )  # Wagtail's automatic redirect, not the page from the old route
    assert (
        old_address.status_code == 301
        and old_address["Location"] == "/types/milia-en-plaque-renamed/"
    )
    new_address = client.get("/types/milia-en-plaque-renamed/").content.decode()
    assert f'<h1 class="page-header__title">{page.title}</h1>' in new_address


def test_an_unpublished_page_is_gone_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get("/causes/")
    with django_capture_on_commit_callbacks(execute=True):
        GuidePage.objects.get(slug="causes").unpublish()
    assert client.get("/causes/").status_code == 404


def test_a_password_put_on_a_page_is_asked_for_at_once(
    client, render_cache_on, django_capture_on_commit_callbacks
):
    client.get(SUBTYPE)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=MiliaTypePage.objects.get(slug="milia-en-plaque"),
            restriction_type=PageViewRestriction.PASSWORD,
            password="only-for-reviewers",
        )
    html = client.get(SUBTYPE).content.decode()
    assert 'name="password"' in html and "milia en plaque" not in html.lower().split("<main")[-1]


def test_a_stored_route_still_answers_503_while_the_database_is_down(client, render_cache_on):
    client.get(SUBTYPE)
    client.get(SUBTYPE)
    with database_down():
        assert_friendly_page(client.get(SUBTYPE))


def test_views_without_a_page_are_never_stored(client, render_cache_on):
    client.get("/search/?q=milk+spots")
    assert b'value="eyelids"' in client.get("/search/?q=eyelids").content
    assert b"Page not found" in client.get("/no-such-page/").content


def test_off_unless_turned_on(client, demo, settings):
    settings.RENDER_CACHE = False
    cache.clear()
    client.get(SUBTYPE)
    _, queries = _get(client, SUBTYPE)
    assert [sql for sql in queries if '"guide_miliatype"' in sql]  # the article was rendered again
    assert [
        sql for sql in queries if '"wagtailcore_site"' in sql
    ]  # and the page found from the site


def test_production_keeps_fragments_whenever_redis_is_set(load_production, monkeypatch):
    monkeypatch.delenv("RENDER_CACHE", raising=False)
    assert (
        load_production().RENDER_CACHE is False
    )  # a per-process cache could not share the version
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("PAGE_CACHE", "0")
    production = load_production()
    assert production.PAGE_CACHE is False and production.RENDER_CACHE is True
