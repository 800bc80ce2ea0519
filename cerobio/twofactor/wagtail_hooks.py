"""In the admin: superusers reset a user's two-factor authentication; the reset shows in the history."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from . import views
from .actions import RESET_ACTION


@hooks.register("register_admin_urls")
def twofactor_admin_urls():
    return [path("two-factor/reset/<int:user_id>/", views.reset_for_user, name="twofactor_reset")]


@hooks.register("register_user_listing_buttons")
def reset_button(user, request_user):
    if not request_user.is_superuser:
        return []
    return [
        Button(
            "Reset two-factor authentication",
            url=reverse("twofactor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
            attrs={"aria-label": f"Reset two-factor authentication for {user.get_username()}"},
        )
    ]


@hooks.register("register_log_actions")
def twofactor_log_actions(actions):
    @actions.register_action(RESET_ACTION)
    class TwoFactorReset(LogFormatter):
        label = "Reset two-factor authentication"

        def format_message(self, log_entry):
            removed = log_entry.data.get("devices_removed", 0)
            return f"Two-factor authentication reset ({removed} devices removed); set up again at next sign-in"
