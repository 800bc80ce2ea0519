"""/sitemap.xml: Wagtail's sitemap with every address on the public address, SITE_URL.

Wagtail builds each page's address from its Site record (hostname and port in the database, such as
`localhost:80` from the demo), which need not be where the site is served; canonical links, JSON-LD
and robots.txt use SITE_URL, so the sitemap does too, for every page type.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap


class PublicAddressSitemap(Sitemap):
    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = settings.SITE_URL + parts.path + (f"?{parts.query}" if parts.query else "")
        return urls
