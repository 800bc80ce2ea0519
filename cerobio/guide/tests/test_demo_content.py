"""The demo content: complete, loadable twice, and never overwriting an editor's work."""

import pytest

from cerobio.guide.demo import knowledge
from cerobio.guide.demo.loader import load_demo
from cerobio.guide.models import LookAlike, MiliaType, MiliaTypePage, Reference

TYPE_SLUGS = [
    "congenital-milia", "benign-primary-milia", "milia-en-plaque", "nodular-grouped-milia",
    "multiple-eruptive-milia", "genodermatosis-associated-milia", "nevus-depigmentosus-with-milia",
    "disease-associated-milia", "medication-associated-milia", "trauma-associated-milia",
]
LOOK_ALIKE_SLUGS = [
    "whiteheads", "neonatal-acne", "miliaria", "epstein-pearls", "flat-warts", "syringoma",
    "sebaceous-hyperplasia", "molluscum-contagiosum", "xanthelasma", "colloid-milium", "epidermoid-cyst",
]


def test_demo_has_every_subtype_and_look_alike_with_the_architecture_slugs(demo):
    assert sorted(MiliaType.objects.values_list("slug", flat=True)) == sorted(TYPE_SLUGS)
    assert sorted(LookAlike.objects.values_list("slug", flat=True)) == sorted(LOOK_ALIKE_SLUGS)
    primary = set(MiliaType.objects.filter(group="primary").values_list("slug", flat=True))
    assert primary == set(TYPE_SLUGS[:7])
    assert MiliaTypePage.objects.live().count() == 10


def test_every_type_and_look_alike_is_complete_and_referenced(demo):
    for t in MiliaType.objects.prefetch_related("references", "body_sites"):
        for field in ("summary", "origin", "who_gets_it", "appearance_text", "causes_text",
                      "natural_course", "how_common", "distinguishing_cue", "see_doctor"):
            assert getattr(t, field).strip(), f"{t.slug} has no {field}"
        assert t.references.exists(), f"{t.slug} cites no source"
        assert t.body_sites.exists() or t.slug == "nodular-grouped-milia", f"{t.slug} has no body sites"
    for la in LookAlike.objects.prefetch_related("references"):
        assert la.separating_cue.strip() and la.looks_like.strip(), la.slug
        assert la.references.exists(), f"{la.slug} cites no source"


def test_every_demo_reference_is_complete(demo):
    for ref in Reference.objects.all():
        assert not ref.missing_fields, f"{ref.url} is missing {ref.missing_fields}"


def test_demo_knowledge_is_published(demo):
    """Records under "Clinical sign-off" would be hidden from readers if the loader made drafts."""
    from django.apps import apps

    from cerobio.editorial.roles import SIGNED_OFF_MODELS

    for label in SIGNED_OFF_MODELS:
        model = apps.get_model(label)
        assert model.objects.exists(), label
        assert not model.objects.filter(live=False).exists(), label
        assert not model.objects.filter(has_unpublished_changes=True).exists(), label
    assert not MiliaType.objects.filter(live_revision__isnull=True).exists()


def test_loading_twice_adds_nothing(demo):
    counts = (MiliaType.objects.count(), LookAlike.objects.count(), Reference.objects.count(),
              MiliaTypePage.objects.count())
    assert load_demo() == {}
    assert counts == (MiliaType.objects.count(), LookAlike.objects.count(), Reference.objects.count(),
                      MiliaTypePage.objects.count())


def test_loading_again_keeps_an_editors_changes(demo):
    t = MiliaType.objects.get(slug="congenital-milia")
    t.summary = "Edited by the clinical team."
    t.save()
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    page.title = "Milia on a red patch"
    page.save_revision().publish()
    load_demo()
    assert MiliaType.objects.get(slug="congenital-milia").summary == "Edited by the clinical team."
    assert MiliaTypePage.objects.get(slug="milia-en-plaque").title == "Milia on a red patch"


def test_loading_again_restores_a_deleted_record_only(demo):
    LookAlike.objects.filter(slug="xanthelasma").delete()
    added = load_demo()
    assert added["look-alikes"] == 1
    assert set(added) <= {"look-alikes", "identifier rules"}  # its identifier rules went with it


@pytest.mark.parametrize("record", knowledge.MILIA_TYPES + knowledge.LOOK_ALIKES, ids=lambda r: r["slug"])
def test_demo_records_cite_only_known_sources(record):
    known = {r["url"] for r in knowledge.REFERENCES}
    assert set(record.get("references", [])) <= known
