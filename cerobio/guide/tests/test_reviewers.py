"""Clinical reviewer profiles: made in the admin, shown on their own page, linked from "Reviewed by",
listed on the About page, and never a stand-in on a published page (the deployment check)."""

import pytest
from django.core.checks import Tags, run_checks
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.guide.models import GuidePage, Reviewer
from cerobio.twofactor.testing import verified_login

from .test_guide_pages import jsonld, visible_text

ADD_URL = "/admin/snippets/guide/reviewer/add/"


def make_reviewer(**extra) -> Reviewer:
    fields = {
        "name": "Dr Amira Shah", "slug": "amira-shah", "profession": "General practitioner",
        "registration_body": "GMC", "registration_number": "7123456",
        "biography": "Amira is a GP in Leeds with a special interest in skin conditions in children.",
    }
    return Reviewer.objects.create(**{**fields, **extra})


def sign_off(page, reviewer):
    """What the sign-off leaves on a published page (the workflow itself: editorial/tests/test_signoff.py)."""
    page.reviewer = reviewer
    page.save_revision().publish()
    return page


@pytest.fixture
def signed_treatment(demo):
    return sign_off(GuidePage.objects.get(slug="treatment"), make_reviewer())


def test_a_signed_off_page_names_and_links_its_reviewer(signed_treatment, client):
    html = client.get("/treatment/").content.decode()
    text = visible_text(html)
    assert "Reviewed by: Dr Amira Shah" in text and "General practitioner (GMC 7123456)" in text
    assert 'href="/reviewers/amira-shah/"' in html
    assert "Not yet reviewed by a clinician" not in text
    assert f"Page last reviewed: {signed_treatment.last_reviewed:%-d %B %Y}" in text
    page = next(b for b in jsonld(html) if b["@type"] == "MedicalWebPage")
    assert page["reviewedBy"]["name"] == "Dr Amira Shah"
    assert page["reviewedBy"]["url"].endswith("/reviewers/amira-shah/")
    assert page["lastReviewed"] == signed_treatment.last_reviewed.isoformat()
    # The other pages still say so plainly.
    assert "Not yet reviewed by a clinician" in visible_text(client.get("/causes/").content.decode())


def test_the_profile_page_shows_the_registration_biography_and_pages_reviewed(signed_treatment, client):
    response = client.get("/reviewers/amira-shah/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "Dr Amira Shah" in text and "General practitioner" in text
    assert "General Medical Council (GMC)" in text and "7123456" in text
    assert "special interest in skin conditions" in text
    assert "How can I get rid of milia?" in text  # the treatment page's title
    assert 'href="/treatment/"' in response.content.decode()


def test_an_unpublished_page_is_not_listed_on_the_profile(signed_treatment, client):
    signed_treatment.unpublish()
    text = visible_text(client.get("/reviewers/amira-shah/").content.decode())
    assert "How can I get rid of milia?" not in text and "No pages yet" in text


def test_an_unknown_profile_is_not_found(demo, client):
    assert client.get("/reviewers/nobody/").status_code == 404


def test_the_about_page_lists_the_reviewers_with_links(demo, client):
    text = visible_text(client.get("/about/").content.decode())
    assert "No clinician has reviewed the guide yet" in text
    make_reviewer()
    html = client.get("/about/").content.decode()
    assert 'href="/reviewers/amira-shah/">Dr Amira Shah</a>' in html
    assert "GMC 7123456" in visible_text(html)


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin2", "a@example.org", "pw-123456-long")
    return verified_login(client, user)


def _add_form(client) -> dict:
    response = client.get(ADD_URL)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_an_administrator_adds_a_reviewer_profile_in_the_admin(demo, admin, django_user_model):
    clinician = django_user_model.objects.create_user("amira", "amira@example.org", "pw-123456-long")
    data = _add_form(admin)
    data.update({
        "name": "Dr Amira Shah", "slug": "amira-shah", "profession": "General practitioner",
        "registration_body": "GMC", "registration_number": "7123456",
        "biography": "A GP in Leeds.", "user": str(clinician.pk),
    })
    response = admin.post(ADD_URL, data)
    assert response.status_code == 302
    assert Reviewer.objects.get(slug="amira-shah").user == clinician
    assert admin.get("/admin/snippets/guide/reviewer/").content.decode().count("Dr Amira Shah") >= 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": "Demo reviewer"}, "name"),
        ({"registration_number": "placeholder"}, "registration_number"),
        ({"registration_number": ""}, "registration_number"),
        ({"registration_body": ""}, "registration_body"),
    ],
)
def test_the_admin_refuses_a_stand_in_or_incomplete_profile(demo, admin, changes, field):
    data = _add_form(admin)
    data.update({
        "name": "Dr Amira Shah", "slug": "amira-shah", "profession": "General practitioner",
        "registration_body": "GMC", "registration_number": "7123456", "biography": "A GP in Leeds.",
    })
    data.update(changes)
    response = admin.post(ADD_URL, data)
    assert response.status_code == 200  # the form again, with the error
    assert field in response.context["form"].errors
    assert not Reviewer.objects.exists()


def guide_deploy_errors() -> list:
    """What `manage.py check --deploy --database default` (run by gunicorn at start-up) says about the guide."""
    errors = run_checks(include_deployment_checks=True, databases=["default"], tags=[Tags.database])
    return [e for e in errors if e.id.startswith("cerobio.guide.") and e.is_serious()]


def test_the_deploy_check_passes_with_unsigned_pages_and_real_reviewers(signed_treatment):
    assert guide_deploy_errors() == []


def test_the_deploy_check_refuses_a_published_page_reviewed_by_a_stand_in(demo):
    # Made outside the admin (a shell, a fixture, an old import), so the form's validation never ran.
    stand_in = make_reviewer(name="Cerobio clinical team (demo reviewer)", slug="demo")
    sign_off(GuidePage.objects.get(slug="causes"), stand_in)
    errors = guide_deploy_errors()
    assert [e.id for e in errors] == ["cerobio.guide.E001"]
    assert "/causes/" in errors[0].msg and "demo reviewer" in errors[0].msg


def test_the_deploy_check_refuses_a_reviewer_without_a_registration(demo):
    sign_off(GuidePage.objects.get(slug="causes"), make_reviewer(registration_number=""))
    assert [e.id for e in guide_deploy_errors()] == ["cerobio.guide.E001"]


def test_the_check_reads_the_database_only_when_asked(demo):
    sign_off(GuidePage.objects.get(slug="causes"), make_reviewer(registration_number=""))
    errors = run_checks(include_deployment_checks=True, tags=[Tags.database])  # plain `check --deploy`
    assert not [e for e in errors if e.id.startswith("cerobio.guide.")]


def test_no_content_file_names_a_reviewer():
    """The demo content has no real reviewer: no file may claim one (a sign-off comes only from the admin)."""
    from pathlib import Path

    content = Path(__file__).resolve().parents[3] / "content"
    for path in content.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "reviewer_name" not in text and "reviewer:" not in text, path
