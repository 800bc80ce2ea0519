"""Readability scores for plain-English checks (Flesch reading ease and Flesch-Kincaid grade).

Written here rather than taken from a package because the usual libraries download a
pronunciation dictionary at run time, which fails on a machine without internet access. The
syllable count is the standard vowel-group heuristic; it is close enough for a house target.
"""

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)|\n\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Estimate the syllables in one English word (at least one)."""
    w = word.lower().strip("'’")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(_VOWEL_GROUPS.findall(w)))


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease: higher is easier; 60–70 is plain English, 70–80 fairly easy."""
        if not self.words:
            return 100.0
        return round(206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words, 1)

    @property
    def grade(self) -> float:
        """Flesch-Kincaid US school grade; reading age is roughly the grade plus 5."""
        if not self.words:
            return 0.0
        return round(0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1)

    @property
    def reading_age(self) -> float:
        return round(self.grade + 5, 1)


def measure(text: str) -> Readability:
    """Score a passage of plain text."""
    words = _WORD.findall(text)
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if _WORD.search(s)]))
    return Readability(len(words), sentences, sum(syllables(w) for w in words))
