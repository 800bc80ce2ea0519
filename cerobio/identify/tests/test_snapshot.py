"""The rules snapshot: built once, reused without queries, rebuilt when an editor changes a rule."""

from cerobio.identify.answers import Answers
from cerobio.identify.models import EvidenceRule
from cerobio.identify.scoring import identify
from cerobio.identify.snapshot import current_snapshot


def test_the_snapshot_is_reused_without_queries(demo_db, django_assert_num_queries):
    first = current_snapshot()
    with django_assert_num_queries(0):
        assert current_snapshot() is first


def test_an_editor_changing_a_rule_changes_the_next_result(demo_db):
    answers = Answers.from_mapping({"history": ["acne"]})
    assert identify(current_snapshot(), answers).best.slug == "whiteheads"
    rule = EvidenceRule.objects.get(look_alike__slug="whiteheads", question="history", value="acne")
    rule.weight = -3
    rule.save()
    result = identify(current_snapshot(), answers)
    assert "whiteheads" not in [m.slug for m in result.matches]


def test_renaming_a_type_shows_in_the_next_result(demo_db):
    from cerobio.guide.models import MiliaType

    current_snapshot()
    milia_type = MiliaType.objects.get(slug="trauma-associated-milia")
    milia_type.name = "Milia after skin damage"
    milia_type.save()
    result = identify(current_snapshot(), Answers.from_mapping({"history": ["burn_or_injury"]}))
    assert result.best.name == "Milia after skin damage"


def test_an_invalid_rule_in_the_database_is_ignored(demo_db):
    from cerobio.guide.models import MiliaType

    EvidenceRule.objects.create(
        milia_type=MiliaType.objects.get(slug="congenital-milia"), question="sites", value="newborn", weight=3,
        reason="wrong question",
    )
    snapshot = current_snapshot()
    assert ("sites", "newborn") not in snapshot.candidate("congenital-milia").rules
