"""Search terms (Milia knowledge › Names and search terms) that lead to the shop are shop copy."""

from cerobio.editorial.claims import check_page
from cerobio.guide.models import GuidePage, Synonym
from cerobio.shop.catalogue.models import ProductPage

from .test_knowledge_sign_off import post_snippet, snippet_url


def test_a_medicinal_search_term_for_the_product_is_named_and_stops_its_publishing(demo, as_reviewer):
    product = ProductPage.objects.live().get()
    fields = {"term": "milia cure cream", "kind": "phrase", "meaning": "", "target": str(product.pk)}
    response = post_snippet(as_reviewer, snippet_url(Synonym, "add"), fields)
    assert response.status_code == 302, response.content[:300]
    html = as_reviewer.get(response["Location"]).content.decode()
    assert "This search term leads to" in html and "cure" in html
    assert [f.where for f in check_page(product)] == [("search term",)]


def test_the_same_words_leading_to_a_guide_page_are_fine(demo, as_reviewer):
    treatment = GuidePage.objects.get(slug="treatment")
    fields = {"term": "milia cure cream", "kind": "phrase", "meaning": "", "target": str(treatment.pk)}
    response = post_snippet(as_reviewer, snippet_url(Synonym, "add"), fields)
    assert response.status_code == 302
    assert "This search term leads to" not in as_reviewer.get(response["Location"]).content.decode()
