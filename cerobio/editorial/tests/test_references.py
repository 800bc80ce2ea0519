"""`manage.py check_references`: every reference by strength, the rules broken, incomplete and withdrawn ones."""

import re

import pytest
from django.core.management import CommandError, call_command

from cerobio.guide.models import GuidePage, LookAlike, PageReference, Reference


def run(capsys, *args):
    try:
        call_command("check_references", *args)
    finally:
        out = capsys.readouterr().out
        run.out = out
    return out


def counts(out: str) -> dict[str, int]:
    return {label: int(n) for n, label in re.findall(r"^\s+(\d+)\s+(\S.*)$", out, re.M)}


def test_the_command_counts_every_reference_by_strength(demo, capsys):
    Reference.objects.all().delete()
    strengths = ["peer-reviewed", "peer-reviewed", "reference", "health-service", "consumer", "consumer", "consumer"]
    for i, strength in enumerate(strengths):
        Reference.objects.create(key=f"r{i}", title=f"Source {i}", container="Site", strength=strength)
    Reference.objects.create(key="copy", kind="copy", title="Unidentified chapter", strength="reference")
    out = run(capsys)
    assert "References by strength (8)" in out
    assert counts(out) == {
        "Peer-reviewed": 2,
        "Reference work": 2,
        "Professional body or health service": 1,
        "Clinic or consumer page (weaker source)": 3,
    }
    assert "of which 1 known only from an unidentified copy" in out


def test_list_prints_every_reference_as_cited_under_its_strength(demo, capsys):
    Reference.objects.all().delete()
    Reference.objects.create(
        key="berk", kind="article", authors="Berk DR, Bayliss SJ", title="Milia: a review and classification",
        container="J Am Acad Dermatol", year="2008", doi="10.1016/j.jaad.2008.07.034", strength="peer-reviewed",
    )
    out = run(capsys, "--list")
    assert "Peer-reviewed (1):" in out
    assert "[berk] Berk DR, Bayliss SJ. Milia: a review and classification." in out
    assert "Every reference passes the source rules" in out


def test_a_reference_breaking_a_rule_is_listed_under_the_rule_and_fails(demo, capsys):
    Reference.objects.create(
        key="copy", title="A copied paper", container="Scribd", url="https://www.scribd.com/document/1/x",
        accessed="2026-01-01",
    )
    Reference.objects.create(key="bad-doi", title="A paper", container="J X", doi="doi:10.1/x")
    with pytest.raises(CommandError, match="reference problem"):
        run(capsys)
    assert "Refused by the rule 'copy site'" in run.out
    assert "A copied paper [copy]" in run.out
    assert "Refused by the rule 'malformed DOI'" in run.out
    assert "A paper [bad-doi]" in run.out


def test_incomplete_references_are_listed_with_what_is_missing(demo, capsys):
    Reference.objects.create(key="half-done", title="A half-finished source", container="Site", url="https://example.org/x")
    Reference.objects.create(key="no-title", title="", kind="web")
    with pytest.raises(CommandError):
        run(capsys)
    assert "A half-finished source [half-done]: missing date accessed" in run.out
    assert "(no title) [no-title]: missing title, journal, book or site" in run.out


def test_pages_and_records_citing_a_withdrawn_reference_are_listed(demo, capsys):
    cited = PageReference.objects.select_related("reference", "page").filter(page__slug="causes").first()
    ref = cited.reference
    ref.withdrawn = True
    ref.save()
    with pytest.raises(CommandError, match="reference problem"):
        run(capsys)
    out = run.out
    assert "Withdrawn references still cited (1)" in out
    assert f"- {ref.title} [{ref.key}]" in out
    for page_id in PageReference.objects.filter(reference=ref).values_list("page_id", flat=True):
        page = GuidePage.objects.filter(pk=page_id).first()
        if page:
            assert f"page: {page.title}" in out
    for look_alike in LookAlike.objects.filter(references=ref):
        assert f"look-alike: {look_alike.name}" in out


def test_a_withdrawn_reference_nobody_cites_is_not_a_problem(demo, capsys):
    Reference.objects.all().delete()
    Reference.objects.create(
        key="old", title="Retracted paper", container="Journal", url="https://example.org/old",
        accessed="2026-01-01", withdrawn=True,
    )
    assert "Every reference passes" in run(capsys)


def test_the_command_exits_with_status_1_from_the_shell(demo):
    """manage.py turns CommandError into exit status 1 (what cron and CI look at)."""
    from django.core.management import ManagementUtility

    Reference.objects.create(key="bad", title="A staging copy", container="X", url="https://staging.example.org/b")
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "check_references"]).execute()
    assert exit_info.value.code == 1
