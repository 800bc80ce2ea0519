"""What Lighthouse's SEO audit looks for, kept true on every page type without running Lighthouse."""

import pytest
from bs4 import BeautifulSoup

from tests.perf.page_weight import IDENTIFY_ANSWERS, page_types


@pytest.mark.parametrize("page", page_types(), ids=lambda page: page.key)
def test_every_page_type_has_a_title_a_description_and_a_language(page, demo, client):
    soup = BeautifulSoup(page.fetch(client).content, "html.parser")
    assert soup.html.get("lang") == "en-GB"
    assert soup.title and soup.title.get_text(strip=True)
    description = soup.find("meta", attrs={"name": "description"})
    assert description and len(description["content"].strip()) >= 40, (
        "a meta description search engines can show"
    )


def test_the_identifier_start_may_be_listed_by_search_engines_but_never_answers(demo, client):
    start = client.get("/identify/")
    assert "X-Robots-Tag" not in start
    assert "no-store" in start["Cache-Control"]  # still never stored
    result = client.post("/identify/", IDENTIFY_ANSWERS)
    assert result["X-Robots-Tag"] == "noindex"
