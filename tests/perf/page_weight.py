"""Fast pages by construction: what every public page type must stay within, and how it is measured.

Each page type below is fetched with Django's test client (so the HTML is what the server sends,
before any script runs) and checked against the budgets in docs/performance.md:

- exactly one stylesheet, and no more than one script, loaded with `defer` (or as a module) and
  under SCRIPT_BUDGET bytes;
- nothing fetched from another site: no src, srcset, stylesheet, form action or CSS url() off the
  site (plain outbound <a href> links to references are fine); the one exception is
  THIRD_PARTY_SCRIPTS, Stripe.js on the card step, deferred and not counted as the page's script;
- the system font stack only: no @font-face, no font files;
- HTML + CSS + JS under PAGE_BUDGET bytes, each gzip-compressed at level 6 (images not counted);
- the page's h1 and first paragraph in the server's HTML.

`tests/perf/test_page_weight.py` asserts all of it for every page type, and
`make page-weight` (tools/page_weight.py) prints the numbers and puts them in docs/performance.md.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.e2e.page_types import IDENTIFY_ANSWERS  # the same result page the browser tests visit

PAGE_BUDGET = 60 * 1024  # HTML + CSS + JS, gzip level 6
SCRIPT_BUDGET = 10 * 1024  # the one script a page may have, uncompressed
# The one exception to "nothing from another site", by page type: the card step (Stripe's Payment
# Element) loads Stripe.js, which Stripe allows only from js.stripe.com. It must be deferred too,
# and it is not the page's one own script: that stays a small file of this site. Stripe.js is not
# counted in the page's weight (it is not ours to trim, and browsers cache it across Stripe shops).
THIRD_PARTY_SCRIPTS = {"card-step": ("https://js.stripe.com/v3/",)}
GZIP_LEVEL = 6

# Attributes that make the browser fetch something. <a href> and <area href> are links a reader
# follows (outbound links to references are fine); everything else must stay on this site.
FETCHING_ATTRIBUTES = (
    "src",
    "srcset",
    "href",
    "poster",
    "data",
    "action",
    "formaction",
    "imagesrcset",
    "xlink:href",
)
FOLLOWED_LINKS = ("a", "area")
# Script types that run; anything else (application/ld+json) is a data block the browser never runs.
RUNNABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Fonts every phone and computer already has; naming anything else would need a font download.
SYSTEM_FONTS = {
    "system-ui",
    "-apple-system",
    "blinkmacsystemfont",
    "segoe ui",
    "roboto",
    "helvetica neue",
    "helvetica",
    "noto sans",
    "liberation sans",
    "arial",
    "sans-serif",
    "serif",
    "monospace",
    "ui-monospace",
    "ui-sans-serif",
    "sfmono-regular",
    "menlo",
    "consolas",
    "liberation mono",
    "courier new",
    "georgia",
    "times new roman",
    "inherit",
    "initial",
    "unset",
}
FONT_FILE = re.compile(r"\.(woff2?|ttf|otf|eot)(\?|#|$)", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""", re.I)
# `font-family:` declarations and the custom properties that hold a font stack (--font-sans, --font-mono).
FONT_FAMILY = re.compile(
    r"(?:(?<![\w-])font-family|--font-(?:sans|serif|mono|family|stack)[\w-]*)\s*:\s*([^;}]+)", re.I
)


@dataclass
class Asset:
    """A stylesheet or script a page loads, with its size as sent (raw) and gzip-compressed."""

    url: str
    raw: int
    gzipped: int
    text: str = field(repr=False, default="")


@dataclass
class PageWeight:
    """One page type's measurements and whatever it breaks of the budget (empty `problems`: none)."""

    key: str
    label: str
    path: str
    status: int
    html_raw: int
    html_gzipped: int
    stylesheets: list[Asset]
    scripts: list[Asset]
    problems: list[str]
    third_party_scripts: list[str] = field(default_factory=list)  # allowed by THIRD_PARTY_SCRIPTS

    @property
    def css_gzipped(self) -> int:
        return sum(a.gzipped for a in self.stylesheets)

    @property
    def js_gzipped(self) -> int:
        return sum(a.gzipped for a in self.scripts)

    @property
    def total_gzipped(self) -> int:
        return self.html_gzipped + self.css_gzipped + self.js_gzipped


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def _static_text(url: str) -> str | None:
    """The content of a file under STATIC_URL (found the way runserver and the tests find it)."""
    path = urlsplit(url).path
    prefix = urlsplit(settings.STATIC_URL).path
    if not path.startswith(prefix):
        return None
    found = finders.find(path[len(prefix) :])
    if not found:
        return None
    with open(found, encoding="utf-8") as handle:
        return handle.read()


def _asset(url: str) -> Asset:
    text = _static_text(url) or ""
    data = text.encode()
    return Asset(url=url, raw=len(data), gzipped=gzipped_size(data), text=text)


def own_hosts() -> set[str]:
    """Host names that are this site (the test client's, and the public address in SITE_URL)."""
    hosts = {"testserver", "localhost", "127.0.0.1"}
    site = urlsplit(settings.SITE_URL).hostname
    if site:
        hosts.add(site)
    return hosts


def is_off_site(url: str) -> bool:
    """Does fetching `url` go to another site? (data: and relative addresses do not.)"""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("", "http", "https") and (parts.netloc or url.startswith("//")):
        return parts.hostname not in own_hosts()
    return parts.scheme not in ("", "http", "https", "data", "mailto", "tel", "blob")


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


def off_site_fetches(soup: BeautifulSoup, css_texts: list[str], allowed_scripts=()) -> list[str]:
    """Every address in the page or its CSS that the browser would fetch from another site
    (but the scripts `allowed_scripts` names)."""
    found = []
    for tag in soup.find_all(True):
        for attribute in FETCHING_ATTRIBUTES:
            value = tag.get(attribute)
            if not value or (attribute == "href" and tag.name in FOLLOWED_LINKS):
                continue
            if tag.name == "script" and attribute == "src" and value in allowed_scripts:
                continue
            urls = _srcset_urls(value) if attribute.endswith("srcset") else [value]
            found += [f"<{tag.name} {attribute}={url}>" for url in urls if is_off_site(url)]
        style = tag.get("style") or (tag.string if tag.name == "style" else None) or ""
        found += [f"<{tag.name}> url({url})" for url in CSS_URL.findall(style) if is_off_site(url)]
    for css in css_texts:
        found += [f"stylesheet url({url})" for url in CSS_URL.findall(css) if is_off_site(url)]
    return found


def font_problems(soup: BeautifulSoup, css_texts: list[str]) -> list[str]:
    """Anything that would download a font instead of using the system font stack."""
    problems = []
    styles = [*css_texts, *(tag.string or "" for tag in soup.find_all("style"))]
    for css in styles:
        if "@font-face" in css.lower():
            problems.append("a stylesheet declares @font-face")
        problems += [
            f"a stylesheet loads the font file {url}"
            for url in CSS_URL.findall(css)
            if FONT_FILE.search(url)
        ]
        for value in FONT_FAMILY.findall(css):
            for name in value.split(","):
                name = name.strip().strip("'\"").lower()
                if (
                    name
                    and not name.startswith("var(")
                    and not name.endswith(")")
                    and name not in SYSTEM_FONTS
                ):
                    problems.append(f"the font {name!r} is not a system font")
    for link in soup.find_all("link", href=True):
        if FONT_FILE.search(link["href"]) or link.get("as") == "font":
            problems.append(f"the page loads a font: {link['href']}")
    return problems


def critical_content_problems(soup: BeautifulSoup) -> list[str]:
    """The h1 and the first paragraph must be in the HTML the server sends, visible without script."""
    main = soup.find("main")
    if main is None:
        return ["no <main> element"]
    h1s = main.find_all("h1")
    if len(h1s) != 1 or not h1s[0].get_text(strip=True):
        return [f"main should have exactly one h1 with text, found {len(h1s)}"]
    h1 = h1s[0]
    paragraph = next((p for p in h1.find_all_next("p") if p.get_text(strip=True)), None)
    if paragraph is None or main not in paragraph.parents:
        return ["no paragraph with text after the h1 inside <main>"]
    problems = []
    for node in (h1, paragraph):
        hiders = [
            n.name
            for n in (node, *node.parents)
            if n.name in ("template", "noscript") or n.has_attr("hidden")
        ]
        if hiders:
            problems.append(f"the {node.name} is hidden without JavaScript (inside {hiders[0]})")
    return problems


def measure(key: str, label: str, response) -> PageWeight:
    """Measure one response against every budget."""
    html = response.content
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    links = soup.find_all("link", rel=lambda rel: rel and "stylesheet" in rel)
    stylesheets = [_asset(link.get("href", "")) for link in links]
    if len(stylesheets) != 1:
        problems.append(
            f"{len(stylesheets)} stylesheets linked, not exactly 1: {[a.url for a in stylesheets]}"
        )
    scripts, third_party = [], []
    allowed = THIRD_PARTY_SCRIPTS.get(key, ())
    for tag in soup.find_all("script"):
        kind = (tag.get("type") or "").strip().lower()
        if kind not in RUNNABLE_SCRIPT_TYPES:
            continue  # a data block (JSON-LD)
        if not tag.get("src"):
            problems.append("an inline <script>")
            continue
        if not (tag.has_attr("defer") or kind == "module"):
            problems.append(f"the script {tag['src']} blocks rendering (no defer, not a module)")
        if tag["src"] in allowed:
            third_party.append(tag["src"])
        else:
            scripts.append(_asset(tag["src"]))
    if len(scripts) > 1:
        problems.append(f"{len(scripts)} scripts, at most 1 allowed: {[a.url for a in scripts]}")
    for script in scripts:
        if script.raw >= SCRIPT_BUDGET:
            problems.append(
                f"the script {script.url} is {script.raw} bytes, budget {SCRIPT_BUDGET}"
            )
    for asset in [*stylesheets, *scripts]:
        if not asset.text:
            problems.append(f"{asset.url} is not a file of this site")
    css_texts = [a.text for a in stylesheets]
    problems += [f"fetches from another site: {f}" for f in off_site_fetches(soup, css_texts, allowed)]
    problems += font_problems(soup, css_texts)
    problems += critical_content_problems(soup)
    weight = PageWeight(
        key=key,
        label=label,
        path=response.request["PATH_INFO"]
        + (f"?{qs}" if (qs := response.request.get("QUERY_STRING")) else ""),
        status=response.status_code,
        html_raw=len(html),
        html_gzipped=gzipped_size(html),
        stylesheets=stylesheets,
        scripts=scripts,
        problems=problems,
        third_party_scripts=third_party,
    )
    if weight.total_gzipped >= PAGE_BUDGET:
        problems.append(
            f"{weight.total_gzipped} bytes gzipped (HTML + CSS + JS), budget {PAGE_BUDGET}"
        )
    return weight


# ---------- The page types, and how to reach each one with a test client ----------



def _product_path() -> str:
    from cerobio.shop.catalogue.models import ProductPage

    return ProductPage.objects.live().order_by("path").first().url


def _add_to_basket(client) -> None:
    from cerobio.shop.catalogue.models import ProductVariant

    variant = (
        ProductVariant.objects.filter(on_sale=True).order_by("product__path", "sort_order").first()
    )
    response = client.post("/basket/", {"action": "add", "sku": variant.sku, "quantity": "1"})
    assert response.status_code == 302, f"adding to the basket answered {response.status_code}"


def _order_page(client):
    from cerobio.shop.orders.models import Order

    _add_to_basket(client)
    html = client.get("/checkout/").content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)
    client.post(
        "/checkout/",
        {
            "idempotency_key": key,
            "email": "page.weight@example.com",
            "name": "Ann Example",
            "line1": "1 High Street",
            "line2": "",
            "city": "London",
            "postcode": "SW1A 1AA",
            "country": "GB",
            "shipping_method": "uk-standard",
            "accept_terms": "yes",
            "card_number": "4242 4242 4242 4242",
            "card_expiry": "12/34",
            "card_cvc": "123",
            "card_name": "Ann Example",
            "action": "pay",
        },
    )
    order = Order.objects.get(idempotency_key=key)
    return client.get(f"/orders/{order.token}/")


def _then_get(step: Callable, path: str) -> Callable:
    def fetch(client):
        step(client)
        return client.get(path)

    return fetch


@dataclass(frozen=True)
class PageType:
    key: str
    label: str
    fetch: Callable  # (client) -> response
    status: int = 200
    shown_path: str = ""  # for the docs, when the real path changes from run to run


def _get(path: str) -> Callable:
    return lambda client: client.get(path)


def page_types() -> list[PageType]:
    """Every public page type, in the order docs/performance.md lists them."""
    from cerobio.editorial.templatetags.editorial_tags import TRUST_LINKS

    types = [
        PageType("home", "Home", _get("/")),
        PageType("guide", "Guide page (What is milia?)", _get("/what-is-milia/")),
        PageType("causes", "Guide page (Causes)", _get("/causes/")),
        PageType("types", "Types index", _get("/types/")),
        PageType("subtype", "Subtype page (milia en plaque)", _get("/types/milia-en-plaque/")),
        PageType("look-alikes", "Look-alikes", _get("/look-alikes/")),
        PageType("names", "Names for milia", _get("/names-for-milia/")),
        PageType("newborn", "Newborn milia", _get("/newborn-milia/")),
        PageType("treatment", "Treatment", _get("/treatment/")),
        PageType("search", "Search results (milk spots)", _get("/search/?q=milk+spots")),
        PageType("identify", "Identifier start", _get("/identify/")),
        PageType(
            "identify-result",
            "Identifier result (POST)",
            lambda c: c.post("/identify/", IDENTIFY_ANSWERS),
        ),
        PageType("shop", "Shop index", _get("/shop/")),
        PageType("product", "Product page", lambda c: c.get(_product_path())),
        PageType("basket", "Basket with an item", _then_get(_add_to_basket, "/basket/")),
        PageType("checkout", "Checkout", _then_get(_add_to_basket, "/checkout/")),
        PageType("order", "Order page", _order_page, shown_path="/orders/<token>/"),
        PageType("404", "Page not found (404)", _get("/no-such-page/"), status=404),
    ]
    types += [
        PageType(f"trust{path.rstrip('/').replace('/', '-')}", f"Footer: {title}", _get(path))
        for title, path in TRUST_LINKS
    ]
    return types


def measure_all(client_factory: Callable) -> list[PageWeight]:
    """Measure every page type, each with a fresh client (a new visitor, an empty basket)."""
    results = []
    for page in page_types():
        response = page.fetch(client_factory())
        weight = measure(page.key, page.label, response)
        weight.path = page.shown_path or weight.path
        if response.status_code != page.status:
            weight.problems.insert(0, f"answered {response.status_code}, expected {page.status}")
        results.append(weight)
    return results


def markdown_table(results: list[PageWeight]) -> str:
    """The "Page weight" table for docs/performance.md (sizes in KB, gzip level 6)."""

    def kb(n: int) -> str:
        return f"{n / 1024:.1f}"

    lines = [
        "| page type | path | HTML | CSS | JS | total | budget |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        verdict = "ok" if not r.problems else "**over**"
        lines.append(
            f"| {r.label} | `{r.path}` | {kb(r.html_gzipped)} | {kb(r.css_gzipped)} | {kb(r.js_gzipped)} "
            f"| {kb(r.total_gzipped)} | {verdict} |"
        )
    return "\n".join(lines)
