"""The table of answer sets from the fact sheet, run through the engine and through the API."""

import pytest

from cerobio.identify.answers import Answers
from cerobio.identify.scoring import identify

from .cases import CASES, NOTHING

IDS = [c.id for c in CASES]


def _check(case, best_slug, slugs, flag_codes):
    if case.best == NOTHING:
        assert slugs == [], f"{case.id}: expected no match, got {slugs}"
    elif case.best is not None:
        assert best_slug == case.best, f"{case.id}: expected {case.best}, got ranking {slugs}"
    assert set(flag_codes) == set(case.flags), f"{case.id}: red flags {flag_codes}"
    if case.among:
        assert case.among in slugs, f"{case.id}: {case.among} missing from {slugs}"
    assert len(slugs) <= 5


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_engine_answer_set(case, rules):
    result = identify(rules, Answers.from_mapping(case.answers))
    slugs = [m.slug for m in result.matches]
    _check(case, slugs[0] if slugs else None, slugs, [f.code for f in result.red_flags])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_api_answer_set(case, client, demo_db):
    response = client.post("/api/v1/identify", case.answers, content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    slugs = [m["slug"] for m in data["matches"]]
    _check(case, slugs[0] if slugs else None, slugs, [f["code"] for f in data["red_flags"]])


def test_the_table_covers_every_subtype_and_look_alike(rules):
    covered = {c.best for c in CASES} | {c.among for c in CASES}
    every = {c.slug for c in rules.candidates}
    assert len(every) == 21
    assert every <= covered, f"no answer set for {sorted(every - covered)}"
    assert len(CASES) >= 30


def test_the_database_snapshot_is_the_demo_snapshot(demo_db, rules):
    from cerobio.identify.snapshot import build_snapshot

    built = build_snapshot()
    assert [(c.slug, c.kind, c.url) for c in built.candidates] == [(c.slug, c.kind, c.url) for c in rules.candidates]
    assert [dict(c.rules) for c in built.candidates] == [dict(c.rules) for c in rules.candidates]
    assert [(c.required, c.never_sites) for c in built.candidates] == [
        (c.required, c.never_sites) for c in rules.candidates
    ]
    assert dict(built.care) == dict(rules.care)
