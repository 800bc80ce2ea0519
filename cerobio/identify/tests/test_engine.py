"""The scoring engine: any combination of answers is safe, the ranking is sound, no database."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cerobio.identify.answers import QUESTIONS, Answers
from cerobio.identify.red_flags import CARE_LEVELS, CODES
from cerobio.identify.scoring import MAX_LESS_LIKELY, MAX_MATCHES, identify, requirement_met
from cerobio.identify.snapshot import Candidate, Rule, Snapshot


def answers_strategy():
    """Every possible answer set, including unknown junk the engine must ignore."""
    fields = {}
    for q in QUESTIONS:
        values = st.sampled_from((*q.values, "", "junk"))
        fields[q.key] = st.lists(values, max_size=len(q.values) + 2) if q.multiple else st.none() | values
    return st.fixed_dictionaries({}, optional=fields)


@settings(max_examples=250, deadline=None)
@given(data=answers_strategy())
def test_any_answers_give_a_sound_result(data, rules):
    answers = Answers.from_mapping(data)
    result = identify(rules, answers)
    assert len(result.matches) <= MAX_MATCHES and len(result.less_likely) <= MAX_LESS_LIKELY
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    for match in (*result.matches, *result.less_likely):
        assert match.kind in ("primary", "secondary", "look-alike")
        assert match.url.startswith(("/types/", "/look-alikes/#"))
        assert match.reasons and all(isinstance(r, str) and r for r in match.reasons)
    assert all(m.fit in ("strong", "possible") for m in result.matches)
    assert all(m.fit == "weak" for m in result.less_likely)
    assert not {m.slug for m in result.matches} & {m.slug for m in result.less_likely}
    assert all(f.code in CODES and f.care in CARE_LEVELS and f.title and f.message for f in result.red_flags)
    assert result.advice
    if result.red_flags:
        assert not result.product_suggested


@settings(max_examples=250, deadline=None)
@given(data=answers_strategy())
def test_a_description_never_fits_without_its_needed_answer_nor_where_it_is_never_found(data, rules):
    answers = Answers.from_mapping(data)
    result = identify(rules, answers)
    by_slug = {c.slug: c for c in rules.candidates}
    for match in result.matches:  # "might fit" or better
        assert requirement_met(by_slug[match.slug], answers), f"{match.slug} fits without its needed answer"
    for match in (*result.matches, *result.less_likely):
        never = by_slug[match.slug].never_sites
        assert not (answers.sites and answers.sites <= never), f"{match.slug} shown on {sorted(answers.sites)}"


@settings(max_examples=150, deadline=None)
@given(data=answers_strategy())
def test_every_result_carries_the_safety_net_and_says_it_is_not_a_diagnosis(data, rules):
    answers = Answers.from_mapping(data)
    result = identify(rules, answers)
    keys = [c.key for c in result.safety_net]
    assert {"safety-net-changes", "safety-net-route"} <= set(keys)
    if answers.age_group == "newborn":
        assert {"safety-net-newborn-urgent", "safety-net-newborn-gp"} <= set(keys)
    route = next(c for c in result.safety_net if c.key == "safety-net-route")
    assert "999" in route.text and "NHS 111" in route.text and "GP" in route.text
    assert result.not_a_diagnosis.startswith("This is not a diagnosis")


def test_the_safety_net_is_the_guides_wording(rules):
    """The identifier shows the care advice the knowledge base holds, word for word."""
    result = identify(rules, Answers.from_mapping({"age_group": "newborn"}))
    for card in result.safety_net:
        assert card.html == rules.care[card.key].html and card.heading == rules.care[card.key].heading
    newborn = " ".join(f"{c.heading} {c.text}" for c in result.safety_net)
    for words in ("unwell", "fever", "feeding", "blisters", "3 to 4 months", "health visitor", "999", "NHS 111"):
        assert words in newborn
    everyone = " ".join(
        f"{c.heading} {c.text}" for c in identify(rules, Answers.from_mapping({"age_group": "adult"})).safety_net
    )
    for words in ("grows or bleeds", "see-through", "red, raised patch", "999", "NHS 111", "GP"):
        assert words in everyone
    assert "3 to 4 months" not in everyone


def test_no_answers_no_matches_no_flags(rules):
    result = identify(rules, Answers())
    assert result.matches == () and result.less_likely == () and result.red_flags == ()
    assert "did not answer" in result.advice


def test_an_empty_snapshot_never_crashes():
    result = identify(Snapshot(()), Answers.from_mapping({"age_group": "adult", "sites": ["nose"]}))
    assert result.matches == () and result.safety_net == ()


def test_scores_cannot_pile_up_by_choosing_every_place(rules):
    one = identify(rules, Answers.from_mapping({"sites": ["nose"]}))
    every = identify(rules, Answers.from_mapping({"sites": [c.value for c in QUESTIONS[1].choices]}))
    assert max(m.score for m in (*every.matches, *every.less_likely)) <= 3
    assert one.best.score <= 3


def test_a_central_dimple_points_away_from_milia(rules):
    plain = identify(rules, Answers.from_mapping({"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome"]}))
    dimpled = identify(
        rules, Answers.from_mapping({"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome", "central_dip"]})
    )
    benign = next(m for m in plain.matches if m.slug == "benign-primary-milia")
    benign_dimpled = next(m for m in (*dimpled.matches, *dimpled.less_likely) if m.slug == "benign-primary-milia")
    assert benign_dimpled.score < benign.score
    assert any("dimple" in r and r.startswith("but ") for r in benign_dimpled.reasons)


def test_reasons_quote_the_persons_own_answers(rules):
    result = identify(
        rules,
        Answers.from_mapping({"age_group": "adult", "sites": ["hands"], "look": ["white_dome"],
                              "count": "few", "history": ["burn_or_injury"]}),
    )
    assert result.best.slug == "trauma-associated-milia"
    assert "you said: on the hands, after a burn or injury, a few" in result.best.reasons
    assert all(reason.startswith(("you said", "but you")) for m in result.matches for reason in m.reasons)


def test_a_description_without_its_needed_answer_is_less_likely_and_says_why(rules):
    answers = {"age_group": "older_adult", "sites": ["neck", "chest_back"], "look": ["white_dome"], "count": "few"}
    result = identify(rules, Answers.from_mapping(answers))
    assert "medication-associated-milia" not in [m.slug for m in result.matches]
    with_cream = identify(rules, Answers.from_mapping({**answers, "history": ["steroid_cream"]}))
    assert with_cream.best.slug == "medication-associated-milia"
    needs = Candidate("a", "A", "primary", "/types/a/", 0, {("count", "few"): Rule(3, ""), ("history", "acne"): Rule(3, "")},
                      required=frozenset({("history", "acne")}))
    result = identify(Snapshot((needs,)), Answers.from_mapping({"count": "few", "age_group": "adult"}))
    assert result.matches == ()


def test_a_place_where_it_is_never_found_rules_it_out(rules):
    mouth = identify(rules, Answers.from_mapping({"age_group": "newborn", "sites": ["inside_mouth"]}))
    assert mouth.best.slug == "epstein-pearls"
    assert "congenital-milia" not in [m.slug for m in (*mouth.matches, *mouth.less_likely)]
    nose = identify(rules, Answers.from_mapping({"age_group": "newborn", "sites": ["nose"], "onset": "at_birth"}))
    assert "epstein-pearls" not in [m.slug for m in (*nose.matches, *nose.less_likely)]
    both = identify(rules, Answers.from_mapping({"age_group": "newborn", "sites": ["nose", "inside_mouth"]}))
    assert {"congenital-milia", "epstein-pearls"} <= {m.slug for m in both.matches}  # one place each is enough


def test_fit_labels_follow_the_score():
    rule = Rule(3, "you said so")
    snapshot = Snapshot((
        Candidate("a", "A", "primary", "/types/a/", 0, {("age_group", "adult"): rule, ("onset", "gradual"): rule,
                                                      ("count", "few"): rule}),
        Candidate("b", "B", "look-alike", "/look-alikes/#b", 1, {("count", "few"): Rule(3, "x")}),
    ))
    result = identify(snapshot, Answers.from_mapping({"age_group": "adult", "onset": "gradual", "count": "few"}))
    assert [(m.slug, m.score, m.fit) for m in result.matches] == [("a", 9, "strong")]
    assert [(m.slug, m.score, m.fit) for m in result.less_likely] == [("b", 3, "weak")]
    result = identify(snapshot, Answers.from_mapping({"age_group": "adult"}))
    assert result.best.fit == "possible"


def test_scoring_does_not_touch_the_database(rules, db, django_assert_num_queries):
    answers = Answers.from_mapping({"age_group": "newborn", "sites": ["nose"], "onset": "at_birth"})
    with django_assert_num_queries(0):
        identify(rules, answers)
