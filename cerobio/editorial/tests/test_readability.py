"""The editor shows each guide page's reading ease and grade against the house target."""

import re

from cerobio.editorial import readability
from cerobio.guide.models import GuidePage, MiliaTypePage

from .conftest import post_edit


def test_the_guide_page_editor_shows_reading_ease_and_grade(demo, as_editor):
    page = GuidePage.objects.get(slug="newborn-milia")
    html = as_editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Plain English and claims check" in html
    ease = re.search(r"Reading ease (-?\d+(?:\.\d)?)", html)
    grade = re.search(r"Grade (-?\d+(?:\.\d)?)", html)
    assert ease and grade, html[:200]
    report = readability.report(page)
    assert float(ease.group(1)) == report.scores.reading_ease
    assert float(grade.group(1)) == report.scores.grade
    assert "target 6 or lower, a reading age of about 11" in html


def test_the_type_page_editor_scores_the_type_record_too(demo, as_editor):
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    html = as_editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert re.search(r"Reading ease -?\d+", html)
    assert page.milia_type.appearance_text.split(".")[0] in readability.authored_text(page)


def test_scores_follow_the_saved_draft(demo, as_editor):
    page = GuidePage.objects.get(slug="causes")
    hard = (
        "<p>Notwithstanding considerable interindividual heterogeneity, epidermal keratinous "
        "microcysts characteristically demonstrate spontaneous involution, particularly following "
        "traumatic, inflammatory or iatrogenic cutaneous perturbations affecting pilosebaceous units.</p>"
    )
    post_edit(as_editor, page, {}, body=hard)
    html = as_editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Too hard for most readers" in html
    assert "Longest sentences" in html


def test_a_new_page_asks_for_a_save_first(demo, as_editor):
    from cerobio.guide.models import HomePage

    home = HomePage.objects.get()
    html = as_editor.get(f"/admin/pages/add/guide/guidepage/{home.pk}/").content.decode()
    assert "Save a draft to see how easy this page is to read" in html


def test_demo_pages_meet_the_target_or_say_why(demo):
    """The typical demo page meets the target; every page above it carries a plain-English note."""
    from statistics import median

    from cerobio.editorial.models import PlainEnglishNote
    from cerobio.editorial.review_dates import live_reviewed_pages

    grades = {p: readability.report(p.specific).scores.grade for p in live_reviewed_pages()}
    assert median(grades.values()) <= readability.TARGET_GRADE
    noted = set(PlainEnglishNote.objects.values_list("page_id", flat=True))
    unexplained = [p.url_path for p, grade in grades.items() if grade > readability.TARGET_GRADE and p.pk not in noted]
    assert unexplained == []


def test_the_editor_shows_why_a_page_is_above_the_target(demo, as_editor):
    page = GuidePage.objects.get(slug="causes")
    html = as_editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Why this page is above the target:" in html
    assert "no everyday version" in html
