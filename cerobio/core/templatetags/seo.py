"""SEO head tags: title, meta description, canonical, Open Graph and JSON-LD."""

from django import template

register = template.Library()


@register.inclusion_tag("components/seo_head.html", takes_context=True)
def seo_head(context):
    """Render the <head> metadata for the current page (or a plain view)."""
    from cerobio.core.jsonld import page_metadata

    return page_metadata(context)
