"""css/site.css is the CSS files joined, and an edit to one of them shows up without a build step."""

import os
from pathlib import Path

from django.contrib.staticfiles import finders

from cerobio.core import stylesheet


def test_site_css_is_every_partial_in_cascade_order_with_print_rules_for_print():
    text = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    starts = [text.index(f"/* ===== {name} ===== */") for name in stylesheet.PARTS]
    assert starts == sorted(starts), "partials in the order of PARTS"
    for name in stylesheet.PARTS:
        body = (stylesheet.SOURCE_DIR / name).read_text(encoding="utf-8").strip()
        assert body in text, f"{name} is joined whole"
    printed = text.partition("/* ===== print.css ===== */\n@media print {\n")[2]
    assert "@page" in printed and printed.rstrip().endswith("}\n}")


def test_editing_a_partial_rebuilds_the_joined_file(tmp_path, monkeypatch):
    source = tmp_path / "css"
    source.mkdir()
    for name in stylesheet.PARTS + stylesheet.PRINT_PARTS:
        (source / name).write_text(f".{name.removesuffix('.css')} {{ color: red; }}\n")
    monkeypatch.setattr(stylesheet, "SOURCE_DIR", source)
    monkeypatch.setattr(stylesheet, "output_dir", lambda: tmp_path / "out")
    first = stylesheet.ensure_built().read_text()
    assert ".components { color: red; }" in first
    edited = source / "components.css"
    edited.write_text(".components { color: teal; }\n")
    later = os.stat(edited).st_mtime + 5  # as if saved a few seconds later
    os.utime(edited, (later, later))
    assert ".components { color: teal; }" in stylesheet.ensure_built().read_text()
    finder = stylesheet.SiteStylesheetFinder()
    assert finder.find("css/other.css") is None
    ((path, storage),) = finder.list([])
    assert path == "css/site.css" and storage.exists("css/site.css")
