"""The demo knowledge base: every subtype and look-alike, complete, referenced and published."""


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
        assert not ref.missing_fields, f"{ref.key} is missing {', '.join(ref.missing_fields)}"


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
