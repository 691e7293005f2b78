"""The MAP questionnaire as versioned data, and the anonymous assessments people fill in.

A published (or retired) questionnaire version never changes: every assessment keeps the version
it was answered on, so its results reproduce exactly. Editors clone a version to a new draft.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .rules.labels import TYPE_SHORT_NAMES

TYPE_CHOICES = list(TYPE_SHORT_NAMES.items())

# Resume codes avoid letters and digits that are easy to misread (0/O, 1/I/L, 5/S, 2/Z, 8/B).
RESUME_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
# 16 of 25 symbols is about 74 bits: with 10 wrong tries per 10 minutes per address, guessing
# is hopeless (arithmetic in README "Production"). Codes given out before were 8 long and keep
# working until their assessment is deleted.
RESUME_LENGTH = 16
RESUME_LENGTHS = (16, 8)


class PublishedQuestionnaireError(ValidationError):
    """Raised on any attempt to change a questionnaire version that is no longer a draft."""

    def __init__(self, questionnaire):
        super().__init__(
            _(
                "Version %(version)s is %(status)s and cannot be changed. Clone it to a new "
                "draft version and edit that instead."
            ),
            params={"version": questionnaire.version, "status": questionnaire.status},
            code="published_questionnaire",
        )


class QuestionnaireQuerySet(models.QuerySet):
    def live(self) -> "Questionnaire | None":
        """The version new assessments start on: the latest published one (None before any).

        The one way to find it: the journey, the workbench and `map_score` all ask here.
        """
        return self.filter(status=Questionnaire.Status.PUBLISHED).order_by("-version").first()


class Questionnaire(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    version = models.PositiveIntegerField(_("version"), unique=True)
    label = models.CharField(_("label"), max_length=120)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    changelog = models.TextField(_("what changed"), blank=True)
    cloned_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="clones"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("questionnaire version")
        permissions = [("publish_questionnaire", _("Can publish a questionnaire version"))]

    def __str__(self) -> str:
        return f"MAP v{self.version} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        stored = self._stored_status()
        if stored and stored != self.Status.DRAFT:
            # Only the move from published to retired is allowed once a version is out.
            allowed = stored == self.Status.PUBLISHED and self.status == self.Status.RETIRED
            if not allowed:
                raise PublishedQuestionnaireError(
                    Questionnaire(version=self.version, status=stored)
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_locked:
            raise PublishedQuestionnaireError(self)
        return super().delete(*args, **kwargs)

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.DRAFT

    def _stored_status(self):
        if self.pk is None:
            return None
        return Questionnaire.objects.filter(pk=self.pk).values_list("status", flat=True).first()


class LockedWithQuestionnaire(models.Model):
    """Rows that belong to a questionnaire version and freeze with it."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_unlocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_unlocked()
        return super().delete(*args, **kwargs)

    def owning_questionnaire(self) -> Questionnaire:
        raise NotImplementedError

    def _check_unlocked(self):
        questionnaire = self.owning_questionnaire()
        # Read the status from the database, not from a possibly stale in-memory copy.
        status = Questionnaire.objects.filter(pk=questionnaire.pk).values_list("status", flat=True)
        if status and status[0] != Questionnaire.Status.DRAFT:
            raise PublishedQuestionnaireError(questionnaire)


class Section(LockedWithQuestionnaire):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections"
    )
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "code"], name="section_code_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def owning_questionnaire(self) -> Questionnaire:
        return self.questionnaire


class Item(LockedWithQuestionnaire):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One answer")
        MULTI = "multi", _("Several answers")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    wording = models.CharField(_("question"), max_length=300)
    hint = models.CharField(_("hint"), max_length=300, blank=True)
    why_we_ask = models.TextField(_("why we ask"), blank=True)
    optional = models.BooleanField(_("optional"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    show_when_item = models.SlugField(
        _("show only when item"),
        max_length=40,
        blank=True,
        help_text=_("Code of an earlier item. Leave empty to always ask this question."),
    )
    show_when_option = models.SlugField(
        _("has the answer"), max_length=40, blank=True, help_text=_("Answer code of that item.")
    )
    min_value = models.IntegerField(_("lowest number"), null=True, blank=True)
    max_value = models.IntegerField(_("highest number"), null=True, blank=True)
    min_label = models.CharField(_("meaning of the lowest number"), max_length=80, blank=True)
    max_label = models.CharField(_("meaning of the highest number"), max_length=80, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="item_code_per_version")
        ]

    def __str__(self) -> str:
        return self.code

    def owning_questionnaire(self) -> Questionnaire:
        return self.questionnaire


class AnswerOption(LockedWithQuestionnaire):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=200)
    hint = models.CharField(_("hint"), max_length=300, blank=True)
    exclusive = models.BooleanField(
        _("exclusive"), default=False, help_text=_("Choosing it clears every other answer.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["item", "code"], name="option_code_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.item.code}={self.code}"

    def owning_questionnaire(self) -> Questionnaire:
        return self.item.questionnaire


class OptionWeight(LockedWithQuestionnaire):
    """Points an answer adds to (or takes from) one presentation type's score."""

    option = models.ForeignKey(AnswerOption, on_delete=models.CASCADE, related_name="weights")
    type = models.CharField(_("presentation type"), max_length=20, choices=TYPE_CHOICES)
    points = models.SmallIntegerField(_("points"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["type"]
        constraints = [
            models.UniqueConstraint(fields=["option", "type"], name="one_weight_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.option} → {self.type} {self.points:+d}"

    def owning_questionnaire(self) -> Questionnaire:
        return self.option.item.questionnaire


def new_key() -> str:
    return secrets.token_urlsafe(32)


def new_resume_code() -> str:
    return "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_LENGTH))


class Assessment(models.Model):
    """One person's run through the MAP. Anonymous: no name, no address, no IP."""

    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    resume_code = models.CharField(
        max_length=RESUME_LENGTH, unique=True, default=new_resume_code, editable=False
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="assessments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    urgency = models.CharField(
        max_length=10,
        blank=True,
        choices=[("emergency", _("Emergency")), ("urgent", _("Urgent"))],
        help_text=_("Recorded when a red flag is reported."),
    )
    crisis = models.BooleanField(default=False, help_text=_("Thoughts of self-harm reported."))
    # The self-harm answer whose support page the person has moved on from ("yes" or
    # "prefer_not_to_say"), so a repeated or retried POST still shows that page until it has
    # been seen, and only once after that. Cleared when the answer changes.
    support_seen = models.CharField(
        max_length=20, blank=True, default="", db_default="", editable=False
    )
    result = models.JSONField(
        null=True,
        blank=True,
        help_text=_("The result shown at completion, as map_score prints it."),
    )

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("view_insight", _("Can view anonymous insight")),
            ("export_assessments", _("Can export anonymous assessments")),
        ]

    def __str__(self) -> str:
        # Never the key or the resume code: both would let someone open the answers.
        return f"Assessment #{self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    item_code = models.SlugField(max_length=40)
    value = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item_code"], name="one_answer_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.item_code} (assessment #{self.assessment_id})"


class ShareLink(models.Model):
    """A time-limited, revocable link that lets a clinician read one person's summary."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Share link #{self.pk}"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class TestStory(models.Model):
    """A patient story with the mapping a clinician expects: the scoring test bench."""

    __test__ = False  # a model, not a pytest class

    URGENCY_CHOICES = [
        ("", _("No red flag")),
        ("urgent", _("Urgent")),
        ("emergency", _("Emergency")),
    ]

    title = models.CharField(_("title"), max_length=160)
    story = models.TextField(_("story"))
    answers = models.JSONField(_("answers by item code"))
    # Empty: no type may be named (an emergency); "none" in it: no single pattern is allowed.
    expected_leading = models.JSONField(
        _("expected leading type (any of)"),
        blank=True,
        help_text=_('For example ["central", "stress_driven"]'),
    )
    expected_urgency = models.CharField(
        _("expected urgency"), max_length=10, blank=True, choices=URGENCY_CHOICES
    )
    expected_crisis = models.BooleanField(_("expect crisis support"), default=False)
    expected_acute = models.BooleanField(_("expect acute"), null=True, blank=True)
    required_suggestions = models.JSONField(_("must suggest (slugs)"), default=list, blank=True)
    forbidden_suggestions = models.JSONField(
        _("must not suggest (slugs)"), default=list, blank=True
    )
    required_cautions = models.JSONField(
        _("required cautions"),
        default=dict,
        blank=True,
        help_text=_('Toolkit slug to caution code, for example {"omega-3": "anticoagulant"}'),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("test story")
        verbose_name_plural = _("test stories")

    def __str__(self) -> str:
        return self.title


class PublishRecord(models.Model):
    """Who published which version, and whether they overrode failing test stories."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="publish_records"
    )
    published_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    failing_stories = models.JSONField(default=list, blank=True)
    confirmed_despite_failures = models.BooleanField(default=False)

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"v{self.questionnaire.version} published {self.published_at:%Y-%m-%d}"


class PublishApproval(models.Model):
    """A clinical lead's sign-off of a draft exactly as it stood (its spec fingerprint).

    With PAINMAP_PUBLISH_APPROVALS = 2 a draft goes live only when a second clinical lead
    publishes the same, unchanged draft; any edit after an approval makes it stale.
    """

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="approvals"
    )
    approved_by = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)
    fingerprint = models.CharField(max_length=64)
    changelog = models.TextField(_("what changed"))

    class Meta:
        ordering = ["-approved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "approved_by", "fingerprint"], name="one_approval_each"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.questionnaire.version} approved by {self.approved_by}"


class QuestionErrorCount(models.Model):
    """How often a question's error message was shown, per day: anonymous, for improving the
    wording of questions people stumble on (GOV.UK validation pattern)."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="error_counts"
    )
    item_code = models.SlugField(max_length=40)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "item_code", "day"], name="one_error_count_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_code} {self.day}: {self.count}"


class Plan(models.Model):
    """What a person chose to try from their suggestions, and from when (issue 15).

    Belongs to one assessment and goes with it: deleting the answers deletes the plan, its
    items and every check-in (CASCADE all the way down).
    """

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="plan")
    start_date = models.DateField()
    # The MAP taken again from this plan (after 12 weeks), for "then and now". A separate
    # assessment with its own answers: deleting either one leaves the other as it is.
    remap = models.OneToOneField(
        Assessment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="remap_of_plan",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Plan #{self.pk}"


class PlanItem(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    slug = models.SlugField(max_length=80)  # a toolkit item (content.ToolkitItem.slug)
    # The caution codes the stored result gave this suggestion (rulebook codes, cautions.py).
    cautions = models.JSONField(default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "slug"], name="one_plan_item_per_slug")
        ]

    def __str__(self) -> str:
        return self.slug


class CheckIn(models.Model):
    """One check-in on a plan: PEG, sleep, use of each plan item, red flags, self-harm.

    `answers` holds what was typed by item code, saved on every submit, so an answer survives
    a validation error elsewhere on the page; `submitted_at` is set once every answer is valid.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField()
    answers = models.JSONField(default=dict, blank=True)
    # Plan item slug -> {"use": most_days|some_days|not_yet|stopped, "why": "..."}.
    adherence = models.JSONField(default=dict, blank=True)
    peg = models.FloatField(null=True, blank=True)
    urgency = models.CharField(max_length=10, blank=True)
    crisis = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day", "created_at"]

    def __str__(self) -> str:
        return f"Check-in #{self.pk} ({self.day})"
