"""Guide page types. Every guide page is reviewed, dated and referenced."""

import datetime

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cerobio.core.page_lookup import ViewRestrictionsMixin
from cerobio.core.purge import content_version

from ..blocks import GuideStreamBlock
from ..page_forms import ReviewedPageForm, reviewed_page_edit_handler
from .knowledge import MiliaType, Reference


def default_next_review():
    return datetime.date.today() + datetime.timedelta(days=365)


class PageReference(Orderable):
    """A source cited by a page, in the order the page lists them."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_references")
    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("reference")]


class ReviewedPage(ViewRestrictionsMixin, Page):
    """Base for guide pages: summary, review dates, reviewer and sources."""

    summary = models.TextField(
        help_text="One paragraph that answers the question in the page title.", blank=True
    )
    last_reviewed = models.DateField(default=datetime.date.today)
    next_review_due = models.DateField(default=default_next_review)
    reviewer = models.ForeignKey(
        "guide.Reviewer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The clinician who signed this page off; empty until one does.",
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("last_reviewed", read_only=True), FieldPanel("next_review_due")]),
                FieldPanel("reviewer", read_only=True),
            ],
            heading="Clinical review",
            help_text="Reviewer and date are filled in when a clinical reviewer with a reviewer profile "
            "approves the page; until then readers see “Not yet reviewed by a clinician”. Next review due "
            "becomes 12 months later, unless you set an earlier date before submitting.",
        ),
        InlinePanel("page_references", heading="Sources", label="Source", min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]
    base_form_class = ReviewedPageForm

    class Meta:
        abstract = True

    @classmethod
    def get_edit_handler(cls):
        """Content (with the plain-English and claims check), Review and sources, Promote, Settings."""
        return reviewed_page_edit_handler(cls)

    @cached_property
    def references(self):
        """The page's published sources, in order (one query)."""
        cited = self.page_references.filter(reference__live=True).select_related("reference")
        return [pr.reference for pr in cited.order_by("sort_order")]

    @cached_property
    def breadcrumb_ancestors(self) -> list[Page]:
        """Ancestors below the site root (one query), shared by the breadcrumbs and the JSON-LD."""
        return list(
            self.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "depth", "path")
        )

    @property
    def signed_off(self) -> bool:
        """True when a clinician with a reviewer profile signed this page off."""
        return self.reviewer_id is not None

    @property
    def review_overdue(self) -> bool:
        return self.signed_off and self.next_review_due < datetime.date.today()

    def get_sitemap_urls(self, request=None):
        """Sitemap entries use the public address (SITE_URL), like the canonical links."""
        from django.conf import settings

        return [
            {
                "location": settings.SITE_URL + (self.get_url(request=request) or "/"),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
            }
        ]

    def get_context(self, request, *args, **kwargs):
        from ..fetch import KnowledgeBase

        context = super().get_context(request, *args, **kwargs)
        context["kb"] = KnowledgeBase()
        # Back from "Was this page helpful?" (cerobio/editorial/views.py): the form says thank you.
        context["feedback_sent"] = request.GET.get("feedback") == "thanks"
        return context


class HomePage(ReviewedPage):
    """The home page: what milia are in one screen, and routes onwards."""

    template = "pages/home_page.html"

    body = StreamField(GuideStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*ReviewedPage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "guide.GuidePage", "guide.TypesIndexPage", "shop.ShopIndexPage", "editorial.InfoPage", "editorial.ContactPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """Find the page for an address by its `url_path` in one query, not one query per level.

        Wagtail's default walks the tree a level at a time (two queries per level). No page type
        here routes its own sub-addresses, so the deepest page whose address starts the path is the
        page, and its own `route()` still decides (live or 404, or what is left of the path). Which
        page an address names changes only with the content, so it is kept in the cache under the
        content version (for addresses that name a page exactly), and the page itself is then one
        query.
        """
        if not path_components:
            return super().route(request, path_components)
        key = f"route:{content_version()}:{self.pk}:{'/'.join(path_components)}"
        found = cache.get(key)
        if found is None:
            found = self._find(path_components)
            if found is None:
                raise Http404
            if found[2] - self.depth == len(path_components):
                cache.set(key, found, 86400)
        page_id, content_type_id, depth = found
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        try:
            page = model.objects.get(pk=page_id)
        except model.DoesNotExist:
            raise Http404 from None
        return page.route(request, path_components[depth - self.depth :])

    def _find(self, path_components) -> tuple[int, int, int] | None:
        """The deepest page below this one whose address starts the path: (id, content type id, depth)."""
        addresses = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[:depth])
            for depth in range(1, len(path_components) + 1)
        ]
        return (
            Page.objects.filter(url_path__in=addresses, path__startswith=self.path)
            .order_by("-depth")
            .values_list("id", "content_type_id", "depth")
            .first()
        )


class GuidePage(ReviewedPage):
    """A guide article: what is milia, causes, look-alikes, treatment, newborn milia, names."""

    template = "pages/guide_page.html"

    body = StreamField(GuideStreamBlock(), use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*ReviewedPage.search_fields, index.SearchField("body")]

    parent_page_types = ["guide.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "guide page"


class TypesIndexPage(ReviewedPage):
    """The types page: primary vs secondary, with every subtype as a card."""

    template = "pages/types_index_page.html"

    body = StreamField(GuideStreamBlock(), use_json_field=True, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*ReviewedPage.search_fields, index.SearchField("body")]

    parent_page_types = ["guide.HomePage"]
    subpage_types = ["guide.MiliaTypePage"]
    max_count = 1

    class Meta:
        verbose_name = "types index page"


class MiliaTypePageForm(ReviewedPageForm):
    """Refuses to publish a page whose photos lack a licence, consent or alt text."""

    def clean(self):
        cleaned = super().clean()
        if "action-publish" in self.data:
            problems = []
            for form in self.formsets.get("photos", []).forms:
                if not form.is_valid():
                    continue  # the formset reports its own errors
                if form.cleaned_data.get("DELETE") or not form.cleaned_data.get("image"):
                    continue
                problems += form.cleaned_data["image"].publishable_problems
            if problems:
                raise forms.ValidationError(
                    "This page cannot be published yet: "
                    + "; ".join(problems)
                    + ". Add the missing details in Images, or remove the photo."
                )
        return cleaned


class MiliaTypePage(ReviewedPage):
    """One page per subtype, drawn from its MiliaType record."""

    template = "pages/milia_type_page.html"

    milia_type = models.OneToOneField(MiliaType, on_delete=models.PROTECT, related_name="page")
    body = StreamField(GuideStreamBlock(), use_json_field=True, blank=True, help_text="Optional extra sections.")

    base_form_class = MiliaTypePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("milia_type"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("photos", heading="Clinical photos", label="Photo"),
    ]
    search_fields = [
        *ReviewedPage.search_fields,
        index.SearchField("body"),
        index.RelatedFields(
            "milia_type",
            [
                index.SearchField("name", boost=3),
                index.SearchField("summary"),
                index.SearchField("appearance_text"),
                index.SearchField("sites_text"),
                index.SearchField("causes_text"),
            ],
        ),
    ]

    parent_page_types = ["guide.TypesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "milia type page"

    def clean(self):
        super().clean()
        if self.live:
            problems = [p for photo in self.photos.all() for p in photo.image.publishable_problems]
            if problems:
                raise ValidationError("; ".join(problems))

    def _subtype_published(self) -> bool:
        """Whether the page's subtype is published (the published ones kept under the content version)."""
        published = cache.get_or_set(
            f"published-types:{content_version()}",
            lambda: frozenset(MiliaType.objects.live().values_list("pk", flat=True)),
            86400,
        )
        return self.milia_type_id in published

    def get_sitemap_urls(self, request=None):
        """No sitemap entry while the subtype is unpublished (the page answers 404)."""
        return super().get_sitemap_urls(request) if self._subtype_published() else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False) and not self._subtype_published():
            # The subtype is not published yet: readers get 404 (a preview still shows it).
            raise Http404("This type of milia is not published yet.")
        # Loaded, and its query built, only if the gallery is rendered (not when the article comes
        # from the cache).
        context["photos"] = SimpleLazyObject(lambda: list(self.photos.select_related("image")))
        return context

    def kb_milia_type(self, kb):
        """The knowledge base's copy of the subtype (body sites prefetched), for the template and the
        JSON-LD; the record itself only in a preview of a subtype that is not published yet."""
        return kb.types_by_id.get(self.milia_type_id) or self.milia_type


class TypePhoto(Orderable):
    """A clinical photo on a type page's gallery."""

    page = ParentalKey(MiliaTypePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("images.CerobioImage", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
