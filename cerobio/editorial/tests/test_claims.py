"""The claims checker: phrases editors manage, warnings on guide pages, a clinical override for shop copy."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PageLogEntry

from cerobio.editorial.claims import GUIDE, PRODUCT, check_page, check_text
from cerobio.editorial.models import ClaimOverride, ClaimPhrase, InfoPage
from cerobio.editorial.overrides import record_override
from cerobio.guide.models import GuidePage, HomePage
from cerobio.twofactor.testing import verified_login

from .conftest import make_user, post_edit

pytestmark = pytest.mark.django_db


def phrases(findings):
    return [f.phrase for f in findings]


def test_removes_milia_permanently_is_flagged_with_cosmetic_wording():
    findings = check_text("Our cream removes milia permanently, in days.")
    assert sorted(phrases(findings)) == ["permanently", "removes milia"]
    by_phrase = {f.phrase: f for f in findings}
    assert by_phrase["removes milia"].suggestion == "helps skin look smoother"
    assert "removes milia permanently" in by_phrase["removes milia"].excerpts[0]
    assert "helps skin look smoother" in by_phrase["removes milia"].message


def test_matching_ignores_capitals_spacing_and_html_but_needs_whole_words():
    assert phrases(check_text("<p>It <b>CURES</b>   dry skin</p>")) == ["cures"]
    assert phrases(check_text("Removes\n milia")) == ["removes milia"]
    assert check_text("Secured packaging; a procured sample; the treatment page.") == []


def test_clinically_proven_is_allowed_only_with_a_reference():
    assert phrases(check_text("Clinically proven to smooth skin.")) == ["clinically proven"]
    assert check_text("Clinically proven to smooth skin.", has_reference=True) == []


def test_guide_pages_are_only_checked_for_phrases_marked_everywhere():
    text = "There is no cure, but milia usually clear. Results guaranteed."
    assert phrases(check_text(text, scope=GUIDE)) == ["guaranteed"]
    assert sorted(phrases(check_text(text, scope=PRODUCT))) == ["cure", "guaranteed"]


def test_editors_change_the_list_in_the_admin():
    ClaimPhrase.objects.create(phrase="wonder cream", suggestion="moisturising cream", scope="all")
    assert phrases(check_text("A wonder cream.")) == ["wonder cream"]
    ClaimPhrase.objects.filter(phrase="wonder cream").update(active=False)
    assert check_text("A wonder cream.") == []


def test_the_seeded_list_covers_the_issue_and_the_fact_sheet():
    seeded = set(ClaimPhrase.objects.values_list("phrase", flat=True))
    assert {"cure", "cures", "treats", "treatment for milia", "removes milia", "heals", "guaranteed",
            "clinically proven", "permanent", "dissolves", "eliminates"} <= seeded
    assert all(ClaimPhrase.objects.exclude(suggestion="").values_list("suggestion", flat=True))


def test_demo_guide_and_trust_pages_have_no_flagged_wording(demo):
    from cerobio.editorial.review_dates import live_reviewed_pages

    for page in live_reviewed_pages():
        assert check_page(page.specific) == [], page.url_path
    for page in InfoPage.objects.live().specific():
        assert check_page(page) == [], page.url_path


def test_email_templates_make_no_medicinal_claims():
    """Product emails are templates, so they are checked here, at product strictness."""
    root = Path(settings.BASE_DIR) / "cerobio" / "templates"
    files = sorted([*root.glob("emails/*.txt"), *root.glob("emails/*.html"), *root.glob("editorial/emails/*")])
    assert files
    for path in files:
        assert check_text(path.read_text(), scope=PRODUCT) == [], path.name


def test_saving_a_guide_page_warns_about_each_phrase(demo, as_editor):
    page = GuidePage.objects.get(slug="causes")
    response = post_edit(as_editor, page, {}, body="<p>Our advice is guaranteed to work.</p>", follow=True)
    html = response.content.decode()
    assert "guide pages should not sound like advertising" in html
    assert "guaranteed" in html and "say what most people can expect" in html


# --- Shop copy: publishing needs a clinical override ------------------------------------------


@pytest.fixture
def terms(demo):
    return InfoPage.objects.get(slug="terms")


@pytest.fixture
def publisher(demo, django_user_model):
    """Someone who may publish any page but may not override the claims check."""
    group = Group.objects.create(name="Publishers (test)")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=group, page=HomePage.objects.get(), permission_type=codename.split("_")[0])
    group.permissions.add(*Group.objects.get(name="Editors").permissions.all())
    user = make_user(django_user_model, "pat", "Publishers (test)")
    from django.test import Client

    return verified_login(Client(), user)


BAD = "<p>Our cream removes milia permanently.</p>"


def test_flagged_shop_copy_is_not_published_without_an_override(terms, publisher):
    live_body = str(terms.body)
    response = post_edit(publisher, terms, {}, action="action-publish", body=BAD, follow=True)
    html = response.content.decode()
    assert "Not published: your changes are saved as a draft" in html
    assert "“removes milia”" in html and "helps skin look smoother" in html and "“permanently”" in html
    terms.refresh_from_db()
    assert str(terms.body) == live_body  # the live page is unchanged
    assert "removes milia" in str(terms.get_latest_revision_as_object().body)  # the draft is kept
    assert not ClaimOverride.objects.exists()


def test_a_clinical_reviewer_publishes_flagged_copy_only_with_a_reason(terms, as_reviewer, reviewer_user):
    response = post_edit(as_reviewer, terms, {}, action="action-publish", body=BAD)
    override_url = f"/admin/editorial/claims/{terms.pk}/publish/"
    assert response.status_code == 302 and response["Location"] == override_url
    page = as_reviewer.get(override_url).content.decode()
    assert "removes milia" in page and "Publish with this reason" in page
    # No reason: refused with a message, nothing written, nothing published.
    response = as_reviewer.post(override_url, {"reason": "  "})
    assert response.status_code == 400
    assert "Write the reason for publishing this wording" in response.content.decode()
    assert not ClaimOverride.objects.exists()
    terms.refresh_from_db()
    assert "removes milia" not in str(terms.body)
    # With a reason: published, and the reason kept in the page history.
    reason = "Quoted from a customer complaint we are answering; not a claim we make."
    response = as_reviewer.post(override_url, {"reason": reason})
    assert response.status_code == 302
    terms.refresh_from_db()
    assert "removes milia" in str(terms.body)
    override = ClaimOverride.objects.get()
    assert (override.page_id, override.user, override.reason) == (terms.pk, reviewer_user, reason)
    assert sorted(override.phrases) == ["permanently", "removes milia"]
    entry = PageLogEntry.objects.get(page=terms, action="editorial.claims_override")
    assert entry.data["reason"] == reason
    history = as_reviewer.get(f"/admin/pages/{terms.pk}/history/").content.decode()
    assert "Claims check overridden" in history or "flagged wording allowed" in history
    assert reason in history


def test_an_override_covers_later_edits_that_add_no_new_phrase(terms, publisher, reviewer_user):
    record_override(terms, check_text(BAD), "Reviewed wording.", reviewer_user)
    response = post_edit(publisher, terms, {}, action="action-publish", body=BAD + "<p>More words.</p>")
    assert response.status_code == 302
    terms.refresh_from_db()
    assert "More words" in str(terms.body)
    response = post_edit(publisher, terms, {}, action="action-publish", body=BAD + "<p>It heals skin.</p>", follow=True)
    assert "Not published" in response.content.decode()


def test_only_clinical_reviewers_reach_the_override_screen(terms, publisher, as_editor):
    assert publisher.get(f"/admin/editorial/claims/{terms.pk}/publish/").status_code in (302, 403)
    assert as_editor.get(f"/admin/editorial/claims/{terms.pk}/publish/").status_code in (302, 403)


def test_the_override_screen_sends_clean_pages_back_to_the_editor(terms, as_reviewer):
    response = as_reviewer.get(f"/admin/editorial/claims/{terms.pk}/publish/")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{terms.pk}/edit/"
    assert as_reviewer.get("/admin/editorial/claims/999999/publish/").status_code == 404


def test_product_copy_that_removes_milia_permanently_needs_a_clinical_override(demo, shop_user, as_reviewer):
    """The issue's case on the shop's own product page: warned on save, stopped on publish,
    published by a clinical reviewer with a reason that appears in the page history."""
    from django.test import Client

    product_model = pytest.importorskip("cerobio.shop.catalogue.models").ProductPage
    product = product_model.objects.live().first()
    if product is None:
        pytest.skip("no demo product")
    client = verified_login(Client(), shop_user)
    old_summary = product.summary
    claim = {"summary": "Removes milia permanently."}
    saved = post_edit(client, product, claim, follow=True).content.decode()
    assert "makes what regulators treat as medicinal claims" in saved and "“removes milia”" in saved
    stopped = post_edit(client, product, claim, action="action-publish", follow=True).content.decode()
    assert "Not published" in stopped and "helps skin look smoother" in stopped
    product.refresh_from_db()
    assert product.summary == old_summary
    # A clinical reviewer publishes it with a reason.
    response = post_edit(as_reviewer, product, claim, action="action-publish")
    assert response["Location"] == f"/admin/editorial/claims/{product.pk}/publish/"
    reason = "Test wording for a complaint reply, checked with the evidence file for the product."
    as_reviewer.post(response["Location"], {"reason": reason})
    product.refresh_from_db()
    assert product.summary == "Removes milia permanently."
    history = as_reviewer.get(f"/admin/pages/{product.pk}/history/").content.decode()
    assert reason in history


def test_bulk_publishing_cannot_skip_the_gate(terms, publisher):
    post_edit(publisher, terms, {}, body=BAD)  # saved as a draft
    url = f"/admin/bulk/wagtailcore/page/publish/?id={terms.pk}&next=/admin/pages/"
    response = publisher.post(url, {"include_descendants": ""}, follow=True)
    assert "Nothing was published" in response.content.decode()
    terms.refresh_from_db()
    assert "removes milia" not in str(terms.body)


def test_a_workflow_approval_of_flagged_copy_is_recorded_as_the_override(terms, as_editor, as_reviewer, reviewer_user):
    from wagtail.models import WorkflowState

    post_edit(as_editor, terms, {}, action="action-submit", body=BAD)
    state = WorkflowState.objects.get(object_id=str(terms.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    url = f"/admin/pages/workflow/action/{terms.pk}/approve/{state.current_task_state.pk}/"
    as_reviewer.post(url, {"comment": "Quoting a complaint; approved."})
    terms.refresh_from_db()
    assert "removes milia" in str(terms.body)
    override = ClaimOverride.objects.get()
    assert (override.reason, override.user) == ("Quoting a complaint; approved.", reviewer_user)
    assert PageLogEntry.objects.filter(page=terms, action="editorial.claims_override").exists()
