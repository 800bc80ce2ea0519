"""Photos are served as AVIF or WebP with a JPEG fallback, in three widths, sized and lazy below the fold."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from cerobio.guide.models import MiliaTypePage, TypePhoto
from cerobio.images.models import CerobioImage
from cerobio.shop.catalogue.models import ProductImage, ProductPage

ALT = "About twenty tiny white bumps on a raised red patch behind the ear"


@pytest.fixture(autouse=True)
def fresh_caches():
    """Wagtail caches renditions by image id, and a rolled-back test's image id comes round again."""
    for cache in caches.all():
        cache.clear()


def photo(alt: str = ALT, size=(900, 675)) -> CerobioImage:
    """A publishable photo: a generated JPEG with its licence, consent and alt text recorded."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (222, 190, 170)).save(buffer, "JPEG", quality=80)
    return CerobioImage.objects.create(
        title="Milia en plaque behind the ear",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="milia-en-plaque.jpg"),
        alt_text=alt,
        licence="own",
        consent="given",
        credit="Cerobio clinic",
    )


def pictures(html: str, selector: str) -> list:
    return BeautifulSoup(html, "html.parser").select(f"{selector} picture")


def widths(srcset: str) -> list[int]:
    return [int(candidate.split()[1].rstrip("w")) for candidate in srcset.split(",")]


def assert_modern_formats(picture, *, sizes: str, max_width: int) -> None:
    avif, webp = picture.find_all("source")
    assert (avif["type"], webp["type"]) == ("image/avif", "image/webp")
    for source in (avif, webp):
        assert widths(source["srcset"]) == [400, 800, max_width]
        assert source["sizes"] == sizes
    img = picture.find("img")
    assert img["src"].endswith(".jpg") and widths(img["srcset"]) == [400, 800, max_width]
    assert int(img["width"]) == 400 and int(img["height"]) > 0
    assert img["alt"] == ALT and img["decoding"] == "async"


def test_type_page_photos_come_in_avif_and_webp_with_a_jpeg_fallback(
    demo, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = MiliaTypePage.objects.get(slug="milia-en-plaque")
    TypePhoto.objects.create(page=page, image=photo(), caption="Milia en plaque")
    response = client.get(page.url)
    (picture,) = pictures(response.content.decode(), ".gallery")
    assert_modern_formats(picture, sizes="(min-width: 40rem) 24rem, 100vw", max_width=900)
    assert picture.find("img")["loading"] == "lazy"  # the gallery is far below the fold
    # The AVIF rendition really is AVIF.
    avif_url = picture.find("source")["srcset"].split()[0]
    with PILImage.open(tmp_path / avif_url.removeprefix(settings.MEDIA_URL)) as served:
        assert served.format == "AVIF"


def test_product_gallery_loads_its_first_photo_at_once_and_the_rest_lazily(
    demo, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    product = ProductPage.objects.live().first()
    # One photo twice: its renditions are made once (AVIF encoding is slow).
    image = photo(size=(1240, 930))
    for caption in ("The kit", "The kit in use"):
        ProductImage.objects.create(page=product, image=image, caption=caption)
    first, second = pictures(client.get(product.url).content.decode(), ".product-gallery")
    assert_modern_formats(first, sizes="(min-width: 52rem) 34rem, 100vw", max_width=1200)
    assert first.find("img")["loading"] == "eager" and first.find("img")["fetchpriority"] == "high"
    assert second.find("img")["loading"] == "lazy" and second.find("img")["fetchpriority"] == "auto"
    assert int(first.find("img")["height"]) == 300  # cropped to 4:3 like the layout


@pytest.mark.django_db
def test_a_decorative_image_gets_an_empty_alt_never_its_file_title():
    image = photo(alt="")
    assert image.default_alt_text == ""
    assert 'alt=""' in str(image.get_rendition("width-400").img_tag())
