"""The dummy provider's test card form: what it accepts and what it asks to correct."""

import datetime

from cerobio.shop.payments.providers.dummy import card_problems, expiry_month

TODAY = datetime.date(2026, 12, 7)
GOOD = {"card_number": "4242 4242 4242 4242", "card_expiry": "12/26", "card_cvc": "123", "card_name": "A Person"}


def test_a_complete_card_form_can_be_tried():
    assert card_problems(GOOD, TODAY) == {}
    assert card_problems({**GOOD, "card_cvc": "1234", "card_expiry": "01 / 2031"}, TODAY) == {}


def test_each_mistake_is_named_by_its_field():
    problems = card_problems({"card_number": " ", "card_expiry": "11/26", "card_cvc": "12a", "card_name": ""}, TODAY)
    assert set(problems) == {"card_number", "card_expiry", "card_cvc", "card_name"}
    assert "expired" in problems["card_expiry"]
    assert "month and year" in card_problems({**GOOD, "card_expiry": "13/30"}, TODAY)["card_expiry"]


def test_fields_not_sent_are_not_asked_for():
    assert card_problems({"card_number": "4242424242424242"}, TODAY) == {}


def test_expiry_dates_are_read_as_people_write_them():
    assert expiry_month("04/29") == expiry_month("0429") == expiry_month("04 / 2029") == (2029, 4)
    assert expiry_month("4/29") is None and expiry_month("00/29") is None and expiry_month("") is None
