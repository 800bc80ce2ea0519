"""Image uploads through the admin: too big, not really an image, or a decompression bomb is refused.

Each is refused with a message the editor can act on, and nothing is saved (no image record, no file).
"""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from cerobio.editorial.roles import EDITORS
from cerobio.images.models import CerobioImage
from cerobio.twofactor.testing import verified_login


def png_bytes(width: int, height: int) -> bytes:
    """A valid PNG of one flat colour, built by hand so a huge one takes only kilobytes and no memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" * (1 + width)  # filter byte + one greyscale byte per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def small_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (230, 200, 180)).save(buffer, "PNG")
    return buffer.getvalue()


def media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def upload(client, name: str, content: bytes, content_type: str = "image/jpeg"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Milia on the cheek",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "alt_text": "Tiny white bumps on a cheek",
        },
    )


@pytest.fixture
def as_editor(demo, client, django_user_model):
    """Signed in to the admin as a member of the Editors group (who may add images)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("eddie", "eddie@example.org", "pw-123456-long")
    user.groups.add(Group.objects.get(name=EDITORS))
    return verified_login(client, user)


@pytest.fixture
def before():
    """The files under MEDIA_ROOT before the upload (an upload refused must leave none behind)."""
    return media_files()


def assert_refused(response, message: str, before: set[Path]):
    assert response.status_code == 200  # the form again, with the error on it
    html = response.content.decode()
    assert message in html, html[html.find("error") :][:2000]
    assert not CerobioImage.objects.filter(title="Milia on the cheek").exists()
    assert media_files() == before


def test_a_real_image_is_accepted(as_editor, before):
    response = upload(as_editor, "cheek.png", small_png(), "image/png")
    assert response.status_code == 302
    assert CerobioImage.objects.filter(title="Milia on the cheek").exists()


def test_a_file_over_the_size_limit_is_refused(as_editor, before, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50 * 1024
    response = upload(as_editor, "big.png", small_png() + b"\x00" * (60 * 1024), "image/png")
    assert_refused(response, "This file is too big", before)


NOT_AN_IMAGE = (
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "page.jpg",
            b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>",
            NOT_AN_IMAGE,
        ),
        ("script.jpg", b"#!/bin/sh\nrm -rf /\n", NOT_AN_IMAGE),
        (
            "drawing.jpg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
            "Not a valid .jpeg image. The extension does not match the file format (svg)",
        ),
    ],
    ids=["html", "script", "svg"],
)
def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(
    as_editor, before, name, content, message
):
    response = upload(as_editor, name, content)
    assert_refused(response, message, before)


def test_a_png_under_another_extension_is_refused(as_editor, before):
    response = upload(as_editor, "cheek.jpg", small_png())
    assert_refused(
        response,
        "Not a valid .jpeg image. The extension does not match the file format (png)",
        before,
    )


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(as_editor, before):
    # 81 megapixels in under 100 KB: over our 60 MP limit, under Wagtail's default (128 MP) and
    # Pillow's own bomb check (89 MP), so only WAGTAILIMAGES_MAX_IMAGE_PIXELS stops it.
    bomb = png_bytes(9_000, 9_000)
    assert len(bomb) < 100 * 1024
    response = upload(as_editor, "bomb.png", bomb, "image/png")
    assert_refused(response, "This file has too many pixels", before)


def test_the_drag_and_drop_uploader_refuses_the_same_files(as_editor, before):
    """Wagtail's "Add images" page uploads each file on its own and shows the message beside it."""
    for name, content, message in (
        ("page.jpg", b"<!doctype html><script>alert(1)</script>", NOT_AN_IMAGE),
        ("bomb.png", png_bytes(9_000, 9_000), "This file has too many pixels"),
    ):
        response = as_editor.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile(name, content, content_type="image/png")},
        )
        assert response.status_code == 200
        body = response.json()
        assert body["success"] is False and message in body["error_message"], body
    assert not CerobioImage.objects.filter(title__in=["page.jpg", "bomb.png"]).exists()
    assert media_files() == before


def test_an_oversized_api_body_is_refused_with_a_clear_413(demo, client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = '{"sites": ["nose"], "padding": "' + "x" * (1024 * 1024) + '"}'
    response = client.post("/api/v1/identify", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {
        "code": "request_too_large",
        "message": "The request body is too large: at most 1 MB.",
        "errors": [],
    }
