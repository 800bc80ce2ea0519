"""A clinical photo may appear on a page only with a licence, consent and alt text."""

import io

import pytest
from django.core.files.images import ImageFile
from wagtail.test.utils.form_data import querydict_from_html

from cerobio.guide.models import MiliaTypePage
from cerobio.images.models import CerobioImage
from cerobio.twofactor.testing import verified_login


def make_image(**fields) -> CerobioImage:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (230, 200, 180)).save(buffer, "PNG")
    return CerobioImage.objects.create(
        title=fields.pop("title", "Milia behind the ear"),
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="photo.png"),
        **fields,
    )


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("clinician", "c@example.org", "pw-123456-long")
    return verified_login(client, user)


def post_with_photo(client, page, image, action, *more):
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    # The StreamField editor is drawn by JavaScript, so its fields are not in the HTML form:
    # post the extra-sections body as empty (the type page's own sections come from its record).
    data["body-count"] = "0"
    images = [image, *more]
    data["photos-TOTAL_FORMS"] = str(len(images))
    data["photos-INITIAL_FORMS"] = "0"
    for i, img in enumerate(images):
        data[f"photos-{i}-image"] = str(img.pk)
        data[f"photos-{i}-caption"] = "Behind the ear"
        data[f"photos-{i}-ORDER"] = str(i + 1)
        data[f"photos-{i}-DELETE"] = ""
    data[action] = "1"
    return client.post(url, data, follow=True)


def test_publishing_a_photo_without_licence_or_consent_is_refused_with_a_clear_message(demo, editor_client):
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    image = make_image(alt_text="Many white bumps on a red patch")
    response = post_with_photo(editor_client, page, image, "action-publish")
    html = response.content.decode()
    assert "cannot be published yet" in html
    assert "no licence recorded" in html and "no recorded consent" in html
    page.refresh_from_db()
    assert not page.photos.exists()  # nothing published, nothing half-saved


def test_a_photo_with_licence_consent_and_alt_text_can_be_published(demo, editor_client):
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    image = make_image(alt_text="About 20 white bumps on a red patch behind the ear",
                       licence="cc-by", consent="given", skin_tone="IV", credit="Cerobio clinic")
    second = make_image(title="On fair skin", alt_text="White bumps on a red patch on fair skin",
                        licence="own", consent="not-identifiable", skin_tone="I")
    post_with_photo(editor_client, page, image, "action-publish", second)
    page.refresh_from_db()
    assert [p.image_id for p in page.photos.all()] == [image.pk, second.pk]
    html = editor_client.get("/types/milia-en-plaque/").content.decode()
    assert "About 20 white bumps" in html
    # The gallery credits the photo, states its licence, and can be filtered by skin tone.
    assert "Photo: Cerobio clinic" in html and "Licence: CC BY" in html
    assert 'data-tone="IV"' in html and 'name="photo-tone"' in html


@pytest.mark.django_db
def test_non_commercial_licences_are_flagged():
    assert CerobioImage(licence="cc-by-nc").is_non_commercial
    assert not CerobioImage(licence="cc-by").is_non_commercial


def test_editor_is_warned_about_a_non_commercial_photo(demo, editor_client):
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    image = make_image(alt_text="White bumps on a red patch", licence="cc-by-nc-nd", consent="given")
    html = post_with_photo(editor_client, page, image, "action-publish").content.decode()
    assert "may only be used non-commercially" in html
