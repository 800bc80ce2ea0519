"""The Stripe card step in Chromium, against a second server set up for Stripe.

Stripe's API is the fake Stripe server (cerobio/shop/payments/tests/fake_stripe.py) and js.stripe.com
is answered by Playwright with a tiny stand-in for Stripe.js that records what the page asks of it
(`Stripe(key)`, `elements({clientSecret})`, `create("payment")`, `mount`, `confirmPayment`) and
behaves as Stripe does: a declined card comes back as an error, an accepted one goes to return_url
with the intent's id. So the page's own wiring runs for real; only Stripe is pretended.
"""

import re
import tempfile
from pathlib import Path

import pytest

from cerobio.shop.payments.tests.fake_stripe import FakeStripe

from .conftest import (
    DESKTOP,
    PHONE,
    SERVER_ENV,
    axe_violations,
    axe_violations_without_js,
    describe_violations,
    free_port,
    screenshot,
    serve,
)
from .page_types import PRODUCT

PUBLISHABLE = "pk_test_e2e"
FAKE_STRIPE_JS = """
window.__stripe = { calls: [], declineNext: false };
window.Stripe = (key) => {
  const calls = window.__stripe.calls;
  calls.push(["Stripe", key]);
  let secret = "";
  const elements = {
    create(type) {
      calls.push(["create", type]);
      return {
        on(name) { calls.push(["on", name]); },
        mount(selector) {
          calls.push(["mount", selector]);
          const box = document.querySelector(selector);
          box.textContent = "Stripe's card fields (stand-in)";
        },
      };
    },
  };
  return {
    elements(options) {
      secret = options.clientSecret;
      calls.push(["elements", secret]);
      return elements;
    },
    confirmPayment(options) {
      const returnUrl = options.confirmParams.return_url;
      calls.push(["confirmPayment", returnUrl, options.elements === elements]);
      if (window.__stripe.declineNext) {
        window.__stripe.declineNext = false;
        return Promise.resolve({ error: { type: "card_error", message: "Your card was declined." } });
      }
      const url = new URL(returnUrl);
      url.searchParams.set("payment_intent", secret.split("_secret_")[0]);
      url.searchParams.set("payment_intent_client_secret", secret);
      url.searchParams.set("redirect_status", "succeeded");
      window.location.assign(url.toString());
      return new Promise(() => {});
    },
  };
};
"""


@pytest.fixture(scope="module")
def stripe_site(server_url):
    """The site again, on its own port and the same database, with Stripe on (the fake server)."""
    fake = FakeStripe()
    port = free_port()
    env = {
        **SERVER_ENV,
        "PAYMENT_PROVIDER": "stripe",
        "STRIPE_SECRET_KEY": "sk_test_e2e",
        "STRIPE_PUBLISHABLE_KEY": PUBLISHABLE,
        "STRIPE_WEBHOOK_SECRET": "whsec_e2e",
        "STRIPE_API_BASE": fake.url,
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    log = Path(tempfile.mkdtemp(prefix="cerobio-e2e-stripe-")) / "server.log"
    for url in serve(env, log, port):
        yield url, fake
    fake.stop()


def stripe_page(new_page, site, viewport=PHONE, javascript=True, stripe_js="fake"):
    page = new_page(viewport, javascript=javascript)
    page.base_url = site
    page.stripe_js_requests = []

    def answer_stripe_js(route):
        page.stripe_js_requests.append(route.request.url)
        if stripe_js == "fake":
            route.fulfill(status=200, content_type="application/javascript", body=FAKE_STRIPE_JS)
        else:
            route.abort()

    page.context.route("https://js.stripe.com/**", answer_stripe_js)
    return page


def to_card_step(page) -> str:
    """Basket → checkout → "Continue to pay"; returns the order's token."""
    page.goto(page.base_url + PRODUCT)
    with page.expect_navigation():
        page.locator("form.buy-box button[type=submit]").click()
    page.goto(page.base_url + "/checkout/")
    for field, value in (
        ("#email", "card.step@example.com"),
        ("#name", "Carla Step"),
        ("#line1", "1 High Street"),
        ("#city", "London"),
        ("#postcode", "SW1A 1AA"),
    ):
        page.fill(field, value)
    page.check("#accept_terms")
    with page.expect_navigation():
        page.click("button.checkout__pay")
    page.wait_for_url(re.compile(r".*/checkout/pay/[\w-]+/$"))
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def accessible(page, step: str, javascript: bool = True):
    violations = axe_violations(page) if javascript else axe_violations_without_js(page)
    assert violations == [], f"{step}: " + describe_violations(violations)


def test_the_payment_element_is_mounted_says_a_decline_and_pays_on_stripes_word(
    new_page, stripe_site
):
    site, fake = stripe_site
    page = stripe_page(new_page, site)
    token = to_card_step(page)
    (intent,) = [i for i in fake.intents.values() if i["metadata"]["order_token"] == token]
    page.wait_for_selector("#card-form:not([hidden])")
    assert page.stripe_js_requests == ["https://js.stripe.com/v3/"]
    calls = page.evaluate("window.__stripe.calls")
    assert calls[:3] == [
        ["Stripe", PUBLISHABLE],
        ["elements", intent["client_secret"]],
        ["create", "payment"],
    ]
    assert ["mount", "#payment-element"] in calls
    assert "Stripe's card fields (stand-in)" in page.inner_text("#payment-element")
    # The fallback stays, as the second way.
    assert "button--secondary" in page.get_attribute("#hosted-pay", "class")
    accessible(page, "card step")
    screenshot(page, "shop-card-step-390")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "shop-card-step-1280")

    page.evaluate("window.__stripe.declineNext = true")
    page.focus("#card-pay")
    page.keyboard.press("Enter")
    page.wait_for_selector("#card-error:has-text('declined')")
    assert page.inner_text("#card-error") == "Your card was declined. Nothing was charged."
    assert page.get_attribute("#card-error", "role") == "alert" and page.is_enabled("#card-pay")
    return_url = f"{site}/checkout/complete/{token}/"
    assert ["confirmPayment", return_url, True] in page.evaluate("window.__stripe.calls")
    accessible(page, "card step, declined")
    screenshot(page, "shop-card-step-declined-1280")

    # Stripe now has the declined try on record: the page, loaded again, says so first.
    fake.set_intent(intent["id"], "declined")
    page.reload()
    page.wait_for_selector("#card-form:not([hidden])")
    assert "Your card has insufficient funds." in page.inner_text("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"

    fake.set_intent(intent["id"], "succeeded")  # the customer's next card is accepted by Stripe
    page.focus("#card-pay")
    page.keyboard.press("Enter")
    page.wait_for_url(return_url)  # Stripe's return address, asked of Stripe, then shown plain
    assert "Thank you, your order is confirmed" in page.inner_text("main")
    assert page.console_errors == []


def test_without_javascript_or_stripe_js_the_customer_pays_on_stripes_page(new_page, stripe_site):
    site, fake = stripe_site
    page = stripe_page(new_page, site, javascript=False)
    token = to_card_step(page)
    assert not page.is_visible("#card-form") and page.is_visible("#hosted-pay")
    assert "button--secondary" not in page.get_attribute("#hosted-pay", "class")
    accessible(page, "card step without JavaScript", javascript=False)
    screenshot(page, "shop-card-step-no-js-390")

    # With JavaScript but no Stripe.js (blocked, offline): the same page, the same button.
    blocked = stripe_page(new_page, site, stripe_js="blocked")
    blocked.context.add_cookies(page.context.cookies())
    blocked.goto(f"{site}/checkout/pay/{token}/")
    assert blocked.stripe_js_requests == ["https://js.stripe.com/v3/"]
    assert not blocked.is_visible("#card-form") and blocked.is_visible("#hosted-pay")

    # The button's form goes to our server for real; its answer (a redirect to Stripe Checkout) is
    # noted and replaced by a stand-in page, so the browser never goes to Stripe itself.
    answers = []

    def to_stripe(route):
        answer = route.fetch(max_redirects=0)
        answers.append((answer.status, answer.headers.get("location")))
        route.fulfill(
            status=200, content_type="text/html", body="<title>Stripe Checkout (stand-in)</title>"
        )

    page.route(f"{site}/checkout/pay/{token}/stripe/", to_stripe)
    page.focus("#hosted-pay")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    (session,) = [s for s in fake.sessions.values() if s["metadata"]["order_token"] == token]
    assert answers == [(302, session["url"])] and session["amount_total"] == 3250
    fake.pay(session["id"])  # paid on Stripe's page; Stripe sends the customer back
    page.goto(f"{site}/checkout/stripe/return/?session_id={session['id']}")
    assert page.url == f"{site}/checkout/complete/{token}/"
    assert "Thank you, your order is confirmed" in page.inner_text("main")
