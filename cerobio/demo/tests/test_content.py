"""The content folder as a clinician edits it: well-formed, every citation and link resolving, and
light markup that becomes the HTML the pages show."""

import shutil

import pytest

from cerobio.demo.content import ContentError, read
from cerobio.demo.markup import stream, to_html
from cerobio.guide.models import GuidePage

CONTENT = read()
KNOWN_REFERENCES = {r["key"] for r in CONTENT.references}
RECORDS = CONTENT.triggers + CONTENT.types + CONTENT.look_alikes


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["slug"])
def test_records_cite_only_sources_in_the_references_folder(record):
    assert record["references"], f"{record['slug']} cites no source"
    assert set(record["references"]) <= KNOWN_REFERENCES


@pytest.mark.parametrize(
    "page",
    CONTENT.pages + [t["page"] | {"slug": t["slug"]} for t in CONTENT.types],
    ids=lambda p: p["slug"],
)
def test_pages_cite_known_sources_and_carry_review_dates(page):
    assert set(page.get("references", [])) <= KNOWN_REFERENCES
    assert page["last_reviewed"] < page["next_review_due"]


def test_names_and_codes_cite_known_sources_and_link_to_guide_pages():
    paths = {f"/{p['slug']}/" for p in CONTENT.pages} | {
        f"/types/{t['slug']}/" for t in CONTENT.types
    }
    for name in CONTENT.names:
        assert name["target"] in paths, name["term"]
        assert name.get("reference") is None or name["reference"] in KNOWN_REFERENCES, name["term"]
    for code in CONTENT.codes:
        assert code.get("reference") is None or code["reference"] in KNOWN_REFERENCES, code


def test_types_and_look_alikes_are_listed_in_their_order():
    assert [t["order"] for t in CONTENT.types] == sorted(t["order"] for t in CONTENT.types)
    assert CONTENT.types[0]["slug"] == "congenital-milia"


def test_a_type_gets_the_shared_look_rules_it_does_not_override():
    shared = {(r["question"], r["value"]) for r in read().rules["nodular-grouped-milia"]}
    assert ("look", "central_dip") in shared  # from milia-look.yaml
    own = [
        r
        for r in CONTENT.rules["congenital-milia"]
        if (r["question"], r["value"]) == ("age_group", "newborn")
    ]
    assert len(own) == 1


def test_a_broken_file_names_itself(tmp_path, settings):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    (folder / "triggers" / "burns.yaml").write_text("name: Burns\nnote: [unclosed\n")
    with pytest.raises(ContentError, match=r"burns\.yaml: not valid YAML"):
        read(folder)


def test_rules_for_an_unknown_type_are_refused(tmp_path, settings):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    shutil.copy(folder / "identifier" / "syringoma.yaml", folder / "identifier" / "syringomma.yaml")
    with pytest.raises(ContentError, match="syringomma"):
        read(folder)


def test_light_markup_becomes_paragraphs_lists_and_links():
    markup = """Look for:

- tiny **round** bumps,
  about 1 mm
- see [the guide](/what-is-milia/) & *ask*

### Opening

1. wash
2. dry"""
    assert to_html(markup) == (
        "<p>Look for:</p><ul><li>tiny <b>round</b> bumps, about 1 mm</li>"
        '<li>see <a href="/what-is-milia/">the guide</a> &amp; <em>ask</em></li></ul>'
        "<h3>Opening</h3><ol><li>wash</li><li>dry</li></ol>"
    )


def test_a_body_names_its_blocks_and_rich_text_inside_them_is_converted():
    block = GuidePage._meta.get_field("body").stream_block
    body = stream(
        block,
        [
            {"heading": "When to get help"},
            {"care_card": {"level": "gp", "heading": "See a GP if", "text": "- it bleeds"}},
        ],
    )
    assert body[1] == {
        "type": "care_card",
        "value": {"level": "gp", "heading": "See a GP if", "text": "<ul><li>it bleeds</li></ul>"},
    }
    with pytest.raises(ValueError, match="unknown block 'paragraph'"):
        stream(block, [{"paragraph": "Hello"}])


def test_a_misspelt_key_names_the_file_and_the_key(tmp_path, settings):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    record = folder / "look-alikes" / "syringoma.yaml"
    record.write_text(record.read_text().replace("  - eyelids\n", "  - eyelid\n", 1))
    with pytest.raises(ContentError, match=r"syringoma\.yaml: body_sites names eyelid,"):
        read(folder)


def test_a_never_found_site_must_be_a_body_site(tmp_path, settings):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    path = folder / "look-alikes" / "syringoma.yaml"
    path.write_text(path.read_text().replace("never_sites:\n", "never_sites:\n  - elbow\n", 1))
    with pytest.raises(ContentError, match=r"syringoma\.yaml: never_sites names elbow"):
        read(folder)


def test_care_advice_cites_only_sources_in_the_references_folder(tmp_path, settings):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    path = folder / "care-advice" / "safety-net-changes.yaml"
    path.write_text(path.read_text() + "  - a-source-nobody-wrote\n")
    with pytest.raises(ContentError, match=r"safety-net-changes\.yaml: references names a-source-nobody-wrote"):
        read(folder)


def test_a_reference_file_citing_a_copy_is_refused_with_the_rule(tmp_path, settings):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    path = folder / "references" / "berk-bayliss-2008.yaml"
    path.write_text(path.read_text() + "url: https://fr.scribd.com/document/158149956/Milia-Paper\naccessed: 2026-11-27\n")
    with pytest.raises(ContentError, match=r"berk-bayliss-2008\.yaml: not a citable source \(copy site\)"):
        read(folder)
