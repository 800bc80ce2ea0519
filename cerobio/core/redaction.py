"""Blanking a person's details out of free text that must otherwise be kept (history lines, log labels)."""

from __future__ import annotations

import re

ERASED_MARK = "[erased]"


def personal_pattern(email: str, names, values) -> re.Pattern:
    """Every piece of personal text to blank out: the address, each name and its words, and other values (street, postcode)."""
    names = {n for n in names if n.strip()}
    found = {email} | names | {part for n in names for part in n.split() if len(part) >= 3} | set(values)
    found = sorted((v.strip() for v in found if len(v.strip()) >= 3), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in found), re.IGNORECASE)


def redact(value, pattern: re.Pattern):
    """The value with every match replaced, walking through JSON lists and objects."""
    if isinstance(value, str):
        return pattern.sub(ERASED_MARK, value)
    if isinstance(value, list):
        return [redact(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: redact(v, pattern) for k, v in value.items()}
    return value


def redact_rows(queryset, fields: list[str], pattern: re.Pattern) -> None:
    """Blank the matches in these fields of every row, saving only the rows that change."""
    for row in queryset:
        changed = [f for f in fields if redact(getattr(row, f), pattern) != getattr(row, f)]
        for name in changed:
            setattr(row, name, redact(getattr(row, name), pattern))
        if changed:
            row.save(update_fields=changed)


def redact_log_entries(model, objects, pattern: re.Pattern) -> None:
    """Wagtail's history names some objects by a person ("… from Ann"): blank those labels and data."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(o.pk) for o in objects]
    )
    for entry in entries:
        entry.label = pattern.sub(ERASED_MARK, entry.label)
        entry.data = redact(entry.data, pattern)
        entry.save(update_fields=["label", "data"])
