"""The readability scores behave like the published Flesch formulas."""

from cerobio.core.readability import measure, syllables


def test_syllable_estimates_for_common_words():
    assert [syllables(w) for w in ("milk", "spots", "baby", "harmless", "doctor", "keratin")] == [1, 1, 2, 2, 2, 3]


def test_short_plain_sentences_score_as_easy():
    plain = measure("Milia are tiny white bumps. They are harmless. They often go away by themselves.")
    assert plain.reading_ease > 70 and plain.grade < 5


def test_long_technical_sentences_score_as_hard():
    hard = measure(
        "Subepidermal immunobullous dermatoses, particularly epidermolysis bullosa acquisita, "
        "characteristically demonstrate consequential milial cyst formation following re-epithelialisation."
    )
    assert hard.reading_ease < 30 and hard.grade > 14


def test_empty_text_does_not_divide_by_zero():
    assert measure("").grade == 0.0 and measure("").reading_ease == 100.0
