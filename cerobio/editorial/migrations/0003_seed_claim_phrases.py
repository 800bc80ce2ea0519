"""The starting list of medicinal-claim phrases; editors change it in the admin afterwards.

Fact sheet section 10: FDA, FTC, EU 655/2013, ASA/CAP 12.1. Each entry: phrase, suggested cosmetic
wording, why, scope ("product" or "all"), allowed with a reference.
"""

from django.db import migrations

MEDICINE = "Saying a cosmetic cures, treats or removes a skin condition makes it a medicine in law."
PROOF = "Claims of proof need a study you can cite; add the reference or drop the claim."
ABSOLUTE = "Absolute promises cannot be backed by evidence, and regulators treat them as misleading."

SEED = [
    ("cure", "helps skin look smoother", MEDICINE, "product", False),
    ("cures", "helps skin look smoother", MEDICINE, "product", False),
    ("cured", "skin looks smoother", MEDICINE, "product", False),
    ("treats", "exfoliates", MEDICINE, "product", False),
    ("treat milia", "care for skin prone to milia", MEDICINE, "product", False),
    ("treating milia", "caring for skin prone to milia", MEDICINE, "product", False),
    ("treatment for milia", "skincare for skin prone to milia", MEDICINE, "product", False),
    ("milia treatment", "skincare for skin prone to milia", MEDICINE, "product", False),
    ("removes milia", "helps skin look smoother", MEDICINE, "product", False),
    ("remove milia", "help skin look smoother", MEDICINE, "product", False),
    ("removal of milia", "smoother-looking skin", MEDICINE, "product", False),
    ("milia removal", "smoother-looking skin", MEDICINE, "product", False),
    ("get rid of milia", "help skin look smoother", MEDICINE, "product", False),
    ("gets rid of milia", "helps skin look smoother", MEDICINE, "product", False),
    ("heals", "leaves skin feeling soft", MEDICINE, "product", False),
    ("healing", "soothing-feeling", MEDICINE, "product", False),
    ("dissolves", "exfoliates the surface of the skin", MEDICINE, "product", False),
    ("dissolve", "exfoliate the surface of the skin", MEDICINE, "product", False),
    ("eliminates", "helps reduce the look of", MEDICINE, "product", False),
    ("eliminate", "help reduce the look of", MEDICINE, "product", False),
    ("prevents milia", "helps keep skin smooth", MEDICINE, "product", False),
    ("prevent milia", "help keep skin smooth", MEDICINE, "product", False),
    ("medical grade", "describe what is in the product instead", MEDICINE, "product", False),
    ("permanent", "with regular use", ABSOLUTE, "product", False),
    ("permanently", "with regular use", ABSOLUTE, "product", False),
    ("guaranteed", "say what most people can expect, and how you know", ABSOLUTE, "all", False),
    ("miracle", "say plainly what the product does", ABSOLUTE, "all", False),
    ("100% safe", "suitable for most skin; stop if it stings or itches", ABSOLUTE, "all", False),
    ("no side effects", "suitable for most skin; stop if it stings or itches", ABSOLUTE, "all", False),
    ("clinically proven", "tested in a study of [number] people (cite it)", PROOF, "all", True),
    ("dermatologist recommended", "name the study or survey and cite it", PROOF, "all", True),
    ("doctor recommended", "name the study or survey and cite it", PROOF, "all", True),
]


def forwards(apps, schema_editor):
    ClaimPhrase = apps.get_model("editorial", "ClaimPhrase")
    for phrase, suggestion, why, scope, unless_referenced in SEED:
        ClaimPhrase.objects.get_or_create(
            phrase=phrase,
            defaults={"suggestion": suggestion, "why": why, "scope": scope, "unless_referenced": unless_referenced},
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_roles_and_workflow")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
