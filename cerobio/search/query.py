"""Site search: full-text over live guide pages, led by the knowledge base's names and phrases.

People type "millia", "milk spots" or "white spots on nose". Each `Synonym` names the page such a
search should put first; a synonym matches when every significant word in it appears in the
query (allowing small misspellings), and the most specific match wins.
"""

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from wagtail.models import Page

from cerobio.guide.models import Synonym

STOPWORDS = {"a", "an", "the", "on", "in", "of", "my", "to", "and", "for", "is", "are", "what", "how", "do", "i", "with"}
USEFUL_PATHS = ["/what-is-milia/", "/types/", "/look-alikes/", "/treatment/", "/newborn-milia/"]
MAX_QUERY_LENGTH = 200


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in STOPWORDS]


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    # "spot"/"spots", "eyelid"/"eyelids"
    if a.rstrip("s") == b.rstrip("s"):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def synonym_matches(query: str, synonyms: list[Synonym]) -> list[Synonym]:
    """Synonyms whose every significant word is in the query, most specific first."""
    query_words = words(query)
    if not query_words:
        return []
    scored = []
    for synonym in synonyms:
        term_words = words(synonym.term) or normalise(synonym.term).split()
        if term_words and all(any(_similar(t, q) for q in query_words) for t in term_words):
            exact = normalise(synonym.term) == normalise(query)
            scored.append((exact, len(term_words), synonym.sort_order * -1, synonym))
    scored.sort(key=lambda item: item[:3], reverse=True)
    return [item[3] for item in scored]


@dataclass
class SearchOutcome:
    query: str
    results: list
    matched_terms: list[Synonym]
    suggestions: list


def search_pages(query: str) -> SearchOutcome:
    """Run a site search; pages named by matching synonyms come first, then full-text hits."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not normalise(query):
        return SearchOutcome(query, [], [], useful_pages())
    synonyms = list(Synonym.objects.live().select_related("target"))  # published names only
    matched = synonym_matches(query, synonyms)
    ordered: list[Page] = []
    seen: set[int] = set()
    for synonym in matched:
        if synonym.target_id and synonym.target_id not in seen and synonym.target.live:
            ordered.append(synonym.target)
            seen.add(synonym.target_id)
    terms = {normalise(query)}
    if matched:
        # A matched misspelling or lay name also searches for what it means.
        terms.add("milia")
    pages = Page.objects.live().public().exclude(depth__lte=1)
    for term in terms:
        for page in pages.search(term, operator="or", fields=None)[:20]:
            if page.pk not in seen:
                ordered.append(page)
                seen.add(page.pk)
    specific = {p.pk: p for p in Page.objects.filter(pk__in=seen).specific()}
    results = [specific[p.pk] for p in ordered if p.pk in specific]
    return SearchOutcome(query, results, matched, [] if results else useful_pages())


def useful_pages() -> list[Page]:
    """The pages most people need, for an empty or fruitless search."""
    pages = {p.url_path: p for p in Page.objects.live().public().filter(depth=3).specific()}
    return [page for path in USEFUL_PATHS for url_path, page in pages.items() if url_path.endswith(path)]
