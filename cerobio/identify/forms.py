"""The identifier's form: every answer travels in the POST body (hidden fields plus the current step).

Nothing is kept between requests on the server: no session, no database, no URL. Each page carries
the answers so far as hidden fields, and the buttons say where to go next.
"""

from django import forms

from .answers import BY_KEY, QUESTION_KEYS, QUESTIONS, Answers

INTRO = "intro"
RESULT = "result"
STEPS = (INTRO, *QUESTION_KEYS, RESULT)


class StepForm(forms.Form):
    """Which page was shown, which button was pressed, and the answers (unknown values dropped)."""

    step = forms.ChoiceField(choices=[(s, s) for s in STEPS], required=False)
    go = forms.ChoiceField(
        choices=[("next", "Continue"), ("skip", "Skip"), ("back", "Back"), ("start", "Start"), ("result", "Results")],
        required=False,
    )
    edit = forms.ChoiceField(choices=[(k, k) for k in QUESTION_KEYS], required=False)

    def answers(self) -> Answers:
        return Answers.from_mapping(self.data)

    def _clean(self, name: str) -> str:
        """A navigation field's value, or "" if it is missing or not one we know."""
        self.is_valid()  # an unknown value drops only that field from cleaned_data
        return self.cleaned_data.get(name, "")

    def target(self, answers: Answers) -> tuple[str, Answers]:
        """The page to show next, and the answers after the button's effect (skip clears one)."""
        step, go, edit = self._clean("step") or INTRO, self._clean("go") or "next", self._clean("edit")
        if edit:
            return edit, answers
        if go == "start":
            return QUESTION_KEYS[0], answers
        if go == "result":
            return RESULT, answers
        if go == "skip" and step in BY_KEY:
            answers = answers.without(step)
        index = STEPS.index(step)
        if go == "back":
            return STEPS[max(0, index - 1)], answers
        return STEPS[min(len(STEPS) - 1, index + 1)], answers


def hidden_fields(answers: Answers, except_key: str | None = None) -> list[tuple[str, str]]:
    """(name, value) pairs for every answer but the one the page asks again."""
    return [(key, value) for key, value in answers.pairs() if key != except_key]


def step_number(key: str) -> int:
    """1-based position of a question among the steps."""
    return QUESTION_KEYS.index(key) + 1


TOTAL_STEPS = len(QUESTIONS)
