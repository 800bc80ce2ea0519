"""{% load illustrations %}: the close-up with its skin-tone switcher, the body map, the cross-section.

Every figure gets an id prefix that is unique on the page (a counter kept on the request),
so several figures never share SVG ids or radio-group names.
"""

from django import template
from django.utils.safestring import mark_safe

from cerobio.guide.illustrations import (
    DEFAULT_TONE,
    SKIN_TONES,
    body_map_alt,
    body_map_svg,
    closeup_description,
    closeup_svg,
    cross_section_description,
    cross_section_svg,
    look_of,
)
from cerobio.guide.illustrations.closeup import safe_id
from cerobio.guide.illustrations.describe import site_names, sites_phrase, subject_sites

register = template.Library()

_COUNTER = "_cerobio_illustration_count"


def next_prefix(context, kind: str, slug: str = "") -> str:
    """A page-unique id prefix such as "closeup-milia-en-plaque-3"."""
    holder = context.get("request") or context
    count = getattr(holder, _COUNTER, 0) + 1
    setattr(holder, _COUNTER, count)
    return safe_id(f"{kind}-{slug}-{count}" if slug else f"{kind}-{count}")


def _resolve(subject):
    """Accept a MiliaType, a LookAlike, or the slug of either (as stored by IllustrationBlock).

    A slug finds published records only: an unpublished one draws nothing.
    """
    if not isinstance(subject, str):
        return subject
    from cerobio.guide.models import LookAlike, MiliaType

    for model in (MiliaType, LookAlike):
        found = model.objects.live().filter(slug=subject).prefetch_related("body_sites").first()
        if found is not None:
            return found
    return None


@register.inclusion_tag("components/illustration_closeup.html", takes_context=True)
def closeup(context, subject, caption=None):
    """The close-up drawing of a subject, with a no-JavaScript skin-tone switcher (on skin only)."""
    subject = _resolve(subject)
    if subject is None:
        return {}
    look = look_of(subject)
    prefix = next_prefix(context, "closeup", look.slug)
    name = look.name or "Skin bumps"
    return {
        "prefix": prefix,
        "svg": mark_safe(closeup_svg(subject, prefix)),
        "tones": SKIN_TONES if look.on_skin else (),
        "default_tone": DEFAULT_TONE,
        "caption": caption
        or f"{name}, drawn on a {look.field_words} square of {look.surface_words} (a drawing, not a photo).",
        "description": closeup_description(subject),
    }


@register.inclusion_tag("components/illustration_body_map.html", takes_context=True)
def body_map(context, subject, caption=None):
    """The body map with the subject's usual body sites highlighted."""
    subject = _resolve(subject)
    sites = subject_sites(subject) if subject is not None else []
    if not sites:
        return {}
    look = look_of(subject)
    prefix = next_prefix(context, "bodymap", look.slug)
    codes = [site.code for site in sites]
    # Two pictures under one accessible name: CSS puts them side by side where there is room
    # and stacks them (face on top) in a narrow column.
    parts = (("face",), ("front", "back"))
    return {
        "prefix": prefix,
        "label": body_map_alt(subject),
        "svgs": [
            mark_safe(body_map_svg(codes, f"{prefix}-{views[0]}", views=views, decorative=True))
            for views in parts
        ],
        "name": look.name,
        "places": sites_phrase(sites),
        "site_names": site_names(sites),
        "caption": caption,
    }


@register.inclusion_tag("components/illustration_cross_section.html", takes_context=True)
def cross_section(context, caption=None):
    """The labelled skin cross-section showing where primary and secondary milia form."""
    prefix = next_prefix(context, "xsection")
    return {
        "prefix": prefix,
        "svg": mark_safe(cross_section_svg(prefix)),
        "caption": caption or "Where milia form in the skin (a diagram, not to scale).",
        "description": cross_section_description(),
    }


@register.simple_tag(takes_context=True)
def closeup_image(context, subject, decorative=False):
    """Just the close-up SVG (no switcher, no caption), e.g. for cards; tone III unless a parent sets one."""
    subject = _resolve(subject)
    if subject is None:
        return ""
    prefix = next_prefix(context, "closeup", look_of(subject).slug)
    svg = closeup_svg(subject, prefix, decorative=bool(decorative), scale_bar=False)
    return mark_safe(f'<span class="illus illus--thumb">{svg}</span>')
