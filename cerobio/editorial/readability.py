"""Reading ease and grade of what an author wrote on a guide page, against the house target."""

import re
from dataclasses import dataclass

from cerobio.core.readability import Readability, measure

from .claims import value_text

# A reading age of about 11: Flesch-Kincaid grade 6 or lower; Flesch reading ease 60 or higher.
TARGET_GRADE = 6.0
TARGET_EASE = 60.0
MAX_GRADE = 8.0  # the most any guide page may reach (names and causes lists push it up)
LONG_SENTENCE_WORDS = 25
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n\s*\n")

KB_TEXT_FIELDS = (
    "summary", "origin", "who_gets_it", "sites_text", "appearance_text", "causes_text",
    "natural_course", "how_common", "distinguishing_cue", "see_doctor", "evidence_note",
)


@dataclass
class ReadabilityReport:
    scores: Readability
    long_sentences: list[str]

    @property
    def meets_target(self) -> bool:
        return self.scores.grade <= TARGET_GRADE

    @property
    def within_limit(self) -> bool:
        return self.scores.grade <= MAX_GRADE

    @property
    def verdict(self) -> str:
        if not self.scores.words:
            return "Nothing to score yet."
        if self.meets_target:
            return "Meets the house target (a reading age of about 11)."
        if self.within_limit:
            return "A little harder than the target. Shorter sentences and everyday words will help."
        return "Too hard for most readers. Split long sentences and explain or replace medical words."


def authored_text(page) -> str:
    """The prose an author controls on a page: summary, body and (for type pages) the type record."""
    parts = [getattr(page, "summary", "") or ""]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(value_text(body))
    milia_type = getattr(page, "milia_type", None) if getattr(page, "milia_type_id", None) else None
    if milia_type is not None:
        parts += [getattr(milia_type, f, "") or "" for f in KB_TEXT_FIELDS]
    return "\n\n".join(p for p in parts if p.strip())


def long_sentences(text: str, limit: int = 3) -> list[str]:
    sentences = [" ".join(s.split()) for s in _SENTENCES.split(text)]
    long = [s for s in sentences if len(s.split()) > LONG_SENTENCE_WORDS]
    return sorted(long, key=lambda s: -len(s.split()))[:limit]


def report(page) -> ReadabilityReport:
    text = authored_text(page)
    return ReadabilityReport(measure(text), long_sentences(text))
