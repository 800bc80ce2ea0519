"""One stylesheet per page: the CSS partials in cerobio/static/css/ joined into three bundles.

Every public page links exactly one stylesheet (a second one is a second render-blocking request on
a slow phone connection; docs/performance.md). The CSS stays in small files by purpose, and
`SiteStylesheetFinder` serves their joins: to runserver, to WhiteNoise in the tests, and to
`collectstatic`, which hashes and compresses them like any other file. There is no build step to
forget and no generated file in git.

- css/site.css           every page: the guide, search, the trust pages, errors
- css/site-shop.css      the same plus shop.css (templates extending shop/base_shop.html)
- css/site-identify.css  the same plus identify.css (identify/base_identify.html)

The shop's and the identifier's rules stay off the other pages because they cost the browser time
even where nothing matches: the identifier's body map alone has some forty `:has()` rules, which
roughly doubled the style work of a guide page. Each bundle keeps the cascade order the separate
files had: print.css (wrapped in @media print) before the section's file, the mini basket last.
A new partial is added to COMMON (or to a section) below.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

SOURCE_DIR = Path(__file__).resolve().parent.parent / "static" / "css"
COMMON = ["tokens.css", "base.css", "components.css", "illustrations.css", "editorial.css"]
PRINT = "print.css"  # wrapped in @media print
LAST = ["mini-basket.css"]  # linked from the header, after the head's stylesheets
BUNDLES = {
    "css/site.css": [*COMMON, PRINT, *LAST],
    "css/site-shop.css": [*COMMON, PRINT, "shop.css", *LAST],
    "css/site-identify.css": [*COMMON, PRINT, "identify.css", *LAST],
}


def build(name: str) -> str:
    """The text of one bundle."""
    parts = BUNDLES[name]
    chunks = [
        f"/* {name}: {', '.join(parts)} from cerobio/static/css/ (cerobio/core/stylesheet.py). */\n"
    ]
    for part in parts:
        body = (SOURCE_DIR / part).read_text(encoding="utf-8").strip()
        if part == PRINT:
            body = f"@media print {{\n{body}\n}}"
        chunks.append(f"\n/* ===== {part} ===== */\n{body}\n")
    return "".join(chunks)


def output_dir() -> Path:
    """A private temporary folder for the joined files (per checkout, user and list of bundles)."""
    key = hashlib.sha256(f"{settings.BASE_DIR}:{os.getuid()}:{BUNDLES}".encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"cerobio-static-{key}"


def ensure_built(name: str) -> Path:
    """Write the bundle if it is missing or older than one of its partials; return its path."""
    target = output_dir() / name
    sources = [SOURCE_DIR / part for part in BUNDLES[name]]
    try:
        built = target.stat().st_mtime
        if all(source.stat().st_mtime <= built for source in sources):
            return target
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name and renamed: a process reading it never sees half a file.
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(build(name), encoding="utf-8")
    os.replace(partial, target)
    return target


class SiteStylesheetFinder(BaseFinder):
    """A staticfiles finder that answers for the bundles with their joined partials."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path not in BUNDLES:
            return [] if find_all else None
        found = str(ensure_built(path))
        return [found] if find_all else found

    def list(self, ignore_patterns):
        storage = FileSystemStorage(location=str(output_dir()))
        for name in BUNDLES:
            ensure_built(name)
            yield name, storage
