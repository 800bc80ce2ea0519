"""Fixtures: a user in each role, logged in (password and second factor) through Django's test client,
and the day the review-date and sign-off code sees as today."""

import datetime
import importlib
import types

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cerobio.editorial.roles import CLINICAL_REVIEWERS, EDITORS, SHOP_STAFF
from cerobio.twofactor.testing import verified_login


def make_user(django_user_model, username, group, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw-123456-long", first_name=extra.pop("first_name", ""),
        last_name=extra.pop("last_name", ""), **extra,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor_user(demo, django_user_model):
    return make_user(django_user_model, "eddie", EDITORS, first_name="Eddie", last_name="Editor")


def make_reviewer_profile(user, name, **extra):
    """A clinical reviewer profile for `user`, with a registration as an administrator would enter it."""
    from cerobio.guide.models import Reviewer

    fields = {
        "slug": user.username, "profession": "General practitioner", "registration_body": "GMC",
        "registration_number": "7654321", "biography": "A GP with an interest in skin conditions.",
    }
    return Reviewer.objects.create(user=user, name=name, **{**fields, **extra})


@pytest.fixture
def reviewer_user(demo, django_user_model):
    """A clinical reviewer with a reviewer profile: their approval signs pages off."""
    user = make_user(django_user_model, "rita", CLINICAL_REVIEWERS, first_name="Dr Rita", last_name="Reviewer")
    make_reviewer_profile(user, "Dr Rita Reviewer")
    return user


@pytest.fixture
def shop_user(demo, django_user_model):
    return make_user(django_user_model, "sam", SHOP_STAFF, first_name="Sam", last_name="Shop")


def login(client_class, user):
    return verified_login(client_class(), user)


@pytest.fixture
def as_editor(editor_user):
    from django.test import Client

    return login(Client, editor_user)


@pytest.fixture
def as_reviewer(reviewer_user):
    from django.test import Client

    return login(Client, reviewer_user)


@pytest.fixture
def as_shop(shop_user):
    from django.test import Client

    return login(Client, shop_user)


def edit_form(client, page):
    """The page editor's form data as the browser would send it."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


DEFAULT_BODY = "<p>Milia are tiny white bumps. They are harmless and usually go away by themselves.</p>"


def body_data(html: str = DEFAULT_BODY) -> dict:
    """StreamField form data for a body of one text block (the editor builds it with JavaScript)."""
    return nested_form_data({"body": streamfield([("text", rich_text(html))])})


def post_edit(client, page, changes: dict, action: str | None = None, follow=False, body: str = DEFAULT_BODY):
    data = edit_form(client, page)
    if hasattr(page.specific, "body"):
        for key, value in body_data(body).items():
            data[key] = value
    for key, value in changes.items():
        data[key] = value
    if action:
        data[action] = "1"
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=follow)


# The modules whose review-date and sign-off code asks `datetime.date.today()`.
CLOCK_MODULES = ("cerobio.editorial.review_dates", "cerobio.editorial.signoff", "cerobio.guide.models.pages")
# Deliberately not the real date: a test can only pass if the app read the date from `today`.
REVIEW_DAY = datetime.date(2027, 3, 10)


@pytest.fixture
def today(monkeypatch) -> datetime.date:
    """REVIEW_DAY, which the sign-off stamp, the review report and reminders and the readers' "being
    reviewed" note take as today for the whole test.

    A test that worked out its expected dates from the real date and then asked the app failed when
    the run crossed midnight (Europe/London) in between: a sign-off stamped the next day, a page due
    "today" became "Overdue by 1 day". With the day held still there is no in between.
    """

    class FrozenDate(datetime.date):
        @classmethod
        def today(cls):
            return REVIEW_DAY

    clock = types.ModuleType("datetime")
    clock.__dict__.update({k: v for k, v in vars(datetime).items() if not k.startswith("__")})
    clock.date = FrozenDate
    for name in CLOCK_MODULES:
        module = importlib.import_module(name)
        assert module.datetime is datetime, f"{name} no longer reads today as datetime.date.today()"
        monkeypatch.setattr(module, "datetime", clock)
    return REVIEW_DAY
