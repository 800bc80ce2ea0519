"""The trust pages: in the demo, linked from every page's footer, and only strictly necessary cookies."""

import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.editorial.models import ContactPage, InfoPage
from cerobio.editorial.templatetags.editorial_tags import TRUST_LINKS

# The only cookies the site may ever set (listed for readers on /cookies/).
STRICTLY_NECESSARY = {"sessionid", "csrftoken", "cerobio_basket", "messages"}


def test_every_trust_page_is_in_the_demo_and_answers(demo, client):
    assert [url for _title, url in TRUST_LINKS] == [
        "/about/", "/accessibility/", "/privacy/", "/cookies/", "/terms/", "/delivery/", "/returns/", "/contact/"
    ]
    for _title, url in TRUST_LINKS:
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        assert len(soup.find_all("h1")) == 1, url
        assert soup.find(class_="info-updated"), url
    assert ContactPage.objects.live().count() == 1
    assert InfoPage.objects.live().count() == 8


def test_every_page_type_links_to_every_trust_page_from_the_footer(demo, client):
    for page in _one_live_page_of_each_type():
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        footer = soup.find("footer", class_="site-footer")
        hrefs = [a["href"] for a in footer.find_all("a")]
        for _title, url in TRUST_LINKS:
            assert url in hrefs, (page.url, url)


def test_the_trust_pages_say_what_the_issue_asks(demo, client):
    def text(url):
        return " ".join(BeautifulSoup(client.get(url).content, "html.parser").get_text(" ").split())

    about = text("/about/")
    for words in ("clinician", "sources", "we sell", "Conflicts of interest", "not paid for each sale"):
        assert words.lower() in about.lower(), words
    accessibility = text("/accessibility/")
    assert "WCAG) version 2.2 at level AA" in accessibility
    assert "Problems we know about" in accessibility and "Tell us about a problem" in accessibility
    privacy = text("/privacy/")
    assert "Your answers to the identifier are never stored" in privacy
    assert "We do not keep your IP address" in privacy and "6 years" in privacy and "2 years" in privacy
    cookies = text("/cookies/")
    assert "strictly necessary" in cookies and "no cookie banner" in cookies.lower().replace("why there is no cookie banner", "no cookie banner")
    for name in STRICTLY_NECESSARY:
        assert name in cookies, name
    returns = text("/returns/")
    assert "14 days" in returns and "hygiene reasons" in returns and "opened" in returns
    assert "Delivery options" in text("/delivery/")


def test_the_delivery_page_shows_the_shops_delivery_options(demo, client):
    zone_model = apps.get_model("delivery", "ShippingZone")
    html = client.get("/delivery/").content.decode()
    for zone in zone_model.objects.all():
        assert zone.name in html
        for method in zone.methods.all():
            assert method.name in html


def _one_live_page_of_each_type():
    pages = []
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            page = model.objects.live().exclude(depth=1).first()
            if page is not None and page.url:
                pages.append(page)
    return pages


def test_no_page_sets_a_cookie_that_is_not_strictly_necessary(demo, client, django_capture_on_commit_callbacks):
    """Every page type, the forms that post, search, the identifier and the shop's basket."""
    seen: dict[str, str] = {}

    def visit(method, url, **data):
        response = getattr(client, method)(url, data or None)
        for name in response.cookies:
            seen.setdefault(name, f"{method.upper()} {url}")
        return response

    types = _one_live_page_of_each_type()
    assert {type(p).__name__ for p in types} >= {
        "HomePage", "GuidePage", "TypesIndexPage", "MiliaTypePage", "InfoPage", "ContactPage",
    }
    for page in types:
        response = visit("get", page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")
        buy = soup.find("form", action="/basket/")
        if buy is not None:  # a product page: add to the basket, then look at the basket
            form_html = str(buy)
            visit("post", "/basket/", **querydict_from_html(form_html).dict())
            visit("get", "/basket/")
            visit("get", "/checkout/")
    guide = next(p for p in types if type(p).__name__ == "GuidePage")
    visit("post", "/feedback/", page=str(guide.pk), helpful="yes")
    with django_capture_on_commit_callbacks(execute=True):
        visit("post", "/contact/", name="Jo", email="jo@example.org", topic="other", message="A test message here.")
    visit("post", "/contact/", name="", email="bad", topic="other", message="")
    for url in ("/search/?q=milia", "/identify/", "/robots.txt", "/sitemap.xml", "/no-such-page/"):
        visit("get", url)
    visit("post", "/identify/", step="intro")
    unexpected = {name: where for name, where in seen.items() if name not in STRICTLY_NECESSARY}
    assert unexpected == {}
    assert {"csrftoken", "cerobio_basket"} <= set(seen), seen  # the journeys really ran
    # Reading the guide sets no cookie at all.
    for page in types:
        if type(page).__name__ in ("HomePage", "GuidePage", "TypesIndexPage", "MiliaTypePage", "InfoPage"):
            fresh = client.__class__()
            assert not fresh.get(page.url).cookies, page.url


def test_trust_pages_are_written_plainly(demo, client):
    """The house target (grade 6, a reading age of about 11) on every trust page, legal ones included."""
    from cerobio.core.readability import measure

    grades = {}
    for _title, url in TRUST_LINKS:
        main = re.search(r"<main.*?</main>", client.get(url).content.decode(), re.S).group(0)
        main = re.split(r'<form|class="info-updated"', main)[0]
        grades[url] = measure(BeautifulSoup(main, "html.parser").get_text("\n")).grade
    assert max(grades.values()) <= 6, grades


@pytest.mark.parametrize("url", ["/about/", "/privacy/", "/contact/"])
def test_trust_pages_have_a_description_for_search_engines(demo, client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"]
    assert soup.find("link", rel="canonical")
