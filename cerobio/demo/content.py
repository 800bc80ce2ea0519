"""Read the content folder (docs/content.md) into plain Python data, checking what the loader relies on.

A folder holds one YAML file per record or page, keyed by its file name (a slug or a reference key)
and listed by its `order`, then by name. Tables whose rows are short (body sites, names, codes,
plain-English notes, delivery zones) are one file each, in the order the site shows them.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings

from cerobio.guide.models import Reference

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


class ContentError(ValueError):
    """A content file that cannot be loaded; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Content:
    """Everything in the content folder, as dictionaries keyed by the models' field names."""

    folder: Path
    references: list[dict]
    body_sites: list[dict]
    triggers: list[dict]
    types: list[dict]
    look_alikes: list[dict]
    names: list[dict]
    codes: list[dict]
    pages: list[dict]
    care_advice: list[
        dict
    ]  # by key: the safety net, red flags and advice the guide and the identifier show
    rules: dict[str, list[dict]]  # by milia type or look-alike slug; types include the shared look
    trust_pages: list[dict]
    plain_english_notes: list[dict]
    shop: dict
    trader: dict  # Settings › Shop: who sells (fictional in the demo)
    products: list[dict]
    zones: list[dict]


def read_file(path: Path) -> dict:
    """One YAML file as a dictionary; a clear error for a file that is not one."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 (a safe loader)
    except OSError as error:
        raise ContentError(f"{path}: cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ContentError(f"{path}: expected 'name: value' lines at the top level")
    return data


def read_folder(path: Path, key: str = "slug") -> list[dict]:
    """Every file in a folder, its name under `key`, sorted by `order` and then by name."""
    records = [{key: file.stem, **read_file(file)} for file in sorted(path.glob("*.yaml"))]
    return sorted(records, key=lambda record: record.get("order", 0))


def _rules(folder: Path, types: list[dict], look_alikes: list[dict]) -> dict[str, list[dict]]:
    """Each type's and look-alike's identifier rules; a type gets the shared look rules it does not override."""
    shared = read_file(folder / "milia-look.yaml")["rules"]
    own = {
        record["slug"]: record["rules"]
        for record in read_folder(folder)
        if record["slug"] != "milia-look"
    }
    known = [record["slug"] for record in types + look_alikes]
    unknown = sorted(set(own) - set(known))
    if unknown:
        raise ContentError(f"{folder}: no milia type or look-alike is called {', '.join(unknown)}")
    type_slugs = {record["slug"] for record in types}
    rules = {}
    for slug in known:
        if slug not in own:
            continue
        if slug in type_slugs:
            overridden = {(rule["question"], rule["value"]) for rule in own[slug]}
            rules[slug] = [
                r for r in shared if (r["question"], r["value"]) not in overridden
            ] + own[slug]
        else:
            rules[slug] = own[slug]
    return rules


def _check_keys(content: Content):
    """Every key a record names (a source, a body site, a trigger, a milia type) has a file or row."""
    known = {
        "references": {r["key"] for r in content.references},
        "body_sites": {s["code"] for s in content.body_sites},
        "never_sites": {s["code"] for s in content.body_sites},
        "avoid_sites": {s["code"] for s in content.body_sites},
        "triggers": {t["slug"] for t in content.triggers},
        "suits_types": {t["slug"] for t in content.types},
        "not_for_types": {t["slug"] for t in content.types},
    }
    folders = {
        "triggers": content.triggers,
        "types": content.types + [{**t.get("page", {}), "slug": t["slug"]} for t in content.types],
        "look-alikes": content.look_alikes,
        "pages": content.pages,
        "shop/products": content.products,
        "care-advice": [{**a, "slug": a["key"]} for a in content.care_advice],
    }
    for folder, records in folders.items():
        for record in records:
            for field, keys in known.items():
                unknown = [key for key in record.get(field) or [] if key not in keys]
                if unknown:
                    path = content.folder / folder / f"{record['slug']}.yaml"
                    raise ContentError(
                        f"{path}: {field} names {', '.join(unknown)}, which the content folder does not have"
                    )


def _check_sources(content: Content):
    """Every reference file holds a citable original (the rules of `cerobio.guide.sources`)."""
    for data in content.references:
        problems = Reference(**data).problems
        if problems:
            path = content.folder / "references" / f"{data['key']}.yaml"
            raise ContentError(
                f"{path}: not a citable source ({problems[0].rule}): {problems[0].message}"
            )


def read(folder: Path | str | None = None) -> Content:
    """The content folder (`DEMO_CONTENT_DIR` unless given) as a `Content`, its keys checked."""
    root = Path(folder or settings.DEMO_CONTENT_DIR)
    if not root.is_dir():
        raise ContentError(f"{root}: the content folder does not exist")
    types, look_alikes = read_folder(root / "types"), read_folder(root / "look-alikes")
    content = Content(
        folder=root,
        references=read_folder(root / "references", key="key"),
        body_sites=read_file(root / "body-sites.yaml")["sites"],
        triggers=read_folder(root / "triggers"),
        types=types,
        look_alikes=look_alikes,
        names=read_file(root / "names.yaml")["names"],
        codes=read_file(root / "codes.yaml")["codes"],
        pages=read_folder(root / "pages"),
        care_advice=read_folder(root / "care-advice", key="key"),
        rules=_rules(root / "identifier", types, look_alikes),
        trust_pages=read_folder(root / "trust"),
        plain_english_notes=read_file(root / "plain-english-notes.yaml")["notes"],
        shop=read_file(root / "shop" / "shop.yaml"),
        trader=read_file(root / "shop" / "trader.yaml"),
        products=read_folder(root / "shop" / "products"),
        zones=read_file(root / "shop" / "delivery.yaml")["zones"],
    )
    _check_keys(content)
    _check_sources(content)
    return content
