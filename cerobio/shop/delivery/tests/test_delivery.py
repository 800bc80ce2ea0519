"""Delivery options, dates and address rules (from Google's i18n address data)."""

import datetime

from cerobio.shop.delivery.address import clean_address, format_lines
from cerobio.shop.delivery.fetch import add_working_days, options_for
from cerobio.shop.money import Money

MONDAY = datetime.date(2026, 11, 30)


def test_uk_standard_is_free_from_40_pounds(shop):
    cheap = {o.code: o for o in options_for("GB", Money("29.00"), MONDAY)}
    assert cheap["uk-standard"].price == Money("3.50") and cheap["uk-express"].price == Money("6.95")
    free = {o.code: o for o in options_for("gb", Money("40.00"), MONDAY)}
    assert free["uk-standard"].is_free and free["uk-standard"].free_because_of_threshold
    assert not free["uk-express"].is_free


def test_europe_and_rest_of_world(shop):
    assert [o.code for o in options_for("FR", Money("29.00"))] == ["europe-tracked"]
    assert [o.code for o in options_for("JP", Money("29.00"))] == ["world-tracked"]


def test_delivery_dates_count_working_days():
    friday = datetime.date(2026, 12, 4)
    assert add_working_days(friday, 1) == datetime.date(2026, 12, 7)  # Monday
    assert add_working_days(MONDAY, 4) == datetime.date(2026, 12, 4)


def test_uk_postcodes_are_checked_and_tidied():
    cleaned, errors = clean_address({"name": "A", "line1": "1 High St", "city": "London", "postcode": "sw1a1aa", "country": "GB"})
    assert not errors and cleaned["postcode"] == "SW1A 1AA"
    _, errors = clean_address({"name": "A", "line1": "1 High St", "city": "London", "postcode": "12345", "country": "GB"})
    assert "postcode" in errors and "for example" in errors["postcode"]


def test_other_countries_follow_their_own_rules():
    _, errors = clean_address({"name": "A", "line1": "1 Main St", "city": "Austin", "postcode": "78701", "country": "US"})
    assert "region" in errors  # a US address needs its state
    cleaned, errors = clean_address({"name": "A", "line1": "Hauptstr. 1", "city": "Berlin", "postcode": "10115", "country": "DE"})
    assert not errors
    assert format_lines(cleaned) == ["A", "Hauptstr. 1", "10115 BERLIN", "Germany"]
    _, errors = clean_address({"name": "A", "line1": "x", "city": "y", "country": "XX"})
    assert "country" in errors
