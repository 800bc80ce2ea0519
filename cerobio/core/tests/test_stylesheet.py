"""The stylesheet bundles are the CSS files joined, and an edit to one of them shows up without a build step."""

import os
from pathlib import Path

from django.contrib.staticfiles import finders

from cerobio.core import stylesheet


def test_each_bundle_is_its_partials_in_cascade_order_with_print_rules_for_print():
    for name, parts in stylesheet.BUNDLES.items():
        text = Path(finders.find(name)).read_text(encoding="utf-8")
        starts = [text.index(f"/* ===== {part} ===== */") for part in parts]
        assert starts == sorted(starts), f"{name}: partials in cascade order"
        for part in parts:
            body = (stylesheet.SOURCE_DIR / part).read_text(encoding="utf-8").strip()
            assert body in text, f"{name}: {part} is joined whole"
        printed = text.partition("/* ===== print.css ===== */\n@media print {\n")[2]
        assert "@page" in printed, f"{name}: print rules only for print"
    assert "shop.css" not in stylesheet.BUNDLES["css/site.css"]
    assert "identify.css" not in stylesheet.BUNDLES["css/site.css"]


def test_editing_a_partial_rebuilds_the_joined_file(tmp_path, monkeypatch):
    source = tmp_path / "css"
    source.mkdir()
    for part in {p for parts in stylesheet.BUNDLES.values() for p in parts}:
        (source / part).write_text(f".{part.removesuffix('.css')} {{ color: red; }}\n")
    monkeypatch.setattr(stylesheet, "SOURCE_DIR", source)
    monkeypatch.setattr(stylesheet, "output_dir", lambda: tmp_path / "out")
    first = stylesheet.ensure_built("css/site.css").read_text()
    assert ".components { color: red; }" in first
    edited = source / "components.css"
    edited.write_text(".components { color: teal; }\n")
    later = os.stat(edited).st_mtime + 5  # as if saved a few seconds later
    os.utime(edited, (later, later))
    assert ".components { color: teal; }" in stylesheet.ensure_built("css/site.css").read_text()
    finder = stylesheet.SiteStylesheetFinder()
    assert finder.find("css/other.css") is None
    listed = dict(finder.list([]))
    assert set(listed) == set(stylesheet.BUNDLES)
    assert all(storage.exists(name) for name, storage in listed.items())
