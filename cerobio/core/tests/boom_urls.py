"""The site's URLconf plus one view that fails, for the Sentry test (cerobio/core/tests/test_sentry.py)."""

from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from cerobio.urls import handler404, handler500  # noqa: F401  (the site's error pages)


@csrf_exempt
def boom(request):
    raise RuntimeError(f"could not save the order for {request.POST.get('email', 'nobody')}")


urlpatterns = [path("boom/", boom), path("", include("cerobio.urls"))]
