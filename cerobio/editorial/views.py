"""The 'Was this page helpful?' form: a plain POST that redirects back to the page with a thank-you."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cerobio.core.ratelimit import retry_after, too_many_requests

from .feedback import feedback_page, record_feedback
from .forms import FeedbackForm


# No CSRF token: guide pages set no cookies and stay cacheable, and an anonymous yes/no answer
# that stores nothing personal gains nothing from a forged request that it could not get directly.
# The honeypot and the rate limit keep it clean.
@csrf_exempt
@require_POST
def page_feedback(request):
    form = FeedbackForm(request.POST)
    page = feedback_page(request.POST.get("page"))
    if page is None:
        return render(request, "editorial/feedback_problem.html", {"form": None}, status=400)
    back = page.get_url(request) or "/"
    wait = retry_after(request, "feedback", *settings.FEEDBACK_RATE_LIMIT)
    if wait:
        return too_many_requests(request, wait, back)
    if form.is_spam:
        return redirect(f"{back}?feedback=thanks#feedback")  # look the same as success; store nothing
    if not form.is_valid():
        return render(request, "editorial/feedback_problem.html", {"form": form, "page": page}, status=400)
    record_feedback(page, form.cleaned_data["helpful"], form.cleaned_data["comment"])
    return redirect(f"{back}?feedback=thanks#feedback")
