"""Rate limits: the request after the allowance gets a 429 with Retry-After; other visitors carry on.

Every limited address is tried with a small limit (the test settings are generous so the rest of the
suite never trips one). HTML answers with the friendly page in the site's layout, /api/ with the
JSON error shape and code "rate_limited". While Redis is down, admin sign-in is still limited.
"""

import pytest
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from cerobio.core.tests.outages import closed_port
from cerobio.shop.conftest import SKU

ME, OTHER = "203.0.113.10", "198.51.100.20"
# A window of about a year, so no window ends halfway through a test.
LIMIT, WINDOW = 3, 30_000_000
SETTINGS = (
    "SEARCH_RATE_LIMIT", "IDENTIFY_RATE_LIMIT", "BASKET_RATE_LIMIT", "CHECKOUT_RATE_LIMIT",
    "ADMIN_LOGIN_RATE_LIMIT", "ADMIN_LOGIN_USER_RATE_LIMIT", "PASSWORD_RESET_RATE_LIMIT",
)  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def small_limits(settings):
    for name in SETTINGS:
        setattr(settings, name, (LIMIT, WINDOW))
    return settings


def retry_after(response) -> int:
    """The Retry-After header: whole seconds, at most the window."""
    seconds = int(response["Retry-After"])
    assert 0 < seconds <= WINDOW
    return seconds


def assert_html_429(response, heading: str):
    assert response.status_code == 429
    retry_after(response)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert heading in html and "Please try again in about" in html
    # The site's own page: its header, search box and footer, and a way back.
    assert (
        'class="skip-link"' in html
        and 'action="/search/"' in html
        and "Go back to the page" in html
    )
    assert '<meta name="robots" content="noindex">' in html


def assert_json_429(response):
    assert response.status_code == 429
    seconds = retry_after(response)
    assert "no-store" in response["Cache-Control"]
    assert response.json() == {
        "code": "rate_limited",
        "message": f"Too many requests from this client. Try again in {seconds} seconds.",
        "errors": [],
    }


@pytest.fixture
def shopper(demo, client):
    """A visitor with the kit in their basket (added before the small limits apply)."""
    assert (
        client.post("/basket/", {"action": "add", "sku": SKU, "quantity": "1"}).status_code == 302
    )
    return client


def exhaust(send, allowed_status):
    """Send LIMIT requests, each answered normally, then return the answer to one more."""
    for _ in range(LIMIT):
        response = send(ME)
        assert response.status_code in allowed_status, response.status_code
    return send(ME)


def test_search(demo, client, small_limits):
    def send(address):
        return client.get("/search/", {"q": "milk spots"}, REMOTE_ADDR=address)

    assert_html_429(exhaust(send, {200}), "Please wait before searching again")
    assert send(OTHER).status_code == 200


def test_identifier_questionnaire(demo, client, small_limits):
    def send(address):
        return client.post("/identify/", {"go": "start"}, REMOTE_ADDR=address)

    response = exhaust(send, {200})
    assert_html_429(response, "Please wait before going on")
    assert 'href="/identify/"' in response.content.decode()
    assert send(OTHER).status_code == 200


def test_identifier_api(demo, client, small_limits):
    def send(address):
        return client.post(
            "/api/v1/identify",
            {"sites": ["nose"]},
            content_type="application/json",
            REMOTE_ADDR=address,
        )

    assert_json_429(exhaust(send, {200}))
    assert send(OTHER).status_code == 200


def test_checkout_page(shopper, small_limits):
    def send(address):
        # Details missing: the view answers 422; the limit counts attempts, whatever their outcome.
        return shopper.post("/checkout/", {"action": "pay", "country": "GB"}, REMOTE_ADDR=address)

    response = exhaust(send, {422})
    assert_html_429(response, "Please wait before trying again")
    assert "Nothing has been charged and your basket is kept" in response.content.decode()
    assert send(OTHER).status_code == 422


def test_looking_at_delivery_options_is_not_a_checkout_attempt(shopper, small_limits):
    """Changing the country (the button, or the page's script as the reader picks one) only reads."""
    for country in ["FR", "DE", "GB", "IE", "FR", "GB"] * 2:
        response = shopper.post("/checkout/", {"action": "refresh", "country": country}, REMOTE_ADDR=ME)
        assert response.status_code == 200
    assert shopper.post("/checkout/", {"action": "pay", "country": "GB"}, REMOTE_ADDR=ME).status_code == 422


def test_checkout_api(demo, client, small_limits):
    from cerobio.shop.conftest import new_basket

    token = new_basket().token

    def send(address):
        # An empty body is refused (422) by the view; the limit counts attempts, whatever their outcome.
        return client.post(
            f"/api/v1/baskets/{token}/checkout",
            {},
            content_type="application/json",
            REMOTE_ADDR=address,
        )

    assert_json_429(exhaust(send, {422}))
    assert send(OTHER).status_code == 422


def test_basket_form_and_api(demo, client, small_limits):
    def add(address):
        return client.post(
            "/basket/", {"action": "add", "sku": SKU, "quantity": "1"}, REMOTE_ADDR=address
        )

    assert_html_429(exhaust(add, {302}), "Please wait before changing your basket")
    assert add(OTHER).status_code == 302
    # The Store API's basket calls share the same allowance.
    assert_json_429(client.post("/api/v1/baskets", REMOTE_ADDR=ME))
    assert client.post("/api/v1/baskets", REMOTE_ADDR="192.0.2.30").status_code == 201


def test_admin_sign_in_per_address(demo, client, small_limits):
    def send(address, username="someone"):
        return client.post(
            "/admin/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )

    # A different username each time: only the per-address limit can stop these.
    attempts = iter(f"user{n}" for n in range(10))
    response = exhaust(lambda address: send(address, next(attempts)), {200})
    assert_html_429(response, "Too many sign-in attempts")
    assert send(OTHER).status_code == 200
    # The Django admin's sign-in shares the allowance.
    assert (
        client.post(
            "/django-admin/login/", {"username": "x", "password": "y"}, REMOTE_ADDR=ME
        ).status_code
        == 429
    )


def test_admin_sign_in_per_username(demo, client, small_limits, django_user_model):
    django_user_model.objects.create_user("editor", "editor@example.org", "right-password-123")

    def send(address, username="editor", password="wrong"):  # noqa: S107 (a deliberately wrong guess)
        return client.post(
            "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
        )

    # Each guess from a new address: only the per-username limit can stop these (also ignoring case).
    for n in range(LIMIT):
        assert send(f"192.0.2.{n}", "editor" if n % 2 else "Editor ").status_code == 200
    response = send("192.0.2.99")
    assert_html_429(response, "Too many sign-in attempts")
    # Even the right password waits; another account is unaffected.
    assert send("192.0.2.98", password="right-password-123").status_code == 429
    assert send("192.0.2.97", "someone-else").status_code == 200


def test_admin_password_reset(demo, client, small_limits, mailoutbox):
    def send(address):
        return client.post(
            "/admin/password_reset/", {"email": "editor@example.org"}, REMOTE_ADDR=address
        )

    assert_html_429(exhaust(send, {302}), "Too many password reset requests")
    assert send(OTHER).status_code == 302


def test_behind_a_proxy_each_visitor_has_their_own_allowance(demo, client, small_limits):
    small_limits.RATE_LIMIT_CLIENT_HEADER = "HTTP_X_REAL_IP"

    def send(real_ip):
        # Every request comes from nginx's own address; X-Real-IP names the visitor.
        return client.get(
            "/search/", {"q": "milia"}, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=real_ip
        )

    assert exhaust(send, {200}).status_code == 429
    assert send(OTHER).status_code == 200


def test_limits_are_read_from_the_environment(monkeypatch):
    from cerobio.settings.base import env_rate

    monkeypatch.setenv("SEARCH_RATE_LIMIT", "30/120")
    assert env_rate("SEARCH_RATE_LIMIT", "60/60") == (30, 120)
    monkeypatch.delenv("SEARCH_RATE_LIMIT")
    assert env_rate("SEARCH_RATE_LIMIT", "60/60") == (60, 60)
    for bad in ("sixty", "60", "0/60", "60/0", "60/60/60"):
        monkeypatch.setenv("SEARCH_RATE_LIMIT", bad)
        with pytest.raises(ImproperlyConfigured, match="SEARCH_RATE_LIMIT"):
            env_rate("SEARCH_RATE_LIMIT", "60/60")


def redis_down():
    """Production's cache (django-redis, exceptions ignored) where nothing listens."""
    location = f"redis://127.0.0.1:{closed_port()}/5"
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": location,
                "OPTIONS": {"IGNORE_EXCEPTIONS": True},
            },
            "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
        }
    )


def test_while_redis_is_down_admin_sign_in_is_still_limited(demo, client, small_limits):
    """The shared count is lost with Redis; each app server process then counts sign-ins itself."""
    caches["local"].clear()
    with redis_down():
        attempts = iter(f"guess{n}" for n in range(10))
        response = exhaust(
            lambda address: client.post(
                "/admin/login/", {"username": next(attempts), "password": "wrong"}, REMOTE_ADDR=address
            ),
            {200},
        )
        assert_html_429(response, "Too many sign-in attempts")
        # One account guessed at from many addresses is limited too.
        for n in range(LIMIT):
            client.post("/admin/login/", {"username": "editor", "password": "x"}, REMOTE_ADDR=f"192.0.2.{n}")
        assert client.post(
            "/admin/login/", {"username": "editor", "password": "x"}, REMOTE_ADDR="192.0.2.99"
        ).status_code == 429
        # The other limits let people through while the cache is down.
        searches = [client.get("/search/", {"q": "milia"}, REMOTE_ADDR=ME).status_code for _ in range(LIMIT + 2)]
        assert searches == [200] * (LIMIT + 2)
    caches["local"].clear()
