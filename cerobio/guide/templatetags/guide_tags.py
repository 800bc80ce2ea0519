"""Template helpers for the guide pages: navigation, heading levels, and knowledge-base look-ups.

Django templates cannot call methods with arguments, so the few look-ups the block templates
need (`kb.subject(slug)`, `kb.synonyms_of(kinds)`) are wrapped here.
"""

from dataclasses import dataclass

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from cerobio.guide.citation import citation_html
from cerobio.guide.models import Synonym

register = template.Library()

# The site navigation: the guide pages in reading order, then the two tools.
GUIDE_NAV = [
    ("What are milia", "/what-is-milia/"),
    ("Types", "/types/"),
    ("Causes", "/causes/"),
    ("Look-alikes", "/look-alikes/"),
    ("Treatment", "/treatment/"),
    ("Newborn milia", "/newborn-milia/"),
]
TOOL_NAV = [
    ("Identify your bumps", "/identify/"),
    ("Shop", "/shop/"),
]
# Ids the page templates use themselves; a heading must never take one of them.
RESERVED_IDS = {
    "main-content",
    "site-search",
    "sources-heading",
    "review-heading",
    "contents-heading",
    "hero-title",
    "routes-heading",
    "shop-heading",
    "photos-heading",
    "footer-guide",
    "footer-tools",
    "footer-shop",
    "footer-about",
    "feedback",
    "feedback-heading",
    "look",
    "where",
    "who",
    "causes",
    "course",
    "cue",
    "see-a-doctor",
}

# Fitzpatrick types grouped into the three choices the photo filter offers.
TONE_GROUPS = [
    ("lighter", "Lighter skin", {"I", "II"}),
    ("medium", "Medium skin", {"III", "IV"}),
    ("darker", "Darker skin", {"V", "VI"}),
]


@dataclass
class NavItem:
    title: str
    url: str
    current: bool  # this exact page
    active: bool  # this page or one below it
    kind: str  # "guide" or "tool"


@register.simple_tag(takes_context=True)
def site_nav(context) -> list[NavItem]:
    """The header and footer navigation, with the reader's current section marked."""
    request = context.get("request")
    path = request.path if request else ""
    items = []
    for kind, links in (("guide", GUIDE_NAV), ("tool", TOOL_NAV)):
        for title, url in links:
            items.append(NavItem(title, url, path == url, path.startswith(url), kind))
    return items


@register.simple_tag
def breadcrumb_trail(page) -> list:
    """The page's ancestors below the site root, home first (the page itself is not included).

    Plain `Page` objects are enough for a title and a link, so this costs one query.
    """
    if page is None or not hasattr(page, "get_ancestors"):
        return []
    from cerobio.core.jsonld import breadcrumb_trail as trail

    return trail(page)[:-1]


@dataclass
class BodyItem:
    block: object
    level: int  # heading level for the block's own heading (2 before any section heading, else 3)
    anchor: str  # id for heading blocks, "" for the rest


def _unique(base: str, taken: set[str]) -> str:
    base = base or "section"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


@register.simple_tag(takes_context=True)
def body_items(context, stream) -> list[BodyItem]:
    """Blocks of a StreamField with the heading level each should use and unique heading ids.

    A care card or do/don't list before the first section heading sits directly under the
    page's h1, so its own heading is an h2; after a section heading it is an h3. Heading ids
    avoid the look-alike anchors and the ids the page templates use.
    """
    kb = context.get("kb")
    taken = set(RESERVED_IDS)
    if kb is not None:
        taken |= {la.slug for la in kb.look_alikes} if _has_lookalikes(stream) else set()
    items, seen_heading = [], False
    for block in stream or []:
        anchor = ""
        if block.block_type == "heading":
            anchor = _unique(slugify(str(block.value)), taken)
            seen_heading = True
            level = 2
        else:
            level = 3 if seen_heading else 2
        items.append(BodyItem(block, level, anchor))
    return items


def _has_lookalikes(stream) -> bool:
    return any(block.block_type == "lookalike_comparison" for block in stream or [])


@register.simple_tag(takes_context=True)
def page_sections(context, stream) -> list[BodyItem]:
    """The section headings of a StreamField, for an 'On this page' list."""
    return [item for item in body_items(context, stream) if item.anchor]


@register.filter
def next_level(level) -> int:
    """One heading level down, never past h4."""
    try:
        return min(int(level) + 1, 4)
    except (TypeError, ValueError):
        return 3


@register.simple_tag
def kb_subject(kb, slug):
    """A milia type or look-alike by slug, or None."""
    if kb is None or not slug:
        return None
    return kb.subject(slug)


@register.simple_tag
def kb_milia_type(kb, page):
    """A type page's subtype as the knowledge base has it (MiliaTypePage.kb_milia_type)."""
    return page.kb_milia_type(kb)


@register.simple_tag
def type_groups(kb, group) -> list[dict]:
    """The subtypes a type-cards block shows, as groups with a heading each."""
    groups = [
        {"key": "primary", "title": "Primary milia", "types": kb.primary_types},
        {"key": "secondary", "title": "Secondary milia", "types": kb.secondary_types},
    ]
    if group in ("primary", "secondary"):
        return [g for g in groups if g["key"] == group]
    return [g for g in groups if g["types"]]


@register.simple_tag
def synonym_groups(kb, kinds) -> list[dict]:
    """The names for milia of the requested kinds, grouped in the order the editor chose."""
    labels = dict(Synonym.Kind.choices)
    grouped = kb.synonyms_of(list(kinds or []))
    return [
        {"kind": kind, "title": _plural_label(labels.get(kind, kind)), "names": names}
        for kind, names in grouped.items()
        if names
    ]


def _plural_label(label: str) -> str:
    if label.startswith("Do not"):
        return label
    return label if label.endswith("s") else f"{label}s"


@register.simple_tag
def type_neighbours(kb, milia_type) -> dict:
    """The subtypes before and after this one in the classification's order."""
    types = kb.types
    ids = [t.pk for t in types]
    if milia_type is None or milia_type.pk not in ids:
        return {"previous": None, "next": None}
    i = ids.index(milia_type.pk)
    return {
        "previous": types[i - 1] if i > 0 else None,
        "next": types[i + 1] if i + 1 < len(types) else None,
    }


@register.filter
def tone_group(skin_tone) -> str:
    """'lighter', 'medium' or 'darker' for a Fitzpatrick type; 'unknown' when not recorded."""
    for key, _label, tones in TONE_GROUPS:
        if skin_tone in tones:
            return key
    return "unknown"


@register.simple_tag
def tone_choices(photos) -> list[dict]:
    """Skin-tone filter choices for the photos present (empty when filtering would not help)."""
    present = {tone_group(photo.image.skin_tone) for photo in photos}
    choices = [{"key": key, "label": label} for key, label, _tones in TONE_GROUPS if key in present]
    return choices if len(present) > 1 else []


@register.simple_tag(takes_context=True)
def closeup_thumb(context, subject):
    """The close-up drawing alone, as a small decorative thumbnail for cards and table rows.

    Cards and rows already say in words what the drawing shows, so the thumbnail is hidden
    from assistive technology and carries no skin-tone switcher or caption (those stay on the
    full-size close-up).
    """
    from cerobio.guide.illustrations import closeup_svg
    from cerobio.guide.templatetags.illustrations import next_prefix

    if subject is None:
        return ""
    prefix = next_prefix(context, "thumb", getattr(subject, "slug", ""))
    return format_html(
        '<span class="illus illus--thumb" aria-hidden="true">{}</span>',
        mark_safe(closeup_svg(subject, prefix)),
    )


@register.simple_tag
def citation(ref):
    """A reference as one Vancouver citation, its DOI, PubMed ID and address linked."""
    return citation_html(ref)
