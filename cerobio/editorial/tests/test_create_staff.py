"""`manage.py create_staff USER --role shop|editor|clinician`: an account with the right role, or a clear refusal."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from cerobio.editorial.roles import CLINICAL_REVIEWERS, EDITORS, SHOP_STAFF


def create(*args):
    from io import StringIO

    out = StringIO()
    call_command("create_staff", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(("role", "group"), [("shop", SHOP_STAFF), ("editor", EDITORS), ("clinician", CLINICAL_REVIEWERS)])
def test_each_role_gets_its_group_and_a_password_that_works(db, role, group):
    output = create("pat", "--role", role, "--email", "pat@cerobio.example")
    password = output.split("one-time password: ")[1].split()[0]
    user = get_user_model().objects.get(username="pat")
    assert [g.name for g in user.groups.all()] == [group] and user.check_password(password)
    assert not user.is_superuser and user.email == "pat@cerobio.example"
    assert user.has_perm("wagtailadmin.access_admin")
    assert user.has_perm("orders.manage_orders") is (role == "shop")


def test_the_shop_role_can_open_the_orders(client, db):
    from cerobio.twofactor.testing import verified_login

    create("sam", "--role", "shop")
    verified_login(client, get_user_model().objects.get(username="sam"))
    assert client.get("/admin/shop/orders/").status_code == 200


def test_a_taken_name_a_bad_role_or_a_bad_email_is_refused_and_changes_nothing(db):
    create("pat", "--role", "editor")
    with pytest.raises(CommandError, match="already an account"):
        create("PAT", "--role", "shop")
    with pytest.raises(CommandError, match="invalid choice"):
        create("kim", "--role", "admin")
    with pytest.raises(CommandError, match="not an email address"):
        create("kim", "--role", "shop", "--email", "kim@")
    users = get_user_model().objects.all()
    assert [u.username for u in users] == ["pat"] and [g.name for g in users[0].groups.all()] == [EDITORS]
