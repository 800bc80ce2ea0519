"""The evidence rules as editors see them: constraints, validation, the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cerobio.guide.models import LookAlike, MiliaType
from cerobio.identify.models import EvidenceRule
from cerobio.twofactor.testing import verified_login


def test_a_rule_is_about_exactly_one_description(demo_db):
    milia_type = MiliaType.objects.get(slug="congenital-milia")
    look_alike = LookAlike.objects.get(slug="miliaria")
    for kwargs in ({}, {"milia_type": milia_type, "look_alike": look_alike}):
        with pytest.raises(IntegrityError), transaction.atomic():
            EvidenceRule.objects.create(question="count", value="few", weight=1, reason="x", **kwargs)


def test_weights_stay_between_minus_three_and_three(demo_db):
    milia_type = MiliaType.objects.get(slug="congenital-milia")
    with pytest.raises(IntegrityError), transaction.atomic():
        EvidenceRule.objects.create(milia_type=milia_type, question="lips", value="lips", weight=9, reason="x")


def test_the_answer_must_belong_to_the_question(demo_db):
    rule = EvidenceRule(milia_type=MiliaType.objects.first(), question="age_group", value="nose", weight=1, reason="x")
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "value" in error.value.message_dict


def test_editors_find_the_rules_in_the_admin(client, demo_db, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    verified_login(client, user)
    listing = client.get("/admin/snippets/identify/evidencerule/")
    assert listing.status_code == 200
    assert "Identifier rules" in client.get("/admin/").content.decode()
    rule = EvidenceRule.objects.get(milia_type__slug="trauma-associated-milia", question="history", value="radiotherapy")
    edit = client.get(f"/admin/snippets/identify/evidencerule/edit/{rule.pk}/")
    assert edit.status_code == 200
    assert "you said there was radiotherapy to that area" in edit.content.decode()
    assert 'name="required"' in edit.content.decode()


def test_a_needed_answer_must_weigh_for_the_description(demo_db):
    rule = EvidenceRule(
        milia_type=MiliaType.objects.first(), question="history", value="acne", weight=-2, required=True, reason=""
    )
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "weight" in error.value.message_dict
    rule.weight = 2
    rule.full_clean()  # a rule with no reason is fine: the page quotes the answer itself
