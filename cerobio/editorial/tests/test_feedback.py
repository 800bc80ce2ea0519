"""'Was this page helpful?': stored without personal data, spam kept out, reported per page."""

import pytest
from django.core.cache import cache

from cerobio.editorial.models import PageFeedback
from cerobio.guide.models import GuidePage
from cerobio.twofactor.testing import verified_login

from .conftest import make_user


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def causes(demo):
    return GuidePage.objects.get(slug="causes")


def send(client, page, **data):
    return client.post("/feedback/", {"page": page.pk, **data}, REMOTE_ADDR="203.0.113.9")


def test_every_guide_page_has_the_feedback_form_and_it_needs_no_cookie(demo, client):
    for path in ("/what-is-milia/", "/types/", "/types/milia-en-plaque/", "/causes/"):
        response = client.get(path)
        html = response.content.decode()
        assert 'action="/feedback/"' in html and "Was this page helpful?" in html, path
        assert not response.cookies, path


def test_an_answer_is_stored_and_the_reader_is_thanked_on_the_page(causes, client):
    response = send(client, causes, helpful="no", comment="The causes list is long.")
    assert response.status_code == 302
    assert response["Location"] == "/causes/?feedback=thanks#feedback"
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.helpful, answer.comment) == (causes.pk, False, "The causes list is long.")
    html = client.get(response["Location"]).content.decode()
    assert "Thank you for your feedback" in html and 'action="/feedback/"' not in html


def test_the_thanks_and_the_form_each_show_on_a_page_already_cached(causes, client):
    """The page below the header is one cached fragment; the thank-you is part of its key."""
    assert 'action="/feedback/"' in client.get("/causes/").content.decode()
    thanked = client.get("/causes/?feedback=thanks").content.decode()
    assert "Thank you for your feedback" in thanked and 'action="/feedback/"' not in thanked
    again = client.get("/causes/").content.decode()
    assert 'action="/feedback/"' in again and "Thank you for your feedback" not in again


def test_nothing_personal_is_stored(causes, client):
    send(client, causes, helpful="yes", comment="Email me at jo.bloggs@example.com or call 07700 900123 please",
         HTTP_USER_AGENT="Secret browser")
    answer = PageFeedback.objects.get()
    assert answer.comment == "Email me at [email removed] or call [number removed] please"
    stored = " ".join(str(getattr(answer, f.attname)) for f in PageFeedback._meta.concrete_fields)
    for personal in ("203.0.113.9", "example.com", "07700", "Secret browser"):
        assert personal not in stored
    assert {f.name for f in PageFeedback._meta.concrete_fields} == {"id", "page", "helpful", "comment", "created_on"}


def test_a_missing_answer_is_refused_with_a_clear_message(causes, client):
    response = send(client, causes, comment="No choice made")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose yes or no" in html and "No choice made" in html  # the comment is kept for a retry
    assert not PageFeedback.objects.exists()


def test_a_long_comment_is_refused(causes, client):
    response = send(client, causes, helpful="yes", comment="x" * 1001)
    assert response.status_code == 400
    assert "1,000 characters or fewer" in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("page_id", ["", "abc", "999999"])
def test_an_unknown_page_is_refused(demo, client, page_id):
    response = client.post("/feedback/", {"page": page_id, "helpful": "yes"})
    assert response.status_code == 400
    assert "could not tell which page" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_feedback_is_only_taken_for_guide_pages(demo, client):
    from cerobio.editorial.models import InfoPage

    response = client.post("/feedback/", {"page": InfoPage.objects.get(slug="privacy").pk, "helpful": "yes"})
    assert response.status_code == 400


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(causes, client):
    response = send(client, causes, helpful="yes", website="http://spam.example")
    assert response.status_code == 302
    assert not PageFeedback.objects.exists()


def test_too_many_answers_get_a_429_with_retry_after(causes, client, settings):
    settings.FEEDBACK_RATE_LIMIT = (3, 3600)
    limit = 3
    for _ in range(limit):
        assert send(client, causes, helpful="yes").status_code == 302
    response = send(client, causes, helpful="yes")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Please wait before sending again" in response.content.decode()
    assert PageFeedback.objects.count() == limit
    # Another visitor is not affected.
    other = client.post("/feedback/", {"page": causes.pk, "helpful": "no"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_get_is_not_allowed(demo, client):
    assert client.get("/feedback/").status_code == 405


def test_the_admin_report_counts_answers_per_page(causes, client, as_editor):
    for helpful in ("yes", "no", "no"):
        send(client, causes, helpful=helpful, comment="Too long" if helpful == "no" else "")
    cache.clear()
    html = as_editor.get("/admin/reports/page-feedback/").content.decode()
    assert causes.title in html and "33%" in html
    detail = as_editor.get(f"/admin/reports/page-feedback/{causes.pk}/").content.decode()
    assert "1 said yes and 2 said no" in detail and "Too long" in detail


def test_the_feedback_report_needs_permission(demo, as_shop):
    assert as_shop.get("/admin/reports/page-feedback/").status_code in (302, 403)


def test_the_report_says_so_when_there_is_no_feedback(demo, as_reviewer):
    html = as_reviewer.get("/admin/reports/page-feedback/").content.decode()
    assert "No reader has answered" in html


def test_reviewers_see_the_report_in_the_reports_menu(demo, reviewer_user, django_user_model):
    from django.test import Client

    client = Client()
    verified_login(client, reviewer_user)
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/page-feedback/" in html and "/admin/reports/review-dates/" in html
    nobody = make_user(django_user_model, "nobody", "Shop staff")
    verified_login(client, nobody)
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/page-feedback/" not in html
