"""The identifier's vocabulary: the questions, their allowed values, and a clean set of answers.

The API (`api.py`), the HTML steps (`forms.py`, `views.py`), the evidence rules (`models.py`) and
the red flags all use these values, so they are written once, here. The values are a public
contract (the API documents them); the labels and hints are what readers see.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""
    said: str = ""  # the answer as the reasons quote it: "you said: on the hands"


@dataclass(frozen=True)
class Question:
    key: str
    multiple: bool
    title: str  # the question as a heading
    short: str  # a label for the summary ("Age", "Where")
    hint: str
    choices: tuple[Choice, ...]
    skip_words: str = "Skip this question"

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def said_of(self, value: str) -> str:
        """The answer as the reasons quote it ("on the hands"); the label if it has no phrase."""
        for choice in self.choices:
            if choice.value == value:
                return choice.said or choice.label.lower()
        return value

    def label_of(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


AGE_GROUP = Question(
    "age_group",
    multiple=False,
    title="Who has the bumps?",
    short="Age",
    hint="Choose the age of the person with the bumps.",
    choices=(
        Choice("newborn", "A newborn baby", "Under 3 months old", said="a newborn baby"),
        Choice("child", "A child", "From 3 months to 12 years", said="a child"),
        Choice("teen", "A teenager", "13 to 19 years", said="a teenager"),
        Choice("adult", "An adult", "20 to 64 years", said="an adult"),
        Choice("older_adult", "An older adult", "65 or over", said="an older adult"),
    ),
)

SITES = Question(
    "sites",
    multiple=True,
    title="Where are they?",
    short="Where",
    hint="Choose every place where there are bumps. Use the pictures or the list.",
    choices=(
        Choice("eyelids", "Eyelids", said="on the eyelids"),
        Choice("around_eyes", "Around and under the eyes", said="around the eyes"),
        Choice("nose", "Nose", said="on the nose"),
        Choice("cheeks", "Cheeks", said="on the cheeks"),
        Choice("forehead", "Forehead and temples", said="on the forehead"),
        Choice("lips", "Lips", said="on the lips"),
        Choice("chin", "Chin", said="on the chin"),
        Choice("ears", "Ears", "Including behind the ear", said="on the ears"),
        Choice("inside_mouth", "Inside the mouth", "The roof of the mouth or the gums", said="inside the mouth"),
        Choice("scalp", "Scalp", said="on the scalp"),
        Choice("neck", "Neck", said="on the neck"),
        Choice("chest_back", "Chest, tummy or back", said="on the chest, tummy or back"),
        Choice("arms", "Arms", said="on the arms"),
        Choice("hands", "Hands or fingers", said="on the hands"),
        Choice("knees_elbows", "Knees or elbows", said="on the knees or elbows"),
        Choice("legs", "Legs", said="on the legs"),
        Choice("genitals", "Genitals", said="on the genitals"),
    ),
)

LOOK = Question(
    "look",
    multiple=True,
    title="What do they look like?",
    short="What they look like",
    hint="Choose everything that fits. Look closely in good light, or ask someone to look.",
    choices=(
        Choice("white_dome", "Firm white or yellowish domes", "Pearly, like a tiny bead, about 1 to 2 mm", said="firm white domes"),
        Choice("on_red_plaque", "Many bumps on a raised red patch", "The skin around them is red and swollen", said="on a raised red patch"),
        Choice("red_inflamed", "Red or sore-looking", "The bumps themselves are red", said="red or sore-looking"),
        Choice("pus", "Filled with pus", "Yellow-white fluid that comes out, like a spot", said="filled with pus"),
        Choice("central_pore", "A visible pore or blackhead", "A dark dot or opening in the middle", said="a pore or blackhead in the middle"),
        Choice("central_dip", "A dimple in the middle", "A small dip in the top of the bump", said="a dimple in the middle"),
        Choice("flat_topped", "Flat-topped", "Skin-coloured, pink or brown, not white", said="flat-topped"),
        Choice("soft_yellow", "Soft yellowish bumps", "Softer and more yellow than a white bead", said="soft and yellowish"),
        Choice("yellow_patch", "A flat yellow patch", "Flat rather than bumps", said="a flat yellow patch"),
        Choice("clear_blisters", "Tiny clear blisters", "Like drops of water, filled with clear fluid", said="tiny clear blisters"),
        Choice("translucent", "Pearly and see-through", "Shiny, and you can partly see through it", said="pearly and see-through"),
    ),
)

COUNT = Question(
    "count",
    multiple=False,
    title="How many are there?",
    short="How many",
    hint="Count the bumps in the area you are worried about.",
    choices=(
        Choice("one", "Just one", said="just one"),
        Choice("few", "A few", "2 to 10", said="a few"),
        Choice("many", "Many", "More than 10", said="many"),
    ),
)

ONSET = Question(
    "onset",
    multiple=False,
    title="When did they start?",
    short="When they started",
    hint="Choose what fits best.",
    choices=(
        Choice("at_birth", "At birth or in the first weeks of life", said="there from birth"),
        Choice("sudden", "Suddenly", "Many appeared within a few weeks", said="many appeared within weeks"),
        Choice("gradual", "Slowly", "Over months or years", said="they came slowly"),
    ),
)

HISTORY = Question(
    "history",
    multiple=True,
    title="Did anything happen to the skin there before?",
    short="What happened before",
    hint="Choose everything that applies to the skin where the bumps are, or to the person.",
    choices=(
        Choice("burn_or_injury", "A burn, graze or other injury there", said="after a burn or injury"),
        Choice("skin_procedure", "A skin treatment there", "Laser, a chemical peel, dermabrasion or surgery", said="after a skin treatment"),
        Choice("radiotherapy", "Radiotherapy to that area", said="after radiotherapy"),
        Choice("blistering_disease", "Blisters there before", "Or a skin disease that causes blisters", said="where blisters were"),
        Choice("steroid_cream", "A steroid cream used on that skin", said="after a steroid cream"),
        Choice("new_medicine", "A new medicine started recently", said="after a new medicine"),
        Choice(
            "genetic_skin_condition",
            "A known inherited skin condition",
            "In the person or in their family",
            said="with an inherited skin condition",
        ),
        Choice("pale_birthmark", "The bumps are inside a pale birthmark", said="inside a pale birthmark"),
        Choice("acne", "Acne", "Spots, blackheads or whiteheads nearby", said="with acne"),
    ),
)

SYMPTOMS = Question(
    "symptoms",
    multiple=True,
    title="Is there anything else?",
    short="Anything else",
    hint="Choose everything that applies.",
    choices=(
        Choice("itchy", "They are itchy", said="itchy"),
        Choice("painful", "They are painful or tender", said="painful"),
        Choice("bleeding", "One bleeds", said="one bleeds"),
        Choice("growing", "One is getting bigger", said="one is growing"),
        Choice("unwell", "The person seems unwell", "For example a fever, or a baby who is not feeding well", said="seems unwell"),
    ),
)

QUESTIONS: tuple[Question, ...] = (AGE_GROUP, SITES, LOOK, COUNT, ONSET, HISTORY, SYMPTOMS)
BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}
QUESTION_KEYS: tuple[str, ...] = tuple(BY_KEY)


def allowed_values(key: str) -> tuple[str, ...]:
    """The values a question accepts (empty for an unknown question)."""
    question = BY_KEY.get(key)
    return question.values if question else ()


def literal(key: str):
    """A `typing.Literal` of the question's values, for pydantic schemas."""
    return Literal[allowed_values(key)]  # type: ignore[valid-type]


def _one(value, allowed: tuple[str, ...]) -> str | None:
    return value if isinstance(value, str) and value in allowed else None


def _many(values, allowed: tuple[str, ...]) -> frozenset[str]:
    if values is None or isinstance(values, str):
        values = [values] if values else []
    try:
        items = list(values)
    except TypeError:
        return frozenset()
    return frozenset(v for v in items if isinstance(v, str) and v in allowed)


@dataclass(frozen=True)
class Answers:
    """One person's answers; every field optional. Unknown values never get in."""

    age_group: str | None = None
    sites: frozenset[str] = field(default_factory=frozenset)
    look: frozenset[str] = field(default_factory=frozenset)
    count: str | None = None
    onset: str | None = None
    history: frozenset[str] = field(default_factory=frozenset)
    symptoms: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_mapping(cls, data: Mapping) -> "Answers":
        """Build from a dict (or a QueryDict via `getlist`), silently dropping unknown values."""
        kwargs = {}
        for question in QUESTIONS:
            if hasattr(data, "getlist"):
                raw = data.getlist(question.key)
                raw = raw if question.multiple else (raw[-1] if raw else None)
            else:
                raw = data.get(question.key)
            if question.multiple:
                kwargs[question.key] = _many(raw, question.values)
            else:
                kwargs[question.key] = _one(raw, question.values)
        return cls(**kwargs)

    def values_of(self, key: str) -> tuple[str, ...]:
        """The chosen values of one question, in vocabulary order."""
        value = getattr(self, key, None)
        if value is None:
            return ()
        chosen = {value} if isinstance(value, str) else value
        return tuple(v for v in allowed_values(key) if v in chosen)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Every (question, value) answered, in question order."""
        for key in QUESTION_KEYS:
            for value in self.values_of(key):
                yield key, value

    def answered(self, key: str) -> bool:
        return bool(self.values_of(key))

    @property
    def is_empty(self) -> bool:
        return not any(True for _ in self.pairs())

    def without(self, key: str) -> "Answers":
        """A copy with one question cleared."""
        question = BY_KEY[key]
        return self.replace(key, frozenset() if question.multiple else None)

    def replace(self, key: str, value) -> "Answers":
        data = {k: getattr(self, k) for k in QUESTION_KEYS}
        data[key] = value
        return Answers(**data)

    def as_lists(self) -> dict[str, list[str]]:
        """Plain lists per question (hidden form fields, JSON)."""
        return {key: list(self.values_of(key)) for key in QUESTION_KEYS}

    def summary(self) -> list[tuple[Question, list[str]]]:
        """Each question with the labels of the chosen answers (empty list: not answered)."""
        return [(q, [q.label_of(v) for v in self.values_of(q.key)]) for q in QUESTIONS]

