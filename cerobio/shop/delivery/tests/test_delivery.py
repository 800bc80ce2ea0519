"""Delivery options, dates and address rules (from Google's i18n address data)."""

import datetime

from cerobio.shop.delivery.address import clean_address, format_lines
from cerobio.shop.delivery.countries import COUNTRY_NAMES
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


def _express(now):
    (express,) = [o for o in options_for("GB", Money("29.00"), now) if o.code == "uk-express"]
    return express.earliest, express.latest


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0))


def test_christmas_bank_holidays_are_not_delivery_days(shop):
    """Ordered on the morning of Thursday 24 December 2026: the 25th, the weekend and Monday 28th
    (Boxing Day observed) are skipped, so express (1 to 2 working days) arrives 29 to 30 December."""
    assert _express(_at(datetime.date(2026, 12, 24), 9)) == (datetime.date(2026, 12, 29), datetime.date(2026, 12, 30))
    assert add_working_days(datetime.date(2027, 3, 25), 1) == datetime.date(2027, 3, 30)  # Easter 2027


def test_orders_after_the_cut_off_are_sent_the_next_working_day(shop):
    before, after = _express(_at(MONDAY, 13)), _express(_at(MONDAY, 15))
    assert before == (datetime.date(2026, 12, 1), datetime.date(2026, 12, 2))
    assert after == (datetime.date(2026, 12, 2), datetime.date(2026, 12, 3))
    saturday = _express(_at(datetime.date(2026, 12, 5), 10))
    assert saturday == (datetime.date(2026, 12, 8), datetime.date(2026, 12, 9))  # sent Monday


def test_editors_move_the_cut_off_and_close_the_shop_for_a_day(shop):
    from wagtail.models import Site

    from cerobio.shop.delivery.models import ClosedDay, DeliverySettings

    delivery_settings = DeliverySettings.for_site(Site.objects.get(is_default_site=True))
    delivery_settings.dispatch_cutoff = datetime.time(16, 0)
    delivery_settings.save()
    assert _express(_at(MONDAY, 15))[0] == datetime.date(2026, 12, 1)
    ClosedDay.objects.create(date=datetime.date(2026, 12, 1), reason="Stocktake")
    assert _express(_at(MONDAY, 15)) == (datetime.date(2026, 12, 2), datetime.date(2026, 12, 3))


def test_the_holiday_calendar_is_a_setting(shop, settings):
    settings.DELIVERY_HOLIDAYS = ""  # weekends only
    assert _express(_at(datetime.date(2026, 12, 24), 9))[0] == datetime.date(2026, 12, 25)
    settings.DELIVERY_HOLIDAYS = "GB-ENG"
    assert add_working_days(datetime.date(2026, 12, 31), 1) == datetime.date(2027, 1, 4)
    settings.DELIVERY_HOLIDAYS = "GB-SCT"  # Scotland also keeps 2 January (Monday 4th in 2027)
    assert add_working_days(datetime.date(2026, 12, 31), 1) == datetime.date(2027, 1, 5)


def test_closed_days_are_managed_in_the_shop_menu(admin_client, shop):
    response = admin_client.post(
        "/admin/snippets/delivery/closedday/add/", {"date": "2026-12-31", "reason": "Closed for New Year"}
    )
    assert response.status_code == 302
    from cerobio.shop.delivery.models import ClosedDay

    assert ClosedDay.objects.get(date=datetime.date(2026, 12, 31)).reason == "Closed for New Year"
    duplicate = admin_client.post("/admin/snippets/delivery/closedday/add/", {"date": "2026-12-31"})
    assert duplicate.status_code == 200 and "already exists" in duplicate.content.decode()
    assert "Closed days" in admin_client.get("/admin/").content.decode()


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
    assert format_lines(cleaned) == ["A", "Hauptstr. 1", "10115 Berlin", "Germany"]
    assert format_lines(cleaned, label=True) == ["A", "Hauptstr. 1", "10115 BERLIN", "GERMANY"]
    _, errors = clean_address({"name": "A", "line1": "x", "city": "y", "country": "XX"})
    assert "country" in errors


def test_the_customer_reads_the_town_as_typed_and_the_label_follows_the_post():
    cleaned, errors = clean_address({"name": "Ann Example", "line1": "1 High Street", "line2": "Flat 2",
                                     "city": "London", "postcode": "sw1a 1aa", "country": "GB"})
    assert not errors
    assert format_lines(cleaned) == ["Ann Example", "1 High Street", "Flat 2", "London", "SW1A 1AA", "United Kingdom"]
    assert format_lines(cleaned, label=True)[-3:] == ["LONDON", "SW1A 1AA", "UNITED KINGDOM"]


def test_country_names_are_the_ones_people_use():
    assert COUNTRY_NAMES["NR"] == "Nauru" and COUNTRY_NAMES["BS"] == "Bahamas"
    lines = format_lines({"name": "Ann", "line1": "1 Main Road", "city": "Yaren", "country": "NR"})
    # Nauru's postal format has no town line; what the customer typed is still shown.
    assert lines == ["Ann", "1 Main Road", "Yaren", "Nauru"]
