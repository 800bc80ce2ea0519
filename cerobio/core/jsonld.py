"""Page metadata for search engines and link previews: meta tags, Open Graph and JSON-LD.

Guide pages are `MedicalWebPage`s about a `MedicalCondition` (milia, or the subtype on a type
page), with the classification codes, the look-alikes as differential diagnoses and the page's
sources as citations; `lastReviewed` and `reviewedBy` only when a clinician signed the page off.
Every page also has a `BreadcrumbList`.
"""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

DESCRIPTION_LENGTH = 155
CODING_SYSTEMS = {
    "icd-10-cm": "ICD-10-CM",
    "icd-10": "ICD-10",
    "icd-10-gm": "ICD-10-GM",
    "icd-9-cm": "ICD-9-CM",
    "icd-11": "ICD-11",
    "snomed-ct": "SNOMED-CT",
}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def page_path(page, request=None) -> str:
    return page.get_url(request=request) or "/"


def breadcrumb_trail(page) -> list:
    """Ancestors below the site root, then the page itself (one query, shared with the breadcrumbs)."""
    ancestors = getattr(page, "breadcrumb_ancestors", None)
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "depth", "path"))
    return [*ancestors, page]


def _description(page) -> str:
    text = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
    text = " ".join(strip_tags(text).split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def _condition(page, kb) -> dict:
    """The MedicalCondition a guide page is about."""
    codes = [
        {"@type": "MedicalCode", "code": c.code, "codingSystem": CODING_SYSTEMS.get(c.system, c.system)}
        for c in kb.codes
        if c.code
    ]
    # A type page is about its subtype.
    milia_type = page.kb_milia_type(kb) if hasattr(page, "kb_milia_type") else None
    if milia_type is not None:
        return {
            "@type": "MedicalCondition",
            "name": milia_type.name,
            "description": milia_type.summary,
            "associatedAnatomy": [
                {"@type": "AnatomicalStructure", "name": site.name} for site in milia_type.body_sites.all()
            ],
            "code": codes,
        }
    names = {s.term.casefold(): s.term for s in kb.synonyms if s.kind in ("medical", "lay", "older")}
    names.pop("milia", None)
    condition = {
        "@type": "MedicalCondition",
        "name": "Milia",
        "alternateName": list(names.values()),
        "code": codes,
        "differentialDiagnosis": [
            {"@type": "DDxElement", "diagnosis": {"@type": "MedicalCondition", "name": la.name}}
            for la in kb.look_alikes
        ],
    }
    return condition


def _citation(ref) -> dict:
    """A source as schema.org: its title and parts, with the DOI or address it links to (a copy has none)."""
    data = {
        "@type": "ScholarlyArticle" if ref.kind == "article" else "CreativeWork",
        "name": ref.title,
        "author": ref.authors,
        "isPartOf": ref.container,
        "publisher": ref.publisher,
        "datePublished": ref.year,
        "url": ref.link,
        "identifier": ref.doi and f"doi:{ref.doi}",
    }
    return {key: value for key, value in data.items() if value}


def medical_web_page(page, request, kb) -> dict:
    url = absolute(page_path(page, request))
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.seo_title or page.title,
        "headline": page.title,
        "url": url,
        "description": _description(page),
        "inLanguage": "en-GB",
        "publisher": {"@type": "Organization", "name": "Cerobio", "url": absolute("/")},
        "about": _condition(page, kb),
        "citation": [_citation(r) for r in page.references],
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
    }
    reviewer = page.reviewer if page.reviewer_id else None
    if reviewer is not None:  # only a clinician's sign-off is a review; an unsigned page claims none
        data["lastReviewed"] = page.last_reviewed.isoformat()
        data["reviewedBy"] = {
            "@type": "Person",
            "name": reviewer.name,
            "jobTitle": reviewer.profession,
            "url": absolute(reviewer.get_absolute_url()),
        }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return data


def breadcrumb_list(trail, request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": p.title, "item": absolute(page_path(p, request))}
            for i, p in enumerate(trail, start=1)
        ],
    }


def to_script(data: dict) -> str:
    """Serialise JSON-LD safely for a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def page_metadata(context) -> dict:
    """Everything `components/seo_head.html` needs for the current page or view."""
    request = context.get("request")
    page = context.get("page")
    if page is None or not hasattr(page, "get_url"):
        title = context.get("title") or "Cerobio"
        path = request.path if request else "/"
        return {"title": title, "description": context.get("description", ""),
                "canonical": absolute(path), "og_type": "website", "jsonld": [], "noindex": context.get("noindex", False)}
    trail = breadcrumb_trail(page)
    blocks = [breadcrumb_list(trail, request)]
    kb = context.get("kb")
    if kb is not None and hasattr(page, "last_reviewed"):
        blocks.insert(0, medical_web_page(page, request, kb))
    return {
        "title": page.seo_title or page.title,
        "description": _description(page),
        "canonical": absolute(page_path(page, request)),
        "og_type": "article" if page.depth > 2 else "website",
        "jsonld": [to_script(b) for b in blocks],
        "noindex": False,
    }
