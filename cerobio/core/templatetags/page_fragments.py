"""{% pagefragment "name" [vary …] %}…{% endpagefragment %}: a part of a page kept in the cache.

Like Wagtail's `{% wagtailpagecache %}` (skipped in previews, keyed by the page and the site), but
also keyed by the content version, the path and the values given after the name, and only ever kept
for a live Wagtail page, so it is safe in base.html, which views without a page share
(cerobio/core/render_cache.py says what a fragment may hold).
"""

from django import template

from cerobio.core import render_cache

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        key = render_cache.fragment_key(
            context, self.name, [value.resolve(context) for value in self.vary_on]
        )
        if key is None:
            return self.nodelist.render(context)
        html = render_cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            render_cache.store(key, html)
        return html


@register.tag("pagefragment")
def do_pagefragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a quoted fragment name, then the values to vary on."
        )
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
