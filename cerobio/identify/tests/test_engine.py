"""The scoring engine: any combination of answers is safe, the ranking is sound, no database."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cerobio.identify.answers import QUESTIONS, Answers
from cerobio.identify.red_flags import CARE_LEVELS, CODES
from cerobio.identify.scoring import MAX_MATCHES, identify
from cerobio.identify.snapshot import Candidate, Rule, Snapshot


def answers_strategy():
    """Every possible answer set, including unknown junk the engine must ignore."""
    fields = {}
    for q in QUESTIONS:
        values = st.sampled_from((*q.values, "", "junk"))
        fields[q.key] = st.lists(values, max_size=len(q.values) + 2) if q.multiple else st.none() | values
    return st.fixed_dictionaries({}, optional=fields)


@settings(max_examples=400, deadline=None)
@given(data=answers_strategy())
def test_any_answers_give_a_sound_result(data, rules):
    result = identify(rules, Answers.from_mapping(data))
    assert len(result.matches) <= MAX_MATCHES
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    for match in result.matches:
        assert match.fit in ("strong", "possible", "weak")
        assert match.kind in ("primary", "secondary", "look-alike")
        assert match.url.startswith(("/types/", "/look-alikes/#"))
        assert match.reasons and all(isinstance(r, str) and r for r in match.reasons)
    assert all(f.code in CODES and f.care in CARE_LEVELS for f in result.red_flags)
    assert result.advice and result.not_a_diagnosis.startswith("This is not a diagnosis")
    if result.red_flags:
        assert not result.product_suggested


def test_no_answers_no_matches_no_flags(rules):
    result = identify(rules, Answers())
    assert result.matches == () and result.red_flags == ()
    assert "did not answer" in result.advice


def test_an_empty_snapshot_never_crashes():
    result = identify(Snapshot(()), Answers.from_mapping({"age_group": "adult", "sites": ["nose"]}))
    assert result.matches == ()


def test_scores_cannot_pile_up_by_choosing_every_place(rules):
    one = identify(rules, Answers.from_mapping({"sites": ["nose"]}))
    every = identify(rules, Answers.from_mapping({"sites": [c.value for c in QUESTIONS[1].choices]}))
    assert max(m.score for m in every.matches) <= 3
    assert one.best.score <= 3


def test_a_central_dimple_points_away_from_milia(rules):
    plain = identify(rules, Answers.from_mapping({"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome"]}))
    dimpled = identify(
        rules, Answers.from_mapping({"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome", "central_dip"]})
    )
    benign = next(m for m in plain.matches if m.slug == "benign-primary-milia")
    benign_dimpled = next(m for m in dimpled.matches if m.slug == "benign-primary-milia")
    assert benign_dimpled.score < benign.score
    assert any("dimple" in r and r.startswith("but ") for r in benign_dimpled.reasons)


def test_reasons_are_plain_words_from_the_rules(rules):
    result = identify(rules, Answers.from_mapping({"history": ["burn_or_injury"], "look": ["white_dome"]}))
    assert result.best.slug == "trauma-associated-milia"
    assert "you said they appeared after a burn or injury at that spot" in result.best.reasons


def test_fit_labels_follow_the_score():
    rule = Rule(3, "you said so")
    snapshot = Snapshot((
        Candidate("a", "A", "primary", "/types/a/", 0, {("age_group", "adult"): rule, ("onset", "gradual"): rule,
                                                      ("count", "few"): rule}),
        Candidate("b", "B", "look-alike", "/look-alikes/#b", 1, {("count", "few"): Rule(2, "x")}),
    ))
    result = identify(snapshot, Answers.from_mapping({"age_group": "adult", "onset": "gradual", "count": "few"}))
    assert [(m.slug, m.score, m.fit) for m in result.matches] == [("a", 9, "strong"), ("b", 2, "weak")]
    result = identify(snapshot, Answers.from_mapping({"age_group": "adult", "onset": "gradual"}))
    assert result.best.fit == "possible"


def test_scoring_does_not_touch_the_database(rules, db, django_assert_num_queries):
    answers = Answers.from_mapping({"age_group": "newborn", "sites": ["nose"], "onset": "at_birth"})
    with django_assert_num_queries(0):
        identify(rules, answers)
