"""Evidence rules: how each answer bears on each milia type or look-alike, kept where editors see them.

Nothing about a person is ever stored here (or anywhere): these are the rules, not the answers.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cerobio.guide.models.knowledge import KnowledgeRecord

from .answers import BY_KEY, QUESTIONS

QUESTION_CHOICES = [(q.key, q.short) for q in QUESTIONS]
# Values are unique across questions, so one grouped drop-down serves every question.
VALUE_CHOICES = [(q.short, [(c.value, c.label) for c in q.choices]) for q in QUESTIONS]
WEIGHT_CHOICES = [
    (3, "+3 strongly for"),
    (2, "+2 for"),
    (1, "+1 slightly for"),
    (0, "0 no bearing (ignored)"),
    (-1, "−1 slightly against"),
    (-2, "−2 against"),
    (-3, "−3 strongly against"),
]
MAX_WEIGHT = 3


class EvidenceRule(KnowledgeRecord, models.Model):
    """One answer's bearing on one milia type or look-alike, with the reason shown to the reader.

    Like the knowledge records it scores, a rule reaches the identifier only once published
    through "Clinical sign-off"; the snapshot reads live rules of live types and look-alikes.
    """

    milia_type = models.ForeignKey(
        "guide.MiliaType",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence_rules",
        help_text="Choose a milia type or a look-alike, not both.",
    )
    look_alike = models.ForeignKey(
        "guide.LookAlike",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence_rules",
    )
    question = models.CharField(max_length=20, choices=QUESTION_CHOICES)
    value = models.CharField("Answer", max_length=30, choices=VALUE_CHOICES)
    weight = models.SmallIntegerField(
        choices=WEIGHT_CHOICES,
        validators=[MinValueValidator(-MAX_WEIGHT), MaxValueValidator(MAX_WEIGHT)],
        help_text="How strongly this answer points towards (+) or away from (−) this description.",
    )
    required = models.BooleanField(
        "Needed",
        default=False,
        help_text=(
            "Tick if this description can fit only when the person gives this answer (or another "
            "answer ticked 'Needed' for it), e.g. a steroid cream or a new medicine for milia from "
            "medicines. Without one, it is shown at most as 'less likely'. A needed answer must "
            "weigh for (+1 to +3)."
        ),
    )
    reason = models.CharField(
        max_length=240,
        blank=True,
        help_text=(
            "Why this answer matters, in plain words shown to the reader, starting with 'you said', "
            "e.g. 'you said they were there from birth, as newborn milia are'. Leave it empty where "
            "there is nothing to add: the page then quotes the answer alone ('you said: a few'). "
            "Write for a reading age of about 11."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("milia_type"), FieldPanel("look_alike")])],
            heading="Which description this rule is about",
        ),
        # Required even on a draft: a rule row is unique per subject, question and answer.
        FieldRowPanel([
            FieldPanel("question", required_on_save=True),
            FieldPanel("value", required_on_save=True),
            FieldPanel("weight"),
        ]),
                FieldPanel("required"),
        FieldPanel("reason"),
    ]

    class Meta:
        ordering = ["milia_type__sort_order", "look_alike__sort_order", "question", "-weight", "value"]
        verbose_name = "identifier rule"
        verbose_name_plural = "identifier rules"
        constraints = [
            models.CheckConstraint(
                name="identify_rule_exactly_one_subject",
                condition=(
                    Q(milia_type__isnull=False, look_alike__isnull=True)
                    | Q(milia_type__isnull=True, look_alike__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="identify_rule_weight_in_range",
                condition=Q(weight__gte=-MAX_WEIGHT, weight__lte=MAX_WEIGHT),
            ),
            models.UniqueConstraint(
                fields=["milia_type", "question", "value"],
                condition=Q(milia_type__isnull=False),
                name="identify_rule_unique_per_type",
            ),
            models.UniqueConstraint(
                fields=["look_alike", "question", "value"],
                condition=Q(look_alike__isnull=False),
                name="identify_rule_unique_per_look_alike",
            ),
        ]

    def __str__(self):
        sign = "+" if self.weight > 0 else ""
        question = BY_KEY.get(self.question)
        answer = question.label_of(self.value) if question else self.value
        needed = ", needed" if self.required else ""
        return f"{self.subject}: {question.short if question else self.question} = {answer} ({sign}{self.weight}{needed})"

    @property
    def subject(self):
        """The milia type or look-alike this rule is about."""
        return self.milia_type or self.look_alike

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.milia_type_id) == bool(self.look_alike_id):
            errors["milia_type"] = "Choose either a milia type or a look-alike (exactly one)."
        question = BY_KEY.get(self.question)
        if question and self.value not in question.values:
            errors["value"] = (
                f"“{self.value}” is not an answer to “{question.short}”. "
                f"Choose one of: {', '.join(question.values)}."
            )
        if self.required and (self.weight or 0) <= 0:
            errors["weight"] = "A needed answer must weigh for the description (+1 to +3)."
        if errors:
            raise ValidationError(errors)
