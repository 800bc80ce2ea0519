"""Review dates: the report, the dashboard panel, the weekly reminder and the note readers see."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cerobio.editorial.review_dates import review_rows, review_summary
from cerobio.editorial.tasks import send_review_reminders
from cerobio.guide.models import GuidePage, HomePage, MiliaType, MiliaTypePage, TypesIndexPage

from .conftest import REVIEW_DAY, make_user

# The app takes REVIEW_DAY as today in every test here (conftest.today), so days(n) and what the app
# counts from cannot fall on either side of midnight.
pytestmark = pytest.mark.usefixtures("today")


def days(n):
    return REVIEW_DAY + datetime.timedelta(days=n)


@pytest.fixture
def dated(demo):
    """Every page well in date, then five guide pages at chosen distances from their review date."""
    for model in (HomePage, GuidePage, TypesIndexPage, MiliaTypePage):
        model.objects.update(next_review_due=days(200), last_reviewed=days(-165))
    chosen = {"causes": -10, "treatment": -1, "what-is-milia": 0, "newborn-milia": 10, "names-for-milia": 31}
    for slug, offset in chosen.items():
        GuidePage.objects.filter(slug=slug).update(next_review_due=days(offset))
    return {slug: GuidePage.objects.get(slug=slug).title for slug in chosen}


def test_the_report_lists_exactly_the_pages_overdue_or_due_within_30_days(dated):
    rows = review_rows()
    assert [r.page.slug for r in rows] == ["causes", "treatment", "what-is-milia", "newborn-milia"]
    summary = review_summary()
    assert [r.page.slug for r in summary.overdue] == ["causes", "treatment"]
    assert [r.page.slug for r in summary.due_soon] == ["what-is-milia", "newborn-milia"]
    assert [r.status for r in rows] == ["Overdue by 10 days", "Overdue by 1 day", "Due today", "Due in 10 days"]


def test_draft_pages_are_left_out(dated):
    GuidePage.objects.filter(slug="causes").update(live=False)
    assert "causes" not in [r.page.slug for r in review_rows()]


def test_the_admin_report_shows_and_exports_the_pages(dated, as_editor):
    html = as_editor.get("/admin/reports/review-dates/").content.decode()
    for slug in ("causes", "treatment", "what-is-milia", "newborn-milia"):
        assert dated[slug] in html, slug
    assert dated["names-for-milia"] not in html
    assert "Overdue by 10 days" in html
    response = as_editor.get("/admin/reports/review-dates/?export=csv")
    csv = b"".join(response.streaming_content).decode()
    assert csv.count("\n") >= 5 and "Overdue by 10 days" in csv


def test_the_report_says_so_when_nothing_is_due(demo, as_reviewer):
    for model in (HomePage, GuidePage, TypesIndexPage, MiliaTypePage):
        model.objects.update(next_review_due=days(200))
    html = as_reviewer.get("/admin/reports/review-dates/").content.decode()
    assert "No guide page is overdue or due within 30 days" in html


def test_shop_staff_do_not_get_the_review_report(dated, as_shop):
    assert as_shop.get("/admin/reports/review-dates/").status_code in (302, 403)


def test_the_dashboard_panel_lists_overdue_and_due_pages(dated, as_reviewer):
    html = as_reviewer.get("/admin/").content.decode()
    assert "Guide pages to review" in html
    assert "Overdue (2)" in html and "Due within 30 days (2)" in html
    assert dated["causes"] in html


def test_the_weekly_task_emails_each_clinical_reviewer_once(dated, reviewer_user, django_user_model):
    from cerobio.editorial.roles import CLINICAL_REVIEWERS

    second = make_user(django_user_model, "omar", CLINICAL_REVIEWERS, first_name="Omar")
    make_user(django_user_model, "noemail", CLINICAL_REVIEWERS).__class__.objects.filter(username="noemail").update(email="")
    make_user(django_user_model, "gone", CLINICAL_REVIEWERS).__class__.objects.filter(username="gone").update(is_active=False)
    make_user(django_user_model, "notareviewer", None)
    mail.outbox.clear()
    result = send_review_reminders.enqueue()
    assert result.return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([reviewer_user.email, second.email])
    message = mail.outbox[0]
    assert message.subject == "Guide pages to review: 2 overdue, 2 due soon"
    assert dated["causes"] in message.body and "overdue by 10 days" in message.body
    assert dated["names-for-milia"] not in message.body
    assert "/admin/reports/review-dates/" in message.body
    assert message.alternatives and dated["causes"] in message.alternatives[0][0]


def test_no_reminder_when_nothing_is_due(demo, reviewer_user):
    for model in (HomePage, GuidePage, TypesIndexPage, MiliaTypePage):
        model.objects.update(next_review_due=days(200))
    mail.outbox.clear()
    assert send_review_reminders.enqueue().return_value == 0
    assert mail.outbox == []


def test_the_management_command_runs_the_weekly_task(dated, reviewer_user, capsys):
    mail.outbox.clear()
    call_command("send_review_reminders")
    assert "Sent 1 reminder email(s)." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_readers_see_the_review_note_only_on_overdue_signed_off_pages(dated, reviewer_user, client):
    profile = reviewer_user.reviewer_profile
    for model in (HomePage, GuidePage, TypesIndexPage, MiliaTypePage):
        model.objects.update(reviewer=profile)
    assert "This page is being reviewed" in client.get("/causes/").content.decode()
    assert "This page is being reviewed" in client.get("/treatment/").content.decode()
    for path in ("/what-is-milia/", "/newborn-milia/", "/names-for-milia/"):
        assert "This page is being reviewed" not in client.get(path).content.decode(), path


def test_an_unsigned_page_past_its_date_says_it_is_not_yet_reviewed(dated, client):
    """An unsigned page was never reviewed, so it is not "being reviewed" again either."""
    html = client.get("/causes/").content.decode()
    assert "This page is being reviewed" not in html and "Not yet reviewed by a clinician" in html


def test_a_knowledge_change_after_a_pages_review_is_listed(dated, reviewer_user):
    """Dated by when the change was published (the real clock), not by the review-date code's today."""
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    reviewed = timezone.localdate() - datetime.timedelta(days=5)
    MiliaTypePage.objects.filter(milia_type=milia_type).update(last_reviewed=reviewed)
    milia_type.distinguishing_cue = "A raised patch dotted with many tiny white bumps."
    revision = milia_type.save_revision(user=reviewer_user)
    # A draft waiting for sign-off is on no page yet.
    assert review_summary().knowledge_changes == []
    revision.publish(user=reviewer_user)
    changes = review_summary().knowledge_changes
    assert [(c.record.slug, [p.slug for p in c.pages]) for c in changes] == [("milia-en-plaque", ["milia-en-plaque"])]
    # Once the page is reviewed again on the day the change went live, the change is no longer listed.
    changed_on = timezone.localdate(changes[0].changed_at)
    assert reviewed < changed_on
    MiliaTypePage.objects.filter(milia_type=milia_type).update(last_reviewed=changed_on)
    assert review_summary().knowledge_changes == []


def test_editing_a_knowledge_record_names_the_pages_that_now_show_it(demo, as_reviewer):
    from wagtail.test.utils.form_data import querydict_from_html

    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    url = f"/admin/snippets/guide/miliatype/edit/{milia_type.pk}/"
    data = querydict_from_html(as_reviewer.get(url).content.decode(), form_id="w-editor-form")
    data["distinguishing_cue"] = "A red patch dotted with tiny white bumps."
    data["action-publish"] = "1"
    html = as_reviewer.post(url, data, follow=True).content.decode()
    assert "This change is now live on" in html
    assert MiliaTypePage.objects.get(milia_type=milia_type).title in html


def test_saving_a_draft_says_where_it_will_show_once_approved(demo, as_editor):
    from wagtail.test.utils.form_data import querydict_from_html

    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    url = f"/admin/snippets/guide/miliatype/edit/{milia_type.pk}/"
    data = querydict_from_html(as_editor.get(url).content.decode(), form_id="w-editor-form")
    data["distinguishing_cue"] = "A red patch dotted with tiny white bumps."
    html = as_editor.post(url, data, follow=True).content.decode()
    assert "This change is now live" not in html
    assert "Readers do not see this change yet" in html
    assert MiliaTypePage.objects.get(milia_type=milia_type).title in html


def test_a_change_just_after_london_midnight_in_summer_counts_on_the_london_day(dated, reviewer_user):
    """00:30 in London on 11 June is 23:30 UTC on 10 June: a page reviewed on 10 June is out of date."""
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    milia_type.distinguishing_cue = "A raised patch dotted with many tiny white bumps."
    milia_type.save_revision(user=reviewer_user).publish(user=reviewer_user)
    just_after_midnight = datetime.datetime(2027, 6, 10, 23, 30, tzinfo=datetime.UTC)
    MiliaType.objects.filter(pk=milia_type.pk).update(last_published_at=just_after_midnight)
    MiliaTypePage.objects.filter(milia_type=milia_type).update(last_reviewed=datetime.date(2027, 6, 10))
    changes = review_summary().knowledge_changes
    assert [c.record.slug for c in changes] == ["milia-en-plaque"]
    MiliaTypePage.objects.filter(milia_type=milia_type).update(last_reviewed=datetime.date(2027, 6, 11))
    assert review_summary().knowledge_changes == []
