"""The questionnaire pages: one question per step, skippable, back and change, all in POST bodies."""

import re

import pytest

from cerobio.identify.answers import QUESTIONS, SITES


def post(client, data):
    response = client.post("/identify/", data)
    assert response.status_code == 200
    return response.content.decode()


def test_the_introduction(client, demo_db):
    html = client.get("/identify/").content.decode()
    assert "<h1" in html and "Identify your bumps" in html
    assert "This is not a diagnosis" in html
    assert re.search(r'<form method="post" action="/identify/"', html)
    assert 'name="go" value="start"' in html


@pytest.mark.parametrize("number", range(1, len(QUESTIONS) + 1))
def test_each_step_has_one_question_progress_and_every_button(client, demo_db, number):
    question = QUESTIONS[number - 1]
    previous = QUESTIONS[number - 2].key if number > 1 else "intro"
    html = post(client, {"step": previous, "go": "next"})
    assert f"Step {number} of {len(QUESTIONS)}" in html
    assert html.count('class="identify-question"') == 1
    assert question.title in html
    for value in question.values:
        assert f'id="{question.key}-{value}"' in html
    for button in ('value="next"', 'value="skip"', 'value="back"'):
        assert button in html


def test_answers_travel_as_hidden_fields(client, demo_db):
    html = post(client, {"step": "age_group", "go": "next", "age_group": "adult"})
    assert "Step 2 of" in html
    assert '<input type="hidden" name="age_group" value="adult">' in html
    html = post(client, {"step": "sites", "go": "next", "age_group": "adult", "sites": ["nose", "cheeks"]})
    assert '<input type="hidden" name="sites" value="nose">' in html
    assert '<input type="hidden" name="sites" value="cheeks">' in html


def test_back_keeps_the_answers_and_shows_them_ticked(client, demo_db):
    html = post(client, {"step": "look", "go": "back", "age_group": "adult", "sites": "nose", "look": "white_dome"})
    assert "Step 2 of" in html
    assert re.search(r'id="sites-nose" value="nose" checked', html)
    assert '<input type="hidden" name="look" value="white_dome">' in html


def test_skip_clears_the_answer_and_moves_on(client, demo_db):
    html = post(client, {"step": "count", "go": "skip", "count": "many", "age_group": "adult"})
    assert "Step 5 of" in html
    assert 'name="count"' not in html


def test_change_from_the_result_goes_to_that_question(client, demo_db):
    html = post(client, {"step": "result", "edit": "onset", "onset": "gradual", "age_group": "teen"})
    assert "When did they start?" in html
    assert re.search(r'id="onset-gradual" value="gradual" checked', html)


def test_the_last_step_leads_to_the_result(client, demo_db):
    html = post(client, {"step": "symptoms", "go": "next", "age_group": "newborn", "sites": "nose",
                         "onset": "at_birth"})
    assert "Your results" in html
    assert "This is not a diagnosis" in html
    assert "Show this to your GP or pharmacist" in html
    assert 'data-slug="congenital-milia"' in html
    assert 'href="/types/congenital-milia/"' in html
    assert "never stored" in html
    for question in QUESTIONS:
        assert f'name="edit" value="{question.key}"' in html
    assert 'class="illus illus--closeup"' in html


def test_unknown_values_are_ignored(client, demo_db):
    html = post(client, {"step": "symptoms", "go": "next", "age_group": "dragon", "sites": ["moon"], "edit": "x"})
    assert "Your results" in html and "dragon" not in html and "moon" not in html


def test_the_body_map_regions_label_the_real_checkboxes(client, demo_db):
    html = post(client, {"step": "age_group", "go": "next"})
    for choice in SITES.choices:
        assert f'<input class="identify-choice__input" type="checkbox" name="sites" id="sites-{choice.value}"' in html
        assert f'<label class="bodymap__region" for="sites-{choice.value}"' in html, choice.value
    for view in ("face", "front", "back"):
        assert f"bodymap__view--{view}" in html


def test_identify_is_linked_as_plain_get_only_for_the_start(client, demo_db):
    assert client.get("/identify/").status_code == 200
    assert client.put("/identify/").status_code == 405


def _section(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[start : html.index("</section>", start)]


def test_the_result_shows_few_best_fits_and_the_less_likely_ones_collapsed(client, demo_db):
    html = post(client, {"step": "symptoms", "go": "next", "age_group": "adult", "sites": "hands",
                         "look": "white_dome", "count": "few", "history": "burn_or_injury"})
    matches = _section(html, 'aria-labelledby="matches-heading"')
    best = matches[: matches.index('id="less-likely"')]
    assert re.findall(r'data-slug="([^"]+)"', best) == ["trauma-associated-milia"]
    assert "you said: on the hands, after a burn or injury" in best.replace("You said", "you said")
    less = matches[matches.index('id="less-likely"') :]
    assert re.search(r'<details class="expander identify-less-likely" id="less-likely">', matches)  # closed
    assert 'data-slug="disease-associated-milia"' in less and "Less likely" in less
    assert "syringoma" not in html and "medication-associated-milia" not in html


def test_every_result_carries_the_safety_net_in_the_guides_words(client, demo_db):
    from cerobio.guide.models import CareAdvice

    adult = _section(post(client, {"step": "symptoms", "go": "next", "age_group": "adult"}), 'id="safety-heading"')
    assert re.findall(r'data-care-advice="([^"]+)"', adult) == ["safety-net-changes", "safety-net-route"]
    assert "999" in adult and "NHS 111" in adult
    html = post(client, {"step": "symptoms", "go": "next", "age_group": "newborn", "sites": "nose",
                         "onset": "at_birth", "look": "white_dome"})
    baby = _section(html, 'id="safety-heading"')
    assert re.findall(r'data-care-advice="([^"]+)"', baby)[:2] == ["safety-net-newborn-urgent", "safety-net-newborn-gp"]
    guide = client.get("/newborn-milia/").content.decode()
    for key in ("safety-net-newborn-urgent", "safety-net-newborn-gp"):
        advice = CareAdvice.objects.get(key=key)
        assert f'data-care-advice="{key}"' in guide
        for item in re.findall(r"<li>(.*?)</li>", advice.text):
            assert item in baby and item in guide  # one record, the same words on both
    assert "3 to 4 months" in baby and "fever" in baby


def test_an_editor_changing_the_safety_net_changes_the_guide_and_the_identifier(client, demo_db):
    from cerobio.guide.models import CareAdvice

    advice = CareAdvice.objects.get(key="safety-net-newborn-gp")
    advice.text = advice.text.replace("3 to 4 months", "about 4 months (edited)")
    advice.save_revision().publish()
    html = post(client, {"step": "symptoms", "go": "next", "age_group": "newborn"})
    assert "about 4 months (edited)" in html
    assert "about 4 months (edited)" in client.get("/newborn-milia/").content.decode()
