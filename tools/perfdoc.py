"""Generated sections of docs/performance.md: `make page-weight`, `make bench` and `make lighthouse` refresh their own.

A section sits between two HTML comments, `<!-- KEY:start -->` and `<!-- KEY:end -->`, under its
heading; everything outside the markers is written by hand and left alone. No Django imports, so
the Lighthouse runner (tools/lighthouse/run.py) can use it too.
"""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


def update_section(key: str, heading: str, body: str, doc: Path = DOC) -> None:
    """Replace the text between KEY's markers with `body`, or add a `## heading` section at the end."""
    start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text, count=1)
    else:
        text = f"{text.rstrip()}\n\n## {heading}\n\n{block}\n"
    doc.write_text(text, encoding="utf-8")
