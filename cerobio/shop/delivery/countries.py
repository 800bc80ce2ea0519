"""Country names from django-countries (maintained ISO 3166 data), without its model field."""

import re

from django_countries import countries

COUNTRY_NAMES: dict[str, str] = {code: str(name) for code, name in countries}
HOME_COUNTRY = "GB"
# What the Store API takes for a country: the code in upper or lower case ("GB", "gb"; not "Gb").
COUNTRY_CODES_EITHER_CASE: list[str] = sorted(COUNTRY_NAMES) + sorted(code.lower() for code in COUNTRY_NAMES)
_EITHER_CASE = frozenset(COUNTRY_CODES_EITHER_CASE)


def country_code(value: str) -> str | None:
    """'GB' or 'gb' -> 'GB'; None for anything that is not a country's code in one case."""
    return value.upper() if value in _EITHER_CASE else None


def parse_codes(text: str) -> list[str]:
    """'gb, fr de' -> ['GB', 'FR', 'DE'] (order kept, duplicates dropped)."""
    seen: list[str] = []
    for code in re.split(r"[\s,;]+", text.upper()):
        if code and code not in seen:
            seen.append(code)
    return seen


def country_choices(codes=None) -> list[tuple[str, str]]:
    """(code, name) pairs, the home country first, then by name."""
    pool = COUNTRY_NAMES if codes is None else {c: COUNTRY_NAMES[c] for c in codes if c in COUNTRY_NAMES}
    rest = sorted(((c, n) for c, n in pool.items() if c != HOME_COUNTRY), key=lambda cn: cn[1])
    return ([(HOME_COUNTRY, pool[HOME_COUNTRY])] if HOME_COUNTRY in pool else []) + rest
