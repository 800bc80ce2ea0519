"""Reader forms (page feedback, contact) and the clinical override form. Errors say how to fix them."""

import re

from django import forms

from .models.feedback import ContactMessage

HONEYPOT = "website"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{7,}\d")


def scrub_personal_details(text: str) -> str:
    """Remove email addresses and phone numbers someone typed into an anonymous comment."""
    text = _EMAIL.sub("[email removed]", text)
    return _PHONE.sub(lambda m: "[number removed]" if sum(c.isdigit() for c in m.group()) >= 9 else m.group(), text)


class HoneypotMixin(forms.Form):
    """A field people never see (hidden with CSS, labelled 'leave empty'); bots tend to fill it."""

    website = forms.CharField(required=False, label="Leave this field empty")

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class FeedbackForm(HoneypotMixin):
    helpful = forms.TypedChoiceField(
        label="Was this page helpful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no", "invalid_choice": "Choose yes or no"},
    )
    comment = forms.CharField(
        label="How could we improve this page? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Your comment must be 1,000 characters or fewer"},
    )
    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_comment(self):
        return scrub_personal_details(self.cleaned_data["comment"].strip())


class DescribedFieldsMixin:
    """Link each input to its hint and error message (ids `<id>-hint` and `<id>-error` in _field.html)."""

    def _describe(self):
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-hint"] if field.help_text else []
            if self.is_bound and name in self.errors:
                ids.append(f"{auto_id}-error")
            if isinstance(field.widget, forms.RadioSelect):
                continue
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            field.widget.attrs.setdefault("class", "form-textarea" if isinstance(field.widget, forms.Textarea) else "form-input")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()


class ContactForm(DescribedFieldsMixin, HoneypotMixin):
    name = forms.CharField(
        label="Your name", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}), error_messages={
            "required": "Enter your name", "max_length": "Your name must be 120 characters or fewer"},
    )
    email = forms.EmailField(
        label="Your email address",
        help_text="We only use it to reply to you.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    topic = forms.ChoiceField(
        label="What is your message about?",
        choices=ContactMessage.Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what your message is about", "invalid_choice": "Choose one of the topics"},
    )
    order_number = forms.CharField(
        label="Order number (if it is about an order)",
        help_text="It starts with CRB-, for example CRB-000123. You can find it in your order email.",
        required=False,
        max_length=20,
        error_messages={"max_length": "An order number looks like CRB-000123"},
    )
    message = forms.CharField(
        label="Your message",
        help_text="Please do not include health details we do not need. Up to 3,000 characters.",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=3000,
        error_messages={"required": "Enter your message", "max_length": "Your message must be 3,000 characters or fewer"},
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter your name")
        return name

    def clean_order_number(self):
        number = self.cleaned_data["order_number"].strip().upper()
        if number and not re.fullmatch(r"(CRB-)?\d{1,10}", number):
            raise forms.ValidationError("An order number looks like CRB-000123")
        if number and not number.startswith("CRB-"):
            number = f"CRB-{int(number):06d}"
        return number

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError("Your message is very short. Tell us a little more so we can help")
        return message


class ClaimOverrideForm(forms.Form):
    reason = forms.CharField(
        label="Why is this wording acceptable?",
        help_text="For example the evidence you checked, or why the phrase is not a claim here. "
        "This is kept in the page history.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Write the reason for publishing this wording"},
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if len(reason) < 15:
            raise forms.ValidationError("Write the reason in a full sentence (at least 15 characters)")
        return reason
