"""The loader: a change to a content file reaches the page; loading again never undoes an editor's work."""

import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cerobio.demo.content import read
from cerobio.demo.loader import load_demo
from cerobio.editorial.models import InfoPage, SetupStep
from cerobio.guide.models import (
    BodySite,
    CareAdvice,
    ClassificationCode,
    GuidePage,
    LookAlike,
    MiliaType,
    MiliaTypePage,
    Reference,
    Synonym,
    Trigger,
)
from cerobio.identify.models import EvidenceRule
from cerobio.shop.delivery.models import ShippingZone


def test_loading_twice_adds_nothing(demo):
    counts = [
        model.objects.count()
        for model in (MiliaType, LookAlike, Reference, Page, EvidenceRule, ShippingZone)
    ]
    assert load_demo() == {}
    assert counts == [
        model.objects.count()
        for model in (MiliaType, LookAlike, Reference, Page, EvidenceRule, ShippingZone)
    ]


def _empty_site():
    """Remove everything the loader makes, as on a freshly migrated database (rolled back after the test)."""
    for home in Page.objects.filter(depth=2):
        home.delete()  # the guide, the shop and the trust pages with it
    for model in (
        ShippingZone,
        Synonym,
        ClassificationCode,
        MiliaType,
        LookAlike,
        Trigger,
        Reference,
        BodySite,
        SetupStep,
    ):
        model.objects.all().delete()


def test_a_sentence_changed_in_a_content_file_is_on_the_page_after_loading(
    demo, client, tmp_path, settings
):
    folder = tmp_path / "content"
    shutil.copytree(settings.DEMO_CONTENT_DIR, folder)
    page_file = folder / "pages" / "what-is-milia.yaml"
    page_file.write_text(
        page_file.read_text().replace(
            "Anyone can get milia,", "A clinician reworded this: anyone can get milia,"
        )
    )
    type_file = folder / "types" / "milia-en-plaque.yaml"
    type_file.write_text(
        type_file.read_text().replace(
            "how_common: Rare.", "how_common: Rare, as a clinician put it."
        )
    )

    _empty_site()
    added = load_demo(folder)

    assert added["pages"] == len(read(folder).pages) + len(read(folder).types)
    assert (
        "A clinician reworded this: anyone can get milia,"
        in client.get("/what-is-milia/").content.decode()
    )
    assert "Rare, as a clinician put it." in client.get("/types/milia-en-plaque/").content.decode()
    assert "A clinician reworded this" not in client.get("/causes/").content.decode()


def _edit_in_admin(client, url: str, changes: dict) -> None:
    form = querydict_from_html(client.get(url).content.decode(), form_id=changes.pop("form_id"))
    for key, value in changes.items():
        form[key] = value
    form["action-publish"] = "1"
    response = client.post(url, form, follow=True)
    assert response.status_code == 200


def test_an_editors_changes_in_the_admin_survive_loading_again(demo, admin_client):
    page = GuidePage.objects.get(slug="treatment")
    body = nested_form_data(
        {"body": streamfield([("text", rich_text("<p>Rewritten by the clinical team.</p>"))])}
    )
    _edit_in_admin(
        admin_client, f"/admin/pages/{page.pk}/edit/", {"form_id": "page-edit-form", **body}
    )
    milia_type = MiliaType.objects.get(slug="milia-en-plaque")
    edit = {"form_id": "w-editor-form", "distinguishing_cue": "Checked by the clinical team."}
    _edit_in_admin(admin_client, f"/admin/snippets/guide/miliatype/edit/{milia_type.pk}/", edit)
    revisions = page.revisions.count(), milia_type.revisions.count()

    assert load_demo() == {}

    assert (page.revisions.count(), milia_type.revisions.count()) == revisions
    assert "Rewritten by the clinical team." in admin_client.get("/treatment/").content.decode()
    assert (
        "Checked by the clinical team."
        in admin_client.get("/types/milia-en-plaque/").content.decode()
    )


def test_loading_again_keeps_changed_records_and_pages_and_restores_deleted_ones(demo):
    MiliaType.objects.filter(slug="congenital-milia").update(summary="Edited by the clinical team.")
    rule = EvidenceRule.objects.get(
        milia_type__slug="congenital-milia", question="sites", value="nose"
    )
    rule.weight, rule.reason = 1, "edited by the clinical team"
    rule.save()
    EvidenceRule.objects.filter(look_alike__slug="xanthelasma", question="count").delete()
    privacy = InfoPage.objects.get(slug="privacy")
    privacy.title = "Our privacy notice (edited)"
    privacy.save_revision().publish()
    InfoPage.objects.get(slug="cookies").delete()
    LookAlike.objects.filter(slug="syringoma").delete()

    added = load_demo()

    assert added == {
        "look-alikes": 1,
        "identifier rules": len(read().rules["syringoma"]),
        "trust pages": 1,
    }
    assert MiliaType.objects.get(slug="congenital-milia").summary == "Edited by the clinical team."
    rule.refresh_from_db()
    assert (rule.weight, rule.reason) == (1, "edited by the clinical team")
    assert not EvidenceRule.objects.filter(
        look_alike__slug="xanthelasma", question="count"
    ).exists()
    assert InfoPage.objects.get(slug="privacy").title == "Our privacy notice (edited)"
    assert InfoPage.objects.filter(slug="cookies").exists()
    assert MiliaTypePage.objects.count() == len(read().types)


def test_every_demo_rule_is_valid_and_every_described_type_has_rules(demo):
    for rule in EvidenceRule.objects.all():
        rule.full_clean()
    content = read()
    with_rules = {slug for slug in content.rules if content.rules[slug]}
    assert set(EvidenceRule.objects.values_list("milia_type__slug", flat=True)) - {
        None
    } == with_rules & {t["slug"] for t in content.types}
    assert set(EvidenceRule.objects.values_list("look_alike__slug", flat=True)) - {
        None
    } == with_rules & {la["slug"] for la in content.look_alikes}


def test_a_missing_content_folder_is_a_clear_error(demo, tmp_path):
    with pytest.raises(CommandError, match="content folder does not exist"):
        call_command("load_demo", content=str(tmp_path / "missing"))


def test_the_requirements_exclusions_and_care_advice_are_loaded(demo):
    content = read()
    assert CareAdvice.objects.live().count() == len(content.care_advice)
    net = CareAdvice.objects.get(key="safety-net-newborn-urgent")
    assert "<li>" in net.text and net.references.exists()
    epstein = LookAlike.objects.get(slug="epstein-pearls")
    assert "nose" in {s.code for s in epstein.never_sites.all()}
    assert "inside_mouth" not in {s.code for s in epstein.never_sites.all()}
    needed = EvidenceRule.objects.filter(milia_type__slug="medication-associated-milia", required=True)
    assert set(needed.values_list("value", flat=True)) == {"steroid_cream", "new_medicine"}


def test_a_site_made_before_requirements_gets_them_once_and_keeps_an_editors_choice(demo):
    """A database loaded before "never found on" and "needed" existed gets them from the content once."""
    epstein = LookAlike.objects.get(slug="epstein-pearls")
    epstein.never_sites = []
    epstein.save()
    EvidenceRule.objects.filter(look_alike=epstein).update(required=False)
    load_demo()
    epstein.refresh_from_db()
    assert "nose" in {s.code for s in epstein.never_sites.all()}
    assert EvidenceRule.objects.filter(look_alike=epstein, value="inside_mouth", required=True).exists()
    # An editor who narrows the sites keeps that choice when the demo is loaded again.
    epstein.never_sites = list(BodySite.objects.filter(code="nose"))
    epstein.save()
    load_demo()
    epstein.refresh_from_db()
    assert [s.code for s in epstein.never_sites.all()] == ["nose"]


def test_the_trader_details_an_editor_entered_survive_loading_again(demo):
    from cerobio.shop.catalogue.fetch import default_shop_settings

    shop = default_shop_settings()
    assert "fictional" in shop.trader_name and shop.demo_shop  # the demo's, marked as such
    shop.trader_name, shop.vat_number, shop.demo_shop = "Cerobio Ltd", "", False
    shop.save()
    load_demo()
    shop = default_shop_settings()
    assert (shop.trader_name, shop.vat_number, shop.demo_shop) == ("Cerobio Ltd", "", False)
