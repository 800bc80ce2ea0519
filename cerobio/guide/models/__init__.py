"""The milia knowledge base (snippets) and the guide pages that read it."""

from .knowledge import (  # noqa: F401
    BodySite,
    CareAdvice,
    ClassificationCode,
    LookAlike,
    MiliaType,
    Reference,
    Synonym,
    Trigger,
)
from .pages import (  # noqa: F401
    GuidePage,
    HomePage,
    MiliaTypePage,
    PageReference,
    TypePhoto,
    TypesIndexPage,
)
from .reviewers import Reviewer  # noqa: F401
