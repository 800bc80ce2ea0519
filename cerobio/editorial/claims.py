"""The claims checker: find medicinal-claim wording in copy and suggest cosmetic wording.

One entry point for every kind of copy:

- `check_text(text, scope=..., has_reference=...)` for any plain text (an email body, a product
  description, a template), returning a list of `Finding`s (empty when the copy is fine);
- `check_page(page)` for a Wagtail page, reading every text field and StreamField on it, its
  address (slug), its variants' names and the search terms (synonyms) that lead to it;
- `page_claims_scope(page)` says how strict to be: "product" for anything that sells (shop pages,
  trust pages that speak for the shop), "guide" for the clinical guide, None to skip.

The phrases live in the database (`ClaimPhrase`, editable in the admin under Editorial). Guide
pages only get warnings; publishing shop copy with a flagged phrase needs a clinical reviewer's
override with a written reason (see `overrides.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import strip_tags

PRODUCT = "product"
GUIDE = "guide"
_EXCERPT = 40


@dataclass(frozen=True)
class Finding:
    """One flagged phrase in a piece of copy, with where it was found and what to write instead."""

    phrase: str
    suggestion: str
    why: str = ""
    excerpts: tuple[str, ...] = field(default=())
    where: tuple[str, ...] = field(default=())

    @property
    def message(self) -> str:
        """One sentence for an editor: the phrase, the suggestion and (when known) where it is."""
        place = f" (in {', '.join(self.where)})" if self.where else ""
        text = f"“{self.phrase}”{place}: try “{self.suggestion}” instead."
        return f"{text} {self.why}".strip()


def _pattern(phrase: str) -> re.Pattern:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<![\w-])" + r"[\s\u00a0]+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _phrases(scope: str):
    from .models import ClaimPhrase

    phrases = ClaimPhrase.objects.filter(active=True)
    if scope == GUIDE:
        phrases = phrases.filter(scope=ClaimPhrase.Scope.EVERYWHERE)
    return list(phrases)


def _excerpt(text: str, match: re.Match) -> str:
    start, end = max(0, match.start() - _EXCERPT), min(len(text), match.end() + _EXCERPT)
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def check_text(text: str, *, scope: str = PRODUCT, has_reference: bool = False, phrases=None) -> list[Finding]:
    """Flag every active claim phrase in `text` (HTML tags are ignored), one finding per phrase.

    `scope` is PRODUCT (every phrase) or GUIDE (only phrases marked 'everywhere');
    `has_reference` lets phrases marked 'allowed with a reference' through.
    """
    return check_parts([("", text)], scope=scope, has_reference=has_reference, phrases=phrases)


def check_parts(
    parts: Iterable[tuple[str, str]], *, scope: str = PRODUCT, has_reference: bool = False, phrases=None
) -> list[Finding]:
    """Like `check_text`, over (label, text) pairs, so each finding says which fields it is in."""
    parts = [(label, " ".join(html_text(text or "").split())) for label, text in parts]
    findings = []
    for claim in phrases if phrases is not None else _phrases(scope):
        if claim.unless_referenced and has_reference:
            continue
        pattern = _pattern(claim.phrase)
        excerpts, where = [], []
        for label, text in parts:
            for match in pattern.finditer(text):
                excerpts.append(_excerpt(text, match))
                if label and label not in where:
                    where.append(label)
        if excerpts:
            findings.append(Finding(claim.phrase, claim.suggestion, claim.why, tuple(excerpts[:3]), tuple(where)))
    return findings


# --- Pages -----------------------------------------------------------------------------------

SKIPPED_FIELDS = {"slug", "url_path", "draft_title", "title"}


def page_claims_scope(page) -> str | None:
    """How strictly to check a page: PRODUCT for shop pages and trust pages, GUIDE for guide pages."""
    scope = getattr(page, "claims_scope", None)
    if scope:
        return scope
    if page._meta.app_label == "shop":
        return PRODUCT
    from cerobio.guide.models.pages import ReviewedPage

    if isinstance(page, ReviewedPage):
        return GUIDE
    return None


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|td|th|dt|dd)>|<br\s*/?>", re.IGNORECASE)


def html_text(markup: str) -> str:
    """Plain text of HTML, each paragraph, list item and heading on its own (so each reads as a sentence)."""
    import html

    return html.unescape(strip_tags(_BLOCK_END.sub("\n\n", markup)))


def _block_texts(block, value) -> list[str]:
    """The reader-facing text of one StreamField block value, recursively."""
    from wagtail import blocks
    from wagtail.rich_text import RichText

    if value is None:
        return []
    if isinstance(value, RichText):
        return [html_text(value.source)]
    if isinstance(block, blocks.StreamBlock):
        return [t for child in value for t in _block_texts(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [t for name, child in block.child_blocks.items() for t in _block_texts(child, value.get(name))]
    if isinstance(block, blocks.ListBlock):
        return [t for item in value for t in _block_texts(block.child_block, item)]
    if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock, blocks.StaticBlock)):
        return []
    return [str(t) for t in block.get_searchable_content(value)]


def value_text(value) -> str:
    """Plain text of a field value: strings, rich text (HTML) and StreamField values."""
    if value is None:
        return ""
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return "\n\n".join(t for t in _block_texts(stream_block, value) if t.strip())
    source = getattr(value, "source", None)  # RichText
    return html_text(source if isinstance(source, str) else str(value))


def page_text_parts(page) -> list[tuple[str, str]]:
    """Every piece of copy a reader sees on a page, as (field label, plain text) pairs."""
    from django.db import models
    from wagtail.fields import RichTextField, StreamField

    parts = [("title", page.title)]
    if page.slug:  # the address people see and share: /shop/<slug>/
        parts.append(("address", page.slug.replace("-", " ")))
    parts += _related_names(page)
    for f in page._meta.get_fields():
        if not getattr(f, "concrete", False) or f.name in SKIPPED_FIELDS or f.is_relation:
            continue
        if isinstance(f, (models.CharField, models.TextField, RichTextField, StreamField)) and not f.choices:
            text = value_text(getattr(page, f.attname, None))
            if text.strip():
                parts.append((str(f.verbose_name), text))
    return parts


def _related_names(page) -> list[tuple[str, str]]:
    """Names that stand for the page elsewhere: its variants' names (what a basket and an order
    show) and the search terms that lead to it (Milia knowledge › Names and search terms)."""
    from cerobio.guide.models import Synonym

    parts = []
    variants = getattr(page, "variants", None)
    if variants is not None:
        parts += [("variant name", v.name) for v in variants.all() if v.name]
    if page.pk:
        for term in Synonym.objects.filter(target_id=page.pk).values_list("term", flat=True):
            parts.append(("search term", term))
    return parts


def page_has_reference(page) -> bool:
    refs = getattr(page, "page_references", None)
    if refs is None:
        return False
    try:
        return bool(refs.all())
    except ValueError:  # an unsaved page
        return False


def check_page(page, scope: str | None = None) -> list[Finding]:
    """Findings for a page's copy at the strictness its type calls for ([] when none applies)."""
    scope = scope or page_claims_scope(page)
    if scope is None:
        return []
    return check_parts(page_text_parts(page), scope=scope, has_reference=page_has_reference(page))


def summary(findings: list[Finding]) -> str:
    """All findings as one line for a message."""
    return " ".join(f.message for f in findings)
