"""The evidence rules as editors see them: constraints, validation, the admin, the demo loader."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cerobio.guide.models import LookAlike, MiliaType
from cerobio.identify.demo import LOOK_ALIKE_RULES, TYPE_RULES, load_rules
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


def test_every_demo_rule_is_valid(demo_db):
    for rule in EvidenceRule.objects.all():
        rule.full_clean()
    assert EvidenceRule.objects.filter(milia_type__isnull=False).values("milia_type").distinct().count() == len(TYPE_RULES)
    assert EvidenceRule.objects.filter(look_alike__isnull=False).values("look_alike").distinct().count() == len(
        LOOK_ALIKE_RULES
    )


def test_loading_again_adds_nothing_and_keeps_editor_changes(demo_db):
    rule = EvidenceRule.objects.get(milia_type__slug="congenital-milia", question="sites", value="nose")
    rule.weight, rule.reason = 1, "edited by the clinical team"
    rule.save()
    EvidenceRule.objects.filter(look_alike__slug="xanthelasma", question="count").delete()
    count = EvidenceRule.objects.count()
    assert load_rules() == {}
    assert EvidenceRule.objects.count() == count
    rule.refresh_from_db()
    assert (rule.weight, rule.reason) == (1, "edited by the clinical team")


def test_editors_find_the_rules_in_the_admin(client, demo_db, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    verified_login(client, user)
    listing = client.get("/admin/snippets/identify/evidencerule/")
    assert listing.status_code == 200
    assert "Identifier rules" in client.get("/admin/").content.decode()
    rule = EvidenceRule.objects.get(milia_type__slug="trauma-associated-milia", question="history", value="burn_or_injury")
    edit = client.get(f"/admin/snippets/identify/evidencerule/edit/{rule.pk}/")
    assert edit.status_code == 200
    assert "you said they appeared after a burn or injury at that spot" in edit.content.decode()
