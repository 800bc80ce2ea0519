"""Public views of the guide that are not Wagtail pages: a clinical reviewer's profile."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Reviewer


@require_safe
def reviewer_profile(request, slug):
    """/reviewers/<slug>/: who the clinician is, their registration, and the pages they signed off."""
    reviewer = get_object_or_404(Reviewer, slug=slug)
    return render(
        request,
        "pages/reviewer_profile.html",
        {
            "reviewer": reviewer,
            "pages_reviewed": reviewer.pages_reviewed(),
            "title": f"{reviewer.name}, clinical reviewer",
            "description": f"{reviewer.name}, {reviewer.profession} ({reviewer.registration}), "
            "reviews pages of Cerobio's guide to milia.",
        },
    )
