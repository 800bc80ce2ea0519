"""A reference's parts as one Vancouver citation (the style of the project's fact sheet).

    Berk DR, Bayliss SJ. Milia: a review and classification. J Am Acad Dermatol.
    2008;59(6):1050-1063. doi:10.1016/j.jaad.2008.07.034.
    Oakley A. Syringoma [Internet]. DermNet; 2003. Available from: https://dermnetnz.org/topics/syringoma

The citation is a list of pieces, each plain text or a link, so the page can render it as HTML (the
DOI, PubMed ID and address linked) and the JSON-LD and the command can use the same words as text.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join


@dataclass(frozen=True)
class Piece:
    text: str
    href: str = ""
    glue: bool = False  # no space before it ("doi:10.1016/…", the full stop after a link)


def _sentence(text: str) -> str:
    """End a part with a full stop unless it already ends with punctuation."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _issue_details(ref, publisher: str) -> str:
    """'2008;59(6):1050-1063' for an article; 'Publisher; 2019 Sep 26' (and 'p. 529-530') otherwise."""
    if ref.kind == ref.Kind.ARTICLE:
        text = ref.year
        if ref.volume:
            text += f";{ref.volume}"
        if ref.issue:
            text += f"({ref.issue})"
        if ref.pages:
            text += f":{ref.pages}"
        return text
    text = "; ".join(part for part in (publisher, ref.year) if part)
    if ref.pages:
        text = f"{text}. p. {ref.pages}" if text else f"p. {ref.pages}"
    return text


def citation(ref) -> list[Piece]:
    """The reference as Vancouver pieces: authors, title, container, details, DOI, PMID, address."""
    kinds = ref.Kind
    pieces = []
    if ref.authors:
        pieces.append(Piece(_sentence(ref.authors)))
    title = ref.title.strip()
    if ref.kind in (kinds.REFERENCE, kinds.WEB) and not title.endswith("]"):
        title = f"{title.rstrip('.')} [Internet]"
    pieces.append(Piece(_sentence(title)))
    if ref.kind == kinds.COPY:
        pieces.append(Piece("Original not identified; not linked."))
        return pieces
    publisher = ref.publisher
    if ref.kind in (kinds.REFERENCE, kinds.WEB) and not publisher:
        publisher = ref.container  # a site is its own publisher: "DermNet; 2003."
    elif ref.container:
        prefix = "In: " if ref.kind == kinds.BOOK else ""
        pieces.append(Piece(_sentence(prefix + ref.container)))
    details = _issue_details(ref, publisher)
    if details:
        pieces.append(Piece(_sentence(details)))
    if ref.doi:
        pieces += [Piece("doi:"), Piece(ref.doi, ref.doi_url, glue=True), Piece(".", glue=True)]
    if ref.pmid:
        pieces += [Piece("PMID:"), Piece(ref.pmid, ref.pubmed_url), Piece(".", glue=True)]
    if ref.url and ref.url != ref.doi_url:
        pieces += [Piece("Available from:"), Piece(ref.url, ref.url)]
    return pieces


def citation_text(ref) -> str:
    """The citation as plain text."""
    return "".join(_spaced(citation(ref), lambda piece: piece.text))


def citation_html(ref):
    """The citation as safe HTML, with the DOI, PubMed ID and address as links."""

    def render(piece):
        if piece.href:
            return format_html('<a class="source__link" href="{}" rel="noopener">{}</a>', piece.href, piece.text)
        return piece.text

    return format_html_join("", "{}", ((part,) for part in _spaced(citation(ref), render)))


def _spaced(pieces, render):
    """Each piece rendered, with a space before it unless it is glued to the one before."""
    for i, piece in enumerate(pieces):
        if i and not piece.glue:
            yield " "
        yield render(piece)
