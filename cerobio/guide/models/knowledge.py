"""The knowledge base: one structured source of truth read by pages, pictures, search and JSON-LD.

The clinical records (`KnowledgeRecord`) are published only through "Clinical sign-off": the
database row holds the live version, drafts live in revisions, and a record created in the admin
stays out of every public page (`live=False`) until a clinical reviewer publishes it. Public
read paths therefore filter with `.live()`. See docs/editorial.md.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from ..sources import SourceProblem, address_problems, doi_problems, pmid_problems


class KnowledgeQuerySet(models.QuerySet):
    def live(self):
        """Only published records: what readers, search and the identifier may see."""
        return self.filter(live=True)


class KnowledgeRecord(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A clinical record that readers see only once a clinical reviewer has published it.

    Editors save drafts and submit them to the "Clinical sign-off" workflow (assigned to these
    content types by the guide migration 0004); only Clinical reviewers hold `publish_<model>`.
    """

    objects = KnowledgeQuerySet.as_manager()

    class Meta:
        abstract = True


class Reference(KnowledgeRecord, index.Indexed, models.Model):
    """A source that a fact on the site rests on, held in parts and shown as a Vancouver citation.

    `clean()` refuses what may never be cited (a copy, mirror, app export, staging host,
    search-engine redirect, plain http, a malformed DOI): the rules are in `cerobio.guide.sources`.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", "Journal article"
        BOOK = "book", "Book or book chapter"
        REFERENCE = "reference", "Reference work entry (encyclopaedia, point-of-care, atlas)"
        WEB = "web", "Web page (health service, society, clinic, magazine)"
        COPY = "copy", "Known only from an unidentified copy (never linked)"

    class Strength(models.TextChoices):
        PEER_REVIEWED = "peer-reviewed", "Peer-reviewed"
        REFERENCE = "reference", "Reference work"
        HEALTH_SERVICE = "health-service", "Professional body or health service"
        CONSUMER = "consumer", "Clinic or consumer page (weaker source)"

    key = models.SlugField(max_length=80, unique=True, help_text="Short stable name, e.g. 'berk-bayliss-2008'.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WEB)
    authors = models.CharField(
        max_length=500, blank=True, help_text="Vancouver style: 'Berk DR, Bayliss SJ' (up to six, then 'et al.')."
    )
    title = models.CharField(max_length=300, help_text="The article's, chapter's or page's own title.")
    container = models.CharField(
        "Journal, book or site",
        max_length=300,
        blank=True,
        help_text="Journal abbreviation ('J Am Acad Dermatol'), the book ('StatPearls [Internet]') or the site ('DermNet').",
    )
    publisher = models.CharField(
        max_length=200, blank=True, help_text="For books and web pages: 'Philadelphia: Elsevier', 'Mayo Clinic'."
    )
    year = models.CharField(
        "Year", max_length=20, blank=True, help_text="'2008', or with month and day for a web page: '2019 Sep 26'."
    )
    volume = models.CharField(max_length=20, blank=True)
    issue = models.CharField(max_length=20, blank=True)
    pages = models.CharField(max_length=30, blank=True, help_text="'1050-1063', or 'e29-e32'.")
    doi = models.CharField(
        "DOI", max_length=200, blank=True, help_text="Bare, as 10.NNNN/suffix; the site links it to https://doi.org/."
    )
    pmid = models.CharField("PubMed ID", max_length=12, blank=True, help_text="Digits only.")
    url = models.URLField(
        "Address", max_length=500, blank=True, help_text="The publisher's own https:// page; leave empty where the DOI is the address."
    )
    accessed = models.DateField("Date accessed", null=True, blank=True)
    strength = models.CharField(max_length=20, choices=Strength.choices, default=Strength.REFERENCE)
    strength_note = models.CharField(
        max_length=120, blank=True, help_text="Shown after the strength, e.g. 'open wiki', 'AI-generated', 'law-firm commentary'."
    )
    withdrawn = models.BooleanField(default=False, help_text="Tick if the source was retracted or is no longer trusted.")

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("kind")]),
        FieldPanel("authors"),
        FieldPanel("title", required_on_save=True),
        FieldRowPanel([FieldPanel("container"), FieldPanel("publisher")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
        FieldRowPanel([FieldPanel("doi"), FieldPanel("pmid")]),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("accessed"), FieldPanel("strength"), FieldPanel("strength_note")]),
        FieldPanel("withdrawn"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("authors"), index.SearchField("container")]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def link(self) -> str:
        """The one address a reader follows: the publisher's page, else the DOI, else PubMed; none for a copy."""
        if self.kind == self.Kind.COPY:
            return ""
        return self.url or self.doi_url or self.pubmed_url

    @property
    def is_weaker(self) -> bool:
        """A clinic or consumer page, or a copy of an unidentified source: facts resting only on these say so."""
        return self.strength == self.Strength.CONSUMER or self.kind == self.Kind.COPY

    @property
    def missing_fields(self) -> list[str]:
        """Which of title, journal/book/site and (for a linked source) date accessed are still empty."""
        missing = [] if self.title else ["title"]
        if not self.container and not self.publisher and self.kind != self.Kind.COPY:
            missing.append("journal, book or site")
        if self.url and not self.accessed:
            missing.append("date accessed")
        return missing

    @property
    def problems(self) -> list:
        """Every source rule this reference breaks (`cerobio.guide.sources.SourceProblem`s)."""
        found = [*address_problems(self.url), *doi_problems(self.doi), *pmid_problems(self.pmid)]
        if self.kind == self.Kind.COPY and (self.url or self.doi):
            found.append(
                SourceProblem(
                    "unidentified copy linked",
                    "url" if self.url else "doi",
                    "A source known only from an unidentified copy is never linked. Remove the address.",
                )
            )
        return found

    def clean(self):
        super().clean()
        errors = {}
        for problem in self.problems:
            errors.setdefault(problem.field, []).append(f"Not a citable source ({problem.rule}): {problem.message}")
        if errors:
            raise ValidationError(errors)


class BodySite(models.Model):
    """A place on the body; codes match the identifier's `sites` values.

    Not a `KnowledgeRecord`: a body site is a name and a code, and which sites a type or look-alike
    appears on is part of that record's signed-off revision. Hiding an unpublished site would also
    drop it from the product's "do not use on" list. Only Clinical reviewers may change them.
    """

    class Region(models.TextChoices):
        FACE = "face", "Face"
        HEAD = "head", "Head and neck"
        TRUNK = "trunk", "Trunk"
        LIMBS = "limbs", "Arms and legs"
        GENITALS = "genitals", "Genitals"

    code = models.SlugField(max_length=40, unique=True, help_text="e.g. 'eyelids', 'chest_back'")
    name = models.CharField(max_length=80)
    region = models.CharField(max_length=10, choices=Region.choices)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("region"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Trigger(KnowledgeRecord, ClusterableModel):
    """Something that can cause or set off secondary milia (a disease, a medicine, an injury)."""

    class Kind(models.TextChoices):
        DISEASE = "disease", "Skin disease"
        MEDICATION = "medication", "Medicine"
        TRAUMA = "trauma", "Injury or procedure"
        OTHER = "other", "Other or unproven"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    note = models.TextField(blank=True, help_text="One plain sentence for readers.")
    well_supported = models.BooleanField(default=True, help_text="Untick where only clinic or consumer pages make the claim.")
    references = ParentalManyToManyField(Reference, blank=True, related_name="+")

    panels = [
        FieldPanel("slug"),
        FieldPanel("name", required_on_save=True),
        FieldPanel("kind", required_on_save=True),
        FieldPanel("note"),
        FieldPanel("well_supported"),
        FieldPanel("references"),
    ]

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


NEVER_SITES_HELP = (
    "Places where it is never found. The identifier leaves it out when every place a person "
    "chooses is one of these."
)


class Appearance(models.Model):
    """What the bumps look like; drives the illustrations and the identifier's descriptions."""

    class Colour(models.TextChoices):
        WHITE = "white", "Pearly white"
        WHITE_YELLOW = "white-yellow", "White to yellowish"
        YELLOW = "yellow", "Yellow"
        SKIN = "skin", "Skin-coloured"
        PINK = "pink", "Pink or tan"
        RED = "red", "Red"
        CLEAR = "clear", "Clear (fluid)"
        GOLDEN = "golden", "Golden or yellow-brown"

    class Grouping(models.TextChoices):
        SCATTERED = "scattered", "Scattered"
        CLUSTER = "cluster", "Clustered"
        NODULE = "nodule", "Clustered on a raised lump"
        PLAQUE = "plaque", "On a raised red patch"
        LINE = "line", "In lines"
        SINGLE = "single", "Single"
        PATCH = "patch", "A flat patch"
        BIRTHMARK = "birthmark", "Inside a pale patch"

    class Shape(models.TextChoices):
        DOME = "dome", "Dome"
        FLAT = "flat", "Flat-topped"
        BLISTER = "blister", "Fluid blister"
        PATCH = "patch", "Flat patch"

    class Centre(models.TextChoices):
        NONE = "none", "Smooth, no opening"
        DIMPLE = "dimple", "Central dimple"
        PORE = "pore", "Central pore or blackhead"

    colour = models.CharField(max_length=15, choices=Colour.choices, default=Colour.WHITE)
    shape = models.CharField(max_length=10, choices=Shape.choices, default=Shape.DOME)
    centre = models.CharField(max_length=10, choices=Centre.choices, default=Centre.NONE)
    grouping = models.CharField(max_length=10, choices=Grouping.choices, default=Grouping.SCATTERED)
    size_min_mm = models.DecimalField(max_digits=3, decimal_places=1, default=1)
    size_max_mm = models.DecimalField(max_digits=3, decimal_places=1, default=2)
    typical_count = models.PositiveSmallIntegerField(default=6, help_text="How many to draw in the close-up.")
    red_base = models.BooleanField(default=False, help_text="Red rim or red patch around the bumps.")

    appearance_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("colour"), FieldPanel("shape"), FieldPanel("centre")]),
                FieldRowPanel([FieldPanel("grouping"), FieldPanel("typical_count"), FieldPanel("red_base")]),
                FieldRowPanel([FieldPanel("size_min_mm"), FieldPanel("size_max_mm")]),
            ],
            heading="Appearance (drives the illustrations)",
        )
    ]

    class Meta:
        abstract = True


class MiliaType(KnowledgeRecord, index.Indexed, Appearance, ClusterableModel):
    """One subtype in the Berk & Bayliss 2008 classification."""

    class Group(models.TextChoices):
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    group = models.CharField(max_length=10, choices=Group.choices)
    summary = models.TextField(help_text="One or two plain sentences: what this type is.")
    origin = models.TextField("Where they form", blank=True)
    who_gets_it = models.TextField("Who gets it", blank=True)
    body_sites = ParentalManyToManyField(BodySite, blank=True, related_name="milia_types")
    never_sites = ParentalManyToManyField(
        BodySite,
        blank=True,
        related_name="+",
        verbose_name="Never found on",
        help_text=NEVER_SITES_HELP,
    )
    sites_text = models.TextField("Where on the body", blank=True)
    appearance_text = models.TextField("What they look like", blank=True)
    causes_text = models.TextField("Causes and triggers", blank=True)
    triggers = ParentalManyToManyField(Trigger, blank=True, related_name="milia_types")
    natural_course = models.TextField("Will they go away?", blank=True)
    how_common = models.TextField(blank=True)
    distinguishing_cue = models.TextField("The cue that tells it apart", blank=True)
    see_doctor = models.TextField("When to see a doctor", blank=True)
    evidence_note = models.TextField(
        blank=True, help_text="Say plainly what is uncertain or not verified for this type."
    )
    references = ParentalManyToManyField(Reference, blank=True, related_name="milia_types")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldRowPanel([
            FieldPanel("name", required_on_save=True), FieldPanel("slug"), FieldPanel("group", required_on_save=True),
        ]),
        FieldPanel("summary"),
        FieldPanel("origin"),
        FieldPanel("who_gets_it"),
        FieldPanel("body_sites"),
        FieldPanel("never_sites"),
        FieldPanel("sites_text"),
        FieldPanel("appearance_text"),
        *Appearance.appearance_panels,
        FieldPanel("causes_text"),
        FieldPanel("triggers"),
        FieldPanel("natural_course"),
        FieldPanel("how_common"),
        FieldPanel("distinguishing_cue"),
        FieldPanel("see_doctor"),
        FieldPanel("evidence_note"),
        FieldPanel("references"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("summary"),
        index.SearchField("appearance_text"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "milia type"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/types/{self.slug}/"


class LookAlike(KnowledgeRecord, index.Indexed, Appearance, ClusterableModel):
    """Something that can be mistaken for milia, and the cue that separates it."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    also_called = models.CharField(max_length=200, blank=True)
    what_it_is = models.TextField()
    looks_like = models.TextField("What it looks like")
    where = models.TextField("Where it appears")
    body_sites = ParentalManyToManyField(BodySite, blank=True, related_name="look_alikes")
    never_sites = ParentalManyToManyField(
        BodySite,
        blank=True,
        related_name="+",
        verbose_name="Never found on",
        help_text=NEVER_SITES_HELP,
    )
    who = models.TextField("Who gets it")
    separating_cue = models.TextField("How to tell it from milia")
    contagious = models.BooleanField(default=False)
    see_doctor = models.TextField("When to see a doctor", blank=True)
    references = ParentalManyToManyField(Reference, blank=True, related_name="look_alikes")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldRowPanel([FieldPanel("name", required_on_save=True), FieldPanel("slug")]),
        FieldPanel("also_called"),
        FieldPanel("what_it_is"),
        FieldPanel("looks_like"),
        *Appearance.appearance_panels,
        FieldPanel("where"),
        FieldPanel("body_sites"),
        FieldPanel("never_sites"),
        FieldPanel("who"),
        FieldPanel("separating_cue"),
        FieldPanel("contagious"),
        FieldPanel("see_doctor"),
        FieldPanel("references"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name", boost=3), index.SearchField("looks_like")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "look-alike"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/look-alikes/#{self.slug}"


class Synonym(KnowledgeRecord, models.Model):
    """A name, misspelling or search phrase people use, and the page it should lead to."""

    class Kind(models.TextChoices):
        MEDICAL = "medical", "Medical name"
        LAY = "lay", "Everyday name"
        OLDER = "older", "Older or foreign name"
        MISSPELLING = "misspelling", "Misspelling"
        RELATED = "related", "Related term"
        CONFUSABLE = "confusable", "Do not confuse with"
        PHRASE = "phrase", "Search phrase"

    term = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    meaning = models.CharField(max_length=300, blank=True, help_text="One plain sentence shown on the names page.")
    target = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page a search for this term should put first.",
    )
    reference = models.ForeignKey(Reference, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        # Required even on a draft: the term is unique, and a draft row holds it from the start.
        FieldPanel("term", required_on_save=True),
        FieldPanel("kind", required_on_save=True),
        FieldPanel("meaning"),
        FieldPanel("target"),
        FieldPanel("reference"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "term"]
        verbose_name = "name or search term"
        verbose_name_plural = "names and search terms"

    def __str__(self):
        return self.term


class ClassificationCode(KnowledgeRecord, models.Model):
    """A code for milia in a named code system, with whether we could verify it."""

    class System(models.TextChoices):
        ICD10CM = "icd-10-cm", "ICD-10-CM (United States)"
        ICD10 = "icd-10", "ICD-10 (WHO 2019)"
        ICD10GM = "icd-10-gm", "ICD-10-GM (Germany)"
        ICD9CM = "icd-9-cm", "ICD-9-CM"
        ICD11 = "icd-11", "ICD-11 (WHO)"
        SNOMED = "snomed-ct", "SNOMED CT"

    system = models.CharField(max_length=12, choices=System.choices)
    code = models.CharField(max_length=20, blank=True, help_text="Leave empty where no code was found.")
    label = models.CharField(max_length=200, blank=True)
    verified = models.BooleanField(default=False, help_text="Tick only once checked against the official index.")
    note = models.CharField(max_length=300, blank=True)
    reference = models.ForeignKey(Reference, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldRowPanel([FieldPanel("system", required_on_save=True), FieldPanel("code"), FieldPanel("verified")]),
        FieldPanel("label"),
        FieldPanel("note"),
        FieldPanel("reference"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "system"]
        verbose_name = "classification code"

    def __str__(self):
        return f"{self.get_system_display()} {self.code or '(none found)'}"


class CareAdvice(KnowledgeRecord, ClusterableModel):
    """One piece of advice on when and where to get help, written once and shown wherever it applies.

    The guide's pages show it with the "Care advice" block, and the identifier shows it in every
    result (the safety net), in its red flags and in its "What to do" text, each by its key.
    """

    class Level(models.TextChoices):
        URGENT = "urgent", "Urgent (get help today)"
        GP = "gp", "See a GP (non-urgent)"
        PHARMACIST = "pharmacist", "Speak to a pharmacist"
        SELF_CARE = "self-care", "Self-care"
        INFO = "info", "Information"

    key = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Stable name the site uses to find it, e.g. 'safety-net-newborn'. Do not change it.",
    )
    level = models.CharField(max_length=12, choices=Level.choices, default=Level.GP)
    heading = models.CharField(max_length=200, blank=True)
    text = RichTextField(features=["bold", "italic", "link", "ul", "ol"])
    references = ParentalManyToManyField(Reference, blank=True, related_name="+")

    panels = [
        FieldRowPanel([FieldPanel("key", required_on_save=True), FieldPanel("level")]),
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("references"),
    ]

    class Meta:
        ordering = ["key"]
        verbose_name = "care advice"
        verbose_name_plural = "care advice"

    def __str__(self):
        return self.heading or self.key
