"""The code fields: a 6-digit code from the authenticator app, or a backup code."""

import re

from django import forms

from .actions import normalise_backup_code


class AppCodeForm(forms.Form):
    """A 6-digit code from the authenticator app (spaces allowed, as some apps show "123 456")."""

    code = forms.CharField(
        label="6-digit code from your authenticator app",
        max_length=12,
        error_messages={"required": "Enter the 6-digit code from your authenticator app."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "spellcheck": "false",
                "autocapitalize": "off",
                "size": "8",
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(
                "Enter the 6-digit code from your authenticator app: numbers only."
            )
        return code


class BackupCodeForm(forms.Form):
    """One of the ten single-use backup codes shown when two-factor authentication was set up."""

    code = forms.CharField(
        label="Backup code",
        help_text="8 letters and numbers, for example “abcd 2345”.",
        max_length=24,
        error_messages={"required": "Enter one of your backup codes."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "off",
                "size": "12",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "backup")
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = normalise_backup_code(self.cleaned_data["code"])
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise forms.ValidationError(
                "Enter a backup code: 8 letters and numbers, as printed on your list."
            )
        return code
