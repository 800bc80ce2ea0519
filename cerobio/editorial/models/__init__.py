"""Editorial trust: claim phrases and overrides, reader feedback, contact messages, trust pages."""

from .claims import ClaimOverride, ClaimPhrase
from .data_rights import CustomerDataLog
from .feedback import ContactMessage, PageFeedback
from .notes import PlainEnglishNote
from .pages import ContactPage, InfoPage
from .setup import SetupStep

__all__ = [
    "ClaimOverride", "ClaimPhrase", "ContactMessage", "ContactPage", "CustomerDataLog", "InfoPage",
    "PageFeedback", "PlainEnglishNote", "SetupStep",
]
