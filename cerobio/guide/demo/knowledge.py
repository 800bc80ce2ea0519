"""Demo knowledge base, written fresh from ../shared/knowledge/milia-facts.md (see README.md).

Every address below is copied character for character from the fact sheet. Records cite sources by
address; the loader links them to the matching `Reference` by URL.
"""

import decimal

# --- Source addresses (exactly as written in the fact sheet) ------------------------------------

# Strong: the Berk & Bayliss review and its copies, Medscape, StatPearls, textbooks, journals.
BERK_BAYLISS = "https://www.actasdermo.org/index.php?p=doi-resolver&doi=10.1016/j.jaad.2008.07.034"
BERK_BAYLISS_SCRIBD = "https://fr.scribd.com/document/158149956/Milia-Paper"
MEDSCAPE_APP = "http://misc.medscape.com/pi/android/medscapeapp/html/A1058063-business.html"
MEDSCAPE = "https://emedicine.medscape.com/article/910405-overview"
STATPEARLS_MILIA = "https://dev2.statpearls.com/articlelibrary/viewarticle/25157"
STATPEARLS_PALATAL = "https://www.statpearls.com/sp/md/81/21267/"
ENTOKEY_MILIA = "https://entokey.com/milia"
ENTOKEY_SYRINGOMA = "https://entokey.com/syringoma"
PSK_MILIA = "https://plasticsurgerykey.com/milia"
PSK_MILIA_2 = "https://plasticsurgerykey.com/milia-2"
PSK_SYRINGOMA = "https://plasticsurgerykey.com/eccrine-syringoma"
CDHUB_BENIGN = "https://cdhub360.com.feature-2024-12-bugs-kcihryi-bhdd7xl6dwn3y.us-4.platformsh.site/articles/benign-primary-milia"
CDHUB_NEVUS = "https://cdhub360.com.feature-2024-12-bugs-kcihryi-bhdd7xl6dwn3y.us-4.platformsh.site/articles/hypopigmented-patch-7-year-old-s-back"
ADHUB_ATLAS = "https://adhub360.com/photo-essay/atlas-lumps-and-bumps-part-20"
THEDERM_MEP = "https://develop-sr3snxi-tt7lcx6s5gdv4.us-4.platformsh.site/site/thederm/article/1839"
PATIENTCARE = "https://patientcareonline.com/view/newborn-milia"
CLOBETASOL = "https://c.coek.info/pdf-clobetasol-induced-milia-.html"
JDCR_BP = "https://www.jdcronline.org/article/extensive-milia-formation-in-bullous-pemphigoid-a-rare-healing-sequela-580"
COSMODERMA = "https://cosmoderma.org/idiopathic-multiple-eruptive-milia-clinical-and-dermoscopic-correlation-a-case-report"
COSMODERMA_SLASH = "https://cosmoderma.org/idiopathic-multiple-eruptive-milia-clinical-and-dermoscopic-correlation-a-case-report/"
SPRINGER_ORAL = "https://link.springer.com/referenceworkentry/10.1007/978-3-319-28845-1_701-1"
ORAL_CYSTS_STUDY = "https://discovery.researcher.life/article/cysts-of-the-oral-mucosa-in-newborns/105d5f73ed3d34e39de0aea6c2cfd1d8"
SKYSCAPE_SKIN = "https://download.skyscape.com/download/ota/lonestar/F8E356E4-9C75-4908-8B0A-B9A5E9E5906F/skindis.ed4/content/HTML/l/tu5.htm"
SKYSCAPE_PAED = "https://download.skyscape.com/download/ota/lonestar/8B148256-1697-41F3-9270-56DF7BCF30B9/pedderma.ed4/content/HTML/e/tu2.htm?styleURL=https://download.skyscape.com/download/ota/lonestar/webview.css"
ACTAS_MEP_EARS = (
    "https://actasdermo.org/es-milia-plaque-on-posterior-surface-articulo-S1578219016000123"
)
DOCKSCI_MEP = "https://docksci.com/a-new-site-of-milia-en-plaque-report-of-a-case-and-review-of-the-literature_5cdcec5ad64ab2e97181c460.html"
CONTEMP_PEDS_MEP = (
    "https://contemporarypediatrics.com/view/posttraumatic-lesion-persists-childs-forearm"
)
MDEDGE_MEP = "https://www.mdedge.com/dermatology/article/205586/dermatopathology/rapidly-growing-retroauricular-tumor"
ESCHOLARSHIP_MEM = "http://escholarship.org/uc/item/8dm9d1zf"
IJPD_MEM = "http://www.ijpd.in/printarticle.asp?issn=2319-7250;year=2012;volume=13;issue=1;spage=44;epage=45;aulast=Kumar"
NJCP_MEM = "https://www.njcponline.com/printarticle.asp?issn=1119-3077;year=2018;volume=21;issue=3;spage=395;epage=396;aulast=Yahya"
ALTMEYER_MEM = "https://altmeyers.org/en/dermatology/milia-multiple-eruptive-120260.amp"
PUBMED_NEVUS = "http://www.pubmed.gov/31145059/"
HEALIO_PEDS = "https://cm.healio.com/news/pediatrics/20130222/10_3928_1081_597x_20130101_01_1026395"
FIVE_MINUTE_PEDS = (
    "https://im.unboundmedicine.com/medicine/view/Select-5-Minute-Pediatric-Consult/14125/all/Milia"
)
JAMA_STEROID = "http://jamanetwork.com/journals/jamadermatology/article-abstract/546864"
CLEVELAND_LASER = (
    "https://my.clevelandclinic.org/health/treatments/11015-laser-skin-resurfacing/risks--benefits"
)
CLEVELAND_CO2 = "https://my.clevelandclinic.org/health/treatments/8314-carbon-dioxide-laser-resurfacing/risks--benefits"
JDD_TATTOO = "https://jddonline.com/articles/dermatology/S1545961617P0621X/3"
MAYO_MILIA = "http://www.mayoclinic.com/health/milia/DS01059"
MAYO_LASER = (
    "http://www.mayoclinic.org/tests-procedures/laser-resurfacing/details/risks/cmc-20323318?p=1"
)
MAYO_STCLAIR = (
    "https://www.stclair.org/services/mayo-clinic-health-information/article/ABT-20330524"
)
PATSATSI_2020 = (
    "https://oalib-perpustakaan.upi.edu/Record/doaj_0171a5bfb6a242c99d2437a43a98fa4f/Details"
)
ABCDOCZ_MEP = "https://abcdocz.com/doc/135938/l-milia-en-plaque-milia-em-placa"
MENDELEY_MEP = "https://www.mendeley.com/catalogue/e35400c3-0e0e-3c4c-bfcf-0549754a07af/"
VISUALDX_WART = (
    "https://www.visualdx.com/visualdx/diagnosis/flat+wart?diagnosisId=52514&moduleId=102"
)
GP_SYRINGOMA = (
    "https://www.gponline.com/glance-syringoma-versus-milia-syringoma/dermatology/article/646369"
)
GP_FACIAL = "https://www.gponline.com/differential-diagnoses-facial-lesions/dermatology/dermatology/article/1316291"
DERMNET_SH = "http://www.dermnet.com/videos/benign-tumors/sebaceous-hyperplasia/sebaceous-hyperplasia-appearance/"
WHO_ICD10 = "https://icd.who.int/browse10/2019/en/GetConcept?ConceptId=L60-L75"
KOREAMED_MEM = "https://synapse.koreamed.org/articles/1045271"

# Weak: clinic marketing, consumer health, blogs, wikis and mirrors, copied pages, AI summaries,
# unofficial coding sites, and pages of unclear origin.
SANOMEDICA = "https://sanomedica.com/milia"
WIKIMD = "https://wikimd.org/wiki/Milium_(dermatology)"
ACADEME_MOLLUSCUM = "https://academe-learn.pages.dev/dermatology-venereology-and-leprosy/dr-viral-infections-common-viral-infections/sdl-dr-molluscum-contagiosum-recognition-1780420480990--part-2.html"
HEALTHJADE = "https://healthjade.com/?p=28080"
QV_BABY = "https://qvskincare.com.au/articles/pregnancy-and-parenting/what-is-baby-milia.html"
PEDIAGENOSIS = "https://pediagenosis.com/2019/04/milia.html?m=0"
AMEGLEI = "https://ameglei.com/article/103"
DOVEMED = "http://www.dovemed.com/diseases-conditions/drug-induced-milia/"
VERITAS = "https://veritas.com.sg/milia-seeds-removal/"
MIDTOWNDERM = "https://midtownderm.bridge-teams.com/?p=1891"
LONDON_SKIN = "https://www.thelondonskinandhairclinic.com/milia/"
MODELDERM = "https://www.modelderm.com/wiki/en/Milia/index.html"
BIOLOGYINSIGHTS = "https://biologyinsights.com/what-do-closed-comedones-look-like"
WIKIPEDIA_WART = "https://en.wikipedia.org/wiki/Verruca_plana"
NAAMAN = "https://naamanskinclinic.com/milia"
CONSUMERHEALTH = "http://consumerhealth.info/Disease.aspx?id=1351&title=Milia"
MEDIC8 = "https://medic8.com/healthguide/baby-skin/milia.html"
BRIGHTHEALTHYKIDS = "https://brighthealthykids.com/articles/milia"
WIKIZERO = "https://wikizero.com/En/Milia"
TYPOLOGY = "https://uk.typology.com/library/milium-cysts-how-to-get-rid-of-them"
DRORACLE_MANAGEMENT = "https://www.droracle.ai/articles/743961/what-is-the-appropriate-management-for-milia-in-patients"
DRORACLE_TREATMENT = "https://www.droracle.ai/articles/199408/what-is-the-treatment-for-milia"
QDERM = "https://qderm.ca/millia"
ZARO = "https://zaro.info/dermatology/can-i-remove-my-milia"
CONTOURDERM = "https://contourderm.com/milia/"
STYLIST = "https://www.stylist.co.uk/beauty/skincare/milia-white-bumps-causes-treatment/464447"
NEONATALDISORDERS = "https://neonataldisorders.com/about/index/milia"
GUASTAVINO_COPY = "https://gm.guastavinovaulting.com/582-milia.html"
PEDIA_TIME = "https://pedia-time.com/2024/11/milia-in-neonates.html"
VILLAGE_DERM = (
    "https://www.villagedermatologyhouston.com/skin-growths-lumps-and-bumps/enlarged-oil-glands"
)
ICDCODES_AI = "https://icdcodes.ai/diagnosis/milia/documentation"
ICDLIST_L72 = (
    "https://icdlist.com/icd-10/codes/follicular-cysts-of-skin-and-subcutaneous-tissue-l72"
)
XENTRY = "https://xentrydiagnosis.store/cyst-diagnosis-code"
ASKDEFINE = "https://milium.askdefine.com/"
DRNIKITA = "https://drnikitaderma.com/millia.php"
MUMSTREET = (
    "http://mumstreet.co.uk/content/your-baby/health-and-safety/your-guide-to-baby-milk-spots/"
)
DERMASCOPE = "https://www.dermascope.com/scope-this/milia"
INFO77 = "https://info77.blogspot.com/2008/08/milium.html"
HU_FRWIKI = "https://hu.frwiki.wiki/wiki/Milium_%28m%C3%A9decine%29"
ESTEEM = "https://www.esteembeauty.co.uk/service-page/millia-removal-face-eyelids"
ASKVITY = "https://askvity.info/skin-condition/what-is-milla"
RECIPES_REPOST = "https://easy-and-delicious-recipes.asckat.com/2025/07/01/if-you-have-tiny-white-bumps-on-your-face-dont-try-to-remove-them/2"
FLO = "https://flo.health/being-a-mom/your-baby/baby-health-and-safety/milia"


def _ref(key: str, url: str, title: str, publisher: str, strength: str) -> dict:
    return {"key": key, "url": url, "title": title, "publisher": publisher, "strength": strength}


# Each reference: key (stable slug), url (exact address from the fact sheet), title, publisher,
# strength ("strong" for peer-reviewed/professional references, "weak" for clinic/consumer pages).
REFERENCES = [
    {
        "key": "berk-bayliss-2008",
        "url": BERK_BAYLISS,
        "title": "Berk DR, Bayliss SJ. Milia: a review and classification. J Am Acad Dermatol 2008;59:1050-63",
        "publisher": "Journal of the American Academy of Dermatology (via Actas Dermo-Sifiliográficas DOI resolver)",
        "strength": "strong",
    },
    # Strong sources: reviews, professional references, textbooks, journals and their copies.
    _ref(
        "berk-bayliss-2008-scribd",
        BERK_BAYLISS_SCRIBD,
        "Berk & Bayliss, Milia: a review and classification (2008), copy of the paper",
        "Scribd (copy of a Journal of the American Academy of Dermatology article)",
        "strong",
    ),
    _ref(
        "medscape-milia-app",
        MEDSCAPE_APP,
        "Milia (Medscape dermatology reference, mobile app copy)",
        "Medscape",
        "strong",
    ),
    _ref(
        "medscape-milia",
        MEDSCAPE,
        "Milia (Medscape dermatology reference, Berk & Bayliss classification)",
        "Medscape (eMedicine)",
        "strong",
    ),
    _ref(
        "statpearls-milia",
        STATPEARLS_MILIA,
        "Milia (StatPearls review article)",
        "StatPearls",
        "strong",
    ),
    _ref(
        "statpearls-palatal-cysts",
        STATPEARLS_PALATAL,
        "Epstein pearls and palatal cysts of the newborn (StatPearls review article)",
        "StatPearls",
        "strong",
    ),
    _ref(
        "entokey-milia",
        ENTOKEY_MILIA,
        "Milia (dermatology textbook chapter)",
        "Entokey (copy of a textbook chapter)",
        "strong",
    ),
    _ref(
        "entokey-syringoma",
        ENTOKEY_SYRINGOMA,
        "Syringoma (dermatology textbook chapter)",
        "Entokey (copy of a textbook chapter)",
        "strong",
    ),
    _ref(
        "psk-milia",
        PSK_MILIA,
        "Milia (textbook chapter: appearance, causes and origin)",
        "Plastic Surgery Key (copy of a textbook chapter)",
        "strong",
    ),
    _ref(
        "psk-milia-treatment",
        PSK_MILIA_2,
        "Milia (textbook chapter: treatment)",
        "Plastic Surgery Key (copy of a textbook chapter)",
        "strong",
    ),
    _ref(
        "psk-eccrine-syringoma",
        PSK_SYRINGOMA,
        "Eccrine syringoma (textbook chapter)",
        "Plastic Surgery Key (copy of a textbook chapter)",
        "strong",
    ),
    _ref(
        "case-benign-primary-milia",
        CDHUB_BENIGN,
        "Benign primary milia (clinical case article)",
        "Clinical case article site (staging-site copy)",
        "strong",
    ),
    _ref(
        "case-nevus-depigmentosus",
        CDHUB_NEVUS,
        "Hypopigmented patch on a 7-year-old's back: nevus depigmentosus (clinical case article)",
        "Clinical case article site (staging-site copy)",
        "strong",
    ),
    _ref(
        "atlas-lumps-bumps-20",
        ADHUB_ATLAS,
        "Atlas of lumps and bumps, part 20: syringoma (clinical photo essay)",
        "Clinical photo essay site (adhub360)",
        "strong",
    ),
    _ref(
        "thederm-milia-en-plaque",
        THEDERM_MEP,
        "Milia en plaque (The Dermatologist clinical article)",
        "The Dermatologist (staging-site copy)",
        "strong",
    ),
    _ref(
        "patientcare-newborn-milia",
        PATIENTCARE,
        "Newborn milia (clinical article)",
        "Patient Care Online",
        "strong",
    ),
    _ref(
        "clobetasol-induced-milia",
        CLOBETASOL,
        "Clobetasol-induced milia (journal case report)",
        "coek.info (copy of a journal article)",
        "strong",
    ),
    _ref(
        "jdcr-bullous-pemphigoid-milia",
        JDCR_BP,
        "Extensive milia formation in bullous pemphigoid: a rare healing sequela (case report, 2025)",
        "JDCR (jdcronline.org)",
        "strong",
    ),
    _ref(
        "cosmoderma-mem-2023",
        COSMODERMA,
        "Idiopathic multiple eruptive milia: clinical and dermoscopic correlation (case report, 2023)",
        "Cosmoderma",
        "strong",
    ),
    _ref(
        "cosmoderma-mem-2023-page",
        COSMODERMA_SLASH,
        "Idiopathic multiple eruptive milia: clinical and dermoscopic correlation (article page with image licence, CC BY-NC-SA 4.0)",
        "Cosmoderma",
        "strong",
    ),
    _ref(
        "springer-oral-cysts-newborn",
        SPRINGER_ORAL,
        "Oral cysts of the newborn: Epstein pearls, Bohn nodules and gingival cysts (reference work entry)",
        "Springer",
        "strong",
    ),
    _ref(
        "oral-mucosa-cysts-newborns",
        ORAL_CYSTS_STUDY,
        "Cysts of the oral mucosa in newborns (study of 393 infants, abstract)",
        "R Discovery (researcher.life)",
        "strong",
    ),
    _ref(
        "skin-disease-text-neonatal-acne",
        SKYSCAPE_SKIN,
        "Neonatal acne and milia (skin disease textbook, 4th edition, e-book)",
        "Skyscape (medical e-book)",
        "strong",
    ),
    _ref(
        "paediatric-derm-text-neonatal-acne",
        SKYSCAPE_PAED,
        "Neonatal acne (paediatric dermatology textbook, 4th edition, e-book)",
        "Skyscape (medical e-book)",
        "strong",
    ),
    _ref(
        "actas-mep-ears-radiotherapy",
        ACTAS_MEP_EARS,
        "Milia en plaque on the back of the ears after radiotherapy (case report)",
        "Actas Dermo-Sifiliográficas",
        "strong",
    ),
    _ref(
        "docksci-mep-new-site",
        DOCKSCI_MEP,
        "A new site of milia en plaque: report of a case and review of the literature",
        "DocKsci (copy of a journal article)",
        "strong",
    ),
    _ref(
        "contemporary-pediatrics-mep",
        CONTEMP_PEDS_MEP,
        "Posttraumatic lesion persists on a child's forearm (milia en plaque case)",
        "Contemporary Pediatrics",
        "strong",
    ),
    _ref(
        "mdedge-mep-behind-ear",
        MDEDGE_MEP,
        "Rapidly growing lump behind the ear (dermatopathology case: milia en plaque)",
        "MDedge Dermatology",
        "strong",
    ),
    _ref(
        "dermatology-online-journal-mem",
        ESCHOLARSHIP_MEM,
        "Multiple eruptive milia resistant to treatment (case report)",
        "Dermatology Online Journal (eScholarship, University of California)",
        "strong",
    ),
    _ref(
        "ijpd-2012-mem",
        IJPD_MEM,
        "Multiple eruptive milia (case report, Kumar, Indian J Paediatr Dermatol 2012;13(1):44-45)",
        "Indian Journal of Paediatric Dermatology",
        "strong",
    ),
    _ref(
        "njcp-2018-mem",
        NJCP_MEM,
        "Multiple eruptive milia (case report, Yahya, Niger J Clin Pract 2018;21(3):395-396)",
        "Nigerian Journal of Clinical Practice",
        "strong",
    ),
    _ref(
        "altmeyer-mem",
        ALTMEYER_MEM,
        "Milia, multiple eruptive (dermatology encyclopedia entry)",
        "Altmeyers Enzyklopädie",
        "strong",
    ),
    _ref(
        "pubmed-31145059-nevus-depigmentosus",
        PUBMED_NEVUS,
        "Nevus depigmentosus (journal article, PubMed record 31145059)",
        "PubMed (US National Library of Medicine)",
        "strong",
    ),
    _ref(
        "healio-milia-children-2013",
        HEALIO_PEDS,
        "Milia and related findings in children (paediatrics clinical article, 2013)",
        "Healio",
        "strong",
    ),
    _ref(
        "five-minute-pediatric-consult-milia",
        FIVE_MINUTE_PEDS,
        "Milia (Select 5-Minute Pediatric Consult)",
        "Unbound Medicine",
        "strong",
    ),
    _ref(
        "jama-derm-steroid-milia",
        JAMA_STEROID,
        "Milia in older patients after long-term topical steroids (journal article abstract)",
        "JAMA Dermatology",
        "strong",
    ),
    _ref(
        "cleveland-laser-resurfacing",
        CLEVELAND_LASER,
        "Laser skin resurfacing: risks and benefits",
        "Cleveland Clinic",
        "strong",
    ),
    _ref(
        "cleveland-co2-laser",
        CLEVELAND_CO2,
        "Carbon dioxide (CO2) laser resurfacing: risks and benefits",
        "Cleveland Clinic",
        "strong",
    ),
    _ref(
        "jdd-tattoo-milia",
        JDD_TATTOO,
        "Eruptive milia in a tattoo (case report)",
        "Journal of Drugs in Dermatology",
        "strong",
    ),
    _ref("mayo-milia", MAYO_MILIA, "Milia (patient information)", "Mayo Clinic", "strong"),
    _ref(
        "mayo-laser-resurfacing",
        MAYO_LASER,
        "Laser resurfacing: risks (patient information)",
        "Mayo Clinic",
        "strong",
    ),
    _ref(
        "mayo-milia-stclair",
        MAYO_STCLAIR,
        "Milia (Mayo Clinic health information)",
        "St. Clair Health (licensed Mayo Clinic content)",
        "strong",
    ),
    _ref(
        "patsatsi-2020-blistering-milia",
        PATSATSI_2020,
        "Patsatsi A, Uy A, Murrell DF. Milia in subepidermal blistering diseases. Int J Womens Dermatol 2020 (doi:10.1016/j.ijwd.2020.03.045)",
        "International Journal of Women's Dermatology (DOAJ record)",
        "strong",
    ),
    _ref(
        "abcdocz-milia-en-plaque",
        ABCDOCZ_MEP,
        "Milia en plaque (milia em placa), journal article",
        "abcdocz.com (copy of a journal article)",
        "strong",
    ),
    _ref(
        "mendeley-milia-en-plaque",
        MENDELEY_MEP,
        "Milia en plaque: causes, look-alikes and treatment with cryotherapy (journal article record)",
        "Mendeley catalogue",
        "strong",
    ),
    _ref(
        "visualdx-flat-wart",
        VISUALDX_WART,
        "Flat wart (clinical diagnosis reference)",
        "VisualDx",
        "strong",
    ),
    _ref(
        "gponline-syringoma-vs-milia",
        GP_SYRINGOMA,
        "At a glance: syringoma versus milia",
        "GPonline",
        "strong",
    ),
    _ref(
        "gponline-facial-lesions",
        GP_FACIAL,
        "Differential diagnoses of facial lesions",
        "GPonline",
        "strong",
    ),
    _ref(
        "dermnet-sebaceous-hyperplasia",
        DERMNET_SH,
        "Sebaceous hyperplasia: appearance (dermatology atlas video)",
        "Dermnet (dermnet.com)",
        "strong",
    ),
    _ref(
        "who-icd10-2019-l60-l75",
        WHO_ICD10,
        "ICD-10 Version 2019, block L60-L75: disorders of skin appendages",
        "World Health Organization",
        "strong",
    ),
    _ref(
        "annals-derm-2010-mem",
        KOREAMED_MEM,
        "Multiple eruptive milia in unusual sites (case report, 2010; CC BY-NC)",
        "Annals of Dermatology (KoreaMed Synapse)",
        "strong",
    ),
    # Weak sources: clinic, consumer, blog, wiki, copied, AI-generated or unclear pages.
    _ref("sanomedica-milia", SANOMEDICA, "Milia (health information page)", "Sanomedica", "weak"),
    _ref("wikimd-milium", WIKIMD, "Milium (dermatology) (wiki article)", "WikiMD", "weak"),
    _ref(
        "academe-molluscum-notes",
        ACADEME_MOLLUSCUM,
        "Molluscum contagiosum recognition (dermatology study notes)",
        "academe-learn.pages.dev",
        "weak",
    ),
    _ref(
        "healthjade-epstein-pearls",
        HEALTHJADE,
        "Epstein pearls (consumer health article)",
        "Health Jade",
        "weak",
    ),
    _ref(
        "qv-baby-milia", QV_BABY, "What is baby milia? (parenting article)", "QV Skincare", "weak"
    ),
    _ref(
        "pediagenosis-milia",
        PEDIAGENOSIS,
        "Milia (medical illustration blog post)",
        "Pediagenosis",
        "weak",
    ),
    _ref(
        "ameglei-milia",
        AMEGLEI,
        "Milia (German-language dermatology article, origin unclear)",
        "ameglei.com",
        "weak",
    ),
    _ref(
        "dovemed-drug-induced-milia",
        DOVEMED,
        "Drug-induced milia (consumer health page)",
        "DoveMed",
        "weak",
    ),
    _ref(
        "veritas-milia-seeds",
        VERITAS,
        "Milia seeds removal (clinic page)",
        "veritas.com.sg (clinic site)",
        "weak",
    ),
    _ref(
        "midtownderm-milia",
        MIDTOWNDERM,
        "Milia (dermatology clinic blog post)",
        "midtownderm (clinic site)",
        "weak",
    ),
    _ref(
        "london-skin-hair-milia",
        LONDON_SKIN,
        "Milia (clinic page)",
        "The London Skin and Hair Clinic",
        "weak",
    ),
    _ref("modelderm-milia", MODELDERM, "Milia (dermatology wiki page)", "ModelDerm", "weak"),
    _ref(
        "biologyinsights-closed-comedones",
        BIOLOGYINSIGHTS,
        "What do closed comedones look like? (blog article)",
        "Biology Insights",
        "weak",
    ),
    _ref(
        "wikipedia-verruca-plana",
        WIKIPEDIA_WART,
        "Verruca plana (encyclopedia article)",
        "Wikipedia",
        "weak",
    ),
    _ref("naaman-milia", NAAMAN, "Milia (clinic page)", "Naaman Skin Clinic", "weak"),
    _ref(
        "consumerhealth-milia",
        CONSUMERHEALTH,
        "Milia (consumer health page)",
        "ConsumerHealth.info",
        "weak",
    ),
    _ref("medic8-baby-milia", MEDIC8, "Milia in babies (health guide)", "Medic8", "weak"),
    _ref(
        "brighthealthykids-milia",
        BRIGHTHEALTHYKIDS,
        "Milia (parenting health article)",
        "Bright Healthy Kids",
        "weak",
    ),
    _ref("wikizero-milia", WIKIZERO, "Milia (mirror of the Wikipedia article)", "WikiZero", "weak"),
    _ref(
        "typology-milium-cysts",
        TYPOLOGY,
        "Milium cysts: how to get rid of them (cosmetics brand article)",
        "Typology",
        "weak",
    ),
    _ref(
        "droracle-milia-management",
        DRORACLE_MANAGEMENT,
        "Management of milia (AI-generated summary; not an evidence source)",
        "Dr. Oracle (droracle.ai)",
        "weak",
    ),
    _ref(
        "droracle-milia-treatment",
        DRORACLE_TREATMENT,
        "Treatment of milia (AI-generated summary; not an evidence source)",
        "Dr. Oracle (droracle.ai)",
        "weak",
    ),
    _ref("qderm-milia", QDERM, "Milia (clinic page)", "Qderm (clinic site)", "weak"),
    _ref(
        "zaro-remove-milia",
        ZARO,
        "Can I remove my milia? (question-and-answer page)",
        "Zaro",
        "weak",
    ),
    _ref(
        "contourderm-milia",
        CONTOURDERM,
        "Milia (dermatology clinic page)",
        "Contour Dermatology",
        "weak",
    ),
    _ref(
        "stylist-milia",
        STYLIST,
        "Milia: white bumps, causes and treatment (magazine article)",
        "Stylist",
        "weak",
    ),
    _ref(
        "neonataldisorders-milia",
        NEONATALDISORDERS,
        "Milia (newborn health information site)",
        "neonataldisorders.com",
        "weak",
    ),
    _ref(
        "copied-milia-page",
        GUASTAVINO_COPY,
        "Milia (copied page)",
        "gm.guastavinovaulting.com (copied content)",
        "weak",
    ),
    _ref(
        "pedia-time-newborn-milia",
        PEDIA_TIME,
        "Milia in newborns (AI-assisted notes)",
        "Pedia-Time",
        "weak",
    ),
    _ref(
        "village-derm-enlarged-oil-glands",
        VILLAGE_DERM,
        "Enlarged oil glands (dermatology clinic page)",
        "Village Dermatology, Houston",
        "weak",
    ),
    _ref(
        "icdcodes-ai-milia",
        ICDCODES_AI,
        "Milia: ICD-10-CM coding documentation",
        "icdcodes.ai (unofficial coding site)",
        "weak",
    ),
    _ref(
        "icdlist-l72",
        ICDLIST_L72,
        "ICD-10-CM L72: follicular cysts of skin and subcutaneous tissue",
        "ICDList (unofficial coding site)",
        "weak",
    ),
    _ref(
        "xentry-cyst-code",
        XENTRY,
        "Cyst diagnosis code (coding page)",
        "xentrydiagnosis.store",
        "weak",
    ),
    _ref("askdefine-milium", ASKDEFINE, "Milium (dictionary page)", "AskDefine", "weak"),
    _ref(
        "drnikita-milia",
        DRNIKITA,
        "Milia (dermatology clinic page)",
        "Dr Nikita dermatology clinic",
        "weak",
    ),
    _ref(
        "mumstreet-milk-spots",
        MUMSTREET,
        "Your guide to baby milk spots (UK parenting site)",
        "Mumstreet",
        "weak",
    ),
    _ref(
        "dermascope-milia",
        DERMASCOPE,
        "Scope this: milia (skin-care trade magazine)",
        "Dermascope",
        "weak",
    ),
    _ref("info77-milium", INFO77, "Milium (blog post, 2008)", "Blogspot (info77)", "weak"),
    _ref(
        "hu-frwiki-milium",
        HU_FRWIKI,
        "Milium (médecine) (Hungarian mirror of the French Wikipedia article)",
        "frwiki.wiki",
        "weak",
    ),
    _ref(
        "esteem-milia-removal",
        ESTEEM,
        "Milia removal on the face and eyelids (beauty salon page)",
        "Esteem Beauty",
        "weak",
    ),
    _ref(
        "askvity-milla",
        ASKVITY,
        "What is milla? (question-and-answer page using a misspelling)",
        "Askvity",
        "weak",
    ),
    _ref(
        "repost-tiny-white-bumps",
        RECIPES_REPOST,
        "If you have tiny white bumps on your face, don't try to remove them (repost on a recipe site)",
        "asckat.com (repost)",
        "weak",
    ),
    _ref("flo-baby-milia", FLO, "Milia in babies (parenting app article)", "Flo Health", "weak"),
    # Rules on product claims (fact sheet section 10).
    _ref(
        "wsp-fda-product-definitions",
        "https://www.wholesalesuppliesplus.com/blogs/articles/fda-product-definitions-information",
        "FDA product definitions: cosmetic or drug (supplier blog)",
        "Wholesale Supplies Plus",
        "weak",
    ),
    _ref(
        "capote-cosmetics-law",
        "https://www.capotelawfirm.com/cosmetics",
        "Cosmetics: FDA rules on cosmetic and drug claims (law firm page)",
        "Capote Law Firm",
        "weak",
    ),
    _ref(
        "allure-cosmetic-claims",
        "https://pling.zinioapps.com/publications/allure/1155/issues/507750/articles",
        "Allure magazine article on cosmetic and drug claims (digital edition)",
        "Allure (Zinio)",
        "weak",
    ),
    _ref(
        "perkinscoie-cosmetic-drug",
        "https://perkinscoie.com/insights/blog/cosmetic-drug-or-both",
        "Cosmetic, drug, or both? (law firm blog)",
        "Perkins Coie",
        "weak",
    ),
    _ref(
        "ftc-claim-substantiation",
        "https://ftcdefenselawyer.com/advertising-claim-substantiation/",
        "Advertising claim substantiation (law firm page)",
        "ftcdefenselawyer.com",
        "weak",
    ),
    _ref(
        "happi-ftc-health-claims",
        "https://ajay.happi.rodmanadmin.com/ftc-health-related-claims-guidance-its-impact-on-general-advertising",
        "FTC health-related claims guidance: its impact on general advertising (trade magazine)",
        "Happi",
        "weak",
    ),
    _ref(
        "eas-claim-substantiation",
        "https://easconsultinggroup.com/product-claim-substantiation/",
        "Product claim substantiation (consultancy page)",
        "EAS Consulting Group",
        "weak",
    ),
    _ref(
        "eu-655-2013",
        "https://eurlexa.com/act/en/32013R0655/present/text",
        "Commission Regulation (EU) No 655/2013: common criteria for cosmetic claims (text)",
        "eurlexa.com (EU law text)",
        "strong",
    ),
    _ref(
        "premiumbeautynews-common-criteria",
        "http://premiumbeautynews.com/en/common-criteria-for-cosmetic,5676",
        "Common criteria for cosmetic claims (trade news article)",
        "Premium Beauty News",
        "weak",
    ),
    _ref(
        "hpra-cosmetic-claims",
        "http://www.hpra.ie/homepage/cosmetics/regulatory-information/placing-cosmetic-products-on-the-irish-market/claims",
        "Cosmetic product claims (placing cosmetic products on the Irish market)",
        "Health Products Regulatory Authority (Ireland)",
        "strong",
    ),
    _ref(
        "pinsentmasons-cosmetic-adverts",
        "https://www.pinsentmasons.com/en-gb/out-law/analysis/adverts-for-cosmetics-must-skirt-tight-medicines-regulation-around-the-world",
        "Adverts for cosmetics must skirt tight medicines regulation around the world (legal analysis)",
        "Pinsent Masons Out-Law",
        "weak",
    ),
    _ref(
        "eu-cosmetic-claims-guide-scribd",
        "https://www.scribd.com/document/655020390/guide-reg-claims-en",
        "Guide to the EU rules on cosmetic claims (copy)",
        "Scribd (copy)",
        "weak",
    ),
    _ref(
        "asa-cap-code-12",
        "https://asa.org.uk/type/capcode/code_rule/12.11.html",
        "CAP Code section 12: medicines, medical devices, health and beauty products",
        "Advertising Standards Authority (UK)",
        "strong",
    ),
    _ref(
        "asa-beauty-cosmetics",
        "https://asa.org.uk/advice-online/beauty-and-cosmetics-general.html",
        "Beauty and cosmetics: general (advertising advice)",
        "Advertising Standards Authority (UK)",
        "strong",
    ),
    _ref(
        "asa-cosmetic-claims-guide",
        "https://www.asa.org.uk/news/a-compact-guide-to-cosmetic-ad-claims.html",
        "A compact guide to cosmetic ad claims",
        "Advertising Standards Authority (UK)",
        "strong",
    ),
    # Picture sources and their licence terms (fact sheet appendix).
    _ref(
        "derm-image-sources-catalogue",
        "https://dermimages.alicestang.com/sources",
        "Dermatology image sources and their licences (third-party catalogue)",
        "dermimages.alicestang.com",
        "weak",
    ),
    _ref(
        "skinimages-terms",
        "https://skinimages.ca/terms-of-use/",
        "Terms of use (image licence)",
        "SkinImages.ca",
        "strong",
    ),
    _ref(
        "dermis-copyright",
        "http://zope.dermis.net/e04info/e05copyright/index_eng.html",
        "Copyright and image use terms",
        "DermIS (dermis.net)",
        "strong",
    ),
    _ref(
        "bc-emergency-content-policies",
        "https://www.bcemergencynetwork.ca/about-us/content-review-process-and-policies/",
        "Content review process and policies (including open image sources)",
        "BC Emergency Medicine Network",
        "strong",
    ),
]

# The identifier's site codes; region is one of face, head, trunk, limbs, genitals.
BODY_SITES = [
    {"code": "eyelids", "name": "Eyelids", "region": "face"},
    {"code": "around_eyes", "name": "Around and under the eyes", "region": "face"},
    {"code": "nose", "name": "Nose", "region": "face"},
    {"code": "cheeks", "name": "Cheeks", "region": "face"},
    {"code": "forehead", "name": "Forehead and temples", "region": "face"},
    {"code": "lips", "name": "Lips", "region": "face"},
    {"code": "chin", "name": "Chin", "region": "face"},
    {"code": "ears", "name": "Ears (including behind the ear)", "region": "head"},
    {
        "code": "inside_mouth",
        "name": "Inside the mouth (roof of the mouth or gums)",
        "region": "face",
    },
    {"code": "scalp", "name": "Scalp", "region": "head"},
    {"code": "neck", "name": "Neck", "region": "head"},
    {"code": "chest_back", "name": "Chest, tummy and back", "region": "trunk"},
    {"code": "arms", "name": "Arms", "region": "limbs"},
    {"code": "hands", "name": "Hands and fingers", "region": "limbs"},
    {"code": "knees_elbows", "name": "Knees and elbows", "region": "limbs"},
    {"code": "legs", "name": "Legs", "region": "limbs"},
    {"code": "genitals", "name": "Genitals", "region": "genitals"},
]

# Causes and triggers (fact sheet section 3). well_supported=False where only clinic, consumer or
# listing-level sources make the claim.
_BLISTER_REVIEW = [PATSATSI_2020]
_OTHER_DISEASE_LIST = [AMEGLEI, SANOMEDICA, PSK_MILIA]
_DRUG_LIST = [ABCDOCZ_MEP, AMEGLEI, MENDELEY_MEP]
_WEAK_CLAIMS = [MIDTOWNDERM, LONDON_SKIN, MODELDERM]


def _trigger(slug, name, kind, note, references, well_supported=True):
    return {
        "slug": slug,
        "name": name,
        "kind": kind,
        "note": note,
        "well_supported": well_supported,
        "references": references,
    }


TRIGGERS = [
    # Skin diseases, mostly ones that cause blisters under the top layer of skin.
    _trigger(
        "epidermolysis-bullosa",
        "Epidermolysis bullosa (EB)",
        "disease",
        "An inherited condition that makes skin blister easily; milia often form where the blisters heal.",
        [PATSATSI_2020, MEDSCAPE_APP, BERK_BAYLISS],
    ),
    _trigger(
        "epidermolysis-bullosa-acquisita",
        "Epidermolysis bullosa acquisita (EBA)",
        "disease",
        "A blistering skin disease; milia are a more typical part of healing here than in bullous pemphigoid.",
        [PATSATSI_2020, JDCR_BP],
    ),
    _trigger(
        "bullous-pemphigoid",
        "Bullous pemphigoid",
        "disease",
        "A blistering skin disease; milia can form where blisters heal, but this is unusual.",
        [PATSATSI_2020, JDCR_BP],
    ),
    _trigger(
        "bullous-lichen-planus",
        "Bullous lichen planus",
        "disease",
        "A blistering form of lichen planus (a skin rash); milia can form as the blisters heal.",
        _BLISTER_REVIEW,
    ),
    _trigger(
        "porphyria-cutanea-tarda",
        "Porphyria cutanea tarda (PCT)",
        "disease",
        "A condition in which fragile skin blisters and heals with scars and milia, often on the backs of the hands.",
        [PATSATSI_2020, PEDIAGENOSIS, MEDSCAPE_APP],
    ),
    _trigger(
        "bullous-lupus",
        "Bullous lupus erythematosus",
        "disease",
        "A blistering form of lupus; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "dermatitis-herpetiformis",
        "Dermatitis herpetiformis",
        "disease",
        "A blistering skin rash; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "herpes-zoster",
        "Shingles (herpes zoster)",
        "disease",
        "A painful blistering rash; milia have been listed among its after-effects.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "discoid-lupus",
        "Discoid lupus",
        "disease",
        "A form of lupus that affects the skin; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "lichen-sclerosus",
        "Lichen sclerosus",
        "disease",
        "A long-lasting skin condition; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "sweet-syndrome",
        "Sweet syndrome",
        "disease",
        "A rare inflammatory skin condition; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "stevens-johnson-syndrome",
        "Stevens-Johnson syndrome",
        "disease",
        "A severe reaction that blisters the skin; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "staphylococcal-scalded-skin",
        "Staphylococcal scalded skin syndrome",
        "disease",
        "A blistering skin infection; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "congenital-syphilis",
        "Congenital syphilis",
        "disease",
        "An infection passed from mother to baby before birth; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "calcinosis-cutis",
        "Calcinosis cutis",
        "disease",
        "Chalky calcium deposits in the skin; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "leprosy",
        "Leprosy",
        "disease",
        "An infection that can affect the skin; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "leishmaniasis",
        "Leishmaniasis",
        "disease",
        "An infection that can affect the skin; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "phototoxic-reaction",
        "Phototoxic reactions",
        "disease",
        "Skin reactions brought on by light; these are named in lists of causes of milia.",
        _OTHER_DISEASE_LIST,
    ),
    _trigger(
        "bullous-amyloidosis",
        "Bullous amyloidosis",
        "disease",
        "A rare blistering skin condition; it is named in lists of diseases linked to milia.",
        _OTHER_DISEASE_LIST,
    ),
    # Medicines.
    _trigger(
        "topical-corticosteroids",
        "Steroid creams and ointments (topical corticosteroids)",
        "medication",
        "Strong steroid creams can cause milia where they are used, in one report within 2 weeks, and in older skin after long use.",
        [*_DRUG_LIST, CLOBETASOL, JAMA_STEROID],
    ),
    _trigger(
        "topical-5-fluorouracil",
        "5-fluorouracil cream (topical)",
        "medication",
        "This cream is named in lists of medicines that can cause milia.",
        _DRUG_LIST,
    ),
    _trigger(
        "oral-cyclosporine",
        "Cyclosporine (taken by mouth)",
        "medication",
        "This medicine is named in lists of medicines that can cause milia.",
        _DRUG_LIST,
    ),
    _trigger(
        "benoxaprofen",
        "Benoxaprofen (taken by mouth)",
        "medication",
        "This medicine is named in lists of medicines that can cause milia.",
        _DRUG_LIST,
    ),
    _trigger(
        "penicillamine",
        "Penicillamine",
        "medication",
        "This medicine is named in lists of medicines that can cause milia.",
        _DRUG_LIST,
    ),
    _trigger(
        "isotretinoin",
        "Isotretinoin",
        "medication",
        "This medicine is named in lists of medicines that can cause milia.",
        _DRUG_LIST,
    ),
    _trigger(
        "tyrosine-kinase-inhibitors",
        "Tyrosine kinase inhibitors",
        "medication",
        "These medicines can bring on sudden crops of milia on the face, starting 2 to 20 days after the medicine is started.",
        [ALTMEYER_MEM],
    ),
    _trigger(
        "hydroquinone-creams",
        "Hydroquinone creams",
        "medication",
        "Only one consumer health website names these creams as a cause, so the link is weak.",
        [DOVEMED],
        well_supported=False,
    ),
    # Injuries and procedures.
    _trigger(
        "burns",
        "Burns, including sunburn",
        "trauma",
        "Milia can form as burnt skin heals, including after sunburn.",
        [MEDSCAPE_APP],
    ),
    _trigger(
        "dermabrasion",
        "Dermabrasion",
        "trauma",
        "Sanding down the top layer of skin can cause milia as the skin heals.",
        [MEDSCAPE_APP],
    ),
    _trigger(
        "laser-resurfacing",
        "Ablative laser resurfacing",
        "trauma",
        "Milia are common after laser treatments that remove the top layer of skin, usually within about a month.",
        [ABCDOCZ_MEP, CLEVELAND_CO2, CLEVELAND_LASER],
    ),
    _trigger(
        "post-laser-creams-dressings",
        "Thick creams and dressings after laser treatment",
        "trauma",
        "Heavy creams and dressings used while skin heals after laser treatment may cause short-lived milia.",
        [MAYO_LASER],
    ),
    _trigger(
        "radiotherapy",
        "Radiotherapy",
        "trauma",
        "Radiation treatment can rarely cause milia in the treated area, including milia en plaque on the ears.",
        [PSK_MILIA, ACTAS_MEP_EARS],
    ),
    _trigger(
        "abrasions", "Grazes (abrasions)", "trauma", "Milia can form as a graze heals.", [AMEGLEI]
    ),
    _trigger(
        "surgical-wounds",
        "Surgery wounds",
        "trauma",
        "Milia can form in healing wounds after an operation.",
        [AMEGLEI],
    ),
    _trigger(
        "cryotherapy",
        "Freezing treatment (cryotherapy)",
        "trauma",
        "Milia can form where skin was frozen to treat another skin problem.",
        [AMEGLEI],
    ),
    _trigger(
        "tattoos",
        "Tattoos",
        "trauma",
        "Crops of milia in a tattoo have been reported, but this is extremely rare.",
        [JDD_TATTOO],
    ),
    # Claimed, but weakly supported.
    _trigger(
        "topical-perfumes",
        "Perfumes put on the skin",
        "other",
        "One journal article lists perfumes among the possible causes of milia en plaque; there is little evidence.",
        [MENDELEY_MEP],
        well_supported=False,
    ),
    _trigger(
        "heavy-skincare",
        "Heavy or occlusive skin care",
        "other",
        "Clinic and consumer pages say thick, heavy skin products may cause milia, but this has not been tested.",
        _WEAK_CLAIMS,
        well_supported=False,
    ),
    _trigger(
        "sun-damage",
        "Sun damage",
        "other",
        "Clinic and consumer pages link long-term sun damage to milia, but this has not been tested.",
        _WEAK_CLAIMS,
        well_supported=False,
    ),
    _trigger(
        "ageing",
        "Ageing skin",
        "other",
        "Clinic and consumer pages link ageing skin to milia, but this has not been tested.",
        _WEAK_CLAIMS,
        well_supported=False,
    ),
    _trigger(
        "eye-rubbing",
        "Rubbing the eyes",
        "other",
        "Clinic and consumer pages say rubbing the eyes may cause milia, but this has not been tested.",
        _WEAK_CLAIMS,
        well_supported=False,
    ),
]

D = decimal.Decimal

# The ten subtypes of the Berk & Bayliss 2008 classification, in the order the guide lists them.
MILIA_TYPES = [
    {
        "slug": "congenital-milia",
        "name": "Newborn (congenital) milia",
        "group": "primary",
        "summary": (
            "Tiny white bumps that many babies have at birth, most often on the nose. "
            "They are harmless and go away on their own."
        ),
        "origin": (
            "They form at the opening of the tiny hair follicles that fine body hairs grow from. "
            "Each bump is a tiny harmless (benign) cyst filled with keratin, a tough protein found in skin."
        ),
        "who_gets_it": (
            "Babies. The bumps are there at birth. Boys and girls of all races get them equally often. "
            "Babies born early (premature) may get them less often, and a little later."
        ),
        "body_sites": ["nose", "cheeks", "eyelids", "scalp", "chest_back", "arms"],
        "sites_text": (
            "Mostly the face, especially the nose. They can also appear on the cheeks, eyelids, scalp, "
            "upper chest or back, and upper arms."
        ),
        "appearance_text": (
            "Tiny white or yellowish dots, usually 1–2 mm across, about the size of a pinhead. "
            "In newborns they are often no bigger than 1 mm. They are smooth, firm and domed. "
            "There is no red ring around them. A baby may have a few or a lot."
        ),
        "causes_text": (
            "Doctors do not know why they form. Milk, feeding and the way you wash your baby do not cause them. "
            "No family link is known, and they cannot be prevented. Nothing you did caused them."
        ),
        "triggers": [],
        "natural_course": (
            "They clear up by themselves, often by about 1 month of age. Some take a few months. "
            "They need no treatment. Do not squeeze or pick them, and do not put creams or lotions on them."
        ),
        "how_common": "Very common. They are seen in 40–50% of newborns.",
        "distinguishing_cue": (
            "They are there from birth, and they are white with no red base. "
            "Baby acne is a different condition: it usually starts at 2–3 weeks old, with red spots and small pus spots."
        ),
        "see_doctor": (
            "Get your baby checked promptly if they seem unwell, or if you see blisters filled with fluid. "
            "Ask your doctor or health visitor if you see redness, swelling, oozing or crusting around the spots, "
            "as this could mean infection. Ask too if the spots are still there after about 3–4 months, "
            "spread in an unusual way, or come with other skin changes."
        ),
        "evidence_note": (
            "The figure of 40–50% of newborns comes from a major medical review (Berk and Bayliss, 2008). "
            "Other sources say about 40% or about half. The advice to ask about spots that last beyond 3–4 months "
            "comes from a weaker source."
        ),
        "references": [
            BERK_BAYLISS,
            STATPEARLS_MILIA,
            MEDSCAPE,
            PATIENTCARE,
            SKYSCAPE_SKIN,
            FIVE_MINUTE_PEDS,
            MAYO_MILIA,
            MAYO_STCLAIR,
            QV_BABY,
            MEDIC8,
            BRIGHTHEALTHYKIDS,
            PEDIA_TIME,
        ],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 14,
        "red_base": False,
    },
    {
        "slug": "benign-primary-milia",
        "name": "Milia in children and adults (benign primary milia)",
        "group": "primary",
        "summary": (
            "Small, firm, pearly white bumps that appear by themselves on normal skin in children, "
            "teenagers and adults. They are most common on and around the eyelids."
        ),
        "origin": (
            "Like newborn milia, they start in the tiny hair follicles of fine body hair. "
            "Each bump is a tiny harmless (benign) cyst filled with keratin, a tough protein found in skin."
        ),
        "who_gets_it": "Children, teenagers and adults of any race. Men and women get them equally often.",
        "body_sites": ["eyelids", "around_eyes", "cheeks", "forehead", "genitals"],
        "sites_text": (
            "Most often on and around the eyelids. Also the cheeks, forehead and genitals. "
            "Rarely, they appear around the nipple or in the crease of the nose."
        ),
        "appearance_text": (
            "A few to many pearly white domes, usually 1–2 mm and no more than 3 mm across. "
            "They feel firm. There is no opening on top, and no redness around them."
        ),
        "causes_text": (
            "They appear by themselves, and doctors do not know why. People who get them have had no injury, "
            "medicine or skin disease in that spot. Some clinic and consumer websites blame heavy skin creams, "
            "sun damage, ageing or rubbing the eyes, but none of these has been tested."
        ),
        "triggers": ["heavy-skincare", "sun-damage", "ageing", "eye-rubbing"],
        "natural_course": (
            "They tend to stay. Unlike newborn milia, they do not reliably clear up on their own. "
            "They are harmless, so treatment is only needed if they bother you."
        ),
        "how_common": "Common. Doctors see them often, but no one has counted how many people have them.",
        "distinguishing_cue": (
            "They appear by themselves on skin that was normal before, with no injury, rash or blister in that spot first."
        ),
        "see_doctor": (
            "See a doctor if a single bump looks see-through (translucent) or pearly, or if it bleeds or grows, "
            "because a skin cancer must be ruled out. See a doctor if there is redness, swelling or oozing. "
            "Bumps on the genitals can be mistaken for warts or a sexually transmitted infection, so get them checked "
            "rather than guessing. If you want bumps removed near your eye, only a trained clinician should do it."
        ),
        "evidence_note": (
            "No study has counted how many children or adults have milia. "
            "The links to skin creams, sun, ageing and eye rubbing come only from clinic and consumer websites."
        ),
        "references": [
            MEDSCAPE,
            MEDSCAPE_APP,
            CDHUB_BENIGN,
            ENTOKEY_MILIA,
            BERK_BAYLISS_SCRIBD,
            COSMODERMA,
            PEDIAGENOSIS,
            WIKIZERO,
            MODELDERM,
        ],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 8,
        "red_base": False,
    },
    {
        "slug": "milia-en-plaque",
        "name": "Milia en plaque (milia on a raised patch)",
        "group": "primary",
        "summary": (
            "A rare type where many milia sit close together on a raised, red or swollen patch of skin. "
            "It is most often found behind the ear."
        ),
        "origin": (
            "Many small keratin cysts form close together in one patch. "
            "The skin around them is inflamed, which means it is red and swollen."
        ),
        "who_gets_it": (
            "Mostly middle-aged adults, and about 3 times more often women than men. "
            "One review found ages from 6 to 84. It has also been seen in children aged 2 and 4, but it is rare in children."
        ),
        "body_sites": ["ears", "eyelids", "around_eyes", "nose", "neck", "arms", "legs"],
        "sites_text": (
            "Most often behind the ear. It can also affect the earlobe or the front of the ear, the eyelids, "
            "the inner corner of the eye, the nose, the jaw and the area under it, the area just above the collarbone, "
            "and the arms or legs."
        ),
        "appearance_text": (
            "Many white to yellowish bumps, each 1–3 mm, packed onto a raised patch that is red, swollen "
            "or feels thickened. It sometimes itches or burns."
        ),
        "causes_text": (
            "Usually no cause is found, and doctors do not know how it develops. "
            "A few cases have followed radiotherapy (radiation treatment) or an injury to that skin. "
            "Some consumer websites link it to discoid lupus or lichen planus (two skin conditions), "
            "but the medical papers we checked do not confirm this."
        ),
        "triggers": ["radiotherapy", "topical-perfumes"],
        "natural_course": "It usually stays the same. One report says it may fade by itself.",
        "how_common": "Rare. One review counted fewer than 50 reported cases.",
        "distinguishing_cue": "A red, raised patch with many milia packed into it.",
        "see_doctor": (
            "See a doctor if you have milia on a red or swollen patch. A skin specialist (dermatologist) "
            "needs to rule out other conditions that can look like this."
        ),
        "evidence_note": (
            "Everything known about this type comes from single case reports and small reviews. "
            "The link to lupus or lichen planus appears only on consumer websites. "
            "Some doctors describe a form that follows an injury and call it secondary milia en plaque."
        ),
        "references": [
            THEDERM_MEP,
            ACTAS_MEP_EARS,
            DOCKSCI_MEP,
            CONTEMP_PEDS_MEP,
            MDEDGE_MEP,
            MENDELEY_MEP,
            MEDSCAPE_APP,
            MEDSCAPE,
        ],
        "colour": "white-yellow",
        "shape": "dome",
        "centre": "none",
        "grouping": "plaque",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 24,
        "red_base": True,
    },
    {
        "slug": "nodular-grouped-milia",
        "name": "Nodular grouped milia",
        "group": "primary",
        "summary": (
            "A rare type named in the medical classification of milia, where milia are grouped together "
            "in a raised lump (a nodule). Very little reliable information about it is available."
        ),
        "origin": "Not verified. We could not find reliable details of how this type forms.",
        "who_gets_it": "Not verified. We could not find reliable details of who gets this type.",
        "body_sites": [],
        "sites_text": "Not verified. We could not find reliable details of where on the body it appears.",
        "appearance_text": (
            "Milia grouped together in a raised cluster (a nodule), rather than spread over a flat red patch "
            "as in milia en plaque."
        ),
        "causes_text": "Not verified. We could not find reliable details of what causes it.",
        "triggers": [],
        "natural_course": "Not verified. We could not find reliable details of whether it goes away.",
        "how_common": "Rare.",
        "distinguishing_cue": (
            "A raised cluster of milia with no red patch underneath. "
            "This is worked out from the name of the type, not from detailed reports."
        ),
        "see_doctor": (
            "See a doctor about any raised lump made of clustered bumps, so they can check what it is."
        ),
        "evidence_note": (
            "This type is listed in the Berk and Bayliss classification (2008), which Medscape repeats. "
            "The full details of this type were not readable in the sources we checked. "
            "Its cause, who gets it, where it appears and whether it goes away are not verified, "
            "so we do not describe them."
        ),
        "references": [MEDSCAPE, PEDIAGENOSIS],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "cluster",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 16,
        "red_base": False,
    },
    {
        "slug": "multiple-eruptive-milia",
        "name": "Multiple eruptive milia (sudden crops of milia)",
        "group": "primary",
        "summary": (
            "A rare type where many milia come up over a few weeks or months, often over a wide area."
        ),
        "origin": "Each bump is a small keratin cyst that starts in a hair follicle, like other primary milia.",
        "who_gets_it": (
            "It can start at any age: reported cases range from babies to a 70-year-old. "
            "It is more common in women than in men, and it sometimes runs in families."
        ),
        "body_sites": ["cheeks", "forehead", "neck", "chest_back", "arms"],
        "sites_text": "The face, neck, upper chest and back, arms, armpits and tummy.",
        "appearance_text": (
            "Crops of roughly 10 to 100 small white bumps that come up over weeks to months. "
            "They may itch at first."
        ),
        "causes_text": (
            "Often no cause is found. It can run in families, passed down from one parent. "
            "It can be part of an inherited skin condition. It has also been reported in people taking medicines "
            "called tyrosine kinase inhibitors, starting 2 to 20 days after the medicine was started."
        ),
        "triggers": ["tyrosine-kinase-inhibitors"],
        "natural_course": (
            "It tends to stay. Treatment results vary and are often poor. "
            "In one reported case, several different treatments gave little benefit."
        ),
        "how_common": "Rare.",
        "distinguishing_cue": "Far more milia than usual, over a wider area, appearing over weeks to months.",
        "see_doctor": (
            "See a doctor if lots of milia appear over a short time. Tell them about any medicines you started "
            "recently, and whether anyone in your family has had the same."
        ),
        "evidence_note": "What we know comes from case reports only. There are no studies of how many people get it.",
        "references": [
            MEDSCAPE,
            MEDSCAPE_APP,
            ESCHOLARSHIP_MEM,
            IJPD_MEM,
            NJCP_MEM,
            ALTMEYER_MEM,
            PEDIAGENOSIS,
            COSMODERMA,
        ],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 40,
        "red_base": False,
    },
    {
        "slug": "genodermatosis-associated-milia",
        "name": "Milia with inherited skin conditions (genodermatosis-associated milia)",
        "group": "primary",
        "summary": (
            "Milia that are one sign of a rare inherited skin condition (a genodermatosis). "
            "Other signs usually go with them, such as changes to the hair, nails or teeth."
        ),
        "origin": "They are part of an inherited condition, so they are present from birth or start in childhood.",
        "who_gets_it": (
            "Children and adults with certain rare inherited conditions. Often other people in the family are affected too."
        ),
        # The sources say only "often widespread"; these codes stand for a widespread pattern.
        "body_sites": ["cheeks", "forehead", "neck", "chest_back", "arms", "legs"],
        "sites_text": "Often spread widely over the body, or in unusual places.",
        "appearance_text": (
            "Milia together with other signs, such as unusual hair, nails or teeth, changes on the palms or soles, "
            "or basal cell cancers (a type of skin cancer) at a young age. Often others in the family have the same signs."
        ),
        "causes_text": (
            "They are caused by the inherited condition. Examples include Bazex-Dupré-Christol syndrome, "
            "Rombo syndrome, Brooke-Spiegler syndrome, Basan syndrome, oral-facial-digital syndrome type 1, "
            "basal cell naevus syndrome (Gorlin syndrome), Nicolau-Balus syndrome, pachyonychia congenita, "
            "Loeys-Dietz syndrome, atrichia with papular lesions, generalised basaloid follicular hamartoma "
            "and KID syndrome."
        ),
        "triggers": [],
        "natural_course": "They usually stay.",
        "how_common": "Rare.",
        "distinguishing_cue": "Milia together with other differences present from birth, or a family pattern.",
        "see_doctor": (
            "See a doctor if there are very many milia, if they last, or if they come with changes to the hair, "
            "nails, teeth or palms, or a family history. A doctor can check for an inherited condition."
        ),
        "evidence_note": (
            "These conditions are rare, and most of what is known comes from case reports and reviews. "
            "Some consumer websites call this type juvenile milia. "
            "Milia-like bumps in some of these conditions are called pseudomilia."
        ),
        "references": [CDHUB_BENIGN, HEALIO_PEDS, FIVE_MINUTE_PEDS, AMEGLEI, VERITAS],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 20,
        "red_base": False,
    },
    {
        "slug": "nevus-depigmentosus-with-milia",
        "name": "Milia in a pale birthmark (nevus depigmentosus with milia)",
        "group": "primary",
        "summary": "A very rare type where milia appear inside a pale birthmark called nevus depigmentosus.",
        "origin": (
            "The milia sit inside a pale birthmark. The birthmark forms because some of the skin's colour-making "
            "(pigment) cells in that patch are different from birth. How the milia form there is not verified."
        ),
        "who_gets_it": (
            "People who have this pale birthmark. The birthmark is there at birth or soon after. "
            "When the milia start is not verified."
        ),
        "body_sites": ["chest_back"],
        "sites_text": "The birthmark is usually on the trunk (chest, tummy or back). The milia sit only inside it.",
        "appearance_text": (
            "Milia inside a pale patch of skin with a clear edge. The patch is lighter than the skin around it "
            "but not completely white, and it does not change over time."
        ),
        "causes_text": (
            "The birthmark comes from a difference in some pigment cells, present from birth. "
            "No link to work or to any outside exposure has been found."
        ),
        "triggers": [],
        "natural_course": "The birthmark stays the same for life. What happens to the milia over time is not verified.",
        "how_common": "The pale birthmark is found in about 0.4–3% of people. Milia inside it are very rare.",
        "distinguishing_cue": "Milia found only inside a pale patch that has been there since birth.",
        "see_doctor": (
            "A doctor can confirm what a pale patch is. This birthmark stays the same, "
            "so see a doctor about a pale patch that is new or changing."
        ),
        "evidence_note": (
            "This type is named in the Berk and Bayliss classification (2008), but its full details were not "
            "readable in the sources we checked. When the milia start, and whether they go away, are not verified."
        ),
        "references": [MEDSCAPE, CDHUB_NEVUS, PUBMED_NEVUS],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "birthmark",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 8,
        "red_base": False,
    },
    {
        "slug": "disease-associated-milia",
        "name": "Milia after a skin disease (disease-associated milia)",
        "group": "secondary",
        "summary": "Milia that form where skin has healed after a blistering skin disease or another skin condition.",
        "origin": (
            "They form as the skin heals. They are thought to come most often from sweat ducts, "
            "the tiny tubes that carry sweat to the surface of the skin."
        ),
        "who_gets_it": "People of any age who have had certain skin diseases, especially ones that cause blisters.",
        "body_sites": ["hands"],
        "sites_text": (
            "Only where blisters or scars have been, for example on the backs of the hands in porphyria cutanea tarda."
        ),
        "appearance_text": (
            "Small white bumps that sit only in areas where blisters or scars have healed. "
            "They are usually 1–2 mm. After widespread blisters they can be bigger, up to 5 mm."
        ),
        "causes_text": (
            "Most often a disease that causes blisters under the top layer of skin: epidermolysis bullosa "
            "(EB, an inherited condition that makes skin blister easily), epidermolysis bullosa acquisita, "
            "bullous pemphigoid, bullous lichen planus and porphyria cutanea tarda (PCT). "
            "Many other skin conditions are also listed, such as shingles, some forms of lupus, and lichen sclerosus."
        ),
        "triggers": [
            "epidermolysis-bullosa",
            "epidermolysis-bullosa-acquisita",
            "bullous-pemphigoid",
            "bullous-lichen-planus",
            "porphyria-cutanea-tarda",
            "bullous-lupus",
            "dermatitis-herpetiformis",
            "herpes-zoster",
            "discoid-lupus",
            "lichen-sclerosus",
            "sweet-syndrome",
            "stevens-johnson-syndrome",
            "staphylococcal-scalded-skin",
            "congenital-syphilis",
            "calcinosis-cutis",
            "leprosy",
            "leishmaniasis",
            "phototoxic-reaction",
            "bullous-amyloidosis",
        ],
        "natural_course": "They may clear, but they tend to stay. Milia after blisters seldom go away.",
        "how_common": "Common in EB and porphyria cutanea tarda. Uncommon in bullous pemphigoid.",
        "distinguishing_cue": "They sit exactly where blisters used to be.",
        "see_doctor": (
            "See a doctor if milia appear where blisters formed, or on fragile or sun-exposed skin such as the backs "
            "of the hands. This can be a sign of a blistering disease that needs a doctor's care."
        ),
        "evidence_note": (
            "The link is well described for blistering diseases. "
            "For many of the other conditions, the sources only name them in a list."
        ),
        "references": [
            BERK_BAYLISS,
            MEDSCAPE_APP,
            PATSATSI_2020,
            JDCR_BP,
            PEDIAGENOSIS,
            AMEGLEI,
            SANOMEDICA,
            PSK_MILIA,
        ],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 12,
        "red_base": False,
    },
    {
        "slug": "medication-associated-milia",
        "name": "Milia from medicines (medication-associated milia)",
        "group": "secondary",
        "summary": (
            "Milia that appear after using certain medicines, most often strong steroid creams, "
            "in the skin where the medicine was used."
        ),
        "origin": (
            "In milia caused by a strong steroid cream (clobetasol), the cysts were shown to come from sweat ducts."
        ),
        "who_gets_it": (
            "Anyone using one of these medicines. Reports include older people who had used steroid creams for a long time."
        ),
        "body_sites": ["neck", "chest_back", "arms"],
        "sites_text": (
            "Where the medicine was put on the skin. In older people who used steroid creams for a long time, "
            "they appeared on the neck, upper chest and arms."
        ),
        "appearance_text": (
            "Small white bumps inside the treated skin, usually 1–3 mm, sometimes up to 4 mm. "
            "After long use of steroid creams the skin may also be thin, with small blood vessels showing. "
            "In one report they appeared within 2 weeks of starting a strong steroid ointment."
        ),
        "causes_text": (
            "Medicines linked to milia include steroid creams, 5-fluorouracil cream, cyclosporine and benoxaprofen "
            "taken by mouth, penicillamine, isotretinoin, and tyrosine kinase inhibitors. "
            "One consumer health website also names hydroquinone creams, but that is a weak source."
        ),
        "triggers": [
            "topical-corticosteroids",
            "topical-5-fluorouracil",
            "oral-cyclosporine",
            "benoxaprofen",
            "penicillamine",
            "isotretinoin",
            "tyrosine-kinase-inhibitors",
            "hydroquinone-creams",
        ],
        "natural_course": (
            "Stopping the medicine may help, but do not stop a prescribed medicine without your doctor's advice. "
            "Otherwise they tend to stay."
        ),
        "how_common": "Uncommon.",
        "distinguishing_cue": "They appear after starting a medicine, in the skin where it was used.",
        "see_doctor": (
            "Talk to your doctor if milia appear after starting a medicine, especially if many appear quickly. "
            "Do not stop a prescribed medicine without advice."
        ),
        "evidence_note": (
            "The evidence comes from case reports and small case series. "
            "The hydroquinone link rests on one consumer health website only."
        ),
        "references": [
            CLOBETASOL,
            JAMA_STEROID,
            ABCDOCZ_MEP,
            AMEGLEI,
            MENDELEY_MEP,
            ALTMEYER_MEM,
            DOVEMED,
        ],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 14,
        "red_base": False,
    },
    {
        "slug": "trauma-associated-milia",
        "name": "Milia after an injury or skin treatment (trauma-associated milia)",
        "group": "secondary",
        "summary": (
            "Milia that form as skin heals after an injury, such as a burn or graze, "
            "or after a skin treatment such as laser resurfacing."
        ),
        "origin": "They form while the skin heals, from sweat ducts or from hair follicles that were damaged.",
        "who_gets_it": "Anyone, at any age, whose skin is healing from an injury or a procedure.",
        "body_sites": ["cheeks", "forehead"],
        "sites_text": (
            "Wherever the skin was hurt or treated: burns (including sunburn), grazes, surgery wounds, "
            "areas treated by freezing, radiotherapy areas, tattoos, and skin treated with laser resurfacing."
        ),
        "appearance_text": (
            "Small white bumps that come up while the skin is healing. "
            "After laser resurfacing, they usually appear within about a month."
        ),
        "causes_text": (
            "Burns, including sunburn; dermabrasion (sanding down the top layer of skin); laser resurfacing "
            "that removes the top layer of skin; radiotherapy (rarely); grazes; surgery wounds; freezing treatment "
            "(cryotherapy); and, very rarely, tattoos. Thick creams and dressings used after laser treatment may "
            "also cause milia for a short time."
        ),
        "triggers": [
            "burns",
            "dermabrasion",
            "laser-resurfacing",
            "post-laser-creams-dressings",
            "radiotherapy",
            "abrasions",
            "surgical-wounds",
            "cryotherapy",
            "tattoos",
        ],
        "natural_course": "Milia after laser treatment often clear with gentle cleansing. Others can stay.",
        "how_common": "Common after skin resurfacing procedures.",
        "distinguishing_cue": "An injury or procedure at that exact spot before the milia appeared.",
        "see_doctor": (
            "See a doctor if there is redness, swelling, oozing or crusting around the bumps, as this can mean infection. "
            "Do not pick them: this can leave scars."
        ),
        "evidence_note": (
            "Milia after laser resurfacing are well known. "
            "Milia in tattoos and after radiotherapy are rare and are described in case reports."
        ),
        "references": [
            CLEVELAND_LASER,
            CLEVELAND_CO2,
            MAYO_LASER,
            PSK_MILIA,
            JDD_TATTOO,
            MEDSCAPE_APP,
            ABCDOCZ_MEP,
            ACTAS_MEP_EARS,
            AMEGLEI,
            NEONATALDISORDERS,
            ZARO,
            MODELDERM,
        ],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 10,
        "red_base": False,
    },
]

# Things that can be mistaken for milia, with the cue that tells each apart (fact sheet section 4).
LOOK_ALIKES = [
    {
        "slug": "whiteheads",
        "name": "Whiteheads (closed comedones)",
        "also_called": "Closed comedones; a type of acne spot",
        "what_it_is": "A blocked pore. Whiteheads are part of acne.",
        "looks_like": (
            "Small bumps that usually come with other acne, such as blackheads, red spots and pus spots. "
            "They can become red and sore."
        ),
        "where": "Oily areas such as the forehead, chin and cheeks.",
        "body_sites": ["forehead", "chin", "cheeks"],
        "who": "People with acne.",
        "separating_cue": (
            "Whiteheads come with other acne and can get red and sore. Milia are harder and pearly white, "
            "are not part of acne, and cannot easily be squeezed out. Acne products do not treat milia "
            "and may irritate the skin."
        ),
        "contagious": False,
        "see_doctor": "Ask a pharmacist or doctor if you are not sure whether your spots are acne or milia.",
        "references": [BIOLOGYINSIGHTS, ACADEME_MOLLUSCUM, CONTOURDERM],
        "colour": "white",
        "shape": "dome",
        "centre": "pore",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 12,
        "red_base": False,
    },
    {
        "slug": "neonatal-acne",
        "name": "Baby acne (neonatal acne)",
        "also_called": "Neonatal cephalic pustulosis",
        "what_it_is": (
            "A different condition from milia. It is a red, spotty rash in young babies. "
            "It may be a reaction to a yeast called Malassezia."
        ),
        "looks_like": "Red spots and small spots with pus in them. There are no blackheads or whiteheads.",
        "where": "The cheeks, forehead and chin.",
        "body_sites": ["cheeks", "forehead", "chin"],
        "who": "Babies, usually from about 2–3 weeks old. About 20–25% of babies get it.",
        "separating_cue": (
            "Baby acne is red and usually starts at about 2–3 weeks old. Milia are white, have no red ring, "
            "and are there from birth. Milia are not a type of baby acne, even though some people call them that."
        ),
        "contagious": False,
        "see_doctor": (
            "Get your baby checked promptly if they seem unwell, or if you see blisters filled with fluid."
        ),
        "references": [SKYSCAPE_SKIN, SKYSCAPE_PAED, CONSUMERHEALTH, DERMASCOPE, BRIGHTHEALTHYKIDS],
        "colour": "red",
        "shape": "dome",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 14,
        "red_base": True,
    },
    {
        "slug": "miliaria",
        "name": "Heat rash (miliaria)",
        "also_called": "Miliaria crystallina (the clear-blister kind seen in newborns)",
        "what_it_is": (
            "A blockage of the sweat ducts, the tiny tubes that carry sweat to the skin. "
            "Sweat is held just under the surface. The name sounds like milia, but it is a different condition."
        ),
        "looks_like": (
            "Tiny clear blisters filled with fluid, not solid white bumps. Some kinds of heat rash come with redness."
        ),
        "where": "Our sources describe it in newborns but do not say where on the body it usually appears.",
        "body_sites": [],
        "who": "Newborn babies get the clear-blister kind (miliaria crystallina).",
        "separating_cue": (
            "Heat rash makes clear blisters filled with fluid. Milia are solid, white and firm."
        ),
        "contagious": False,
        "see_doctor": "In a newborn, get blisters filled with fluid checked promptly, especially if your baby seems unwell.",
        "references": [PATIENTCARE, ICDCODES_AI, BRIGHTHEALTHYKIDS],
        "colour": "clear",
        "shape": "blister",
        "centre": "none",
        "grouping": "scattered",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 20,
        "red_base": False,
    },
    {
        "slug": "epstein-pearls",
        "name": "Epstein pearls (mouth cysts in newborns)",
        "also_called": "Palatal cysts of the newborn; similar cysts on the gums are called Bohn nodules",
        "what_it_is": (
            "Tiny keratin cysts inside a newborn baby's mouth. They are closely related to milia, "
            "but doctors who study the mouth count them as a separate finding: palatal cysts of the newborn."
        ),
        "looks_like": "Small white bumps inside the mouth.",
        "where": (
            "Epstein pearls sit along the middle line of the roof of the mouth. Bohn nodules sit on the gums. "
            "Cysts on the top edge of the gums are called gingival or dental lamina cysts."
        ),
        "body_sites": ["inside_mouth"],
        "who": (
            "Newborn babies. Depending on the study, about 60–85% of newborns have mouth cysts like these, "
            "and up to 92% in one study of Japanese newborns."
        ),
        "separating_cue": (
            "They are inside the mouth, on the roof or the gums, not on the skin. "
            "Skin milia are a separate finding, seen in 40–50% of newborns."
        ),
        "contagious": False,
        "see_doctor": (
            "They need no treatment and clear by themselves within weeks. "
            "Ask your doctor or health visitor if you are unsure what you see in your baby's mouth."
        ),
        "references": [SPRINGER_ORAL, STATPEARLS_PALATAL, MEDSCAPE, HEALTHJADE, ORAL_CYSTS_STUDY],
        "colour": "white",
        "shape": "dome",
        "centre": "none",
        "grouping": "cluster",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("2.0"),
        "typical_count": 4,
        "red_base": False,
    },
    {
        "slug": "flat-warts",
        "name": "Flat warts",
        "also_called": "Plane warts; verruca plana",
        "what_it_is": "Warts caused by a virus called HPV (human papillomavirus). They can spread.",
        "looks_like": (
            "Slightly raised bumps with flat tops, 1–5 mm across. They are skin-coloured, pink or light brown. "
            "They often form a line where the skin was scratched or shaved."
        ),
        "where": "The face and hands.",
        "body_sites": ["cheeks", "forehead", "chin", "hands"],
        "who": "Mostly children and young adults.",
        "separating_cue": (
            "Flat warts have flat tops, are skin-coloured to pink, often sit in lines, and can spread. "
            "Milia are white and dome-shaped, do not form lines, and do not spread."
        ),
        "contagious": True,
        "see_doctor": (
            "See a doctor or pharmacist if you are not sure what the bumps are. "
            "Bumps on the genitals should be examined by a doctor rather than guessed at."
        ),
        "references": [VISUALDX_WART, WIKIPEDIA_WART, WIKIZERO],
        "colour": "pink",
        "shape": "flat",
        "centre": "none",
        "grouping": "line",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("5.0"),
        "typical_count": 10,
        "red_base": False,
    },
    {
        "slug": "syringoma",
        "name": "Syringoma",
        "also_called": "Eccrine syringoma (a sweat duct growth)",
        "what_it_is": (
            "A harmless (benign) growth of the sweat ducts. It sits deeper in the skin than milia. "
            "Its cause is not clear; family or genetic factors may play a part. It is linked to Down syndrome "
            "and, for one type, to diabetes."
        ),
        "looks_like": "Firm, flat-topped bumps, 1–3 mm across, skin-coloured or yellowish. They are not pearly white.",
        "where": "Usually in matching groups on both lower eyelids and the upper cheeks.",
        "body_sites": ["eyelids", "around_eyes", "cheeks"],
        "who": (
            "It often starts at puberty or in the 30s and 40s. It is more common in women and in people "
            "of Asian background. About 1 in 100 people have it."
        ),
        "separating_cue": (
            "Syringomas are flat-topped, skin-coloured or yellowish, and usually sit in matching groups under both eyes. "
            "Milia are pearly white domes. Some syringomas look very like milia, so a doctor may need to take "
            "a tiny skin sample (a biopsy) to be sure."
        ),
        "contagious": False,
        "see_doctor": (
            "See a doctor if you are not sure what the bumps under your eyes are. "
            "Only a trained clinician should remove anything near the eye."
        ),
        "references": [GP_SYRINGOMA, ADHUB_ATLAS, ENTOKEY_SYRINGOMA, PSK_SYRINGOMA, MODELDERM],
        "colour": "skin",
        "shape": "flat",
        "centre": "none",
        "grouping": "cluster",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 14,
        "red_base": False,
    },
    {
        "slug": "sebaceous-hyperplasia",
        "name": "Enlarged oil glands (sebaceous hyperplasia)",
        "also_called": "Sebaceous hyperplasia",
        "what_it_is": "Harmless, enlarged oil glands in the skin.",
        "looks_like": (
            "Soft, yellow to yellow-orange bumps, 2–5 mm across, with a small dip in the middle "
            "and fine blood vessels on the surface. A doctor can sometimes press a little oil out of them. "
            "In newborns they show as tiny yellow dots on the nose."
        ),
        "where": "The forehead, nose and cheeks. In newborns, the nose.",
        "body_sites": ["forehead", "nose", "cheeks"],
        "who": "Middle-aged and older adults. Newborns can have tiny ones on the nose.",
        "separating_cue": (
            "Enlarged oil glands are yellow, soft and bigger (2–5 mm), with a small dip in the middle. "
            "Milia are white, firm and smaller, with no dip. In a newborn, tiny yellow dots on the nose are "
            "the main look-alike for milia."
        ),
        "contagious": False,
        "see_doctor": (
            "Enlarged oil glands can look like basal cell carcinoma, a type of skin cancer. "
            "See a doctor about a bump that is pearly or see-through, bleeds, or grows."
        ),
        "references": [DERMNET_SH, GP_FACIAL, BERK_BAYLISS, PEDIAGENOSIS, VILLAGE_DERM],
        "colour": "yellow",
        "shape": "dome",
        "centre": "dimple",
        "grouping": "scattered",
        "size_min_mm": D("2.0"),
        "size_max_mm": D("5.0"),
        "typical_count": 5,
        "red_base": False,
    },
    {
        "slug": "molluscum-contagiosum",
        "name": "Molluscum contagiosum",
        "also_called": "",
        "what_it_is": "A skin infection caused by a virus. It can spread.",
        "looks_like": "Smooth, shiny, domed bumps, 2–5 mm across, with a small dip (dimple) in the middle.",
        "where": "Our sources do not describe a typical place on the body.",
        "body_sites": [],
        "who": (
            "Our sources do not say who gets it most. In people with a weak immune system, dimpled bumps "
            "need a doctor's check, because a deeper fungal infection can look similar."
        ),
        "separating_cue": "Molluscum bumps have a small dip in the middle and can spread. Milia have no dip and do not spread.",
        "contagious": True,
        "see_doctor": (
            "See a doctor if you are not sure. If your immune system is weak, always see a doctor about "
            "dimpled bumps, so a rare deeper infection can be ruled out."
        ),
        "references": [ACADEME_MOLLUSCUM, GP_FACIAL],
        "colour": "skin",
        "shape": "dome",
        "centre": "dimple",
        "grouping": "scattered",
        "size_min_mm": D("2.0"),
        "size_max_mm": D("5.0"),
        "typical_count": 8,
        "red_base": False,
    },
    {
        "slug": "xanthelasma",
        "name": "Xanthelasma (yellow patches on the eyelids)",
        "also_called": "",
        "what_it_is": "Flat yellow patches on the eyelids. They can go with high levels of fats (lipids) in the blood.",
        "looks_like": "Flat yellow patches, not round bumps.",
        "where": "Usually near the inner corner of the eyelids.",
        "body_sites": ["eyelids", "around_eyes"],
        "who": "Our sources do not give a typical age. It can go with high levels of fats in the blood.",
        "separating_cue": "Xanthelasma is a flat yellow patch. Milia are small, round, white bumps.",
        "contagious": False,
        "see_doctor": "See a doctor, who may want to check the fat levels in your blood.",
        "references": [GP_FACIAL],
        "colour": "yellow",
        "shape": "patch",
        "centre": "none",
        "grouping": "patch",
        "size_min_mm": D("3.0"),
        "size_max_mm": D("10.0"),
        "typical_count": 1,
        "red_base": False,
    },
    {
        "slug": "colloid-milium",
        "name": "Colloid milium",
        "also_called": "",
        "what_it_is": (
            "A different condition from milia, despite the similar name. It is caused by deposits of a material "
            "called colloid in the deeper layer of the skin, and is linked to a lot of sun exposure."
        ),
        "looks_like": "Golden or yellowish bumps.",
        "where": "The cheeks and temples (the sides of the forehead).",
        "body_sites": ["cheeks", "forehead"],
        "who": "People whose skin has had heavy sun exposure.",
        "separating_cue": (
            "Colloid milium bumps are golden or yellowish and appear on sun-exposed cheeks and temples. "
            "Milia are pearly white."
        ),
        "contagious": False,
        "see_doctor": "See a doctor to find out what the bumps are.",
        "references": [NAAMAN, LONDON_SKIN],
        "colour": "golden",
        "shape": "dome",
        "centre": "none",
        "grouping": "cluster",
        "size_min_mm": D("1.0"),
        "size_max_mm": D("3.0"),
        "typical_count": 16,
        "red_base": False,
    },
    {
        "slug": "epidermoid-cyst",
        "name": "Epidermoid cyst",
        "also_called": "Epidermal cyst",
        "what_it_is": (
            "A harmless cyst under the skin. Under a microscope, a milium looks like a tiny version of this cyst, "
            "but an epidermoid cyst is larger and deeper."
        ),
        "looks_like": "A larger, deeper lump, often with a small opening or dot in the middle (a punctum).",
        "where": "Our sources do not describe a typical place on the body.",
        "body_sites": [],
        "who": "Our sources do not say who gets it most.",
        "separating_cue": (
            "An epidermoid cyst is bigger and deeper, often with a small opening in the middle. "
            "Milia are tiny, usually 1–2 mm and no more than 3 mm, with no opening. "
            "A bump of 3–5 mm or more is more likely to be something else, such as this cyst."
        ),
        "contagious": False,
        "see_doctor": (
            "See a doctor if a lump is growing, or if there is redness, swelling or oozing around it, "
            "which can mean infection."
        ),
        "references": [ACADEME_MOLLUSCUM, GP_FACIAL, BERK_BAYLISS_SCRIBD, ICDLIST_L72],
        "colour": "skin",
        "shape": "dome",
        "centre": "pore",
        "grouping": "single",
        "size_min_mm": D("4.0"),
        "size_max_mm": D("10.0"),
        "typical_count": 1,
        "red_base": False,
    },
]


def _name(term, kind, meaning, target, reference=None):
    record = {"term": term, "kind": kind, "meaning": meaning, "target": target}
    if reference:
        record["reference"] = reference
    return record


WHAT = "/what-is-milia/"
TYPES = "/types/"
LOOK = "/look-alikes/"
TREAT = "/treatment/"
NEWBORN = "/newborn-milia/"
NAMES = "/names-for-milia/"

# Names, misspellings and search phrases (fact sheet section 8 and the site outline's search words).
# target is the page a search for the term should put first.
SYNONYMS = [
    # Medical names.
    _name(
        "milium",
        "medical",
        "The medical word for one of these tiny keratin cysts. Milia means more than one. "
        "The name comes from the Latin word for millet seed.",
        WHAT,
        SANOMEDICA,
    ),
    _name(
        "milia",
        "medical",
        "More than one milium: tiny, harmless (benign) cysts filled with keratin, a tough protein found in skin.",
        WHAT,
        BERK_BAYLISS_SCRIBD,
    ),
    _name("milium cyst", "medical", "Another name for a milium.", WHAT, SANOMEDICA),
    _name("milial cyst", "medical", "Another name for a milium.", WHAT, XENTRY),
    _name(
        "keratin cyst",
        "medical",
        "A cyst filled with keratin, a tough protein found in skin. Milia are tiny keratin cysts.",
        WHAT,
        BERK_BAYLISS_SCRIBD,
    ),
    _name(
        "keratinous cyst",
        "medical",
        "Another way of saying keratin cyst. Milia are tiny keratin cysts.",
        WHAT,
        BERK_BAYLISS_SCRIBD,
    ),
    _name(
        "epidermal inclusion cyst",
        "medical",
        "A wider name for skin cysts that is sometimes used loosely for milia.",
        WHAT,
        PATIENTCARE,
    ),
    _name(
        "neonatal milia",
        "medical",
        "The medical name for milia in newborn babies.",
        NEWBORN,
        BERK_BAYLISS,
    ),
    _name(
        "congenital milia",
        "medical",
        "Milia that are there at birth. It is the medical name for newborn milia.",
        "/types/congenital-milia/",
        BERK_BAYLISS,
    ),
    _name(
        "primary milia",
        "medical",
        "Milia that appear by themselves, without an injury, medicine or skin disease causing them.",
        TYPES,
        BERK_BAYLISS,
    ),
    _name(
        "secondary milia",
        "medical",
        "Milia that form after something else, such as a blistering skin disease, a medicine or an injury.",
        TYPES,
        BERK_BAYLISS,
    ),
    _name(
        "benign primary milia",
        "medical",
        "Milia that appear by themselves in children and adults, most often around the eyes.",
        "/types/benign-primary-milia/",
        MEDSCAPE,
    ),
    _name(
        "multiple eruptive milia",
        "medical",
        "A rare type in which many milia come up over weeks to months, often over a wide area.",
        "/types/multiple-eruptive-milia/",
        MEDSCAPE,
    ),
    _name(
        "nodular grouped milia",
        "medical",
        "A rare type in which milia are grouped in a raised lump. Little reliable information about it is available.",
        "/types/nodular-grouped-milia/",
        MEDSCAPE,
    ),
    _name(
        "nevus depigmentosus with milia",
        "medical",
        "A very rare type in which milia sit inside a pale birthmark.",
        "/types/nevus-depigmentosus-with-milia/",
        MEDSCAPE,
    ),
    _name(
        "genodermatosis-associated milia",
        "medical",
        "Milia that are one sign of a rare inherited skin condition.",
        "/types/genodermatosis-associated-milia/",
        MEDSCAPE,
    ),
    _name(
        "disease-associated milia",
        "medical",
        "Milia that form where skin has healed after a blistering skin disease or another skin condition.",
        "/types/disease-associated-milia/",
        BERK_BAYLISS,
    ),
    _name(
        "medication-associated milia",
        "medical",
        "Milia that appear after using certain medicines, such as strong steroid creams.",
        "/types/medication-associated-milia/",
        MEDSCAPE,
    ),
    _name(
        "trauma-associated milia",
        "medical",
        "Milia that form as skin heals after an injury, such as a burn, or a skin treatment, such as laser resurfacing.",
        "/types/trauma-associated-milia/",
        MEDSCAPE,
    ),
    # Everyday names.
    _name(
        "milk spots",
        "lay",
        "An everyday name for milia in babies. The name refers to their milky-white colour, "
        "not to milk or feeding.",
        NEWBORN,
        QV_BABY,
    ),
    _name(
        "baby milia",
        "lay",
        "Milia in babies. They are common, harmless and go away by themselves.",
        NEWBORN,
        QV_BABY,
    ),
    _name(
        "newborn milia",
        "lay",
        "Milia in newborn babies. They are common, harmless and go away by themselves.",
        NEWBORN,
        BERK_BAYLISS,
    ),
    _name("oil seeds", "lay", "An everyday name for milia.", WHAT, WIKIZERO),
    _name(
        "milk cysts",
        "lay",
        "An everyday name for milia. Milia have nothing to do with milk.",
        WHAT,
        DRNIKITA,
    ),
    _name(
        "water spots",
        "lay",
        "A name a UK parenting website uses for milia in babies.",
        NEWBORN,
        MUMSTREET,
    ),
    _name(
        "milia seeds",
        "lay",
        "An everyday name for milia, used on some clinic websites.",
        WHAT,
        VERITAS,
    ),
    _name("milia seed", "lay", "An everyday name for a single milium.", WHAT, VERITAS),
    # Older and foreign names.
    _name("grutum", "older", "An old medical name for milia.", NAMES, INFO77),
    _name("strophulus albidus", "older", "An old medical name for milia.", NAMES, INFO77),
    _name(
        "Hautgrieß",
        "older",
        "The German name for milia. It compares the bumps to grains of semolina in the skin.",
        NAMES,
        ALTMEYER_MEM,
    ),
    _name("grains de milium", "older", "The French name for milia.", NAMES, TYPOLOGY),
    _name(
        "miliary acne",
        "older",
        "An old name for milia found in a copy of a French encyclopedia article. Milia are not a type of acne.",
        NAMES,
        HU_FRWIKI,
    ),
    # Misspellings (search keywords only).
    _name("millia", "misspelling", "A common misspelling of milia.", WHAT, QDERM),
    _name("milla", "misspelling", "A misspelling of milia.", WHAT, ASKVITY),
    _name("mila", "misspelling", "A misspelling of milia.", WHAT, LONDON_SKIN),
    _name("milialia", "misspelling", "A misspelling of milia.", WHAT, DRORACLE_TREATMENT),
    _name("milea", "misspelling", "A likely misspelling of milia.", WHAT),
    _name(
        "milium cist", "misspelling", "A misspelling of milium cyst, another name for milia.", WHAT
    ),
    # Related terms.
    _name(
        "epstein pearls",
        "related",
        "Tiny white cysts on the roof of a newborn baby's mouth. They are related to milia but counted as a "
        "separate finding, and they clear by themselves within weeks.",
        NEWBORN,
        STATPEARLS_PALATAL,
    ),
    _name(
        "bohn nodules",
        "related",
        "Tiny cysts on the gums of newborn babies, related to Epstein pearls.",
        NEWBORN,
        SPRINGER_ORAL,
    ),
    _name(
        "palatal cysts of the newborn",
        "related",
        "The preferred medical name for mouth cysts in newborns, such as Epstein pearls and Bohn nodules.",
        NEWBORN,
        STATPEARLS_PALATAL,
    ),
    _name(
        "milia en plaque",
        "related",
        "A rare type in which many milia sit on a raised, red patch of skin, most often behind the ear.",
        "/types/milia-en-plaque/",
        NAAMAN,
    ),
    _name(
        "eruptive milia",
        "related",
        "Short for multiple eruptive milia: many milia coming up over weeks to months.",
        "/types/multiple-eruptive-milia/",
        NAAMAN,
    ),
    _name(
        "juvenile milia",
        "related",
        "A name some consumer websites use for milia linked to rare inherited skin conditions.",
        "/types/genodermatosis-associated-milia/",
        VERITAS,
    ),
    _name(
        "pseudomilia",
        "related",
        "Bumps that look like milia in some rare inherited conditions.",
        "/types/genodermatosis-associated-milia/",
        AMEGLEI,
    ),
    _name(
        "drug-induced milia",
        "related",
        "Another name for milia that appear after using certain medicines.",
        "/types/medication-associated-milia/",
        DOVEMED,
    ),
    _name(
        "traumatic milia",
        "related",
        "Another name for milia that form as skin heals after an injury or a skin treatment.",
        "/types/trauma-associated-milia/",
        VERITAS,
    ),
    _name(
        "pseudo-acne of the nasal crease",
        "related",
        "Milia with small red bumps in the crease of the nose, seen in children with eczema-prone (atopic) skin "
        "who rub their noses.",
        "/types/benign-primary-milia/",
        HEALIO_PEDS,
    ),
    _name(
        "milia-like cysts",
        "related",
        "Cyst-like dots seen with a skin magnifier (dermoscope) inside some moles and other growths. "
        "They are not true milia.",
        LOOK,
        NAAMAN,
    ),
    # Do not confuse with.
    _name(
        "miliaria",
        "confusable",
        "Heat rash: a blockage of the sweat ducts that causes tiny clear blisters, sometimes with redness. "
        "It is a different condition from milia.",
        LOOK,
        ICDCODES_AI,
    ),
    _name(
        "heat rash",
        "confusable",
        "Miliaria: tiny clear blisters from blocked sweat ducts. It is a different condition from milia.",
        LOOK,
        PATIENTCARE,
    ),
    _name(
        "baby acne",
        "confusable",
        "A different condition: red spots and pus spots that start at about 2–3 weeks old. "
        "Milia are not baby acne, although some people call them that.",
        LOOK,
        DERMASCOPE,
    ),
    _name(
        "neonatal acne",
        "confusable",
        "The medical name for baby acne, a red, spotty rash from about 2–3 weeks old. It is not the same as milia.",
        LOOK,
        SKYSCAPE_SKIN,
    ),
    _name(
        "colloid milium",
        "confusable",
        "A different condition despite the similar name: golden or yellowish bumps on sun-exposed cheeks and temples.",
        LOOK,
        NAAMAN,
    ),
    _name(
        "millet",
        "confusable",
        "Milium is also the Latin word for millet, a small grain. Milia were named after millet seeds.",
        NAMES,
        SANOMEDICA,
    ),
    _name(
        "whiteheads",
        "confusable",
        "Blocked pores that are part of acne. Milia are harder, pearly white and not part of acne.",
        LOOK,
        BIOLOGYINSIGHTS,
    ),
    _name(
        "closed comedones",
        "confusable",
        "The medical name for whiteheads, which are part of acne. Milia are not part of acne.",
        LOOK,
        BIOLOGYINSIGHTS,
    ),
    _name(
        "syringoma",
        "confusable",
        "A harmless sweat-duct growth that forms skin-coloured or yellowish bumps under the eyes. "
        "It can look like milia.",
        LOOK,
        GP_SYRINGOMA,
    ),
    _name(
        "sebaceous hyperplasia",
        "confusable",
        "Enlarged oil glands: soft yellow bumps with a small dip in the middle. They can look like milia.",
        LOOK,
        GP_FACIAL,
    ),
    _name(
        "molluscum contagiosum",
        "confusable",
        "A viral skin infection that makes shiny bumps with a small dip in the middle. Unlike milia, it can spread.",
        LOOK,
        ACADEME_MOLLUSCUM,
    ),
    _name(
        "flat warts",
        "confusable",
        "Warts with flat tops, caused by a virus. Unlike milia, they often form lines and can spread.",
        LOOK,
        VISUALDX_WART,
    ),
    _name(
        "xanthelasma",
        "confusable",
        "Flat yellow patches on the eyelids. Milia are small, round, white bumps.",
        LOOK,
        GP_FACIAL,
    ),
    _name(
        "epidermoid cyst",
        "confusable",
        "A larger, deeper skin cyst, often with a small opening in the middle. Milia are tiny with no opening.",
        LOOK,
        GP_FACIAL,
    ),
    # Search phrases people arrive with.
    _name(
        "white spots on nose",
        "phrase",
        "Tiny white spots on the nose are often milia, especially in newborn babies.",
        WHAT,
        BERK_BAYLISS,
    ),
    _name(
        "white dots under eyes",
        "phrase",
        "Tiny white bumps under or around the eyes are often milia. Syringoma can look similar.",
        "/types/benign-primary-milia/",
        MEDSCAPE,
    ),
    _name(
        "bumps on eyelid",
        "phrase",
        "Small, firm, white bumps on the eyelids are often milia, which are common around the eyes.",
        "/types/benign-primary-milia/",
        MEDSCAPE,
    ),
    _name(
        "milia on eyelids",
        "phrase",
        "The eyelids are the most common place for milia in children and adults.",
        "/types/benign-primary-milia/",
        MEDSCAPE,
    ),
    _name(
        "milia forehead",
        "phrase",
        "Milia can appear on the forehead as well as around the eyes and on the cheeks.",
        WHAT,
        MEDSCAPE,
    ),
    _name(
        "milia in ear",
        "phrase",
        "Milia can appear on or behind the ear. Many milia on a red, raised patch behind the ear may be milia en plaque.",
        "/types/milia-en-plaque/",
        THEDERM_MEP,
    ),
    _name(
        "baby white spots",
        "phrase",
        "Tiny white spots on a baby's face are often newborn milia, which are harmless and go away by themselves.",
        NEWBORN,
        BERK_BAYLISS,
    ),
    _name(
        "baby milk spots",
        "phrase",
        "Milia on a baby's face. The name describes their colour. It has nothing to do with milk or feeding.",
        NEWBORN,
        QV_BABY,
    ),
    _name(
        "whitehead around eye",
        "phrase",
        "White bumps around the eye may be milia rather than acne whiteheads. "
        "The look-alikes page shows how to tell them apart.",
        LOOK,
        BIOLOGYINSIGHTS,
    ),
    _name(
        "white bumps on face",
        "phrase",
        "Tiny, hard, white bumps on the face are often milia.",
        WHAT,
        MEDSCAPE_APP,
    ),
    _name("milia cyst", "phrase", "Another way of saying milium: a tiny keratin cyst.", WHAT),
    _name(
        "how to pop milia",
        "phrase",
        "Squeezing or picking milia yourself can cause infection and scars. "
        "The treatment page explains safer options.",
        TREAT,
        ZARO,
    ),
    _name(
        "milia cure",
        "phrase",
        "Milia are harmless and often need no treatment. The treatment page explains the options "
        "and how good the evidence is.",
        TREAT,
        SANOMEDICA,
    ),
    _name(
        "home remedy milia",
        "phrase",
        "The treatment page explains what you can safely do at home, and what to avoid.",
        TREAT,
        ZARO,
    ),
    _name(
        "milia removal",
        "phrase",
        "Removal is best done by a trained clinician. The treatment page explains the options.",
        TREAT,
        ZARO,
    ),
]

# Codes for milia (fact sheet section 7). None was checked against an official index.
CODES = [
    {
        "system": "icd-10-cm",
        "code": "L72.0",
        "label": "Epidermal cyst",
        "verified": False,
        "note": (
            "US coding websites give L72.0 for milia. Not checked against the official ICD-10-CM index, "
            "and German sources use L72.8 instead."
        ),
        "reference": ICDCODES_AI,
    },
    {
        "system": "icd-10-gm",
        "code": "L72.8",
        "label": "Other follicular cysts of the skin and subcutaneous tissue",
        "verified": False,
        "note": (
            "Two German-language dermatology sources use L72.8 for milia and for multiple eruptive milia, "
            "perhaps following German ICD-10-GM practice. Not verified; US sources give L72.0."
        ),
        "reference": ALTMEYER_MEM,
    },
    {
        "system": "icd-10",
        "code": "",
        "label": "Block L60-L75: disorders of skin appendages",
        "verified": False,
        "note": (
            "The WHO ICD-10 (2019) browser has this block, but we could not see where WHO places milium. "
            "No WHO code was confirmed."
        ),
        "reference": WHO_ICD10,
    },
    {
        "system": "icd-9-cm",
        "code": "706.2",
        "label": "Sebaceous cyst",
        "verified": False,
        "note": "Often quoted as the ICD-9-CM code for milium, but we found no source to confirm it. Not verified.",
    },
    {
        "system": "icd-11",
        "code": "",
        "label": "",
        "verified": False,
        "note": "No ICD-11 code was found. Check the WHO ICD-11 browser before quoting one.",
    },
    {
        "system": "snomed-ct",
        "code": "",
        "label": "",
        "verified": False,
        "note": "No SNOMED CT concept for milium was found. Not verified.",
    },
]
