"""Knowledge records reach readers only after "Clinical sign-off": editors draft, reviewers publish."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.editorial.roles import CLINICAL_REVIEWERS, EDITORS, SIGNED_OFF_MODELS, WORKFLOW_NAME
from cerobio.guide.models import GuidePage, LookAlike, MiliaType, Synonym
from cerobio.identify.snapshot import current_snapshot

NEW_CUE = "A raised red patch with many tiny white bumps on top of it."


def snippet_url(model, view: str, pk=None) -> str:
    meta = model._meta
    return f"/admin/snippets/{meta.app_label}/{meta.model_name}/{view}/" + (f"{pk}/" if pk else "")


def snippet_form(client, url: str):
    """The snippet editor's form data as the browser would send it."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def post_snippet(client, url: str, changes: dict, action: str | None = None):
    data = snippet_form(client, url)
    for key, value in changes.items():
        data[key] = value
    if action:
        data[action] = "1"
    return client.post(url, data)


def approve(client, record, comment="Checked against the sources."):
    task_state = record.current_workflow_task_state
    url = snippet_url(type(record), "workflow/action", record.pk) + f"approve/{task_state.pk}/"
    return client.post(url, {"comment": comment})


@pytest.fixture
def plaque(demo):
    return MiliaType.objects.get(slug="milia-en-plaque")


def test_editors_draft_and_submit_knowledge_but_only_clinical_reviewers_publish(demo):
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    reviewers = set(Group.objects.get(name=CLINICAL_REVIEWERS).permissions.values_list("codename", flat=True))
    for label in SIGNED_OFF_MODELS:
        name = label.split(".")[1]
        assert {f"add_{name}", f"change_{name}"} <= editors, name
        assert f"publish_{name}" not in editors and f"delete_{name}" not in editors, name
        assert {f"publish_{name}", f"change_{name}", f"delete_{name}"} <= reviewers, name
        assert apps.get_model(label).get_default_workflow().name == WORKFLOW_NAME, name
    # Body sites stay outside the workflow: editors only look at them.
    assert "change_bodysite" not in editors and "change_bodysite" in reviewers


def test_an_editors_change_waits_for_a_clinical_reviewers_approval(plaque, as_editor, as_reviewer, reviewer_user):
    edit_url = snippet_url(MiliaType, "edit", plaque.pk)
    html = as_editor.get(edit_url).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html  # no Publish button for editors

    response = post_snippet(as_editor, edit_url, {"distinguishing_cue": NEW_CUE}, action="action-submit")
    assert response.status_code == 302
    plaque.refresh_from_db()
    assert plaque.distinguishing_cue != NEW_CUE and plaque.has_unpublished_changes
    assert plaque.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert NEW_CUE not in as_editor.get("/types/milia-en-plaque/").content.decode()

    response = approve(as_reviewer, plaque)
    assert response.status_code == 302
    plaque.refresh_from_db()
    assert plaque.distinguishing_cue == NEW_CUE and not plaque.has_unpublished_changes
    state = WorkflowState.objects.for_instance(plaque).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state is None or state.current_task_state.status == "approved"
    # Who approved it stays in the record's history.
    assert ModelLogEntry.objects.filter(
        object_id=str(plaque.pk), action="wagtail.workflow.approve", user=reviewer_user
    ).exists()
    assert NEW_CUE in as_editor.get("/types/milia-en-plaque/").content.decode()


def test_an_editor_cannot_publish_a_knowledge_record(plaque, as_editor):
    edit_url = snippet_url(MiliaType, "edit", plaque.pk)
    post_snippet(as_editor, edit_url, {"distinguishing_cue": NEW_CUE}, action="action-publish")
    plaque.refresh_from_db()
    assert plaque.distinguishing_cue != NEW_CUE  # kept as a draft, not published
    assert plaque.get_latest_revision_as_object().distinguishing_cue == NEW_CUE
    assert NEW_CUE not in as_editor.get("/types/milia-en-plaque/").content.decode()

    post_snippet(as_editor, edit_url, {}, action="action-submit")
    plaque.refresh_from_db()
    # Not in the approving group: Wagtail refuses (permission denied sends the user to the dashboard).
    refused = approve(as_editor, plaque)
    assert (refused.status_code, refused.get("Location")) in ((403, None), (302, "/admin/"))
    unpublish = as_editor.post(snippet_url(MiliaType, "unpublish", plaque.pk))
    assert (unpublish.status_code, unpublish.get("Location")) in ((403, None), (302, "/admin/"))
    plaque.refresh_from_db()
    assert plaque.live and plaque.distinguishing_cue != NEW_CUE
    assert plaque.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # While it waits for review, editors cannot change what the reviewer is checking.
    response = post_snippet(as_editor, edit_url, {"distinguishing_cue": "Slipped in after submitting."})
    assert "locked" in response.content.decode()
    assert plaque.get_latest_revision_as_object().distinguishing_cue == NEW_CUE


def test_a_new_look_alike_is_nowhere_until_it_is_published(demo, as_editor, as_reviewer, client):
    add_url = snippet_url(LookAlike, "add")
    fields = {
        "name": "Quizzle papules",
        "slug": "quizzle-papules",
        "what_it_is": "A made-up look-alike.",
        "looks_like": "Small white bumps.",
        "where": "The face.",
        "who": "Anyone.",
        "separating_cue": "They itch.",
    }
    response = post_snippet(as_editor, add_url, fields)
    assert response.status_code == 302, response.content[:300]
    record = LookAlike.objects.get(slug="quizzle-papules")
    assert not record.live

    def shown() -> dict:
        return {
            "look-alikes page": "Quizzle papules" in client.get("/look-alikes/").content.decode(),
            "identifier": current_snapshot().candidate("quizzle-papules") is not None,
        }

    assert not any(shown().values())
    post_snippet(as_reviewer, snippet_url(LookAlike, "edit", record.pk), {}, action="action-publish")
    record.refresh_from_db()
    assert record.live
    assert all(shown().values())


def test_a_new_name_is_not_searched_or_listed_until_it_is_published(demo, as_editor, as_reviewer, client):
    newborn = GuidePage.objects.get(slug="newborn-milia")
    fields = {"term": "quizzlemarks", "kind": "lay", "meaning": "A made-up name for milk spots.",
              "target": str(newborn.pk)}
    response = post_snippet(as_editor, snippet_url(Synonym, "add"), fields)
    assert response.status_code == 302, response.content[:300]
    synonym = Synonym.objects.get(term="quizzlemarks")
    assert not synonym.live

    def found():
        results = client.get("/search/", {"q": "quizzlemarks"}).context["results"]
        return [p.url for p in results]

    assert "/newborn-milia/" not in found()
    assert "quizzlemarks" not in client.get("/names-for-milia/").content.decode()

    post_snippet(as_reviewer, snippet_url(Synonym, "edit", synonym.pk), {}, action="action-publish")
    assert found()[0] == "/newborn-milia/"
    assert "quizzlemarks" in client.get("/names-for-milia/").content.decode()


def test_an_unpublished_milia_type_has_no_public_page(plaque, client):
    MiliaType.objects.filter(pk=plaque.pk).update(live=False)
    assert client.get("/types/milia-en-plaque/").status_code == 404
    assert "/types/milia-en-plaque/" not in client.get("/types/").content.decode()
    assert "/types/milia-en-plaque/" not in client.get("/sitemap.xml").content.decode()


def test_a_draft_name_needs_a_term_of_its_own(demo, as_editor):
    taken = Synonym.objects.first().term
    for term, message in (("", "This field is required"), (taken, "already exists")):
        response = post_snippet(as_editor, snippet_url(Synonym, "add"), {"term": term, "kind": "lay"})
        assert response.status_code == 200, term  # the form again, with the reason
        assert message in response.content.decode(), term
    assert not Synonym.objects.filter(term="").exists()


def test_a_page_lists_a_new_source_only_once_it_is_published(demo, client):
    from cerobio.guide.models import PageReference, Reference

    source = Reference.objects.create(key="quizzle-2030", title="Quizzle and others, 2030", live=False)
    PageReference.objects.create(page=GuidePage.objects.get(slug="causes"), reference=source, sort_order=99)
    assert "Quizzle and others" not in client.get("/causes/").content.decode()
    source.save_revision().publish()
    assert "Quizzle and others" in client.get("/causes/").content.decode()
