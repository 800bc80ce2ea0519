"""Clinicians change the knowledge base in the Wagtail admin; pages and revisions follow once published.

Saving keeps a draft (readers see nothing); publishing (a clinical reviewer or an administrator)
puts the change on the pages. Editors' drafts and "Clinical sign-off" are tested in
cerobio/editorial/tests/test_knowledge_sign_off.py.
"""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.guide.models import MiliaType, Reference
from cerobio.twofactor.testing import verified_login


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("clinician", "c@example.org", "pw-123456-long")
    return verified_login(client, user)


def edit_snippet(client, obj, changes: dict, action: str | None = "action-publish"):
    url = f"/admin/snippets/guide/{obj._meta.model_name}/edit/{obj.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    for key, value in changes.items():
        data[key] = value
    if action:
        data[action] = "1"
    return client.post(url, data, follow=True)


def test_editing_a_milia_type_keeps_a_revision_and_updates_its_page(demo, editor):
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    response = edit_snippet(editor, milia_type, {"distinguishing_cue": "A red patch dotted with tiny white bumps."})
    assert response.status_code == 200
    milia_type.refresh_from_db()
    assert milia_type.distinguishing_cue == "A red patch dotted with tiny white bumps."
    assert milia_type.revisions.count() >= 2  # the demo revision and the editor's
    assert milia_type.live_revision == milia_type.latest_revision
    assert "A red patch dotted with tiny white bumps." in editor.get("/types/milia-en-plaque/").content.decode()


def test_saving_without_publishing_keeps_a_draft_that_readers_do_not_see(demo, editor):
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    edit_snippet(editor, milia_type, {"distinguishing_cue": "A draft nobody has approved."}, action=None)
    milia_type.refresh_from_db()
    assert milia_type.distinguishing_cue != "A draft nobody has approved."
    assert milia_type.has_unpublished_changes
    assert milia_type.get_latest_revision_as_object().distinguishing_cue == "A draft nobody has approved."
    assert "A draft nobody has approved." not in editor.get("/types/milia-en-plaque/").content.decode()


def test_a_milia_type_without_a_summary_is_refused_with_a_message(demo, editor):
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    html = edit_snippet(editor, milia_type, {"summary": ""}).content.decode()
    assert "This field is required" in html
    milia_type.refresh_from_db()
    assert milia_type.summary


def test_editing_a_reference_changes_every_page_that_cites_it(demo, editor):
    from cerobio.guide.models import PageReference

    ref = Reference.objects.get(key="berk-bayliss-2008")
    edit_snippet(editor, ref, {"title": "Berk and Bayliss, Milia: a review and classification"})
    ref.refresh_from_db()
    assert ref.title == "Berk and Bayliss, Milia: a review and classification"
    citing = PageReference.objects.filter(reference=ref).select_related("page")
    assert citing.count() >= 2
    for cite in citing:
        assert ref.title in editor.get(cite.page.url).content.decode(), cite.page.url


def test_knowledge_base_listings_open_in_the_admin(demo, editor):
    for model in ("miliatype", "lookalike", "reference", "synonym", "classificationcode", "bodysite", "trigger"):
        assert editor.get(f"/admin/snippets/guide/{model}/").status_code == 200, model
