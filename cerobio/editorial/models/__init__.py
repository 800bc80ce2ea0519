"""Editorial trust: claim phrases and overrides, reader feedback, contact messages, trust pages."""

from .claims import ClaimOverride, ClaimPhrase
from .feedback import ContactMessage, PageFeedback
from .notes import PlainEnglishNote
from .pages import ContactPage, InfoPage
from .setup import SetupStep

__all__ = ["ClaimOverride", "ClaimPhrase", "ContactMessage", "ContactPage", "InfoPage", "PageFeedback", "PlainEnglishNote", "SetupStep"]
