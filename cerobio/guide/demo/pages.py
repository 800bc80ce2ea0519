"""Demo guide pages, written fresh from ../shared/knowledge/milia-facts.md following CONTENT.md.

PAGES: the home page first, then the guide pages in menu order. TYPE_PAGES: a few extra blocks
for each subtype page (the subtype's own fields are rendered from the knowledge base).

Every address below is copied exactly from the fact sheet, so the loader can match it to a
Reference in knowledge.REFERENCES.
"""

# ---------------------------------------------------------------------------------------------
# Sources (exact addresses from the fact sheet)
# ---------------------------------------------------------------------------------------------

BERK = "https://www.actasdermo.org/index.php?p=doi-resolver&doi=10.1016/j.jaad.2008.07.034"
BERK_SCRIBD = "https://fr.scribd.com/document/158149956/Milia-Paper"
MEDSCAPE = "http://misc.medscape.com/pi/android/medscapeapp/html/A1058063-business.html"
EMEDICINE = "https://emedicine.medscape.com/article/910405-overview"
STATPEARLS = "https://dev2.statpearls.com/articlelibrary/viewarticle/25157"
STATPEARLS_PALATE = "https://www.statpearls.com/sp/md/81/21267/"
SANOMEDICA = "https://sanomedica.com/milia"
WIKIMD = "https://wikimd.org/wiki/Milium_(dermatology)"
PATIENTCARE = "https://patientcareonline.com/view/newborn-milia"
PSK = "https://plasticsurgerykey.com/milia"
PSK2 = "https://plasticsurgerykey.com/milia-2"
CDHUB_BPM = (
    "https://cdhub360.com.feature-2024-12-bugs-kcihryi-bhdd7xl6dwn3y.us-4.platformsh.site"
    "/articles/benign-primary-milia"
)
CDHUB_ND = (
    "https://cdhub360.com.feature-2024-12-bugs-kcihryi-bhdd7xl6dwn3y.us-4.platformsh.site"
    "/articles/hypopigmented-patch-7-year-old-s-back"
)
COSMODERMA = (
    "https://cosmoderma.org/idiopathic-multiple-eruptive-milia-clinical-and-dermoscopic-"
    "correlation-a-case-report"
)
ACADEME = (
    "https://academe-learn.pages.dev/dermatology-venereology-and-leprosy/"
    "dr-viral-infections-common-viral-infections/"
    "sdl-dr-molluscum-contagiosum-recognition-1780420480990--part-2.html"
)
PEDIAGENOSIS = "https://pediagenosis.com/2019/04/milia.html?m=0"
VILLAGE = (
    "https://www.villagedermatologyhouston.com/skin-growths-lumps-and-bumps/enlarged-oil-glands"
)
GP_DIFF = (
    "https://www.gponline.com/differential-diagnoses-facial-lesions/dermatology/dermatology/"
    "article/1316291"
)
GP_SYRINGOMA = (
    "https://www.gponline.com/glance-syringoma-versus-milia-syringoma/dermatology/article/646369"
)
NEONATALDIS = "https://neonataldisorders.com/about/index/milia"
WIKIZERO = "https://wikizero.com/En/Milia"
MENDELEY = "https://www.mendeley.com/catalogue/e35400c3-0e0e-3c4c-bfcf-0549754a07af/"
THEDERM = "https://develop-sr3snxi-tt7lcx6s5gdv4.us-4.platformsh.site/site/thederm/article/1839"
VERITAS = "https://veritas.com.sg/milia-seeds-removal/"
CONTEMPPED = "https://contemporarypediatrics.com/view/posttraumatic-lesion-persists-childs-forearm"
ALTMEYERS = "https://altmeyers.org/en/dermatology/milia-multiple-eruptive-120260.amp"
ESCHOLARSHIP = "http://escholarship.org/uc/item/8dm9d1zf"
HEALIO = "https://cm.healio.com/news/pediatrics/20130222/10_3928_1081_597x_20130101_01_1026395"
UNBOUND = (
    "https://im.unboundmedicine.com/medicine/view/Select-5-Minute-Pediatric-Consult/14125/all/Milia"
)
MAYO_MILIA = "http://www.mayoclinic.com/health/milia/DS01059"
MAYO_LASER = (
    "http://www.mayoclinic.org/tests-procedures/laser-resurfacing/details/risks/cmc-20323318?p=1"
)
OALIB = "https://oalib-perpustakaan.upi.edu/Record/doaj_0171a5bfb6a242c99d2437a43a98fa4f/Details"
AMEGLEI = "https://ameglei.com/article/103"
JDCR = (
    "https://www.jdcronline.org/article/"
    "extensive-milia-formation-in-bullous-pemphigoid-a-rare-healing-sequela-580"
)
ABCDOCZ = "https://abcdocz.com/doc/135938/l-milia-en-plaque-milia-em-placa"
COEK = "https://c.coek.info/pdf-clobetasol-induced-milia-.html"
JAMA = "http://jamanetwork.com/journals/jamadermatology/article-abstract/546864"
DOVEMED = "http://www.dovemed.com/diseases-conditions/drug-induced-milia/"
CLEVE_CO2 = (
    "https://my.clevelandclinic.org/health/treatments/8314-carbon-dioxide-laser-resurfacing/"
    "risks--benefits"
)
CLEVE_LASER = (
    "https://my.clevelandclinic.org/health/treatments/11015-laser-skin-resurfacing/risks--benefits"
)
ACTAS_MEP = "https://actasdermo.org/es-milia-plaque-on-posterior-surface-articulo-S1578219016000123"
JDD = "https://jddonline.com/articles/dermatology/S1545961617P0621X/3"
MIDTOWN = "https://midtownderm.bridge-teams.com/?p=1891"
LONDONSKIN = "https://www.thelondonskinandhairclinic.com/milia/"
MODELDERM = "https://www.modelderm.com/wiki/en/Milia/index.html"
QV = "https://qvskincare.com.au/articles/pregnancy-and-parenting/what-is-baby-milia.html"
FLO = "https://flo.health/being-a-mom/your-baby/baby-health-and-safety/milia"
BIOINSIGHTS = "https://biologyinsights.com/what-do-closed-comedones-look-like"
SKYSCAPE_ACNE = (
    "https://download.skyscape.com/download/ota/lonestar/F8E356E4-9C75-4908-8B0A-B9A5E9E5906F/"
    "skindis.ed4/content/HTML/l/tu5.htm"
)
VISUALDX = "https://www.visualdx.com/visualdx/diagnosis/flat+wart?diagnosisId=52514&moduleId=102"
WIKI_VERRUCA = "https://en.wikipedia.org/wiki/Verruca_plana"
ADHUB = "https://adhub360.com/photo-essay/atlas-lumps-and-bumps-part-20"
ENTOKEY_SYRINGOMA = "https://entokey.com/syringoma"
DERMNET_SH = (
    "http://www.dermnet.com/videos/benign-tumors/sebaceous-hyperplasia/"
    "sebaceous-hyperplasia-appearance/"
)
NAAMAN = "https://naamanskinclinic.com/milia"
CONSUMERHEALTH = "http://consumerhealth.info/Disease.aspx?id=1351&title=Milia"
ENTOKEY = "https://entokey.com/milia"
MDEDGE = (
    "https://www.mdedge.com/dermatology/article/205586/dermatopathology/"
    "rapidly-growing-retroauricular-tumor"
)
TYPOLOGY = "https://uk.typology.com/library/milium-cysts-how-to-get-rid-of-them"
ZARO = "https://zaro.info/dermatology/can-i-remove-my-milia"
CONTOURDERM = "https://contourderm.com/milia/"
STYLIST = "https://www.stylist.co.uk/beauty/skincare/milia-white-bumps-causes-treatment/464447"
STCLAIR = "https://www.stclair.org/services/mayo-clinic-health-information/article/ABT-20330524"
MEDIC8 = "https://medic8.com/healthguide/baby-skin/milia.html"
BRIGHTKIDS = "https://brighthealthykids.com/articles/milia"
SPRINGER = "https://link.springer.com/referenceworkentry/10.1007/978-3-319-28845-1_701-1"
PEDIATIME = "https://pedia-time.com/2024/11/milia-in-neonates.html"
DERMASCOPE = "https://www.dermascope.com/scope-this/milia"
ICDCODES = "https://icdcodes.ai/diagnosis/milia/documentation"
ICDLIST = "https://icdlist.com/icd-10/codes/follicular-cysts-of-skin-and-subcutaneous-tissue-l72"
ICD_WHO = "https://icd.who.int/browse10/2019/en/GetConcept?ConceptId=L60-L75"
PUBMED_ND = "http://www.pubmed.gov/31145059/"
ASKDEFINE = "https://milium.askdefine.com/"
MUMSTREET = (
    "http://mumstreet.co.uk/content/your-baby/health-and-safety/your-guide-to-baby-milk-spots/"
)
# Sources whose address contains the misspelling: cited on the names page only.
ESTEEM = "https://www.esteembeauty.co.uk/service-page/millia-removal-face-eyelids"
DRNIKITA = "https://drnikitaderma.com/millia.php"


# ---------------------------------------------------------------------------------------------
# Small helpers that build raw StreamField blocks
# ---------------------------------------------------------------------------------------------


def heading(text):
    return {"type": "heading", "value": text}


def text(html):
    return {"type": "text", "value": html}


def care_card(level, title, html):
    return {"type": "care_card", "value": {"level": level, "heading": title, "text": html}}


def do_dont(do, dont):
    return {"type": "do_dont", "value": {"do": do, "dont": dont}}


def warning(title, html):
    return {"type": "warning", "value": {"heading": title, "text": html}}


def inset(html):
    return {"type": "inset", "value": html}


def expander(summary, html):
    return {"type": "expander", "value": {"summary": summary, "text": html}}


def illustration(subject, caption):
    return {"type": "illustration", "value": {"subject": subject, "caption": caption}}


# The red flags most pages repeat at the end, in one place so they always say the same thing.
RED_FLAG_SKIN_CANCER = (
    "<li>you have a single pearly, see-through bump, or a bump that grows or bleeds. "
    "A doctor needs to rule out a type of skin cancer.</li>"
)
RED_FLAG_INFECTION = (
    "<li>the skin around the bumps is red, swollen, crusty or leaking pus. "
    "This can be a sign of infection.</li>"
)


# ---------------------------------------------------------------------------------------------
# Home and guide pages
# ---------------------------------------------------------------------------------------------

HOME = {
    "slug": "home",
    "type": "home",
    "title": "Milia: tiny white bumps on the skin",
    "seo_title": "Milia: tiny white bumps on the skin | Cerobio",
    "search_description": (
        "Milia are tiny, harmless white bumps, common in newborns and adults. "
        "What they are, what to do, what to avoid and when to see a GP."
    ),
    "summary": (
        "Milia are tiny, firm, white or yellowish bumps on the skin. Each one is a harmless "
        "(benign) cyst: a very small closed pocket filled with keratin, a tough protein found "
        "in skin. They are usually 1 to 2 mm across, about the size of a pinhead. Many newborn "
        "babies have them, and they can appear at any age. They are not catching, and most "
        "need no treatment."
    ),
    "body": [
        heading("What do milia look like?"),
        text(
            "<ul>"
            "<li>tiny round bumps, white to yellowish, with a pearly look</li>"
            "<li>firm, like a tiny bead under the skin</li>"
            "<li>no opening or pore on top</li>"
            "<li>no redness around them</li>"
            "<li>often around the eyes and on the eyelids, nose and cheeks</li>"
            "</ul>"
        ),
        heading("Are milia harmful?"),
        text(
            "<p>No. Milia do not harm your health. They usually do not hurt or itch. "
            "They are not an infection, so you cannot catch them or pass them on.</p>"
            "<p>In newborn babies they clear up by themselves. In older children and adults "
            "they can last a long time, but they are still harmless.</p>"
        ),
        heading("What would you like to know?"),
        text(
            "<ul>"
            '<li><a href="/what-is-milia/">What are milia?</a> What they look like, '
            "who gets them and why they are harmless.</li>"
            '<li><a href="/types/">Types of milia</a>: the two main groups and the '
            "10 types.</li>"
            '<li><a href="/causes/">What causes milia?</a> What is known, and what is '
            "only claimed.</li>"
            '<li><a href="/look-alikes/">Is it milia or something else?</a> '
            "Bumps that look similar, and warning signs.</li>"
            '<li><a href="/treatment/">How can I get rid of milia?</a> What is safe, '
            "what to avoid and what doctors can do.</li>"
            '<li><a href="/newborn-milia/">Milia in newborn babies</a>: a guide for '
            "parents.</li>"
            '<li><a href="/names-for-milia/">Other names for milia</a>, such as milk '
            "spots and milium.</li>"
            "</ul>"
        ),
        heading("Not sure what your bumps are?"),
        text(
            '<p>Our <a href="/identify/">milia identifier</a> asks a few questions about '
            "what you can see. It then tells you what the bumps could be and when to see a "
            "doctor. It cannot give you a diagnosis. Only a doctor can do that.</p>"
        ),
        care_card(
            "gp",
            "See a GP if",
            "<ul>"
            + RED_FLAG_SKIN_CANCER
            + RED_FLAG_INFECTION
            + "<li>lots of bumps appear suddenly, or they sit on a red, raised patch of "
            "skin</li>"
            "<li>bumps appear where you had blisters</li>"
            "</ul>"
            "<p>If your baby seems unwell, or has blisters or spots filled with fluid, get "
            'medical help promptly. Read more about <a href="/newborn-milia/">milia in '
            "newborn babies</a>.</p>",
        ),
        heading("Does Cerobio sell anything?"),
        inset(
            "<p><b>Advertising: separate from this guide.</b> Cerobio also runs a small "
            "shop with one skin-care product line. The guide does not depend on it. Most "
            "milia need no treatment at all. Our advice on these pages is the same whether "
            "or not you buy anything. Never use skin products on a baby's "
            'milia. <a href="/shop/">Visit the shop</a></p>'
        ),
    ],
    "references": [
        BERK,
        BERK_SCRIBD,
        MEDSCAPE,
        PSK,
        PATIENTCARE,
        SANOMEDICA,
        PSK2,
        CDHUB_BPM,
        PEDIAGENOSIS,
        NEONATALDIS,
        MENDELEY,
        BRIGHTKIDS,
        MEDIC8,
    ],
}

WHAT_IS_MILIA = {
    "slug": "what-is-milia",
    "title": "What are milia?",
    "seo_title": "What are milia? Tiny white bumps explained | Cerobio",
    "search_description": (
        "Milia are tiny white keratin cysts, usually 1 to 2 mm. What they look like, where "
        "they appear, who gets them, and why they are harmless and not contagious."
    ),
    "summary": (
        "Milia are tiny white or yellowish bumps just under the surface of the skin. Each one "
        "is a harmless (benign) cyst. A cyst is a small closed pocket, and in milia it is "
        "filled with keratin, a tough protein found in skin. Milia are usually 1 to 2 mm "
        "across. Anyone can get them, from newborn babies to older adults. They are not "
        "contagious, and they do not cause other health problems."
    ),
    "body": [
        heading("What do milia look like?"),
        text(
            "<p>Look for:</p>"
            "<ul>"
            "<li>tiny round bumps, usually 1 to 2 mm across, about the size of a pinhead</li>"
            "<li>a white to yellowish colour, often with a pearly look</li>"
            "<li>a firm feel, like a tiny bead under the skin</li>"
            "<li>no opening or pore on top, just a thin layer of skin over each one</li>"
            "<li>no redness around them</li>"
            "</ul>"
            "<p>Most milia are 3 mm or smaller. A bump that is 3 to 5 mm is more likely to be "
            'something else. See <a href="/look-alikes/">is it milia or something '
            "else?</a></p>"
        ),
        illustration(
            "benign-primary-milia",
            "Milia: a few tiny pearly white bumps with no redness around them.",
        ),
        heading("Where do milia appear?"),
        text(
            "<p>Milia are most common on the face. They often appear around the eyes and on "
            "the eyelids, cheeks, nose and forehead. In babies, the nose is the most common "
            "place.</p>"
            "<p>They can also appear on the scalp, upper body, arms and genitals. Some milia "
            "form where the skin has been hurt, such as after a burn or a blister.</p>"
        ),
        heading("Who gets milia?"),
        text(
            "<p>Anyone can get milia, at any age and with any skin colour.</p>"
            "<ul>"
            "<li><b>Newborn babies:</b> 40 to 50% of newborns have milia. Read about "
            '<a href="/newborn-milia/">milia in newborn babies</a>.</li>'
            "<li><b>Children and adults:</b> milia are common. No one has measured how many "
            "adults have them.</li>"
            "<li><b>Men and women</b> get milia equally. Two rare types, eruptive milia and "
            "milia en plaque, are more common in women.</li>"
            "</ul>"
        ),
        heading("Are milia harmful?"),
        text(
            "<p>No. Milia are a harmless (benign) cyst. They do not cause other health "
            "problems. People who have them removed do so only because of how they look.</p>"
            "<ul>"
            "<li>They usually do not hurt or itch. A few rare types can itch.</li>"
            "<li>They are not an infection.</li>"
            "<li>They are not contagious. You cannot catch them or pass them on, even to a "
            "baby.</li>"
            "</ul>"
            "<p>Sometimes milia appear because of something else, such as a skin disease "
            'that causes blisters. See <a href="/causes/">what causes milia</a>.</p>'
        ),
        heading("Why do milia form?"),
        text(
            "<p>Doctors put milia into two groups.</p>"
            "<ul>"
            "<li><b>Primary milia</b> form by themselves on healthy skin. Doctors think they "
            "start at the base of tiny, fine hairs called vellus hairs. There is no known "
            "cause.</li>"
            "<li><b>Secondary milia</b> form after something has affected the skin, such as "
            "a blistering skin disease, a medicine or an injury. They more often start in "
            "sweat ducts, the tiny tubes that carry sweat to the surface of the skin.</li>"
            "</ul>"
            "<p>There is little research on exactly how milia form. Read more about the "
            '<a href="/types/">types of milia</a>.</p>'
        ),
        heading("Will milia go away?"),
        text(
            "<p>In newborn babies, milia clear up by themselves. This usually takes a few "
            "weeks to a few months.</p>"
            "<p>In older children and adults, milia often last for a long time. They do not "
            "reliably go away on their own. You can leave them alone, because they do no "
            "harm. If they bother you, a doctor or trained clinician can remove them. "
            'Read <a href="/treatment/">how to get rid of milia safely</a>.</p>'
        ),
        expander(
            "Where does the name come from?",
            "<p>One bump is a milium. Two or more are milia. The name comes from the Latin "
            'word for millet, a small seed. See <a href="/names-for-milia/">other names for '
            "milia</a>.</p>",
        ),
        care_card(
            "gp",
            "See a GP if",
            "<ul>"
            + RED_FLAG_SKIN_CANCER
            + RED_FLAG_INFECTION
            + "<li>lots of milia appear suddenly, or they sit on a red, raised patch of "
            "skin</li>"
            "<li>milia appear where you had blisters</li>"
            "<li>you have bumps on your genitals. A doctor can check they are not warts or "
            "an infection.</li>"
            "<li>you want milia near your eyes removed</li>"
            "</ul>",
        ),
    ],
    "references": [
        BERK,
        BERK_SCRIBD,
        MEDSCAPE,
        EMEDICINE,
        STATPEARLS,
        SANOMEDICA,
        WIKIMD,
        PSK,
        PSK2,
        PATIENTCARE,
        CDHUB_BPM,
        COSMODERMA,
        THEDERM,
        ACADEME,
        GP_DIFF,
        PEDIAGENOSIS,
        NEONATALDIS,
        MENDELEY,
        WIKIZERO,
        MODELDERM,
    ],
}

TYPES = {
    "slug": "types",
    "type": "types",
    "title": "Types of milia",
    "seo_title": "Types of milia: primary and secondary | Cerobio",
    "search_description": (
        "Milia are primary (no known cause) or secondary (after a skin disease, medicine or "
        "injury). The 10 types, how they differ and which need a doctor."
    ),
    "summary": (
        "Doctors divide milia into two main groups. Primary milia appear by themselves on "
        "healthy skin, and there is no known cause. The milia that newborn babies have are "
        "the most common kind. Secondary milia form after something has affected the skin, "
        "such as a blistering skin disease, a medicine or an injury. Within these two groups "
        "there are 10 types. Most are harmless, but a few rare types are worth showing to a "
        "doctor."
    ),
    "body": [
        heading("What is the difference between primary and secondary milia?"),
        text(
            "<p><b>Primary milia</b> form by themselves, on skin that was healthy before. "
            "Doctors think they start at the base of vellus hairs. These are the tiny, soft "
            "hairs that cover most of the body.</p>"
            "<p><b>Secondary milia</b> form after the skin has been damaged. This can be a "
            "skin disease that causes blisters, a medicine or an injury such as a burn. They "
            "more often start in sweat ducts, the tiny tubes that carry sweat to the skin's "
            "surface. They can also start in hair roots or in the top layer of skin.</p>"
        ),
        {"type": "cross_section", "value": None},
        heading("What types of primary milia are there?"),
        text(
            "<p>Milia in newborn babies (congenital milia) are by far the most common. The "
            "other primary types are less common, and some are rare.</p>"
        ),
        {"type": "type_cards", "value": {"group": "primary"}},
        heading("What types of secondary milia are there?"),
        text(
            "<p>Secondary milia are named after what set them off: a disease, a medicine or "
            "an injury. Dealing with that cause is part of looking after them.</p>"
        ),
        {"type": "type_cards", "value": {"group": "secondary"}},
        expander(
            "Where do these names come from?",
            "<p>The two groups and 10 types come from a 2008 review by two dermatologists "
            "(skin specialists), Berk and Bayliss. It updated an older grouping.</p>"
            "<p>Some websites use other names. For example, 'juvenile milia' sometimes "
            "means milia that are part of an inherited condition. Some doctors also describe "
            "milia en plaque that forms where the skin was injured, which would make it a "
            "secondary type.</p>",
        ),
        care_card(
            "gp",
            "See a GP if",
            "<ul>"
            "<li>lots of milia appear over a few weeks or months</li>"
            "<li>milia sit on a red, raised or swollen patch of skin</li>"
            "<li>milia appear where you had blisters, for example on the backs of your "
            "hands</li>"
            "<li>milia appear soon after you start a new medicine or cream. Do not stop a "
            "prescribed medicine without advice.</li>"
            "<li>a child has many milia that do not go away, together with differences in "
            "the hair, nails or teeth, or there is a family history</li>"
            "</ul>",
        ),
    ],
    "references": [
        BERK,
        BERK_SCRIBD,
        EMEDICINE,
        STATPEARLS,
        MEDSCAPE,
        VERITAS,
        CONTEMPPED,
        ALTMEYERS,
        ESCHOLARSHIP,
        MENDELEY,
        PEDIAGENOSIS,
        OALIB,
        HEALIO,
        CDHUB_BPM,
    ],
}

CAUSES = {
    "slug": "causes",
    "title": "What causes milia?",
    "seo_title": "What causes milia? Known causes and myths | Cerobio",
    "search_description": (
        "Most milia have no known cause. Others follow blistering skin diseases, some "
        "medicines, burns or skin procedures. What is proven and what is not."
    ),
    "summary": (
        "Most milia have no known cause. Primary milia, including the milia many babies are "
        "born with, appear by themselves, and you cannot prevent them. Secondary milia form "
        "after something has affected the skin: a skin disease that causes blisters, some "
        "medicines, or an injury such as a burn or a skin treatment. Some things often "
        "blamed online, like heavy creams or sun damage, have not been proven to cause "
        "milia."
    ),
    "body": [
        heading("Why do primary milia appear?"),
        text(
            "<p>Nobody knows. Primary milia appear by themselves on healthy skin. This "
            "includes the milia many babies are born with.</p>"
            "<ul>"
            "<li>There is no known cause.</li>"
            "<li>In babies, milk and feeding have nothing to do with them.</li>"
            "<li>Ordinary newborn milia are not known to run in families.</li>"
            "<li>You cannot prevent newborn milia.</li>"
            "</ul>"
            "<p>A few rare types are part of an inherited condition. This means a condition "
            "passed down in families. These usually come with other signs, such as "
            "differences in the hair, nails or teeth. See "
            '<a href="/types/genodermatosis-associated-milia/">milia with inherited '
            "conditions</a>.</p>"
        ),
        heading("What can cause secondary milia?"),
        text(
            "<p>Secondary milia form after something has affected the skin. There are three "
            "main kinds of trigger.</p>"
            "<h3>Skin diseases</h3>"
            "<p>Milia can form where blisters have healed. This is most typical of diseases "
            "that cause blisters deep in the skin, such as:</p>"
            "<ul>"
            "<li>epidermolysis bullosa, a rare inherited condition that makes the skin "
            "fragile</li>"
            "<li>porphyria cutanea tarda, which causes blisters on sun-exposed skin, such as "
            "the backs of the hands</li>"
            "<li>bullous pemphigoid and epidermolysis bullosa acquisita, where the body's "
            "defence (immune) system attacks the skin</li>"
            "<li>bullous lichen planus</li>"
            "</ul>"
            "<p>Milia have also been reported after other skin conditions, including "
            "shingles, some types of lupus and lichen sclerosus.</p>"
            "<h3>Medicines</h3>"
            "<ul>"
            "<li>steroid creams (topical corticosteroids), especially when used for a long "
            "time on thin, older skin</li>"
            "<li>fluorouracil (5-fluorouracil) cream</li>"
            "<li>some other medicines, such as ciclosporin, penicillamine and isotretinoin</li>"
            "<li>a group of cancer medicines called tyrosine kinase inhibitors. They can "
            "cause sudden crops of milia on the face, 2 to 20 days after starting.</li>"
            "</ul>"
            "<p>In one report, a strong steroid ointment (clobetasol) caused milia within 2 "
            "weeks. One consumer health website also names skin-lightening creams that "
            "contain hydroquinone, but this is a weak source.</p>"
            "<h3>Injuries and skin procedures</h3>"
            "<ul>"
            "<li>burns, including sunburn</li>"
            "<li>grazes and wounds after surgery</li>"
            "<li>treatments that remove the top layer of skin, such as dermabrasion and "
            "laser resurfacing</li>"
            "<li>thick creams and dressings used after laser treatment, which can cause "
            "milia for a short time</li>"
            "<li>freezing treatment (cryotherapy)</li>"
            "<li>radiotherapy, rarely</li>"
            "<li>tattoos, very rarely</li>"
            "</ul>"
            "<p>After laser treatment, milia usually appear within about a month, while the "
            "skin heals.</p>"
        ),
        inset(
            "<p>Not sure which kind you have? Think about that patch of skin before the milia "
            "appeared. Was there a blister, a burn, a skin treatment or a new cream? If not, "
            "they are most likely primary milia.</p>"
        ),
        heading("Do heavy creams, the sun or rubbing cause milia?"),
        text(
            "<p>You may read that milia come from heavy or greasy skin care, sun damage, "
            "ageing or rubbing your eyes. These ideas come mainly from skin clinics and "
            "consumer websites. No proper studies have tested them. They are possible, but "
            "<b>not proven</b>.</p>"
            "<p>Some other ideas are wrong:</p>"
            "<ul>"
            "<li>Primary milia are not a sign that your immune system is attacking your "
            "skin. They appear with no known cause.</li>"
            "<li>The name 'milk spots' comes only from the white colour. Milk and feeding "
            "do not give babies milia.</li>"
            "</ul>"
        ),
        heading("Can I prevent milia?"),
        text(
            "<p>You cannot prevent newborn milia or other primary milia.</p>"
            "<p>For secondary milia, dealing with the cause may stop new ones. This means "
            "getting a skin disease treated, changing a medicine with your doctor's advice, "
            "or protecting healing skin from more damage.</p>"
        ),
        care_card(
            "gp",
            "See a GP if",
            "<ul>"
            "<li>lots of milia appear suddenly, especially after starting a new "
            "medicine</li>"
            "<li>milia form where you had blisters, especially on the backs of your "
            "hands</li>"
            "<li>milia sit on a red, raised or swollen patch of skin</li>"
            "<li>a child has many milia together with differences in the hair, nails or "
            "teeth, or there is a family history</li>"
            "</ul>"
            "<p>Do not stop a prescribed medicine on your own. Talk to the doctor who "
            "prescribed it first.</p>",
        ),
    ],
    "references": [
        SANOMEDICA,
        CDHUB_BPM,
        UNBOUND,
        MAYO_MILIA,
        QV,
        FLO,
        HEALIO,
        OALIB,
        AMEGLEI,
        PSK,
        JDCR,
        PEDIAGENOSIS,
        ABCDOCZ,
        MENDELEY,
        COEK,
        JAMA,
        DOVEMED,
        ALTMEYERS,
        MEDSCAPE,
        CLEVE_CO2,
        ACTAS_MEP,
        JDD,
        MAYO_LASER,
        MIDTOWN,
        LONDONSKIN,
        MODELDERM,
        EMEDICINE,
    ],
}

LOOK_ALIKES = {
    "slug": "look-alikes",
    "title": "Is it milia or something else?",
    "seo_title": "Milia or something else? Look-alikes compared | Cerobio",
    "search_description": (
        "Whiteheads, baby acne, warts, molluscum and other bumps can look like milia. "
        "Compare them side by side, and learn the signs that need a doctor."
    ),
    "summary": (
        "Several other skin bumps can look like milia. Milia are tiny, firm, pearly white "
        "bumps with no opening on top and no redness around them. Whiteheads are part of "
        "acne and can become red and sore. Baby acne starts a few weeks after birth, as red "
        "spots. Some look-alikes, such as molluscum and flat warts, are caused by viruses "
        "and can spread. A single see-through bump, or one that grows or bleeds, needs a "
        "doctor to check it."
    ),
    "body": [
        heading("How can I tell milia from other bumps?"),
        text(
            "<p>Milia have a few features that set them apart:</p>"
            "<ul>"
            "<li>pearly white or yellowish</li>"
            "<li>firm and round, like a tiny bead</li>"
            "<li>no opening (pore) and no dip in the middle</li>"
            "<li>no redness around them</li>"
            "<li>usually 1 to 2 mm across, and rarely more than 3 mm</li>"
            "<li>they do not squeeze out easily</li>"
            "</ul>"
            "<p>Doctors can usually tell milia just by looking. A biopsy (taking a tiny piece "
            "of skin to look at under a microscope) is rarely needed. It is kept for bumps "
            "that look unusual.</p>"
        ),
        heading("How do milia compare with other bumps?"),
        text(
            "<p>The table compares milia with 11 things that can look like them. For each one, "
            "it shows the main clue that tells it apart from milia.</p>"
        ),
        {"type": "lookalike_comparison", "value": None},
        text(
            '<p>Still not sure? Our <a href="/identify/">milia identifier</a> asks what you '
            "can see and suggests what the bumps could be. It cannot give a diagnosis.</p>"
        ),
        heading("What if the bumps are bigger?"),
        text(
            "<p>Milia are rarely bigger than 3 mm. A bump of 3 to 5 mm is more likely to be "
            "something else, such as:</p>"
            "<ul>"
            "<li>an epidermoid cyst, which is larger and deeper and often has a tiny opening "
            "in the middle</li>"
            "<li>enlarged oil glands (sebaceous hyperplasia), which are soft and yellow with "
            "a dip in the middle</li>"
            "<li>molluscum contagiosum, a viral skin infection that causes shiny bumps with a "
            "dip in the middle</li>"
            "</ul>"
        ),
        warning(
            "When a bump needs checking for skin cancer",
            "<p>A single bump that is pearly and see-through (translucent) may not be a "
            "milium. The same goes for any bump that grows or bleeds. It can look like a type "
            "of skin cancer called basal cell carcinoma. A doctor needs to rule this out, "
            "sometimes with a biopsy. Do not try to remove it yourself. Make an appointment "
            "with your GP.</p>",
        ),
        heading("What other signs should I look out for?"),
        text(
            "<ul>"
            "<li><b>Milia on a red, raised patch of skin.</b> This may be milia en plaque. "
            "It needs a dermatologist (skin specialist) to rule out other conditions.</li>"
            "<li><b>Milia where you had blisters.</b> This can be a sign of a blistering "
            "skin disease.</li>"
            "<li><b>Bumps on the genitals.</b> Milia here can be mistaken for warts or a "
            "sexually transmitted infection. Get them checked rather than guessing.</li>"
            "<li><b>Bumps with a dip in the middle in someone with a weak immune "
            "system,</b> for example from a medicine or an illness. A doctor may need to "
            "rule out an infection.</li>"
            "</ul>"
        ),
        care_card(
            "gp",
            "See a GP if",
            "<ul>"
            + RED_FLAG_SKIN_CANCER
            + RED_FLAG_INFECTION
            + "<li>the bumps sit on a red, raised patch, or appeared where you had "
            "blisters</li>"
            "<li>you have bumps on your genitals</li>"
            "<li>you are not sure what the bumps are</li>"
            "</ul>",
        ),
    ],
    "references": [
        MEDSCAPE,
        PSK,
        PATIENTCARE,
        BIOINSIGHTS,
        ACADEME,
        SKYSCAPE_ACNE,
        VISUALDX,
        WIKI_VERRUCA,
        GP_SYRINGOMA,
        ADHUB,
        ENTOKEY_SYRINGOMA,
        DERMNET_SH,
        GP_DIFF,
        BERK,
        BERK_SCRIBD,
        NAAMAN,
        LONDONSKIN,
        CDHUB_BPM,
        PEDIAGENOSIS,
        VILLAGE,
        CONSUMERHEALTH,
        MENDELEY,
        OALIB,
        WIKIZERO,
        NEONATALDIS,
    ],
}

TREATMENT = {
    "slug": "treatment",
    "title": "How can I get rid of milia?",
    "seo_title": "How to get rid of milia safely | Cerobio",
    "search_description": (
        "Milia are harmless and often best left alone. Why not to squeeze them or use "
        "needles, what clinicians can do, and how good the evidence is."
    ),
    "summary": (
        "You do not have to get rid of milia. They are harmless, and milia in newborn babies "
        "clear up by themselves. If milia bother you, the safest choice is to leave them "
        "alone and wash your skin gently. Do not squeeze them or use needles or tweezers at "
        "home, because this can cause infection and scars. A doctor or trained clinician can "
        "remove them. There is little research on milia treatments, so no method is proven "
        "to work best."
    ),
    "body": [
        heading("Do milia need treatment?"),
        text(
            "<p>No. Milia do not harm your health. People have them removed only because of "
            "how they look.</p>"
            "<p>In babies, milia clear by themselves and need no treatment. See "
            '<a href="/newborn-milia/">milia in newborn babies</a>.</p>'
            "<p>In older children and adults, milia often last a long time. You can choose "
            "to leave them, or ask a clinician about removing them.</p>"
        ),
        heading("What can I do myself?"),
        text(
            "<p>The simplest and safest thing is to leave milia alone.</p>"
            "<ul>"
            "<li>Wash your skin gently.</li>"
            "<li>Gentle exfoliation (removing dead skin from the surface) is optional. Be "
            "careful around your eyes.</li>"
            "<li>Some skin clinics suggest a retinoid gel you can buy without a "
            "prescription, such as adapalene. Retinoids are medicines related to vitamin A. "
            "The evidence for retinoids in milia comes only from reports of single cases, "
            "and they can irritate the skin.</li>"
            "<li>Acne products are not a treatment for milia, and they can irritate your "
            "skin.</li>"
            "</ul>"
        ),
        do_dont(
            [
                "leave milia alone if they do not bother you",
                "wash your skin gently",
                "ask a GP or dermatologist if you want milia removed",
                "let a clinician remove any milia on or near your eyelids",
            ],
            [
                "squeeze or pick milia: they have no opening, so nothing comes out",
                "use needles, pins or tweezers on milia at home",
                "try to remove milia near your eyes yourself",
                "scrub hard or use harsh products on the bumps",
                "pick at a baby's milia or put creams on them",
            ],
        ),
        heading("Why should I not squeeze or pick milia?"),
        text(
            "<p>Milia are not like spots. They have no opening, so there is nothing to squeeze "
            "out. Pressing or digging at them can cause:</p>"
            "<ul>"
            "<li>irritation and bleeding</li>"
            "<li>infection</li>"
            "<li>scabs</li>"
            "<li>scars, including small pitted scars around the eyes</li>"
            "</ul>"
            "<p>Some dermatologists teach patients how to open milia safely with a sterile "
            "needle. If you want to do this, learn it from a clinician first, and follow "
            "their advice.</p>"
        ),
        warning(
            "Near the eyes, leave it to a clinician",
            "<p>Do not use needles, pins or tweezers near your eyes. Milia on or near the "
            "eyelids should only be removed by a doctor or trained clinician.</p>",
        ),
        heading("What can a doctor or clinician do?"),
        text(
            "<p>A GP can check whether your bumps are milia. Removal is usually done by a "
            "dermatologist (skin specialist) or another trained clinician.</p>"
            "<h3>Opening and emptying (deroofing)</h3>"
            "<p>This is the method used most often. The clinician makes a tiny opening in "
            "the top of the milium with a sterile needle or blade. Then they press out the "
            "keratin with a small tool. A milium treated this way almost never comes back. "
            "New milia can still form in other places.</p>"
            "<h3>Freezing (cryotherapy)</h3>"
            "<p>The clinician freezes the milia with a very cold spray. On darker skin, this "
            "can leave pale patches.</p>"
            "<h3>Heat and scraping (electrodesiccation and curettage)</h3>"
            "<p>A fine electric needle dries out the milium with heat. The clinician then "
            "scrapes it away with a small tool.</p>"
            "<h3>Peels, dermabrasion and laser</h3>"
            "<p>For milia that are very widespread or deeper, a clinician may use a chemical "
            "peel, dermabrasion (sanding down the top layer of skin) or a laser. These can "
            "work, but dermabrasion and laser can also cause new milia.</p>"
            "<h3>Prescription retinoid creams</h3>"
            "<p>Retinoid creams, such as tretinoin, are sometimes suggested for widespread "
            "milia or milia en plaque. The evidence is only reports of a few patients. In "
            "some of them, the milia cleared within about 2 to 3 months. Retinoids can "
            "irritate the skin, and they can make milia en plaque very inflamed.</p>"
            "<h3>Tablets</h3>"
            "<p>For milia en plaque, some doctors have tried antibiotic or retinoid tablets. "
            "This rests on single cases, and tablets are rarely used.</p>"
            "<p>Multiple eruptive milia, where lots of milia appear over weeks, can be hard "
            "to treat. In one report, several treatments helped very little.</p>"
        ),
        heading("How good is the evidence?"),
        text(
            "<p>Not very good. We found no randomised controlled trials of milia treatment. "
            "These are fair tests where people are put into groups by chance, so treatments "
            "can be compared.</p>"
            "<p>What we know comes from expert opinion, textbooks and reports of single "
            "patients or small groups. Experts most often use opening and emptying. No "
            "treatment is proven to work best, and no cream has been shown to clear milia "
            "reliably.</p>"
        ),
        heading("What if my milia have a cause?"),
        text(
            "<p>If your milia are secondary, dealing with the cause comes first:</p>"
            "<ul>"
            "<li><b>A skin disease:</b> getting the disease treated and under control.</li>"
            "<li><b>A medicine:</b> your doctor may change or stop it. Do not stop a "
            "prescribed medicine on your own.</li>"
            "<li><b>An injury or skin procedure:</b> protecting the healing skin from more "
            "damage.</li>"
            "</ul>"
            "<p>Milia after laser treatment often clear with gentle cleansing. Milia that "
            "form after blisters often stay.</p>"
        ),
        care_card(
            "gp",
            "See a GP or pharmacist if",
            "<ul>"
            "<li>you are not sure the bumps are milia</li>"
            + RED_FLAG_INFECTION
            + RED_FLAG_SKIN_CANCER
            + "<li>lots of milia appear suddenly, sit on a red patch, or appear where you "
            "had blisters</li>"
            "<li>you want milia removed, especially near your eyes</li>"
            "</ul>"
            "<p>A pharmacist can help with questions about gentle skin care. A GP can check "
            "the bumps and talk to you about removal.</p>",
        ),
    ],
    "references": [
        SANOMEDICA,
        PSK2,
        STCLAIR,
        MEDIC8,
        BRIGHTKIDS,
        ZARO,
        CONTOURDERM,
        STYLIST,
        MODELDERM,
        MEDSCAPE,
        WIKIZERO,
        NAAMAN,
        MENDELEY,
        ENTOKEY,
        CLEVE_LASER,
        MDEDGE,
        TYPOLOGY,
        ESCHOLARSHIP,
        DOVEMED,
        PSK,
        NEONATALDIS,
        PEDIAGENOSIS,
    ],
}

NEWBORN_MILIA = {
    "slug": "newborn-milia",
    "title": "Milia in newborn babies",
    "seo_title": "Milia in newborn babies (milk spots) | Cerobio",
    "search_description": (
        "Tiny white spots on a newborn's nose are often milia. They are harmless and clear "
        "by themselves. What to do, what not to do, and when to get help."
    ),
    "summary": (
        "Milia are tiny white spots that many babies are born with, usually on the nose and "
        "face. They are very common: 40 to 50% of newborns have them. They are harmless, "
        "they do not hurt your baby and they are not catching. They clear up by themselves, "
        "usually within a few weeks to a few months. You do not need to do anything except "
        "wash your baby's skin gently. Do not squeeze them or put creams on them."
    ),
    "body": [
        heading("What do newborn milia look like?"),
        text(
            "<ul>"
            "<li>tiny white or yellowish dots, usually no bigger than 1 mm</li>"
            "<li>most often on the nose, and also on the cheeks, eyelids, scalp, upper body "
            "and upper arms</li>"
            "<li>no redness around them</li>"
            "<li>a few, or a lot</li>"
            "<li>there from birth</li>"
            "</ul>"
            "<p>If your baby was born early, milia may be less common and may appear a "
            "little later.</p>"
        ),
        illustration(
            "congenital-milia",
            "Newborn milia: tiny white dots on the nose, with no redness around them.",
        ),
        heading("Are they harmful?"),
        text(
            "<p>No. Each spot is a harmless (benign) cyst, a tiny pocket of keratin under the "
            "skin. Keratin is a tough protein found in skin.</p>"
            "<ul>"
            "<li>They do not hurt or itch.</li>"
            "<li>They are not an infection, and no one can catch them.</li>"
            "<li>Milk and feeding have nothing to do with them. People call them 'milk "
            "spots' only because of their white colour.</li>"
            "<li>They do not mean you are washing your baby too little or too much.</li>"
            "<li>You cannot prevent them, and nothing you did caused them.</li>"
            "</ul>"
        ),
        heading("Will they go away?"),
        text(
            "<p>Yes. Newborn milia clear up by themselves, without treatment. Many have gone "
            "by about 1 month. Some take a few months.</p>"
        ),
        heading("How should I look after my baby's skin?"),
        do_dont(
            [
                "wash your baby's face gently, as you usually would",
                "leave the spots alone: they will go by themselves",
                "ask your GP, midwife or health visitor if you are worried",
            ],
            [
                "squeeze, pick or scrub the spots",
                "put creams or lotions on them, including acne products or products sold for milia",
                "try to remove them with anything sharp",
            ],
        ),
        heading("Is it milia or baby acne?"),
        text(
            "<p>Some people call newborn milia 'baby acne', but this is wrong. They are two "
            "different things.</p>"
            "<ul>"
            "<li><b>Milia</b> are white, have no redness around them and are there from "
            "birth.</li>"
            "<li><b>Baby acne</b> usually starts when a baby is 2 to 3 weeks old. It looks "
            "like red spots, some with yellow tips of pus, on the cheeks, forehead and chin. "
            "About 20 to 25% of babies get it.</li>"
            "</ul>"
        ),
        illustration(
            "neonatal-acne",
            "Baby acne, for comparison: red spots, some with yellow tips, from 2 to 3 weeks "
            "of age.",
        ),
        text(
            "<p>Two other things can look a little like milia:</p>"
            "<ul>"
            "<li><b>Tiny clear spots filled with fluid</b> are not milia. They may be a sweat "
            "rash called miliaria. But any blisters or fluid-filled spots in a newborn should "
            "be checked promptly.</li>"
            "<li><b>Tiny yellow bumps on the nose</b> can be enlarged oil glands (sebaceous "
            "hyperplasia). Doctors see this as the main look-alike for newborn milia.</li>"
            "</ul>"
            '<p>See <a href="/look-alikes/">is it milia or something else?</a></p>'
        ),
        heading("What are the white spots in my baby's mouth?"),
        text(
            "<p>Many babies have tiny bumps on the roof of the mouth or on the gums. Those "
            "on the middle of the roof of the mouth are called <b>Epstein pearls</b>. Those "
            "on the gums are called <b>Bohn nodules</b>. Doctors now call them palatal cysts "
            "of the newborn.</p>"
            "<p>Like milia, they are filled with keratin, but they are a separate thing. "
            "They are even more common than milia on the skin: most newborns have them. "
            "They clear up by themselves within a few weeks.</p>"
        ),
        care_card(
            "urgent",
            "Get medical help promptly if",
            "<ul>"
            "<li>your baby seems unwell</li>"
            "<li>your baby has blisters, or spots filled with fluid</li>"
            "</ul>"
            "<p>Contact your GP, midwife or health visitor straight away, or get urgent "
            "medical advice.</p>",
        ),
        care_card(
            "gp",
            "See a GP or health visitor if",
            "<ul>"
            "<li>the spots become red, swollen or crusty, or leak pus. This can be a sign "
            "of infection.</li>"
            "<li>the spots spread in an unusual pattern, or come with other skin "
            "changes</li>"
            "<li>your baby has a lot of milia that do not go away, especially if skin "
            "conditions run in your family</li>"
            "<li>the spots are still there after about 3 to 4 months. Some doctors suggest "
            "a check at this point, although there is little research on the timing.</li>"
            "</ul>",
        ),
    ],
    "references": [
        BERK,
        STATPEARLS,
        EMEDICINE,
        UNBOUND,
        PATIENTCARE,
        QV,
        FLO,
        MAYO_MILIA,
        STCLAIR,
        PSK2,
        MEDIC8,
        BRIGHTKIDS,
        SKYSCAPE_ACNE,
        DERMASCOPE,
        CONSUMERHEALTH,
        SPRINGER,
        STATPEARLS_PALATE,
        NEONATALDIS,
        PEDIATIME,
        HEALIO,
        CDHUB_BPM,
    ],
}

NAMES = {
    "slug": "names-for-milia",
    "title": "Other names for milia",
    "seo_title": "Milia, milium, milk spots: names explained | Cerobio",
    "search_description": (
        "Milium or milia? Milk spots, milia seeds, Epstein pearls, the common misspelling "
        "millia, and the classification codes for milia, explained plainly."
    ),
    "summary": (
        "Milia is the medical name for tiny white keratin cysts in the skin. One bump is a "
        "milium, and two or more are milia. People also call them milk spots, milia seeds "
        "or oil seeds. The name milk spots comes only from their white colour. Some related "
        "names, such as Epstein pearls, mean something slightly different. A few words that "
        "sound similar, like miliaria, are different conditions."
    ),
    "body": [
        heading("Is it milium or milia?"),
        text(
            "<p>One bump is a <b>milium</b>. Two or more are <b>milia</b>. Both words come "
            "from the Latin for millet, a small seed.</p>"
            "<p>People often spell it <b>millia</b>, with a double l. This is a misspelling. "
            "The correct spelling has one l: milia. We mention the misspelling here so that "
            "people who search for it can find this guide.</p>"
        ),
        heading("What do people call milia in everyday language?"),
        text(
            "<ul>"
            "<li><b>Milk spots</b>, mostly for babies. The name is about the white colour "
            "only. Milk and feeding have nothing to do with milia.</li>"
            "<li><b>Milia seeds</b> and <b>oil seeds</b>.</li>"
            "<li><b>Milk cysts</b> and <b>water spots</b>.</li>"
            "<li><b>Baby acne</b> is sometimes used for newborn milia, but this is wrong. "
            "Baby acne is a different rash of red spots. See "
            '<a href="/newborn-milia/">milia in newborn babies</a>.</li>'
            "</ul>"
        ),
        heading("Are Epstein pearls milia?"),
        text(
            "<p>Not exactly. Epstein pearls are tiny cysts on the middle of the roof of a "
            "newborn baby's mouth. Like milia, they are filled with keratin. Some medical "
            "books describe them alongside milia.</p>"
            "<p>But specialists in mouth conditions treat them as a separate group. They now "
            "call them palatal cysts of the newborn. Similar cysts on the gums are called "
            "Bohn nodules. They all clear up by themselves within a few weeks.</p>"
        ),
        heading("What other names are there?"),
        text(
            "<p>Here are the names you may come across, grouped by kind. Some are old or "
            "from other languages. The last group lists words that sound similar but mean "
            "something else.</p>"
        ),
        {
            "type": "names_list",
            "value": {"kinds": ["medical", "lay", "older", "misspelling", "related", "confusable"]},
        },
        inset(
            "<p>Do not mix up <b>milia</b> with <b>miliaria</b>. Miliaria is heat rash, "
            "caused by blocked sweat ducts, and the skin is usually red. <b>Colloid "
            "milium</b> is also a different condition, with golden or yellowish bumps on "
            "sun-damaged skin.</p>"
        ),
        heading("What are the medical codes for milia?"),
        text(
            "<p>Doctors use classification codes to record a diagnosis. The best-known system "
            "is ICD-10, the International Classification of Diseases.</p>"
            "<p>The codes below come from coding websites and dermatology sources. We have "
            "not checked them against the official code books, and the sources disagree:</p>"
            "<ul>"
            "<li>US coding websites, which use the US version of ICD-10 (ICD-10-CM), give "
            "<b>L72.0</b>, 'epidermal cyst'.</li>"
            "<li>Two German dermatology sources give <b>L72.8</b>, 'other follicular cysts'. "
            "They may follow the German version of ICD-10.</li>"
            "</ul>"
            "<p>We could not verify codes in ICD-9, ICD-11 or SNOMED CT. If you need a code "
            "for a form or a claim, check it with your doctor or the official code list.</p>"
        ),
        {"type": "codes_table", "value": None},
        care_card(
            "gp",
            "See a GP if",
            "<ul>"
            "<li>you are not sure whether your bumps are milia</li>"
            + RED_FLAG_SKIN_CANCER
            + "</ul>",
        ),
    ],
    "references": [
        SANOMEDICA,
        WIKIMD,
        BERK_SCRIBD,
        QV,
        FLO,
        WIKIZERO,
        ASKDEFINE,
        DRNIKITA,
        MUMSTREET,
        VERITAS,
        DERMASCOPE,
        ESTEEM,
        SKYSCAPE_ACNE,
        EMEDICINE,
        STATPEARLS_PALATE,
        SPRINGER,
        ICDCODES,
        NAAMAN,
        LONDONSKIN,
        ICDLIST,
        ICD_WHO,
        AMEGLEI,
        ALTMEYERS,
        PEDIAGENOSIS,
    ],
}

PAGES = [HOME, WHAT_IS_MILIA, TYPES, CAUSES, LOOK_ALIKES, TREATMENT, NEWBORN_MILIA, NAMES]


# ---------------------------------------------------------------------------------------------
# Extra sections for each subtype page (keyed by subtype slug)
# ---------------------------------------------------------------------------------------------

TYPE_PAGES = {
    "congenital-milia": {
        "search_description": (
            "Congenital milia are tiny white spots seen at birth in 40 to 50% of newborns, "
            "mostly on the nose. They are harmless and clear by themselves."
        ),
        "body": [
            do_dont(
                ["wash your baby's face gently", "leave the spots alone"],
                ["squeeze, pick or scrub them", "put creams or lotions on them"],
            ),
            inset(
                "<p>For a full guide for parents, including how to tell milia from baby acne "
                'and when to get help, see <a href="/newborn-milia/">milia in newborn '
                "babies</a>.</p>"
            ),
        ],
        "references": [MEDIC8, BRIGHTKIDS],
    },
    "benign-primary-milia": {
        "search_description": (
            "Benign primary milia are tiny white bumps that appear by themselves, often "
            "around the eyes, in children and adults. Harmless, but they can last."
        ),
        "body": [
            do_dont(
                [
                    "leave them alone if they do not bother you",
                    "wash your skin gently",
                    "ask a clinician if you want them removed",
                ],
                [
                    "squeeze or pick them",
                    "use needles or tweezers on them, especially near your eyes",
                ],
            ),
            warning(
                "Near the eyes, leave it to a clinician",
                "<p>Removing milia yourself can cause infection and small pitted scars "
                "around the eyes. Milia on or near the eyelids should only be removed by a "
                'clinician. See <a href="/treatment/">how to get rid of milia safely</a>.'
                "</p>",
            ),
        ],
        "references": [ZARO, MODELDERM, STYLIST],
    },
    "milia-en-plaque": {
        "search_description": (
            "Milia en plaque is a rare type: many tiny white cysts on a red, raised patch, "
            "often behind the ear. A GP or dermatologist should check it."
        ),
        "body": [
            care_card(
                "gp",
                "See a GP or dermatologist",
                "<p>Milia on a red, raised or swollen patch of skin should be checked by a "
                "GP or a dermatologist (skin specialist). Other conditions can look like "
                "this, and a specialist needs to rule them out.</p>"
                "<p>Do not start retinoid creams on this type without a specialist's advice. "
                "They can make the patch very inflamed.</p>",
            ),
        ],
        "references": [MENDELEY, MDEDGE],
    },
    "nodular-grouped-milia": {
        "search_description": (
            "Nodular grouped milia is a rare type in which milia form a raised cluster. "
            "Little is known about it. A GP or dermatologist can check it."
        ),
        "body": [
            inset(
                "<p>Very little has been published about this type. We could not check who "
                "gets it, where it appears or whether it goes away.</p>"
            ),
            care_card(
                "gp",
                "See a GP if",
                "<p>you have a raised cluster of milia and are not sure what it is.</p>",
            ),
        ],
        "references": [],
    },
    "multiple-eruptive-milia": {
        "search_description": (
            "Multiple eruptive milia: crops of about 10 to 100 milia appear over weeks or "
            "months. Rare. See a GP, and mention new medicines or family history."
        ),
        "body": [
            care_card(
                "gp",
                "See a GP if lots of milia appear over weeks or months",
                "<p>Tell them:</p>"
                "<ul>"
                "<li>about any medicine you started recently, especially cancer medicines "
                "called tyrosine kinase inhibitors</li>"
                "<li>if anyone else in your family has had the same</li>"
                "</ul>",
            ),
            inset(
                "<p>This type can be hard to treat. Results vary, and in some reports "
                "treatments helped very little.</p>"
            ),
        ],
        "references": [ALTMEYERS, ESCHOLARSHIP],
    },
    "genodermatosis-associated-milia": {
        "search_description": (
            "Some rare inherited conditions include milia along with changes in the hair, "
            "nails, teeth or skin. When milia may be part of one, and what to do."
        ),
        "body": [
            care_card(
                "gp",
                "See a GP if",
                "<ul>"
                "<li>a child has many milia that do not go away</li>"
                "<li>the milia come with differences in the hair, nails or teeth, or the "
                "skin of the palms or soles</li>"
                "<li>there is a family history of similar skin problems</li>"
                "</ul>",
            ),
        ],
        "references": [HEALIO, CDHUB_BPM],
    },
    "nevus-depigmentosus-with-milia": {
        "search_description": (
            "A very rare type: milia inside a pale birthmark (nevus depigmentosus) present "
            "from early life. There is no link to X-rays or to any job."
        ),
        "body": [
            inset(
                "<p>You may read online that this type is linked to X-rays at work. We found "
                "no evidence for this. The pale birthmark is something a person is born "
                "with, or that appears soon after birth. It is not caused by X-rays or by any "
                "job.</p>"
                "<p>Radiotherapy has been linked to milia only rarely, and as a different "
                'type: see <a href="/types/trauma-associated-milia/">milia after injury or '
                "treatment</a>.</p>"
            ),
        ],
        "references": [PUBMED_ND, CDHUB_ND, PSK, ACTAS_MEP],
    },
    "disease-associated-milia": {
        "search_description": (
            "Milia can form where blisters have healed, for example in epidermolysis bullosa "
            "or porphyria cutanea tarda. What this means and when to see a GP."
        ),
        "body": [
            care_card(
                "gp",
                "See a GP if",
                "<p>milia appear where you had blisters, especially on the backs of your "
                "hands, and you do not know why. They can be a sign of a skin disease that "
                "causes blisters, which needs checking.</p>",
            ),
        ],
        "references": [PEDIAGENOSIS, OALIB],
    },
    "medication-associated-milia": {
        "search_description": (
            "Some medicines, such as strong steroid creams, can cause milia where they are "
            "used. What to do, and why not to stop a medicine on your own."
        ),
        "body": [
            care_card(
                "gp",
                "Talk to your GP or prescriber",
                "<p>If milia appear after you start a medicine or cream, tell the doctor who "
                "prescribed it. Stopping or changing the medicine may help. Do not stop a "
                "prescribed medicine on your own.</p>",
            ),
        ],
        "references": [SANOMEDICA, DOVEMED, NAAMAN],
    },
    "trauma-associated-milia": {
        "search_description": (
            "Milia can form as skin heals after burns, grazes, laser treatment or other "
            "procedures. Why it happens, whether they clear and what helps."
        ),
        "body": [
            inset(
                "<p>Milia after laser treatment often clear with gentle cleansing. Thick "
                "creams and dressings used after laser treatment can cause milia for a short "
                "time. Ask the clinic that treated you if you are unsure.</p>"
            ),
            care_card(
                "gp",
                "See a GP if",
                "<ul>" + RED_FLAG_INFECTION + "</ul>",
            ),
        ],
        "references": [MAYO_LASER, CLEVE_LASER],
    },
}
