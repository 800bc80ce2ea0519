"""The contact form: stores the message, emails the team and the sender, never a 500."""

import pytest
from django.core import mail
from django.core.cache import cache

from cerobio.editorial.models import ContactMessage

GOOD = {
    "name": "Jo Bloggs",
    "email": "jo@example.org",
    "topic": "order",
    "order_number": "crb-000123",
    "message": "My parcel has not arrived yet. Could you check it please?",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def send(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/contact/", {**GOOD, **changes})


def test_the_contact_page_shows_a_labelled_form(demo, client):
    response = client.get("/contact/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Your name", "Your email address", "What is your message about?", "Order number", "Your message"):
        assert label in html
    assert "We cannot give medical advice" in html


def test_a_message_is_stored_and_both_emails_are_sent(demo, client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    response = send(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/contact/?sent=1#contact-form"
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.topic, message.order_number) == (
        "Jo Bloggs", "jo@example.org", "order", "CRB-000123")
    assert len(mail.outbox) == 2
    team, confirmation = mail.outbox
    assert team.to == ["hello@cerobio.example"] and team.reply_to == ["jo@example.org"]
    assert "My parcel has not arrived" in team.body and "CRB-000123" in team.body
    assert confirmation.to == ["jo@example.org"] and "We aim to reply within 2 working days" in confirmation.body
    html = client.get(response["Location"]).content.decode()
    assert "Message sent" in html


def test_the_team_address_can_be_set(demo, client, django_capture_on_commit_callbacks, settings):
    settings.EDITORIAL_TEAM_EMAIL = "team@cerobio.example"
    mail.outbox.clear()
    send(client, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["team@cerobio.example"]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"name": "  "}, "Enter your name"),
        ({"email": ""}, "Enter your email address"),
        ({"email": "jo-at-example"}, "Enter an email address in the correct format, like name@example.com"),
        ({"topic": ""}, "Choose what your message is about"),
        ({"topic": "lottery"}, "Choose one of the topics"),
        ({"message": ""}, "Enter your message"),
        ({"message": "Hi"}, "Your message is very short"),
        ({"message": "x" * 3001}, "Your message must be 3,000 characters or fewer"),
        ({"order_number": "my order"}, "An order number looks like CRB-000123"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_stored(
    demo, client, django_capture_on_commit_callbacks, changes, error
):
    mail.outbox.clear()
    response = send(client, django_capture_on_commit_callbacks, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and error in html
    assert 'aria-invalid="true"' in html or "topic" in changes
    assert not ContactMessage.objects.exists() and mail.outbox == []
    if "message" not in changes:
        assert GOOD["message"] in html  # what they wrote is kept


def test_spam_is_dropped_quietly(demo, client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    response = send(client, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302
    assert not ContactMessage.objects.exists() and mail.outbox == []


def test_too_many_messages_get_a_429(demo, client, django_capture_on_commit_callbacks, settings):
    settings.CONTACT_RATE_LIMIT = (3, 3600)
    limit = 3
    for _ in range(limit):
        assert send(client, django_capture_on_commit_callbacks).status_code == 302
    response = send(client, django_capture_on_commit_callbacks)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert ContactMessage.objects.count() == limit


def test_a_broken_mail_server_never_gives_a_500(demo, client, django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "cerobio.editorial.tests.test_contact.BrokenBackend"
    response = send(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1  # staff still see it in the admin


def test_messages_are_listed_for_shop_staff_in_the_admin(demo, client, django_capture_on_commit_callbacks, as_shop):
    send(client, django_capture_on_commit_callbacks)
    html = as_shop.get("/admin/snippets/editorial/contactmessage/").content.decode()
    assert "Jo Bloggs" in html


def test_old_messages_are_deleted_after_the_retention_period(demo):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    old = ContactMessage.objects.create(name="Old", email="o@example.org", topic="other", message="An old message")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=731))
    ContactMessage.objects.create(name="New", email="n@example.org", topic="other", message="A new message")
    call_command("purge_contact_messages")
    assert list(ContactMessage.objects.values_list("name", flat=True)) == ["New"]


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_staff_mark_a_message_handled_without_changing_what_was_sent(demo, as_shop):
    from wagtail.test.utils.form_data import querydict_from_html

    message = ContactMessage.objects.create(name="Jo", email="jo@example.org", topic="order", message="Where is my parcel?")
    url = f"/admin/snippets/editorial/contactmessage/edit/{message.pk}/"
    data = querydict_from_html(as_shop.get(url).content.decode(), form_id="w-editor-form")
    assert "message" not in data and "email" not in data
    data["handled"] = "on"
    data["message"] = "Tampered"
    as_shop.post(url, data)
    message.refresh_from_db()
    assert message.handled and message.message == "Where is my parcel?"
