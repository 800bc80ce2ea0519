"""Red flags (fact sheet section 6): each one, its care level, and that they come first."""

import pytest

from cerobio.identify.answers import Answers
from cerobio.identify.red_flags import red_flags

FLAG_CASES = [
    ("possible_skin_cancer", "gp", {"look": ["translucent"], "count": "one"}),
    ("possible_skin_cancer", "gp", {"symptoms": ["growing"]}),
    ("possible_skin_cancer", "gp", {"symptoms": ["bleeding"]}),
    ("unwell_baby", "urgent", {"age_group": "newborn", "symptoms": ["unwell"]}),
    ("unwell_baby", "urgent", {"age_group": "newborn", "look": ["clear_blisters"]}),
    ("blistering", "gp", {"history": ["blistering_disease"]}),
    ("eruptive", "gp", {"onset": "sudden", "count": "many"}),
    ("eruptive", "gp", {"onset": "sudden"}),
    ("plaque", "gp", {"look": ["on_red_plaque"]}),
    ("infection", "pharmacist", {"age_group": "adult", "look": ["pus", "red_inflamed"]}),
    ("infection", "pharmacist", {"look": ["pus"], "symptoms": ["painful"]}),
    ("infection", "gp", {"age_group": "child", "look": ["pus"], "symptoms": ["painful"]}),
]


@pytest.mark.parametrize(("code", "care", "answers"), FLAG_CASES)
def test_each_red_flag(code, care, answers, rules):
    flags = {f.code: f for f in red_flags(Answers.from_mapping(answers), rules.care)}
    assert code in flags
    assert flags[code].care == care
    message = flags[code].message
    assert flags[code].title
    assert any(word in message for word in ("today", "next", "day or two")), "says how soon"


def test_every_red_flag_has_its_words_in_the_knowledge_base(rules):
    from cerobio.identify.red_flags import KEYS

    assert set(KEYS) <= set(rules.care), "a red flag without care advice in content/care-advice/"


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"age_group": "adult", "sites": ["eyelids"], "look": ["white_dome"], "count": "few", "onset": "gradual"},
        {"age_group": "newborn", "sites": ["nose"], "onset": "at_birth", "count": "many"},
        {"age_group": "newborn", "onset": "sudden", "count": "many"},  # a newborn's milia all come within weeks
        {"onset": "sudden", "count": "one"},
        {"look": ["pus"]},  # one sign of infection alone is not enough
        {"age_group": "adult", "look": ["clear_blisters"]},  # heat rash in an adult
    ],
)
def test_no_red_flag_for_ordinary_answers(answers):
    assert red_flags(Answers.from_mapping(answers)) == []


def test_most_urgent_first():
    answers = Answers.from_mapping(
        {"age_group": "newborn", "look": ["on_red_plaque", "translucent", "pus", "red_inflamed"], "symptoms": ["unwell"]}
    )
    flags = red_flags(answers)
    assert flags[0].code == "unwell_baby" and flags[0].care == "urgent"
    assert {f.code for f in flags} == {"unwell_baby", "plaque", "possible_skin_cancer", "infection"}


def test_red_flags_are_shown_before_the_matches(client, demo_db):
    response = client.post(
        "/identify/", {"step": "symptoms", "age_group": "newborn", "sites": "nose", "symptoms": "unwell"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-flag="unwell_baby"' in html
    assert html.index('data-flag="unwell_baby"') < html.index('data-slug="congenital-milia"')
    assert "Urgent: get help today" in html
