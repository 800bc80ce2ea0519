"""One stylesheet for every page: css/site.css, joined from the partials in cerobio/static/css/.

Every public page links exactly one stylesheet (a second one is a second render-blocking request on
a slow phone connection; docs/performance.md). The CSS stays in small files by purpose (tokens,
base, components, the shop, the identifier, print), and `SiteStylesheetFinder` serves their join
as `css/site.css`: to runserver, to WhiteNoise in the tests, and to `collectstatic`, which hashes
and compresses it like any other file. There is no build step to forget and no generated file in
git. A new partial is added to PARTS below, in cascade order.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

NAME = "css/site.css"
SOURCE_DIR = Path(__file__).resolve().parent.parent / "static" / "css"
# Cascade order. The mini basket's rules came last when it was linked from the header, so they
# still do; print.css is wrapped in @media print.
PARTS = [
    "tokens.css",
    "base.css",
    "components.css",
    "illustrations.css",
    "editorial.css",
    "shop.css",
    "identify.css",
    "mini-basket.css",
]
PRINT_PARTS = ["print.css"]


def build() -> str:
    """The text of css/site.css."""
    names = ", ".join(PARTS + PRINT_PARTS)
    chunks = [
        f"/* css/site.css: joined from {names} in cerobio/static/css/ (cerobio/core/stylesheet.py). */\n"
    ]
    for name in PARTS:
        chunks.append(
            f"\n/* ===== {name} ===== */\n{(SOURCE_DIR / name).read_text(encoding='utf-8').strip()}\n"
        )
    for name in PRINT_PARTS:
        body = (SOURCE_DIR / name).read_text(encoding="utf-8").strip()
        chunks.append(f"\n/* ===== {name} ===== */\n@media print {{\n{body}\n}}\n")
    return "".join(chunks)


def output_dir() -> Path:
    """A private temporary folder for the joined file (per checkout, user and list of partials)."""
    key = hashlib.sha256(
        f"{settings.BASE_DIR}:{os.getuid()}:{PARTS}:{PRINT_PARTS}".encode()
    ).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"cerobio-static-{key}"


def ensure_built() -> Path:
    """Write css/site.css if it is missing or older than a partial; return its path."""
    target = output_dir() / NAME
    sources = [SOURCE_DIR / name for name in PARTS + PRINT_PARTS]
    try:
        built = target.stat().st_mtime
        if all(source.stat().st_mtime <= built for source in sources):
            return target
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name and renamed: a process reading it never sees half a file.
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(build(), encoding="utf-8")
    os.replace(partial, target)
    return target


class SiteStylesheetFinder(BaseFinder):
    """A staticfiles finder that answers for css/site.css with the joined partials."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path != NAME:
            return [] if find_all else None
        found = str(ensure_built())
        return [found] if find_all else found

    def list(self, ignore_patterns):
        ensure_built()
        yield NAME, FileSystemStorage(location=str(output_dir()))
