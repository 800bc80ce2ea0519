"""The site search page at /search/?q=."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .query import search_pages


@require_GET
def search(request):
    """Search the guide; a search with no results suggests the identifier and useful pages."""
    outcome = search_pages(request.GET.get("q", ""))
    return render(
        request,
        "search/search.html",
        {
            "query": outcome.query,
            "results": outcome.results,
            "matched_terms": outcome.matched_terms,
            "suggestions": outcome.suggestions,
            "title": f"Search results for “{outcome.query}”" if outcome.query else "Search",
            "description": "Search Cerobio's guide to milia: the types, their causes, the look-alikes, "
            "treatment, and milia in newborn babies.",
        },
    )
