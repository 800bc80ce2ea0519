"""Sources: held in parts, shown as one Vancouver citation, and refused when they are not the original."""

import datetime

import pytest
from bs4 import BeautifulSoup

from cerobio.guide.citation import citation_text
from cerobio.guide.models import PageReference, Reference
from cerobio.guide.sources import address_problems, doi_problems
from cerobio.twofactor.testing import verified_login

REFUSED = {
    "https://fr.scribd.com/document/158149956/Milia-Paper": "copy site",
    "https://docslib.org/doc/123/milia": "copy site",
    "https://c.coek.info/pdf-clobetasol-induced-milia-.html": "copy site",
    "https://plasticsurgerykey.com/milia": "copy site",
    "https://entokey.com/syringoma": "copy site",
    "https://pediagenosis.com/2019/04/milia.html": "copy site",
    "https://misc.medscape.com/pi/android/medscapeapp/html/A1058063-business.html": "app export",
    "https://download.skyscape.com/download/ota/x/skindis.ed4/tu5.htm": "app export",
    "https://im.unboundmedicine.com/medicine/view/Select-5-Minute-Pediatric-Consult/14125/all/Milia": "app export",
    "https://pling.zinioapps.com/publications/allure/1155": "app export",
    "https://develop-sr3snxi-tt7lcx6s5gdv4.us-4.platformsh.site/site/thederm/article/1839": "staging host",
    "https://academe-learn.pages.dev/notes.html": "staging host",
    "https://app.up.railway.app/milia": "staging host",
    "https://dev2.statpearls.com/articlelibrary/viewarticle/25157": "staging host",
    "https://staging.example.org/milia": "staging host",
    "https://adhub360.com/photo-essay/atlas-lumps-and-bumps-part-20": "staging host",
    "https://www.statpearls.com/sp/md/81/21267/": "non-canonical front-end",
    "https://www.actasdermo.org/index.php?p=doi-resolver&doi=10.1016/j.jaad.2008.07.034": "non-canonical front-end",
    "https://wikizero.com/En/Milia": "mirror or copy",
    "https://wikimd.org/wiki/Milium_(dermatology)": "mirror or copy",
    "https://www.mendeley.com/catalogue/e35400c3-0e0e-3c4c-bfcf-0549754a07af/": "mirror or copy",
    "https://discovery.researcher.life/article/cysts-of-the-oral-mucosa-in-newborns/105d5f": "mirror or copy",
    "https://healthjade.com/?p=28080": "mirror or copy",
    "https://www.google.com/url?q=https://dermnetnz.org/topics/milium": "search-engine redirect",
    "https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fdermnetnz.org": "search-engine redirect",
    "https://dermnetnz-org.translate.goog/topics/milium?_x_tr_sl=en": "translation proxy",
    "http://www.mayoclinic.org/diseases-conditions/milia/symptoms-causes/syc-20375073": "plain http",
}
ALLOWED = [
    "https://doi.org/10.1016/j.jaad.2008.07.034",
    "https://pubmed.ncbi.nlm.nih.gov/31145059/",
    "https://emedicine.medscape.com/article/910405-overview",
    "https://dermnetnz.org/topics/milium",
    "https://www.devon.nhs.uk/milia",
    "https://www.google.com/search/howsearchworks/",
    "https://medicines.org.uk/emc/product/921",
]


@pytest.mark.parametrize(("url", "rule"), REFUSED.items())
def test_a_copy_mirror_export_staging_host_redirect_or_plain_http_address_is_refused(url, rule):
    assert rule in [problem.rule for problem in address_problems(url)]


@pytest.mark.parametrize("url", ALLOWED)
def test_original_publications_and_health_services_are_allowed(url):
    assert address_problems(url) == []


@pytest.mark.parametrize("doi", ["https://doi.org/10.1016/j.jaad.2008.07.034", "doi:10.1016/x", "10.10/x", "10.1016"])
def test_a_doi_not_written_as_10_nnnn_slash_something_is_refused(doi):
    assert [problem.rule for problem in doi_problems(doi)] == ["malformed DOI"]


def test_a_well_formed_doi_is_allowed():
    assert doi_problems("10.1001/archpedi.1968.02100020046006") == []


def article(**parts):
    fields = {
        "key": "berk",
        "kind": Reference.Kind.ARTICLE,
        "authors": "Berk DR, Bayliss SJ",
        "title": "Milia: a review and classification",
        "container": "J Am Acad Dermatol",
        "year": "2008",
        "volume": "59",
        "issue": "6",
        "pages": "1050-1063",
        "doi": "10.1016/j.jaad.2008.07.034",
        "strength": Reference.Strength.PEER_REVIEWED,
    }
    return Reference(**{**fields, **parts})


def test_an_article_is_cited_in_vancouver_style_with_its_doi():
    assert citation_text(article()) == (
        "Berk DR, Bayliss SJ. Milia: a review and classification. J Am Acad Dermatol. "
        "2008;59(6):1050-1063. doi:10.1016/j.jaad.2008.07.034."
    )
    assert citation_text(article(pmid="31145059", doi="")).endswith("1050-1063. PMID: 31145059.")


def test_a_web_page_and_a_book_chapter_follow_the_same_style():
    page = Reference(
        kind=Reference.Kind.REFERENCE, authors="Oakley A", title="Syringoma", container="DermNet", year="2003",
        url="https://dermnetnz.org/topics/syringoma",
    )
    assert citation_text(page) == "Oakley A. Syringoma [Internet]. DermNet; 2003. Available from: https://dermnetnz.org/topics/syringoma"
    chapter = Reference(
        kind=Reference.Kind.BOOK, authors="Noto G", title="Milia en plaque",
        container="Dermatological cryosurgery and cryotherapy", publisher="London: Springer", year="2016",
        pages="529-530",
    )
    assert citation_text(chapter) == (
        "Noto G. Milia en plaque. In: Dermatological cryosurgery and cryotherapy. London: Springer; 2016. p. 529-530."
    )


def test_a_source_known_only_from_a_copy_is_named_but_never_linked():
    copy = Reference(kind=Reference.Kind.COPY, title="Unidentified textbook chapter 'Milia'", strength="reference")
    assert copy.link == ""
    assert "not linked" in citation_text(copy)
    copy.url = "https://plasticsurgerykey.com/milia"
    assert "unidentified copy linked" in [problem.rule for problem in copy.problems]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("clinician", "c@example.org", "pw-123456-long")
    return verified_login(client, user)


def _form(client, url):
    from wagtail.test.utils.form_data import querydict_from_html

    return querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")


def test_the_admin_refuses_a_copy_and_names_the_rule(demo, editor):
    ref = Reference.objects.filter(kind=Reference.Kind.ARTICLE).exclude(doi="").first() or Reference.objects.first()
    before = ref.url
    url = f"/admin/snippets/guide/reference/edit/{ref.pk}/"
    data = _form(editor, url)
    data["url"] = "https://fr.scribd.com/document/158149956/Milia-Paper"
    data["action-publish"] = "1"
    html = editor.post(url, data, follow=True).content.decode()
    assert "Not a citable source (copy site)" in html
    ref.refresh_from_db()
    assert ref.url == before
    assert not ref.has_unpublished_changes


def test_the_admin_refuses_a_malformed_doi_and_plain_http_when_adding(demo, editor):
    url = "/admin/snippets/guide/reference/add/"
    data = _form(editor, url)
    data.update({
        "key": "new-source", "kind": "article", "title": "A new paper", "container": "Some J",
        "doi": "https://doi.org/10.1016/j.x", "url": "http://example.org/paper", "strength": "peer-reviewed",
        "accessed": "2026-12-01",
    })
    html = editor.post(url, data, follow=True).content.decode()
    assert "Not a citable source (malformed DOI)" in html
    assert "Not a citable source (plain http)" in html
    assert not Reference.objects.filter(key="new-source").exists()


def test_the_admin_accepts_a_canonical_source(demo, editor):
    url = "/admin/snippets/guide/reference/add/"
    data = _form(editor, url)
    data.update({
        "key": "new-source", "kind": "article", "authors": "Cataldo E, Berkman MD",
        "title": "Cysts of the oral mucosa in newborns", "container": "Am J Dis Child", "year": "1968",
        "doi": "10.1001/archpedi.1968.02100020046006", "strength": "peer-reviewed", "action-publish": "1",
    })
    editor.post(url, data, follow=True)
    assert Reference.objects.filter(key="new-source", live=True).exists()


def test_a_page_shows_each_source_as_a_citation_with_its_doi_linked_and_weaker_ones_labelled(demo, client):
    cited = PageReference.objects.filter(page__slug="what-is-milia").select_related("reference")
    ref = cited.first().reference
    ref.kind, ref.authors, ref.doi, ref.url = "article", "Berk DR, Bayliss SJ", "10.1016/j.jaad.2008.07.034", ""
    ref.strength = "consumer"
    ref.accessed = datetime.date(2026, 11, 27)
    ref.save()
    soup = BeautifulSoup(client.get("/what-is-milia/").content, "html.parser")
    item = soup.find("section", attrs={"aria-labelledby": "sources-heading"}).find("li")
    assert item.find("a", href="https://doi.org/10.1016/j.jaad.2008.07.034")
    assert "Berk DR, Bayliss SJ." in item.get_text(" ")
    assert "weaker source" in item.get_text(" ")


def test_every_demo_reference_is_a_complete_citable_original(demo):
    for ref in Reference.objects.all():
        assert ref.problems == [], f"{ref.key}: {[p.rule for p in ref.problems]}"
        assert not ref.missing_fields, ref.key


def test_every_outbound_link_on_every_rendered_page_is_canonical(demo, client):
    from urllib.parse import urlsplit

    from wagtail.models import Page

    checked = 0
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")
        for link in soup.find_all("a", href=True):
            href = link["href"]
            if urlsplit(href).scheme in ("http", "https") and urlsplit(href).hostname not in ("testserver", "localhost", "127.0.0.1"):
                assert address_problems(href) == [], f"{page.url} links to {href}"
                checked += 1
        for ref in getattr(page, "references", []):
            if ref.doi:
                assert soup.find("a", href=ref.doi_url), f"{page.url}: the DOI of {ref.key} is not linked"
    assert checked > 100  # the sources lists were really read


# Where the fact sheet flags that sources disagree ("[check: …]"), the page says so.
DISAGREEMENTS = {
    "/look-alikes/": 4,  # baby acne: how many; flat warts and oil glands: size; colloid milium: colour
    "/newborn-milia/": 2,  # baby acne: how many; the names of the mouth cysts
    "/types/congenital-milia/": 1,  # newborn milia: size
    "/types/benign-primary-milia/": 1,  # whether they go by themselves
    "/names-for-milia/": 1,  # the codes
}


@pytest.mark.parametrize(("path", "at_least"), DISAGREEMENTS.items())
def test_a_page_says_where_sources_differ(demo, client, path, at_least):
    text = BeautifulSoup(client.get(path).content, "html.parser").get_text(" ").lower()
    assert text.count("sources differ") >= at_least, path


def test_every_weaker_source_is_labelled_in_every_sources_list(demo, client):
    from wagtail.models import Page

    for page in Page.objects.live().filter(depth__gt=1).specific():
        refs = getattr(page, "references", None)
        if not refs:
            continue
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        items = soup.find("section", attrs={"aria-labelledby": "sources-heading"}).find("ol").find_all("li", recursive=False)
        for item, ref in zip(items, refs, strict=True):
            assert ("weaker source" in item.get_text(" ")) == ref.is_weaker, f"{page.url}: {ref.key}"


def test_a_type_page_lists_its_sources_in_the_order_its_content_file_gives(demo):
    from cerobio.demo.content import read
    from cerobio.guide.models import MiliaTypePage

    for data in read().types:
        page = MiliaTypePage.objects.get(milia_type__slug=data["slug"])
        listed = [ref.key for ref in page.references]
        assert listed[: len(data["references"])] == data["references"], data["slug"]
