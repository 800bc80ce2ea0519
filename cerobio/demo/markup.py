"""The light markup of the content files, turned into the HTML that rich text fields store.

Blocks are separated by a blank line. A block whose first line starts with "- " is a bullet list
(each line starting "- " begins an item, and indented lines continue it), one starting with "1. "
a numbered list, one starting with "### " a subheading; any other block is a paragraph. Lines are
joined with a space. Inside a block: **bold**, *italic* and [link text](/address/). Nothing else
is markup, and &, < and > are shown as written.
"""

import html
import re
import textwrap

from wagtail import blocks
from wagtail.fields import RichTextField

INLINE = [
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"\*(.+?)\*"), r"<em>\1</em>"),
]
ITEM = {"ul": re.compile(r"- "), "ol": re.compile(r"\d+\. ")}


def _inline(text: str) -> str:
    text = html.escape(" ".join(text.split()), quote=False)
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return text


def _list(tag: str, lines: list[str]) -> str:
    items: list[str] = []
    for line in lines:
        start = None if line[:1].isspace() else ITEM[tag].match(line)
        if start:
            items.append(line[start.end() :])
        else:
            items[-1] += " " + line
    return f"<{tag}>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + f"</{tag}>"


def to_html(markup: str) -> str:
    """The HTML for a piece of light markup (see the module docstring)."""
    parts = []
    for block in re.split(r"\n\s*\n", markup.strip()):
        lines = textwrap.dedent(block).splitlines()
        if lines[0].startswith("### "):
            parts.append(f"<h3>{_inline(' '.join(lines)[4:])}</h3>")
        elif ITEM["ul"].match(lines[0]):
            parts.append(_list("ul", lines))
        elif ITEM["ol"].match(lines[0]):
            parts.append(_list("ol", lines))
        else:
            parts.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "".join(parts)


def stream(stream_block, items: list[dict]) -> list[dict]:
    """StreamField data from a content file's `body`: one `block type: value` pair per item."""
    data = []
    for item in items:
        if not isinstance(item, dict) or len(item) != 1:
            raise ValueError(f"each body item is one 'block type: value' pair, not {item!r}")
        ((name, value),) = item.items()
        if name not in stream_block.child_blocks:
            raise ValueError(
                f"unknown block {name!r}; the blocks are {', '.join(stream_block.child_blocks)}"
            )
        data.append({"type": name, "value": _value(stream_block.child_blocks[name], value)})
    return data


def _value(block, value):
    if isinstance(block, blocks.RichTextBlock):
        return to_html(value)
    if isinstance(block, blocks.StructBlock):
        return {name: _value(block.child_blocks[name], v) for name, v in value.items()}
    if isinstance(block, blocks.ListBlock):
        return [_value(block.child_block, v) for v in value]
    return value


def fields(model, data: dict) -> dict:
    """A content file's values for `model`, with its rich text fields turned from markup into HTML."""
    rich = {f.name for f in model._meta.get_fields() if isinstance(f, RichTextField)}
    return {name: to_html(value) if name in rich else value for name, value in data.items()}
