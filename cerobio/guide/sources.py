"""Which sources may be cited: the original publication, never a copy, mirror, export or staging host.

The rules follow the project's source policy (docs/content.md, "Sources"): each has a name that the
admin, the tests and `manage.py check_references` show next to the reference it refuses.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_PATTERN = re.compile(r"^\d{1,9}$")

# Host fragments of sites that hold unauthorised copies of papers, textbooks and documents.
COPY_HOSTS = (
    "scribd.", "docslib", "abcdocz", "doczz", "docksci", "coek.info", "dadospdf", "datospdf",
    "vdocuments", "fdocuments", "dokumen.tips", "123docz", "ebin.pub", "pdfdrive", "anyflip",
    "issuu.", "readkong", "plasticsurgerykey", "entokey", "clinicalgate", "pediagenosis",
)
# Address fragments of app exports and licensed redistributions of a reference work.
EXPORT_ADDRESSES = (
    "misc.medscape.com/pi/", "download.skyscape.com", "zinioapps", "im.unboundmedicine.com",
    "drugs.com/dict",
)
# Mirrors, catalogue records, wrappers and content farms that copy other people's pages.
MIRROR_HOSTS = (
    "wikizero", "wikimd", "kiwix", "oalib", "researcher.life", "frwiki.", "healthjade",
    "academe-learn", "bridge-teams",
)
STAGING_SUFFIXES = (".platformsh.site", ".pages.dev", ".up.railway.app", "hub360.com")
STAGING_PREFIXES = ("dev.", "dev2.", "staging.", "stage.", "uat.", "preview.")
STAGING_FRAGMENTS = ("develop-", "feature-")
SEARCH_ENGINES = re.compile(r"(^|\.)(google|bing|yandex|duckduckgo|yahoo|baidu)\.[a-z.]+$")


@dataclass(frozen=True)
class SourceProblem:
    """One broken rule: the rule's name, the field it concerns and a sentence for the editor."""

    rule: str
    field: str
    message: str


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def address_problems(url: str, field: str = "url") -> list[SourceProblem]:
    """Why an outbound address may not be cited (an empty list when it may)."""
    if not url:
        return []
    parts = urlsplit(url.strip())
    host, lowered = _host(url), url.lower()
    found = []

    def refuse(rule, message):
        found.append(SourceProblem(rule, field, message))

    if parts.scheme == "http":
        refuse("plain http", "The address starts with http://. Use the https:// address of the same page.")
    if any(fragment in host for fragment in COPY_HOSTS):
        refuse("copy site", f"{host} holds copies of other people's work. Cite the original publication.")
    if any(fragment in lowered for fragment in EXPORT_ADDRESSES):
        refuse("app export", f"{host} is an app export or licensed copy. Cite the reference work's own page.")
    if (
        host.endswith(STAGING_SUFFIXES)
        or host.startswith(STAGING_PREFIXES)
        or any(fragment in host for fragment in STAGING_FRAGMENTS)
    ):
        refuse("staging host", f"{host} is a staging, preview or development server. Cite the live site.")
    if any(fragment in host for fragment in MIRROR_HOSTS) or lowered.startswith(
        ("https://www.mendeley.com/catalogue", "https://mendeley.com/catalogue")
    ):
        refuse("mirror or copy", f"{host} is a mirror, catalogue record or content farm. Cite the original.")
    if "statpearls.com" in host:
        refuse("non-canonical front-end", "Cite StatPearls on the NCBI Bookshelf, not statpearls.com.")
    if "doi-resolver" in lowered or ("doi" in parse_qs(parts.query) and host not in ("doi.org", "dx.doi.org")):
        refuse("non-canonical front-end", "A third-party DOI resolver. Give the DOI instead (it links to https://doi.org/).")
    if SEARCH_ENGINES.search(host) and (parts.path.startswith(("/url", "/ck/", "/l/", "/link")) or "url=" in parts.query):
        refuse("search-engine redirect", "A search engine's redirect link. Cite the page it leads to.")
    if host.endswith(".translate.goog") or host.startswith("translate."):
        refuse("translation proxy", "A translation proxy. Cite the page itself.")
    return found


def doi_problems(doi: str) -> list[SourceProblem]:
    """A DOI must be written bare, as 10.NNNN/suffix (the site links it to https://doi.org/)."""
    if not doi or DOI_PATTERN.match(doi):
        return []
    return [SourceProblem("malformed DOI", "doi", f"'{doi}' is not a DOI. Write it as 10.NNNN/… without https://doi.org/.")]


def pmid_problems(pmid: str) -> list[SourceProblem]:
    """A PubMed identifier is digits only."""
    if not pmid or PMID_PATTERN.match(pmid):
        return []
    return [SourceProblem("malformed PMID", "pmid", f"'{pmid}' is not a PubMed ID (digits only).")]


# Every rule's name, in the order `manage.py check_references` lists them.
RULES = (
    "copy site",
    "app export",
    "staging host",
    "mirror or copy",
    "non-canonical front-end",
    "search-engine redirect",
    "translation proxy",
    "plain http",
    "malformed DOI",
    "malformed PMID",
    "unidentified copy linked",
)
