"""The scoring test bench: verdicts with reasons, mirroring shared/map/check-vignettes."""

import pytest

from assessment.data.clinical_cases import CASES, story_fields
from assessment.data.seed_map import seed_spec
from assessment.models import TestStory as Story
from assessment.rules.codes import TYPE_CODES as TYPES
from assessment.rules.scoring import MapResult, Suggestion, TypeResult
from assessment.workbench import testbench
from tests.support import CALM_HIP, v1


def result(primary=("peripheral",), **kwargs):
    types = {code: TypeResult(code=code, score=10, level="low") for code in TYPES}
    return MapResult(questionnaire="1", primary=primary, types=types, **kwargs)


def test_it_passes_a_result_that_matches():
    expect = testbench.Expectation(leading_any=("peripheral", "central"))
    assert testbench.check_result(expect, result()) == []


def test_it_names_every_mismatch():
    expect = testbench.Expectation(
        leading_any=("central",),
        urgency="urgent",
        crisis=True,
        acute=True,
        suggest_all=("sleep-restoration",),
        not_suggested=("omega-3",),
        cautions={"omega-3": "anticoagulant"},
    )
    got = result(suggestions=(Suggestion(slug="omega-3"), Suggestion(slug="low-dose-naltrexone")))
    problems = testbench.check_result(expect, got)
    assert 'leading type is "peripheral", expected one of "central"' in problems
    assert 'urgency is none, expected "urgent"' in problems
    assert "crisis support is off, expected on" in problems
    assert "acute is off, expected on" in problems
    assert "urgent without naming its red flags" in problems
    assert any(p.startswith("urgent, yet suggests") for p in problems)
    assert '"sleep-restoration" is not suggested' in problems
    assert '"omega-3" is suggested but must not be' in problems
    assert '"omega-3" is suggested without its "anticoagulant" caution' in problems
    # Low-dose naltrexone always needs a prescriber, whatever the story says.
    assert '"low-dose-naltrexone" is suggested without its "prescription" caution' in problems


def test_it_reports_answers_that_do_not_fit_the_version():
    verdict = testbench.run_one(
        seed_spec(),
        title="Old codes",
        answers={"red_flags": ["none"], "duration": "forever"},
        expect=testbench.Expectation(leading_any=TYPES),
    )
    assert not verdict.passed
    assert "unknown answer 'forever' for duration" in verdict.problems[0]


@pytest.mark.django_db
def test_it_gives_a_verdict_per_active_story():
    Story.objects.all().delete()
    Story.objects.create(
        title="Calm hip", story="s", answers=CALM_HIP, expected_leading=["peripheral"]
    )
    Story.objects.create(
        title="Wrong on purpose", story="s", answers=CALM_HIP, expected_leading=["central"]
    )
    Story.objects.create(
        title="Switched off",
        story="s",
        answers=CALM_HIP,
        expected_leading=["central"],
        active=False,
    )
    report = testbench.run_bench(v1())
    verdicts = {v.title: v for v in report.verdicts}
    assert set(verdicts) == {"Calm hip", "Wrong on purpose"}
    assert verdicts["Calm hip"].passed
    assert verdicts["Wrong on purpose"].problems[0].startswith('leading type is "peripheral"')
    assert report.passed_count == 1 and not report.all_passed


@pytest.mark.django_db
def test_it_passes_every_seeded_clinical_case_on_version_one():
    """The project's own cases, seeded by migration, against the real scoring of v1."""
    assert Story.objects.filter(title__in=[c["title"] for c in CASES]).count() == len(CASES)
    report = testbench.run_bench(v1())
    failures = {v.title: v.problems for v in report.failures}
    assert failures == {}
    assert report.passed_count >= 12


@pytest.mark.django_db
def test_it_catches_a_case_whose_expectation_is_flipped():
    case = next(c for c in CASES if c["expect"]["primary_any"] == ["neuropathic"])
    fields = story_fields(case)
    fields["expected_leading"] = ["peripheral"]
    fields["title"] = "Flipped"
    story = Story(**fields)
    report = testbench.run_bench(v1(), stories=[story])
    assert not report.verdicts[0].passed


def test_small_counts_of_changed_assessments_are_not_shown_exactly():
    assert testbench.shown_count(0) == "0"
    assert testbench.shown_count(3) == "fewer than 5"
    assert testbench.shown_count(5) == "5"
