"""The guide: articles, presentation types, the restoration toolkit and the real questions.

Long text is Markdown. Its sanitised HTML is rendered once, on save, so that pages never parse
Markdown while serving a request.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessment.rules.codes import TYPE_CODES

from . import evidence
from .markdown import normalise_newlines, render_markdown


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def overdue_for_review(self, today=None):
        return self.filter(review_due__lt=today or timezone.localdate())


class PlainLineEndings(models.Model):
    """Every text field is stored with LF line endings, however it arrived (admin, shell, seed),
    so the history shows only changes someone made."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, normalise_newlines(value))
        super().save(*args, **kwargs)


class Reviewed(PlainLineEndings):
    """Fields every piece of published guidance carries, so editors can keep it current."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    review_due = models.DateField(_("review due"), null=True, blank=True)
    reviewed_by = models.CharField(_("reviewed by"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Graded(models.Model):
    """How strong the evidence is for the one claim a piece of guidance rests on.

    The grade is reviewed with the content it belongs to (same review dates and history); its
    references are `Reference` rows. The scale and its words live in `content.evidence`.
    """

    evidence_strength = models.CharField(
        _("strength of evidence"),
        max_length=20,
        choices=evidence.CHOICES,
        blank=True,
        help_text=_(
            "Strong, moderate, limited or expert opinion, as defined on the public "
            "'How strong is the evidence?' page. Grade the claim below by its best reference, "
            "and no higher."
        ),
    )
    evidence_claim = models.CharField(
        _("claim graded"),
        max_length=300,
        blank=True,
        help_text=_("The claim the strength applies to, in one plain sentence."),
    )

    class Meta:
        abstract = True

    @property
    def grade(self):
        return evidence.grade(self.evidence_strength)

    def clean(self):
        super().clean()
        # Published guidance must say how strong its evidence is; a draft may wait.
        if self.status == Status.PUBLISHED and not self.evidence_strength:
            raise ValidationError(
                {"evidence_strength": _("Set the strength of evidence before publishing.")}
            )


class PresentationType(Reviewed):
    code = models.CharField(
        _("code"), max_length=20, unique=True, choices=[(c, c) for c in TYPE_CODES]
    )
    name = models.CharField(_("name"), max_length=80)
    summary = models.TextField(_("plain summary"))
    drivers = models.TextField(_("drivers (Markdown)"))
    drivers_html = models.TextField(editable=False, default="")
    what_helps = models.TextField(_("what helps (Markdown)"))
    what_helps_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("presentation type")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.drivers_html = render_markdown(self.drivers)
        self.what_helps_html = render_markdown(self.what_helps)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("content:type", args=[self.code])


class Article(Graded, Reviewed):
    class Section(models.TextChoices):
        MECHANISM = "mechanism", _("Why pain persists")
        CARE_GAP = "care_gap", _("What care gets wrong")
        GENERAL = "general", _("General")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    section = models.CharField(
        _("section"), max_length=20, choices=Section.choices, default=Section.GENERAL
    )
    summary = models.TextField(_("summary"))
    body = models.TextField(_("body (Markdown)"))
    body_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    types = models.ManyToManyField(
        PresentationType, blank=True, related_name="articles", verbose_name=_("types")
    )
    history = HistoricalRecords(m2m_fields=[types])

    class Meta:
        ordering = ["section", "order", "title"]
        verbose_name = _("article")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("content:article", args=[self.slug])


class ToolkitItem(Graded, Reviewed):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    summary = models.CharField(_("one-line summary"), max_length=240)
    what_it_does = models.TextField(_("what it does and why (Markdown)"))
    what_it_does_html = models.TextField(editable=False, default="")
    dose = models.CharField(_("dose"), max_length=240)
    time_to_effect = models.CharField(_("time to effect"), max_length=240)
    # The same time to effect as numbers, for the timeline on a person's plan. Empty when the
    # guide does not state one: the plan then shows the item without a date, never a guess.
    effect_from_weeks = models.PositiveSmallIntegerField(
        _("starts to help after (weeks)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the guide does not say."),
    )
    effect_to_weeks = models.PositiveSmallIntegerField(
        _("full effect by (weeks)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the guide does not say."),
    )
    evidence = models.TextField(_("evidence summary (Markdown)"), blank=True)
    evidence_html = models.TextField(editable=False, default="")
    needs_prescription = models.BooleanField(_("needs a prescription"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    types = models.ManyToManyField(
        PresentationType, blank=True, related_name="toolkit_items", verbose_name=_("types served")
    )
    history = HistoricalRecords(m2m_fields=[types])

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("toolkit item")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.what_it_does_html = render_markdown(self.what_it_does)
        self.evidence_html = render_markdown(self.evidence)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("content:toolkit_item", args=[self.slug])

    def clean(self):
        super().clean()
        low, high = self.effect_from_weeks, self.effect_to_weeks
        if low is not None and high is not None and high < low:
            raise ValidationError(
                {"effect_to_weeks": _("Full effect cannot come before it starts to help.")}
            )


class Reference(PlainLineEndings):
    """A source behind an article's key claim or a toolkit item, with a link a reader can follow.

    Belongs to exactly one article or one toolkit item and is reviewed with it. Where the source
    is a clinical guideline, `guideline_stance` says whether it agrees with the claim.
    """

    class Kind(models.TextChoices):
        GUIDELINE = "guideline", _("Clinical guideline")
        REVIEW = "review", _("Systematic review")
        TRIAL = "trial", _("Randomised trial")
        STUDY = "study", _("Other study or review")

    class Stance(models.TextChoices):
        AGREES = "agrees", _("Agrees")
        PARTLY = "partly", _("Agrees in part")
        DISAGREES = "disagrees", _("Does not agree")
        NO_RECOMMENDATION = "no_recommendation", _("Makes no recommendation")

    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sources",
        verbose_name=_("article"),
    )
    item = models.ForeignKey(
        ToolkitItem,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sources",
        verbose_name=_("toolkit item"),
    )
    citation = models.CharField(_("citation"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STUDY)
    doi = models.CharField(
        _("DOI"),
        max_length=120,
        blank=True,
        validators=[
            RegexValidator(r"^10\.\d{4,9}/\S+$", _("A DOI starts with 10. (no https://)."))
        ],
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    guideline_stance = models.CharField(
        _("does the guideline agree?"),
        max_length=20,
        choices=Stance.choices,
        blank=True,
        help_text=_("For guidelines only."),
    )
    note = models.CharField(_("what it says on this claim"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("reference")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(article__isnull=False, item__isnull=True)
                    | models.Q(article__isnull=True, item__isnull=False)
                ),
                name="reference_has_one_owner",
            ),
            models.CheckConstraint(
                condition=~models.Q(doi="", url=""), name="reference_has_doi_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def href(self) -> str:
        """Where a reader goes to check it: the DOI resolver when there is a DOI."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    def clean(self):
        super().clean()
        if not self.doi and not self.url:
            raise ValidationError(_("Give a DOI or a link, so a reader can check the source."))
        if self.guideline_stance and self.kind != self.Kind.GUIDELINE:
            raise ValidationError({"guideline_stance": _("Only a guideline has a stance here.")})


class CautionRuleQuerySet(models.QuerySet):
    def rulebook(self) -> tuple:
        """The table as scoring reads it (rules.cautions.Caution), completed with any contract
        caution that is missing, so a caution can never go missing. Two queries."""
        from assessment.rules import cautions

        rows = self.prefetch_related(
            models.Prefetch("items", queryset=ToolkitItem.objects.only("slug"))
        )
        return cautions.complete(row.as_rule() for row in rows)


class CautionRule(PlainLineEndings):
    """One caution rule, read by every output: what triggers it, what it says to the person and
    to the clinician, and which toolkit items it rides on (ITEMS.md caution codes).

    A suggestion caution rides on the toolkit items listed, shown wherever they are suggested
    and on their toolkit pages; a medicine caution is about the person's own medicines and
    conditions, whatever is suggested.
    """

    class Kind(models.TextChoices):
        SUGGESTION = "suggestion", _("Rides on the toolkit items listed")
        MEDICINE = "medicine", _("About the person's own medicines, whatever is suggested")

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[RegexValidator(r"^[a-z][a-z0-9_]*$", _("Lower-case letters, digits, _."))],
        help_text=_("A short code that exports and the test bench use, e.g. pea_anticoagulant."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    label = models.CharField(
        _("short name"), max_length=80, help_text=_("e.g. “Taking blood thinners”")
    )
    patient_text = models.CharField(_("what to tell the person"), max_length=400)
    clinician_text = models.CharField(_("the line for the clinician"), max_length=300)
    triggers = models.TextField(
        _("shown when"),
        help_text=_(
            "One trigger per line; any line raises the caution. Write item=answer with the MAP "
            "codes (medications=anticoagulant), join parts that must all hold with & "
            "(medications=nsaids_regular & conditions=kidney_disease), write “conditions "
            "skipped” for a question left unanswered (not knowing is not the same as being "
            "safe), or “always”."
        ),
    )
    shown_when = models.CharField(
        _("shown when, in plain words"), max_length=200, help_text=_("For the method page.")
    )
    items = models.ManyToManyField(
        ToolkitItem,
        related_name="cautions",
        blank=True,
        verbose_name=_("toolkit items it rides on"),
    )
    rank_factor = models.FloatField(
        _("rank factor"),
        default=1.0,
        validators=[MinValueValidator(0.1), MaxValueValidator(1.0)],
        help_text=_("How much it lowers a suggestion's place (1 = not at all). Never hides it."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords(m2m_fields=[items])

    objects = CautionRuleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("caution")

    def __str__(self) -> str:
        return self.code

    @property
    def text(self) -> str:
        return self.patient_text

    def clean(self):
        super().clean()
        from assessment.rules.cautions import TriggerError, parse_triggers

        try:
            parse_triggers(self.triggers)
        except TriggerError as exc:
            raise ValidationError({"triggers": str(exc)}) from None

    def as_rule(self):
        from assessment.rules.cautions import Caution as Rule
        from assessment.rules.cautions import TriggerError, parse_triggers

        try:
            when = parse_triggers(self.triggers)
        except TriggerError:
            # The admin refuses such a row; one written another way is shown to everyone it
            # rides on, since a caution shown too often is safer than one lost.
            when = ((),)
        return Rule(
            code=self.code,
            kind=self.kind,
            patient=self.patient_text,
            clinician=self.clinician_text,
            when=when,
            rides_on=tuple(item.slug for item in self.items.all()),
            rank_factor=self.rank_factor,
            shown_when=self.shown_when,
            label=self.label,
        )


class Question(Reviewed):
    """A real question people ask, answered in the FAQ."""

    question = models.CharField(_("question"), max_length=240)
    slug = models.SlugField(_("anchor"), max_length=80, unique=True)
    answer = models.TextField(_("answer (Markdown)"))
    answer_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    articles = models.ManyToManyField(
        Article, blank=True, related_name="questions", verbose_name=_("related articles")
    )
    types = models.ManyToManyField(
        PresentationType, blank=True, related_name="questions", verbose_name=_("related types")
    )
    history = HistoricalRecords(m2m_fields=[articles, types])

    class Meta:
        ordering = ["order", "question"]
        verbose_name = _("real question")

    def __str__(self) -> str:
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("content:questions") + f"#{self.slug}"


class SupportText(PlainLineEndings):
    """Safety text that editors adapt to their country: who to call, and how.

    Pages fall back to a built-in default (emergency services and a crisis line) when there is
    no row, so safety text can never go missing.
    """

    class Slug(models.TextChoices):
        CRISIS = "crisis", _("Crisis support (thoughts of self-harm)")

    slug = models.CharField(
        _("where it is shown"), max_length=20, unique=True, choices=Slug.choices
    )
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(
        _("body (Markdown)"), help_text=_("Name your emergency number and a free crisis line.")
    )
    body_html = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support text")

    def __str__(self) -> str:
        return self.get_slug_display()

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)
