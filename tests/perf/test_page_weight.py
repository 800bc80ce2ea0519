"""Every public page type is fast by construction (budgets in tests/perf/page_weight.py, docs/performance.md)."""

import re
import secrets
from types import SimpleNamespace

import pytest

from tests.perf.page_weight import (
    PAGE_BUDGET,
    SCRIPT_BUDGET,
    THIRD_PARTY_SCRIPTS,
    measure,
    page_types,
)


@pytest.mark.parametrize("page", page_types(), ids=lambda page: page.key)
def test_page_type_stays_within_its_budgets(page, demo, client):
    response = page.fetch(client)
    assert response.status_code == page.status
    weight = measure(page.key, page.label, response)
    assert weight.problems == [], f"{page.label} ({weight.path})"
    assert len(weight.stylesheets) == 1 and len(weight.scripts) <= 1
    assert weight.total_gzipped < PAGE_BUDGET


def test_the_identifier_has_its_one_small_deferred_script(demo, client):
    weight = measure("identify", "Identifier", client.get("/identify/"))
    (script,) = weight.scripts
    assert script.url.endswith("identify.js") and 0 < script.raw < SCRIPT_BUDGET


def test_the_card_step_loads_stripe_js_and_its_own_small_script_only(demo, client, settings):
    """The one page with a script from another site: Stripe.js for the Payment Element, deferred,
    beside the page's own small deferred script (THIRD_PARTY_SCRIPTS); the rule holds nowhere else."""
    from cerobio.shop.payments.tests.fake_stripe import FakeStripe

    fake = FakeStripe()
    settings.PAYMENT_PROVIDER, settings.STRIPE_API_BASE = "stripe", fake.url
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_fake", "pk_test_fake"
    try:
        _add_kit(client)
        html = client.get("/checkout/").content.decode()
        key = re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)
        placed = client.post("/checkout/", {
            "idempotency_key": key, "email": "page.weight@example.com", "name": "Ann Example",
            "line1": "1 High Street", "city": "London", "postcode": "SW1A 1AA", "country": "GB",
            "shipping_method": "uk-standard", "accept_terms": "yes", "action": "pay",
        })
        response = client.get(placed["Location"])
    finally:
        fake.stop()
    weight = measure("card-step", "Card step", response)
    assert weight.problems == [], weight.path
    assert weight.third_party_scripts == list(THIRD_PARTY_SCRIPTS["card-step"])
    (script,) = weight.scripts
    assert script.url.endswith("/card-step.js") and 0 < script.raw < SCRIPT_BUDGET
    assert weight.total_gzipped < PAGE_BUDGET
    # The same page measured as any other page type breaks the rule.
    elsewhere = "\n".join(measure("checkout", "Checkout", response).problems)
    assert "fetches from another site: <script src=https://js.stripe.com/v3/>" in elsewhere
    assert "2 scripts, at most 1" in elsewhere


def _add_kit(client):
    from cerobio.shop.catalogue.models import ProductVariant

    variant = ProductVariant.objects.filter(on_sale=True).order_by("product__path", "sort_order").first()
    assert client.post("/basket/", {"action": "add", "sku": variant.sku, "quantity": "1"}).status_code == 302


@pytest.mark.parametrize(
    ("path", "sheet_name", "has", "has_not"),
    [
        ("/what-is-milia/", "site.css", [".gallery", ".illus"], [".buy-box", ".identify-progress"]),
        ("/shop/", "site-shop.css", [".buy-box"], [".identify-progress"]),
        ("/identify/", "site-identify.css", [".identify-progress"], [".buy-box"]),
    ],
)
def test_each_section_gets_one_stylesheet_with_only_its_own_rules(
    path, sheet_name, has, has_not, demo, client
):
    """Shop and identifier rules stay off other pages: even unmatched :has() rules cost style time."""
    (sheet,) = measure("page", "Page", client.get(path)).stylesheets
    assert sheet.url.endswith(f"/{sheet_name}")
    for common in (":root {", ".site-header", ".mini-basket", "@media print"):
        assert common in sheet.text, common
    for selector in has:
        assert selector in sheet.text, selector
    for selector in has_not:
        assert selector not in sheet.text, selector


def _response(html: str, status: int = 200):
    return SimpleNamespace(
        content=html.encode(), status_code=status, request={"PATH_INFO": "/made-up/"}
    )


def test_the_checks_catch_a_slow_page(db, settings):
    """The budget checks themselves: a page that breaks every rule is told so, rule by rule."""
    settings.SITE_URL = "https://cerobio.example"
    html = """<!doctype html><html><head>
      <link rel="stylesheet" href="/static/css/site.css">
      <link rel="stylesheet" href="https://fonts.example.com/css?family=Lato">
      <link rel="preload" as="font" href="/static/lato.woff2">
      <style>@font-face { font-family: Lato; src: url(/static/lato.woff2); } p { font-family: Lato, serif; }</style>
      <script src="/static/js/identify.js"></script>
      <script>document.write("hi")</script>
      <script src="https://cdn.example.com/tracker.js" defer></script>
      <script type="application/ld+json">{"@context": "https://schema.org"}</script>
      <link rel="canonical" href="https://cerobio.example/made-up/">
    </head><body><main>
      <h1>Title</h1><template><p>Filled in by JavaScript</p></template>
      <img src="https://images.example.com/a.jpg" alt="">
      <img src="/media/a.jpg" srcset="/media/a.jpg 400w, https://images.example.com/b.jpg 800w" alt="">
      <a href="https://pubmed.ncbi.nlm.nih.gov/1/">A reference (a link, fine)</a>
    </main></body></html>"""
    problems = "\n".join(measure("bad", "Bad", _response(html)).problems)
    assert "2 stylesheets linked" in problems
    assert "https://fonts.example.com/css?family=Lato" in problems
    assert "/static/js/identify.js blocks rendering" in problems
    assert "an inline <script>" in problems
    assert "2 scripts, at most 1" in problems
    assert "https://cdn.example.com/tracker.js" in problems
    assert "<img src=https://images.example.com/a.jpg>" in problems
    assert "<img srcset=https://images.example.com/b.jpg>" in problems
    assert "@font-face" in problems and "'lato' is not a system font" in problems
    assert "the page loads a font: /static/lato.woff2" in problems
    assert "no paragraph with text after the h1" in problems
    assert (
        "pubmed" not in problems
        and "schema.org" not in problems
        and "cerobio.example" not in problems
    )


def test_the_checks_catch_a_heavy_page_and_a_heading_injected_later(db):
    noise = secrets.token_hex(100_000)  # 200 KB that gzip cannot shrink below about 100 KB
    heavy = measure("heavy", "Heavy", _response(f"<main><h1>Big</h1><p>{noise}</p></main>"))
    assert any("budget 61440" in p for p in heavy.problems)
    empty = measure("shell", "Shell", _response('<main><div id="app"></div></main>'))
    assert "main should have exactly one h1 with text, found 0" in empty.problems
    hidden = measure(
        "hidden",
        "Hidden",
        _response("<main><h1>Hi</h1><noscript><p>Turn on JS</p></noscript></main>"),
    )
    assert "the p is hidden without JavaScript (inside noscript)" in hidden.problems
