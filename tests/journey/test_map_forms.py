"""Reading a question page's POST, resume codes, and the wording of answers and reasons."""

import pytest
from django.http import QueryDict

from assessment.journey import presenters, services
from assessment.journey.forms import AnswerForm, ResumeForm, required_message
from assessment.rules.cautions import BY_CODE
from assessment.rules.scoring import Reason
from assessment.rules.spec import ItemSpec, OptionSpec, QuestionnaireSpec

SINGLE = ItemSpec(
    code="duration",
    kind="single",
    section="pain",
    section_title="About your pain",
    wording="How long have you had this pain?",
    optional=True,
    options=(OptionSpec("lt_3_months", "Less than 3 months"), OptionSpec("gt_12", "Over a year")),
)
MULTI = ItemSpec(
    code="red_flags",
    kind="multi",
    section="safety",
    section_title="Safety",
    wording="Do you have any of these?",
    optional=False,
    options=(
        OptionSpec("fever_unwell", "Fever"),
        OptionSpec("chest_pain", "Chest pain"),
        OptionSpec("none", "None of these", exclusive=True),
    ),
)
NUMBER = ItemSpec(
    code="intensity",
    kind="number",
    section="pain",
    section_title="About your pain",
    wording="How bad is it?",
    min_value=0,
    max_value=10,
)
WIDE_NUMBER = ItemSpec(
    code="age",
    kind="number",
    section="x",
    section_title="X",
    wording="Age?",
    min_value=16,
    max_value=120,
)
TEXT = ItemSpec(
    code="notes_for_clinician",
    kind="text",
    section="medical",
    section_title="Medical",
    wording="Anything else?",
    optional=True,
)
SPEC = QuestionnaireSpec(
    version=1, label="t", status="published", items=(MULTI, SINGLE, NUMBER, TEXT)
)


def post(**fields):
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def cleaned(item, **fields):
    form = AnswerForm(item, data=post(**fields))
    return form.is_valid(), form.value, form.error


def test_it_cleans_each_kind_of_answer():
    assert cleaned(SINGLE, answer="gt_12") == (True, "gt_12", None)
    assert cleaned(MULTI, answer=["chest_pain", "fever_unwell"])[1] == [
        "fever_unwell",
        "chest_pain",
    ]
    assert cleaned(NUMBER, answer="7") == (True, 7, None)
    assert cleaned(TEXT, answer="  sore in the mornings ") == (True, "sore in the mornings", None)


def test_it_stores_a_skip_as_none_except_for_red_flags():
    assert cleaned(SINGLE, answer="gt_12", action="skip") == (True, None, None)
    valid, _, error = cleaned(MULTI, action="skip")
    assert not valid and error == "Select any of these you have, or ‘None of these’"


def test_it_takes_an_empty_optional_answer_as_skipped():
    assert cleaned(TEXT, answer="   ") == (True, None, None)
    assert cleaned(SINGLE) == (True, None, None)
    assert cleaned(NUMBER, answer="") == (True, None, None)
    assert AnswerForm(SINGLE).accepts_empty and not AnswerForm(MULTI).accepts_empty


def test_it_never_lets_the_red_flag_screen_be_skipped():
    valid, _, error = cleaned(MULTI, action="skip")
    assert not valid and error


def test_it_refuses_none_of_these_together_with_a_symptom():
    valid, _, error = cleaned(MULTI, answer=["chest_pain", "none"])
    assert not valid
    assert error == "Select ‘None of these’ on its own, or untick it and select what applies"


@pytest.mark.parametrize("raw", ["ten", "11", "-1", "3.5", "1e1", ["2", "3"]])
def test_it_refuses_anything_but_a_whole_number_in_range(raw):
    valid, _, error = cleaned(NUMBER, answer=raw)
    assert not valid and error == "Select a number from 0 to 10"


def test_it_asks_to_enter_a_number_when_the_range_is_too_wide_for_radios():
    assert required_message(WIDE_NUMBER) == "Enter a number from 16 to 120"
    assert AnswerForm(WIDE_NUMBER).error_anchor == "answer"
    assert AnswerForm(NUMBER).error_anchor == "answer-0"
    assert AnswerForm(SINGLE).error_anchor == "answer-lt_3_months"


def test_it_counts_characters_and_says_how_many():
    valid, _, error = cleaned(TEXT, answer="a" * 1001)
    assert not valid and error.startswith("Your answer must be 1,000 characters or fewer")
    assert "1,001" in error


def test_it_fills_the_form_from_a_stored_answer():
    assert AnswerForm(MULTI, initial=["none"]).selected == {"none"}
    assert AnswerForm(NUMBER, initial=0).selected == {"0"}
    assert AnswerForm(SINGLE, initial=None).selected == set()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("abcd-efgh", "ABCDEFGH"), (" ab cd ef gh ", "ABCDEFGH"), ("ABCD–EFGH", "ABCDEFGH")],
)
def test_it_ignores_case_spaces_and_dashes_in_resume_codes(typed, stored):
    assert services.normalise_code(typed) == stored
    assert services.format_code(stored) == "ABCD-EFGH"


@pytest.mark.django_db
def test_it_says_one_thing_for_any_wrong_resume_code():
    from tests.support import make_assessment, make_questionnaire

    assessment = make_assessment(make_questionnaire(n_items=3))
    last = "X" if assessment.resume_code[-1] != "X" else "Y"
    for typed in ("nope", assessment.resume_code[:-1] + last):
        form = ResumeForm(data={"code": typed})
        assert not form.is_valid()
        assert form.errors["code"] == [str(ResumeForm.error_message)]
        assert "do not recognise that resume code" in form.errors["code"][0]
    form = ResumeForm(data={"code": "  "})
    assert not form.is_valid() and form.errors["code"] == ["Enter your resume code"]
    form = ResumeForm(data={"code": assessment.resume_code.lower()})
    assert form.is_valid() and form.assessment == assessment


def test_it_words_answers_with_labels_and_not_provided():
    assert presenters.answer_text(SINGLE, "gt_12") == "Over a year"
    assert presenters.answer_text(MULTI, ["fever_unwell", "none"]) == "Fever, None of these"
    assert presenters.answer_text(NUMBER, 4) == "4 out of 10"
    assert presenters.answer_text(SINGLE, None) == "Not provided"


def test_it_words_reasons_from_the_question_and_the_answer_label():
    line = presenters.because_line(SPEC, Reason("duration", "gt_12", 2))
    assert line == "How long have you had this pain? Over a year."
    body = ItemSpec(code="body_regions", kind="multi", section="p", section_title="P", wording="W")
    spec = QuestionnaireSpec(version=1, label="t", status="published", items=(body,))
    assert presenters.because_line(spec, Reason("body_regions", "wpi_8", 3)) == (
        "You marked pain in 8 of the 19 body areas."
    )


def test_it_never_drops_a_caution_without_text_in_the_content_database():
    from assessment.rules.scoring import Suggestion

    editors = type("Rule", (), {"patient_text": "Editors' own words."})()
    item = type("Item", (), {"slug": "omega-3"})()
    views = presenters.suggestion_views(
        SPEC,
        [Suggestion("omega-3", cautions=("anticoagulant", "pregnancy", "removed_since"))],
        {"omega-3": item},
        words={"anticoagulant": editors, "pregnancy": BY_CODE["pregnancy"]},
    )
    assert [(c.code, c.text) for c in views[0].cautions] == [
        ("anticoagulant", "Editors' own words."),
        ("pregnancy", str(BY_CODE["pregnancy"].patient)),
        ("removed_since", str(presenters.CAUTION_DEFAULT)),
    ]


@pytest.mark.django_db
def test_it_gives_out_long_resume_codes_and_still_opens_old_short_ones():
    from assessment.models import RESUME_ALPHABET, Assessment
    from tests.support import make_assessment, make_questionnaire

    questionnaire = make_questionnaire(n_items=3)
    new = make_assessment(questionnaire)
    assert len(new.resume_code) == 16
    assert set(new.resume_code) <= set(RESUME_ALPHABET)
    assert services.format_code(new.resume_code).count("-") == 3  # four groups of four
    typed = services.format_code(new.resume_code).lower()
    assert ResumeForm(data={"code": typed}).is_valid()

    old = make_assessment(questionnaire)
    Assessment.objects.filter(pk=old.pk).update(resume_code="ACDEFGHJ")  # given out before
    form = ResumeForm(data={"code": "acde-fghj"})
    assert form.is_valid() and form.assessment == old
    for near in ("ACDEFGH", "ACDEFGHJK", new.resume_code[:12]):
        assert not ResumeForm(data={"code": near}).is_valid()
