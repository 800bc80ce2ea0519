"""Read-side shapes of the knowledge base, loaded lazily with a fixed number of queries.

Only published records (`.live()`): a record created in the admin stays out of every page until a
clinical reviewer publishes it, and a live record's pending draft lives in its revisions.
"""

from django.db.models import Prefetch
from django.utils.functional import cached_property

from .models.knowledge import BodySite, ClassificationCode, LookAlike, MiliaType, Synonym


class KnowledgeBase:
    """Everything a guide page may show from the knowledge base; each part costs one or two queries."""

    @cached_property
    def types(self) -> list[MiliaType]:
        return list(
            MiliaType.objects.live().select_related("page").prefetch_related(
                Prefetch("body_sites", queryset=BodySite.objects.order_by("sort_order"))
            )
        )

    @cached_property
    def types_by_id(self) -> dict[int, MiliaType]:
        return {t.pk: t for t in self.types}

    @cached_property
    def types_by_slug(self) -> dict[str, MiliaType]:
        return {t.slug: t for t in self.types}

    @cached_property
    def primary_types(self) -> list[MiliaType]:
        return [t for t in self.types if t.group == MiliaType.Group.PRIMARY]

    @cached_property
    def secondary_types(self) -> list[MiliaType]:
        return [t for t in self.types if t.group == MiliaType.Group.SECONDARY]

    @cached_property
    def look_alikes(self) -> list[LookAlike]:
        return list(
            LookAlike.objects.live().prefetch_related(
                Prefetch("body_sites", queryset=BodySite.objects.order_by("sort_order"))
            )
        )

    @cached_property
    def look_alikes_by_slug(self) -> dict[str, LookAlike]:
        return {la.slug: la for la in self.look_alikes}

    @cached_property
    def synonyms(self) -> list[Synonym]:
        return list(Synonym.objects.live().select_related("reference"))

    def synonyms_of(self, kinds) -> dict[str, list[Synonym]]:
        grouped: dict[str, list[Synonym]] = {k: [] for k in kinds}
        for s in self.synonyms:
            if s.kind in grouped:
                grouped[s.kind].append(s)
        return grouped

    @cached_property
    def codes(self) -> list[ClassificationCode]:
        return list(ClassificationCode.objects.live().select_related("reference"))

    def subject(self, slug: str):
        """A milia type or look-alike by slug (for illustration blocks)."""
        return self.types_by_slug.get(slug) or self.look_alikes_by_slug.get(slug)
