"""`manage.py check_references`: incomplete references and withdrawn ones still cited."""

import pytest
from django.core.management import CommandError, call_command

from cerobio.guide.models import GuidePage, LookAlike, PageReference, Reference


def run(capsys):
    call_command("check_references")
    return capsys.readouterr().out


def test_the_demo_references_pass(demo, capsys):
    assert "Every reference is complete" in run(capsys)


def test_incomplete_references_are_listed_with_what_is_missing(demo, capsys):
    Reference.objects.create(key="half-done", title="A half-finished source", url="https://example.org/x")
    Reference.objects.create(key="no-title", title="", publisher="Somebody", url="", accessed=None)
    with pytest.raises(CommandError, match="2 reference problem"):
        run(capsys)
    out = capsys.readouterr().out
    assert "A half-finished source [half-done]: missing publisher, date accessed" in out
    assert "(no title) [no-title]: missing title, address, date accessed" in out


def test_pages_and_records_citing_a_withdrawn_reference_are_listed(demo, capsys):
    cited = PageReference.objects.select_related("reference", "page").filter(page__slug="causes").first()
    ref = cited.reference
    ref.withdrawn = True
    ref.save()
    with pytest.raises(CommandError, match="1 reference problem"):
        run(capsys)
    out = capsys.readouterr().out
    assert "Withdrawn references still cited (1)" in out
    assert f"- {ref.title} [{ref.key}]" in out
    for page_id in PageReference.objects.filter(reference=ref).values_list("page_id", flat=True):
        page = GuidePage.objects.filter(pk=page_id).first()
        if page:
            assert f"page: {page.title}" in out
    for look_alike in LookAlike.objects.filter(references=ref):
        assert f"look-alike: {look_alike.name}" in out


def test_a_withdrawn_reference_nobody_cites_is_not_a_problem(demo, capsys):
    Reference.objects.create(
        key="old", title="Retracted paper", publisher="Journal", url="https://example.org/old",
        accessed="2026-01-01", withdrawn=True,
    )
    assert "Every reference is complete" in run(capsys)


def test_the_command_exits_with_status_1_from_the_shell(demo):
    """manage.py turns CommandError into exit status 1 (what cron and CI look at)."""
    from django.core.management import ManagementUtility

    Reference.objects.create(key="bad", title="No publisher", url="https://example.org/b")
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "check_references"]).execute()
    assert exit_info.value.code == 1
