"""Clinical sign-off: roles, the workflow, and the approver's name and date on the page."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import GroupPagePermission, PageLogEntry, Workflow, WorkflowState

from cerobio.editorial.roles import CLINICAL_REVIEWERS, EDITORS, SHOP_STAFF, WORKFLOW_NAME
from cerobio.editorial.signoff import add_months, next_review_date
from cerobio.guide.models import GuidePage, HomePage

from .conftest import edit_form, login, make_user, post_edit


@pytest.fixture
def causes(demo):
    return GuidePage.objects.get(slug="causes")


def test_the_three_roles_exist_with_their_page_permissions(demo):
    home = HomePage.objects.get()
    perms = {
        name: set(GroupPagePermission.objects.filter(group__name=name, page=home).values_list("permission__codename", flat=True))
        for name in (EDITORS, CLINICAL_REVIEWERS, SHOP_STAFF)
    }
    assert perms[EDITORS] == {"add_page", "change_page", "lock_page"}
    assert "publish_page" in perms[CLINICAL_REVIEWERS]
    assert perms[SHOP_STAFF] == set()  # nothing on the guide
    shop_perms = GroupPagePermission.objects.filter(group__name=SHOP_STAFF).exclude(page=home)
    assert {p.page.specific_class.__name__ for p in shop_perms} == {"ShopIndexPage"}
    assert "publish_page" in set(shop_perms.values_list("permission__codename", flat=True))
    # Wagtail's starter group that could publish anything is gone.
    assert not Group.objects.filter(name="Moderators").exists()


def test_only_clinical_reviewers_may_publish_clinical_knowledge(demo):
    editors = Group.objects.get(name=EDITORS)
    reviewers = Group.objects.get(name=CLINICAL_REVIEWERS)
    editor_codes = set(editors.permissions.values_list("codename", flat=True))
    # Editors draft changes and submit them to "Clinical sign-off" (test_knowledge_sign_off.py).
    assert {"view_miliatype", "change_miliatype"} <= editor_codes
    assert "publish_miliatype" not in editor_codes and "delete_miliatype" not in editor_codes
    assert {"publish_miliatype", "publish_lookalike", "publish_reference", "override_claims"} <= set(
        reviewers.permissions.values_list("codename", flat=True)
    )


def test_the_guide_is_under_clinical_sign_off(causes):
    workflow = causes.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [CLINICAL_REVIEWERS]
    assert Workflow.objects.get(name=WORKFLOW_NAME).active


def test_an_editor_cannot_publish_a_guide_page(causes, as_editor):
    live_title = causes.title
    response = post_edit(as_editor, causes, {"title": "Causes, rewritten"}, action="action-publish")
    assert response.status_code == 302
    causes.refresh_from_db()
    assert causes.title == live_title  # the live page is unchanged
    assert causes.has_unpublished_changes
    assert causes.get_latest_revision_as_object().title == "Causes, rewritten"  # kept as a draft
    html = as_editor.get(f"/admin/pages/{causes.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


def _submit_and_approve(causes, as_editor, as_reviewer, changes=None):
    response = post_edit(as_editor, causes, changes or {"title": "Causes of milia"}, action="action-submit")
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(causes.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    causes.refresh_from_db()
    assert causes.title != "Causes of milia"  # not live until a clinical reviewer approves
    url = f"/admin/pages/workflow/action/{causes.pk}/approve/{task_state.pk}/"
    response = as_reviewer.post(url, {"comment": "Checked against the sources."})
    assert response.status_code in (200, 302), response.content[:500]
    causes.refresh_from_db()
    return state


def test_a_clinical_reviewers_approval_publishes_and_signs_the_page(causes, as_editor, as_reviewer, reviewer_user, today):
    state = _submit_and_approve(causes, as_editor, as_reviewer)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert causes.live and causes.title == "Causes of milia"
    assert causes.reviewer.name == "Dr Rita Reviewer"
    assert causes.last_reviewed == today
    assert causes.next_review_due == add_months(today, 12)
    html = Client().get("/causes/").content.decode()
    assert "Causes of milia" in html and "Not yet reviewed by a clinician" not in html
    assert 'Reviewed by:</dt> <dd><a href="/reviewers/rita/">Dr Rita Reviewer</a>' in html
    assert "GMC 7654321" in html
    entry = PageLogEntry.objects.get(page=causes, action="editorial.sign_off")
    assert entry.user == reviewer_user
    history = as_reviewer.get(f"/admin/pages/{causes.pk}/history/").content.decode()
    assert "Signed off by Dr Rita Reviewer" in history


def test_an_earlier_review_date_asked_for_by_the_editor_is_kept(causes, as_editor, as_reviewer, today):
    soon = today + datetime.timedelta(days=90)
    _submit_and_approve(causes, as_editor, as_reviewer, {"next_review_due": soon.isoformat()})
    assert causes.next_review_due == soon
    assert causes.last_reviewed == today


def test_editors_cannot_choose_a_reviewer_or_review_date(causes, as_editor, reviewer_user):
    data = edit_form(as_editor, causes)
    assert "reviewer" not in data and "last_reviewed" not in data
    assert "next_review_due" in data
    profile = reviewer_user.reviewer_profile
    post_edit(as_editor, causes, {"reviewer": str(profile.pk), "last_reviewed": "2030-01-01"}, action="action-submit")
    assert causes.get_latest_revision_as_object().reviewer is None


def test_a_clinical_reviewer_publishing_directly_signs_the_page(causes, as_reviewer, today):
    response = post_edit(as_reviewer, causes, {"title": "Causes (checked)"}, action="action-publish")
    assert response.status_code == 302
    causes.refresh_from_db()
    assert causes.title == "Causes (checked)"
    assert (causes.reviewer.name, causes.last_reviewed) == ("Dr Rita Reviewer", today)
    assert PageLogEntry.objects.filter(page=causes, action="editorial.sign_off").exists()


@pytest.fixture
def as_reviewer_without_profile(demo, django_user_model):
    user = make_user(django_user_model, "noprofile", CLINICAL_REVIEWERS, first_name="Dr No", last_name="Profile")
    return login(Client, user)


def test_an_approval_without_a_reviewer_profile_publishes_the_page_unsigned(
    causes, as_editor, as_reviewer_without_profile
):
    _submit_and_approve(causes, as_editor, as_reviewer_without_profile)
    assert causes.live and causes.title == "Causes of milia"
    assert causes.reviewer is None
    html = Client().get("/causes/").content.decode()
    assert "Not yet reviewed by a clinician" in html and "Dr No Profile" not in html
    assert '"reviewedBy"' not in html
    assert not PageLogEntry.objects.filter(page=causes, action="editorial.sign_off").exists()


def test_a_later_approval_without_a_profile_withdraws_the_earlier_sign_off(
    causes, as_reviewer, as_reviewer_without_profile
):
    """A sign-off covers the text the clinician read: new text approved by someone else is unsigned."""
    post_edit(as_reviewer, causes, {"title": "Causes (checked)"}, action="action-publish")
    causes.refresh_from_db()
    assert causes.reviewer is not None
    post_edit(as_reviewer_without_profile, causes, {"title": "Causes (changed)"}, action="action-publish")
    causes.refresh_from_db()
    assert causes.title == "Causes (changed)" and causes.reviewer is None
    assert "Not yet reviewed by a clinician" in Client().get("/causes/").content.decode()


def test_shop_staff_cannot_edit_or_publish_guide_pages(causes, as_shop):
    assert as_shop.get(f"/admin/pages/{causes.pk}/edit/").status_code in (302, 403)
    response = as_shop.post(f"/admin/pages/{causes.pk}/edit/", {"title": "Buy now", "action-publish": "1"})
    assert response.status_code in (302, 403)
    causes.refresh_from_db()
    assert causes.title != "Buy now" and not causes.has_unpublished_changes


def test_shop_staff_may_publish_in_the_shop_only(demo, shop_user):
    from cerobio.shop.catalogue.models import ShopIndexPage

    shop = ShopIndexPage.objects.get()
    assert shop.permissions_for_user(shop_user).can_publish()
    assert not HomePage.objects.get().permissions_for_user(shop_user).can_publish()
    assert not GuidePage.objects.get(slug="causes").permissions_for_user(shop_user).can_edit()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 27), 12, datetime.date(2027, 11, 27)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_uses_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_next_review_is_12_months_unless_an_earlier_future_date_was_asked_for():
    today = datetime.date(2026, 11, 27)
    assert next_review_date(today) == datetime.date(2027, 11, 27)
    assert next_review_date(today, datetime.date(2027, 3, 1)) == datetime.date(2027, 3, 1)
    assert next_review_date(today, datetime.date(2026, 1, 1)) == datetime.date(2027, 11, 27)  # in the past
    assert next_review_date(today, datetime.date(2029, 1, 1)) == datetime.date(2027, 11, 27)  # too far


def test_setting_up_again_changes_nothing_an_administrator_did(demo):
    from cerobio.editorial.roles import attach_to_pages

    home = HomePage.objects.get()
    GroupPagePermission.objects.filter(group__name=EDITORS, page=home, permission__codename="lock_page").delete()
    assert attach_to_pages() == []
    assert not GroupPagePermission.objects.filter(group__name=EDITORS, page=home, permission__codename="lock_page").exists()


def test_only_clinical_sign_off_is_active(demo):
    """Wagtail's starter workflow lost its approvers with the Moderators group, so it is switched off."""
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [WORKFLOW_NAME]
