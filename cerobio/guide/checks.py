"""Deployment check (`manage.py check --deploy --database default`): no page claims a stand-in review.

A live guide page says "Reviewed by" a clinician only through a reviewer profile. A profile that
lacks a registration detail or holds a stand-in word ("demo", "placeholder", ...; the admin refuses
those, but a shell, a fixture or an old import need not) would make that claim false, so production
refuses to start while a published page names one. The check reads the database, so it runs only
when asked to with `--database` (gunicorn's start-up does; docs/deploy.md).
"""

from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.database, deploy=True)
def no_placeholder_reviewers(app_configs, databases=None, **kwargs):
    if not databases or "default" not in databases:
        return []
    from django.apps import apps

    from .models.pages import ReviewedPage

    problems = []
    try:
        for model in apps.get_models():
            if not issubclass(model, ReviewedPage):
                continue
            for page in model.objects.live().filter(reviewer__isnull=False).select_related("reviewer"):
                if page.reviewer.is_placeholder:
                    problems.append(Error(
                        f"The published page “{page.title}” ({page.url_path}) claims a review by "
                        f"“{page.reviewer.name}”, whose reviewer profile is a stand-in.",
                        hint="Complete the profile with the clinician's real registration in Milia knowledge › "
                        "Clinical reviewers, or have a registered clinician sign the page off again.",
                        id="cerobio.guide.E001",
                    ))
    except DatabaseError as error:  # no tables yet: migrate first
        problems.append(Error(f"Could not read the guide pages: {error}", id="cerobio.guide.E002"))
    return problems
