"""Reading one question page's POST, and the resume-code form.

A question's answer always arrives in the field `answer` (one value, or several for
checkboxes). The check itself is `assessment.rules.answers.clean_answer`, shared with `map_score`;
this module only turns what a browser sent into its input and turns every failure into a
message in GOV.UK style: what went wrong and how to fix it, in the words of the question.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..rules.answers import (
    NUMBER_PATTERN,
    TEXT_MAX_LENGTH,
    UNSTORABLE_MESSAGE,
    AnswerError,
    clean_answer,
    has_unstorable,
)
from ..rules.codes import RED_FLAGS
from ..rules.spec import ItemSpec
from . import services

MISSING = object()
SKIP = "skip"

# What to say when Continue is pressed with nothing chosen, by item code (ITEMS.md codes).
REQUIRED_MESSAGES = {
    "duration": gettext_lazy("Select how long you have had this pain"),
    "body_regions": gettext_lazy("Select where you feel pain"),
    "pain_spread": gettext_lazy("Select how your pain spreads"),
    "movement_link": gettext_lazy("Select whether movements or positions bring your pain on"),
    "proportionality": gettext_lazy("Select how your pain compares with the injury or problem"),
    "descriptors": gettext_lazy("Select what your pain feels like"),
    "touch_sensitivity": gettext_lazy("Select how often light touch hurts"),
    "swelling": gettext_lazy("Select yes if the painful area is sometimes swollen, warm or red"),
    "morning_stiffness": gettext_lazy("Select how long you are stiff in the morning"),
    "sensory_sensitivity": gettext_lazy(
        "Select how much light, noise, smells or temperature bother you"
    ),
    "sleep_quality": gettext_lazy("Select how well you sleep"),
    "fatigue": gettext_lazy("Select how tired you feel"),
    "cognitive": gettext_lazy("Select how much trouble you have thinking or remembering"),
    "activity_level": gettext_lazy("Select how active you are"),
    "processed_food": gettext_lazy("Select how much of your food is processed"),
    "stress_level": gettext_lazy("Select how often you have felt overwhelmed in the past month"),
    "stress_pain_link": gettext_lazy("Select whether your pain is worse when you are stressed"),
    "mood": gettext_lazy("Select how often you have felt down in the past 2 weeks"),
    "self_harm": gettext_lazy("Select whether you have had these thoughts in the past 2 weeks"),
    "worry": gettext_lazy("Select whether you agree or disagree"),
    "fear_of_movement": gettext_lazy("Select whether you agree or disagree"),
    "adverse_experiences": gettext_lazy("Select whether hard experiences still affect you"),
    "social_support": gettext_lazy("Select whether you have people who can help you"),
    "opioid_duration": gettext_lazy("Select how long you have taken opioids"),
    "opioid_taper": gettext_lazy("Select yes if you are reducing your opioids"),
    "surgery": gettext_lazy("Select whether you have had surgery for this pain"),
}
# Checkbox questions with a "none" answer name it, so the fix is obvious.
EXCLUSIVE_MESSAGES = {
    RED_FLAGS: gettext_lazy("Select any of these you have, or ‘%(none)s’"),
    "other_symptoms": gettext_lazy("Select any of these you have, or ‘%(none)s’"),
    "conditions": gettext_lazy("Select any conditions you have, or ‘%(none)s’"),
    "medications": gettext_lazy("Select any medicines you take, or ‘%(none)s’"),
}


def scale_values(item: ItemSpec) -> list[int] | None:
    """The numbers of a short number question shown as radios (0-10 gives 11), else None."""
    if item.kind != "number" or item.min_value is None or item.max_value is None:
        return None
    if not 0 < item.max_value - item.min_value <= 10:
        return None
    return list(range(item.min_value, item.max_value + 1))


def exclusive_option(item: ItemSpec):
    return next((option for option in item.options if option.exclusive), None)


def required_message(item: ItemSpec) -> str:
    if item.kind == "number":
        return number_message(item)
    if item.kind == "text":
        return _("Enter your answer, or skip this question")
    if item.kind == "multi":
        none = exclusive_option(item)
        if none is not None:
            template = EXCLUSIVE_MESSAGES.get(
                item.code, gettext_lazy("Select all that apply, or ‘%(none)s’")
            )
            return str(template) % {"none": none.label}
        return str(REQUIRED_MESSAGES.get(item.code, gettext_lazy("Select all that apply")))
    return str(REQUIRED_MESSAGES.get(item.code, gettext_lazy("Select an answer")))


def number_message(item: ItemSpec) -> str:
    verb = _("Select") if scale_values(item) else _("Enter")
    if item.min_value is not None and item.max_value is not None:
        return _("%(verb)s a number from %(low)s to %(high)s") % {
            "verb": verb,
            "low": item.min_value,
            "high": item.max_value,
        }
    return _("Enter a whole number")


class AnswerForm:
    """One question's answer: what the page shows, and what a POST turns into.

    Not a Django form: the fields of a question page come from the questionnaire spec, and
    the check is the shared `clean_answer`. After `is_valid()`, `value` is what to store
    (None for a skipped question) and `error` the message to show, if any.
    """

    def __init__(self, item: ItemSpec, data=None, initial=MISSING):
        self.item = item
        self.data = data
        self.error: str | None = None
        # True when the refused answer could not have come from the page's own controls
        # (a value that is not one of its options, a hidden control character): the page is
        # shown again with its message, as status 400 rather than 200.
        self.tampered = False
        self.value = None
        if data is not None:
            self.raw = [value for value in data.getlist("answer") if isinstance(value, str)]
            self.action = data.get("action", "continue")
        else:
            self.raw = self._raw_from(initial)
            self.action = "continue"

    def _raw_from(self, initial) -> list[str]:
        if initial is MISSING or initial is None:
            return []
        if isinstance(initial, list):
            return [str(value) for value in initial]
        return [str(initial)]

    @property
    def skippable(self) -> bool:
        return self.item.optional and self.item.code != RED_FLAGS

    @property
    def accepts_empty(self) -> bool:
        """Optional questions are marked "(optional)": Continue with nothing chosen skips them.

        The person sees the skip as "Not provided" on check answers, with a Change link.
        """
        return self.skippable

    @property
    def selected(self) -> set[str]:
        return set(self.raw)

    @property
    def text(self) -> str:
        return self.raw[0] if self.raw else ""

    def is_valid(self) -> bool:
        item = self.item
        if self.action == SKIP and self.skippable:
            self.value = None
            return True
        chosen = [value for value in self.raw if value.strip()] if item.kind != "text" else self.raw
        if not chosen or (item.kind == "text" and not chosen[0].strip()):
            if self.accepts_empty:
                self.value = None  # shown as "Not provided" on check answers
                return True
            self.error = required_message(item)
            return False
        if any(has_unstorable(value) for value in self.raw):
            self.error = _(UNSTORABLE_MESSAGE)
            self.tampered = True
            return False
        self.tampered = not self._offered(chosen)
        try:
            self.value = self._clean(chosen)
        except AnswerError as exc:
            self.error = str(exc)
            return False
        self.tampered = False
        return True

    @property
    def status(self) -> int:
        """The status of the page shown again with this form's error."""
        return 400 if self.tampered else 200

    def _offered(self, chosen: list[str]) -> bool:
        """Whether the page's own radios, checkboxes or scale could have sent `chosen`."""
        item = self.item
        if item.kind in ("single", "multi"):
            if item.kind == "single" and len(chosen) > 1:
                return False
            return all(code in item.options_by_code for code in chosen)
        scale = scale_values(item)
        if scale is not None:
            return len(chosen) == 1 and chosen[0] in {str(n) for n in scale}
        return True

    def _clean(self, chosen: list[str]):
        item = self.item
        if item.kind == "single":
            if len(chosen) > 1:
                raise AnswerError(required_message(item))
            try:
                return clean_answer(item, chosen[0])
            except AnswerError:
                raise AnswerError(required_message(item)) from None
        if item.kind == "multi":
            if any(code not in item.options_by_code for code in chosen):
                raise AnswerError(required_message(item))
            try:
                return clean_answer(item, chosen)
            except AnswerError:
                # The only other failure: "none" ticked together with other answers.
                none = exclusive_option(item)
                raise AnswerError(
                    _("Select ‘%(none)s’ on its own, or untick it and select what applies")
                    % {"none": none.label if none else ""}
                ) from None
        if item.kind == "number":
            if len(chosen) > 1:
                raise AnswerError(number_message(item))
            value = chosen[0].strip()
            if not NUMBER_PATTERN.match(value):
                raise AnswerError(number_message(item))
            try:
                return clean_answer(item, value)
            except AnswerError:
                raise AnswerError(number_message(item)) from None
        if item.kind == "text":
            text = chosen[0]
            if len(text.strip()) > TEXT_MAX_LENGTH:
                raise AnswerError(
                    _(
                        "Your answer must be %(max)s characters or fewer. It has %(count)s "
                        "characters now."
                    )
                    % {"max": f"{TEXT_MAX_LENGTH:,}", "count": f"{len(text.strip()):,}"}
                )
            return clean_answer(item, text)
        raise AnswerError(_("This question cannot be answered here"))

    @property
    def error_anchor(self) -> str:
        """The id the error summary links to: the first option, or the field itself."""
        scale = scale_values(self.item)
        if scale:
            return f"answer-{scale[0]}"
        if self.item.options:
            return f"answer-{self.item.options[0].code}"
        return "answer"


class ResumeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Resume code"),
        max_length=40,
        required=False,
        strip=True,
    )

    empty_message = gettext_lazy("Enter your resume code")
    error_message = gettext_lazy(
        "We do not recognise that resume code. Check it against your note: 16 letters and "
        "numbers, for example ACDE-FG34-HJKM-NPQR"
    )

    def clean_code(self):
        # One message for every wrong code (mistyped, unknown, deleted or expired): it never
        # says whether a code exists. An empty box is told to enter one.
        typed = self.cleaned_data.get("code", "")
        if not typed.strip():
            raise forms.ValidationError(self.empty_message, code="resume_empty")
        self.assessment = None if has_unstorable(typed) else services.find_by_resume_code(typed)
        if self.assessment is None:
            raise forms.ValidationError(self.error_message, code="resume")
        return self.assessment.resume_code
