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


def test_a_draft_of_a_rule_changes_nothing_until_it_is_published(demo_db):
    answers = Answers.from_mapping({"history": ["acne"]})
    first = current_snapshot()
    assert identify(first, answers).best.slug == "whiteheads"
    rule = EvidenceRule.objects.get(look_alike__slug="whiteheads", question="history", value="acne")
    rule.weight, rule.required = -3, False
    revision = rule.save_revision()  # what "Save draft" or "Submit to Clinical sign-off" does
    assert current_snapshot() is first  # not even rebuilt
    assert identify(current_snapshot(), answers).best.slug == "whiteheads"
    revision.publish()  # what a clinical reviewer's approval does
    assert "whiteheads" not in [m.slug for m in identify(current_snapshot(), answers).matches]


def test_unpublished_rules_and_look_alikes_are_left_out(demo_db):
    from cerobio.guide.models import LookAlike, MiliaType
    from cerobio.identify.answers import BY_KEY

    congenital = MiliaType.objects.get(slug="congenital-milia")
    taken = set(EvidenceRule.objects.filter(milia_type=congenital, question="sites").values_list("value", flat=True))
    site = next(v for v in BY_KEY["sites"].values if v not in taken)
    EvidenceRule.objects.create(
        milia_type=congenital, question="sites", value=site, weight=3, reason="a draft", live=False
    )
    look_alike = LookAlike.objects.create(
        slug="quizzle-papules", name="Quizzle papules", what_it_is="-", looks_like="-", where="-", who="-",
        separating_cue="-", live=False,
    )
    EvidenceRule.objects.create(look_alike=look_alike, question="history", value="acne", weight=3, reason="r")
    snapshot = current_snapshot()
    assert ("sites", site) not in snapshot.candidate("congenital-milia").rules
    assert snapshot.candidate("quizzle-papules") is None
    look_alike.save_revision().publish()
    assert current_snapshot().candidate("quizzle-papules").rules[("history", "acne")].weight == 3
