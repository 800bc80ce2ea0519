"""Every public page type, and how a browser gets to each one (some need a basket or a form post)."""

import json
import urllib.request
import uuid

PRODUCT = "/shop/cerobio-exfoliating-kit/"
SKU = "CRB-KIT-STD"
# The identifier's answers for a result page (an adult with a few white bumps on the cheeks and nose).
IDENTIFY_ANSWERS = {
    "step": "symptoms",
    "go": "next",
    "age_group": "adult",
    "sites": ["cheeks", "nose"],
    "look": "white_dome",
    "count": "few",
    "onset": "gradual",
}

# name -> address; "identify-result", "confirmation" and "order" are reached by `visit` (a form
# post; an order's token).
PAGE_TYPES = {
    "home": "/",
    "guide": "/what-is-milia/",
    "causes": "/causes/",
    "types": "/types/",
    "type": "/types/milia-en-plaque/",
    "look-alikes": "/look-alikes/",
    "treatment": "/treatment/",
    "newborn": "/newborn-milia/",
    "names": "/names-for-milia/",
    "identify": "/identify/",
    "identify-result": "/identify/",
    "search": "/search/?q=milk+spots",
    "shop": "/shop/",
    "product": PRODUCT,
    "basket": "/basket/",
    "checkout": "/checkout/",
    "confirmation": "/checkout/complete/",
    "order": "/orders/",
    "about": "/about/",
    "contact": "/contact/",
    "terms": "/terms/",
    "not-found": "/no-such-page/",
}


def _api(base_url: str, path: str, body: dict | None = None, headers: dict | None = None) -> dict:
    request = urllib.request.Request(
        base_url + path,
        data=json.dumps(body or {}).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def place_order(base_url: str) -> str:
    """A paid order made through the Store API, as a script would; returns its token."""
    token = _api(base_url, "/api/v1/baskets")["token"]
    _api(base_url, f"/api/v1/baskets/{token}/lines", {"sku": SKU, "quantity": 1})
    order = _api(
        base_url,
        f"/api/v1/baskets/{token}/checkout",
        {
            "email": "layout@example.com",
            "shipping_address": {"name": "Lay Out", "line1": "1 High Street", "city": "London",
                                 "postcode": "SW1A 1AA", "country": "GB"},
            "shipping_method": "uk-standard",
            "accept_terms": True,
            "payment": {"method": "dummy", "card_number": "4242424242424242"},
        },
        {"Idempotency-Key": uuid.uuid4().hex},
    )
    return order["token"]


def add_kit_to_basket(page):
    """Put the kit in this browser's basket with the product page's own button."""
    page.goto(page.base_url + PRODUCT)
    with page.expect_navigation():
        page.locator("form.buy-box button[type=submit]").click()


def post_identifier_answers(page):
    """The identifier's result page: the answers posted as the last step's form would post them."""
    page.goto(page.base_url + "/identify/")
    with page.expect_navigation():
        page.evaluate(
            """(answers) => {
              const form = document.createElement("form");
              form.method = "post";
              form.action = "/identify/";
              form.append(document.querySelector("input[name=csrfmiddlewaretoken]").cloneNode());
              for (const [name, value] of Object.entries(answers)) {
                for (const one of [].concat(value)) {
                  const input = document.createElement("input");
                  input.type = "hidden";
                  input.name = name;
                  input.value = one;
                  form.append(input);
                }
              }
              document.body.append(form);
              form.submit();
            }""",
            IDENTIFY_ANSWERS,
        )


def visit(page, name: str, order_token: str = ""):
    """Open page type `name` (the basket and checkout need a basket in this browser already)."""
    if name == "identify-result":
        post_identifier_answers(page)
    elif name in ("confirmation", "order"):
        page.goto(f"{page.base_url}{PAGE_TYPES[name]}{order_token}/")
    else:
        page.goto(page.base_url + PAGE_TYPES[name])
