"""The admin form for guide pages: a clinical reviewer who publishes directly signs the page off.

Imported by cerobio.guide.models.pages, so it imports no models at the top.
"""

from wagtail.admin.forms import WagtailAdminPageForm


class ReviewedPageForm(WagtailAdminPageForm):
    """Publishing by a member of Clinical reviewers stamps reviewer, last reviewed and next review due.

    Reviewer and last reviewed are read-only in the editor: they come only from a sign-off (this
    form, or approval in the "Clinical sign-off" workflow, see signoff.py).
    """

    def save(self, commit=True):
        from .roles import is_clinical_reviewer
        from .signoff import review_stamp

        if "action-publish" in self.data and is_clinical_reviewer(self.for_user):
            requested = self.cleaned_data.get("next_review_due") if "next_review_due" in self.changed_data else None
            stamp = review_stamp(self.for_user, requested_due=requested)
            for field, value in stamp.items():
                setattr(self.instance, field, value)
            self.instance._editorial_sign_off = stamp
        return super().save(commit=commit)
