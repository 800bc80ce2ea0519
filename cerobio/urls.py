from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cerobio.api import main as api_main
from cerobio.core import health
from cerobio.core import views as core_views
from cerobio.core.sitemap import PublicAddressSitemap
from cerobio.editorial import views as editorial_views
from cerobio.guide import views as guide_views
from cerobio.identify import views as identify_views
from cerobio.search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before the admin: the second-factor pages (enrol, verify) reached after the password.
    path("admin/two-factor/", include("cerobio.twofactor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicAddressSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Also answered by HealthProbeMiddleware before host and https checks (docs/operations.md).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("identify/", identify_views.identify, name="identify"),
    path("reviewers/<slug:slug>/", guide_views.reviewer_profile, name="reviewer_profile"),
    path("feedback/", editorial_views.page_feedback, name="page_feedback"),
    path("", include("cerobio.shop.urls")),
    path("api/v1/", api_main.urls()),
    re_path(r"^api/(?P<rest>.*)$", api_main.not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "cerobio.core.views.bad_request"
handler403 = "cerobio.core.views.permission_denied"
handler404 = "cerobio.core.views.page_not_found"
handler500 = "cerobio.core.views.server_error"
