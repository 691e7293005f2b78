"""The caution rulebook, the validated measures and the revised contract rules (ITEMS.md)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessment.data.seed_map import seed_all, seed_spec
from assessment.rules import cautions, measures, scoring

ROOT = Path(__file__).resolve().parents[2]
SPEC_1 = seed_spec(1)
SPEC_2 = seed_spec(2)


def score(spec=SPEC_1, **answers):
    return scoring.score(spec, {"red_flags": ["none"], **answers})


# Suggestion cautions -------------------------------------------------------------------------


@pytest.mark.parametrize("conditions", [["diabetes"], ["prediabetes"], None])
def test_alpha_lipoic_acid_carries_the_blood_sugar_caution(conditions):
    answers = {} if conditions is None else {"conditions": conditions}
    assert "blood_sugar" in cautions.cautions_for("alpha-lipoic-acid", answers)


def test_alpha_lipoic_acid_has_no_blood_sugar_caution_when_diabetes_is_ruled_out():
    assert "blood_sugar" not in cautions.cautions_for("alpha-lipoic-acid", {"conditions": ["none"]})


def test_sleep_restoration_carries_magnesiums_cautions_because_it_recommends_magnesium():
    assert cautions.cautions_for("sleep-restoration", {"conditions": ["kidney_disease"]}) == (
        "kidney",
    )
    assert "pregnancy" in cautions.cautions_for("sleep-restoration", {"conditions": ["pregnancy"]})
    assert cautions.cautions_for("sleep-restoration", {"conditions": ["none"]}) == ()


def test_a_sleep_suggestion_for_someone_with_kidney_disease_shows_the_kidney_caution():
    result = score(
        sleep_quality="very_poor",
        fatigue="severe",
        pain_spread="many_areas",
        conditions=["kidney_disease"],
        medications=["none"],
    )
    sleep = next(s for s in result.suggestions if s.slug == "sleep-restoration")
    assert "kidney" in sleep.cautions


def test_every_caution_rides_on_real_toolkit_slugs_and_has_words_for_both_audiences():
    from assessment.rules.codes import TOOLKIT_SLUGS

    for caution in cautions.CAUTIONS:
        assert set(caution.rides_on) <= set(TOOLKIT_SLUGS), caution.code
        assert str(caution.patient) and str(caution.clinician) and str(caution.shown_when)
        assert (caution.kind == "suggestion") == bool(caution.rides_on), caution.code
        for words in (caution.patient, caution.clinician, caution.shown_when):
            assert "you have" not in str(words).lower(), caution.code


# Medicine cautions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answers, code",
    [
        ({"medications": ["nsaids_regular", "anticoagulant"]}, "nsaid_anticoagulant"),
        ({"medications": ["nsaids_regular"], "conditions": ["kidney_disease"]}, "nsaid_kidney"),
        ({"medications": ["nsaids_regular"], "conditions": ["pregnancy"]}, "nsaid_pregnancy"),
        ({"medications": ["opioids", "gabapentinoid"]}, "opioid_gabapentinoid"),
    ],
)
def test_a_medicine_caution_is_raised_by_the_combination_ticked(answers, code):
    assert score(**answers).medicine_cautions == (code,)
    # Half of the combination is not enough.
    for item, ticked in answers.items():
        for one in ticked:
            assert code not in score(**{item: [one]}).medicine_cautions


def test_medicine_cautions_are_raised_only_from_what_was_ticked_never_from_a_skip():
    assert score().medicine_cautions == ()
    assert score(medications=["nsaids_regular"]).medicine_cautions == ()


def test_an_urgent_result_keeps_its_medicine_cautions():
    result = scoring.score(
        SPEC_1, {"red_flags": ["weight_loss"], "medications": ["opioids", "gabapentinoid"]}
    )
    assert result.suggestions == ()
    assert result.medicine_cautions == ("opioid_gabapentinoid",)


# Clinically sound fixes ----------------------------------------------------------------------


def test_heavy_alcohol_alone_is_not_a_b12_finding():
    nerve = dict(
        body_regions=["feet"],
        descriptors=["burning", "pins_and_needles", "numbness"],
        pain_spread="one_area",
        duration="gt_12_months",
    )
    drinker = score(**nerve, conditions=["alcohol_heavy"])
    assert "methylcobalamin" not in {s.slug for s in drinker.suggestions}
    assert any(note.code == "alcohol_nerves" for note in drinker.notes)
    low_b12 = score(**nerve, conditions=["b12_low"])
    assert "methylcobalamin" in {s.slug for s in low_b12.suggestions}


def test_a_score_of_zero_names_no_reason_and_reasons_only_ever_add():
    # Peripheral points cancelled by the nerve words that mark its absence.
    result = score(descriptors=["burning", "electric_shocks", "shooting"], swelling="yes")
    for part in result.types.values():
        assert all(reason.points > 0 for reason in part.because)
        if part.score == 0:
            assert part.because == ()


def test_no_type_is_named_on_thin_evidence():
    result = score(sleep_quality="fair")
    assert all(part.level == "low" for part in result.types.values())
    assert result.primary == ()
    assert "graded-movement" in {s.slug for s in result.suggestions}


def test_an_emergency_names_no_type_even_with_a_strong_picture():
    strong = dict(
        pain_spread="many_areas", fatigue="severe", cognitive="severe", touch_sensitivity="often"
    )
    assert score(**strong).primary
    emergency = scoring.score(SPEC_1, {"red_flags": ["saddle_numbness"], **strong})
    assert emergency.primary == () and emergency.suggestions == ()


def test_graded_movement_is_suggested_for_acute_pain_too():
    result = score(duration="lt_3_months", movement_link="clear_pattern", swelling="yes")
    assert result.acute and "graded-movement" in {s.slug for s in result.suggestions}


# Measures ------------------------------------------------------------------------------------

FULL_MEASURES = {
    "intensity": 6,
    "interference_enjoyment": 7,
    "interference_activity": 6,
    "little_interest": "several_days",
    "mood": "more_than_half",
    "nervous": "nearly_every_day",
    "uncontrolled_worry": "not_at_all",
    "body_regions": ["neck", "lower_back", "hip_left", "hands", "feet"],
}


def test_measures_are_scored_as_published():
    assert measures.measures_for(FULL_MEASURES) == {"peg": 6.3, "phq2": 3, "gad2": 3, "wpi": 3}
    assert measures.peg({**FULL_MEASURES, "interference_activity": 7}) == 6.7
    assert measures.peg({**FULL_MEASURES, "intensity": 0, "interference_enjoyment": 0}) == 2.0


@pytest.mark.parametrize("skipped", ["interference_activity", "little_interest", "nervous"])
def test_a_measure_with_a_skipped_item_is_null_never_a_guess(skipped):
    answers = {k: v for k, v in FULL_MEASURES.items() if k != skipped}
    values = measures.measures_for(answers)
    name = {"interference_activity": "peg", "little_interest": "phq2", "nervous": "gad2"}[skipped]
    assert values[name] is None
    assert [k for k, v in values.items() if v is None] == [name]


def test_wpi_is_null_when_the_body_map_was_skipped_and_zero_when_only_hands_and_feet():
    assert measures.wpi({}) is None
    assert measures.wpi({"body_regions": ["hands", "feet"]}) == 0


def test_version_1_has_no_phq2_because_its_mood_item_is_not_phq2():
    result = score(SPEC_1, mood="nearly_every_day", intensity=5)
    assert result.measures["phq2"] is None and result.measures["peg"] is None


def test_version_2_results_carry_the_measures():
    result = score(SPEC_2, **FULL_MEASURES)
    assert result.measures == {"peg": 6.3, "phq2": 3, "gad2": 3, "wpi": 3}
    assert result.to_dict()["measures"] == result.measures


# map_score -----------------------------------------------------------------------------------


def write(tmp_path, name, document):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(document))
    return str(path)


@pytest.mark.django_db
def test_map_score_prints_the_measures_of_a_version_2_story(tmp_path, capsys):
    seed_all()
    story = write(tmp_path, "s", {"id": "s", "answers": {"red_flags": ["none"], **FULL_MEASURES}})
    skipped = {k: v for k, v in FULL_MEASURES.items() if k != "uncontrolled_worry"}
    other = write(tmp_path, "t", {"id": "t", "answers": {"red_flags": ["none"], **skipped}})
    call_command("map_score", story, other)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["s", "t"]
    assert lines[0]["questionnaire"] == "2"
    assert lines[0]["measures"] == {"peg": 6.3, "phq2": 3, "gad2": 3, "wpi": 3}
    assert lines[1]["measures"]["gad2"] is None
    assert lines[0]["medicine_cautions"] == []


@pytest.mark.django_db
def test_map_score_refuses_a_story_without_the_red_flag_screen(tmp_path):
    seed_all()
    story = write(tmp_path, "x", {"id": "x", "answers": {"duration": "gt_12_months"}})
    with pytest.raises(CommandError, match="red flags not screened") as error:
        call_command("map_score", story)
    assert error.value.returncode == 2


@pytest.mark.slow  # starts a fresh Python process
def test_map_score_exits_2_from_the_command_line(tmp_path):
    """The real process, as check-vignettes runs it: exit status 2, naming the problem."""
    story = write(tmp_path, "x", {"id": "x", "answers": {"duration": "gt_12_months"}})
    db = tmp_path / "db.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{db}", "PATH": "/usr/bin:/bin"}
    python = sys.executable
    setup_env = {**env, "DJANGO_DEBUG": "True"}
    for command in (["migrate", "-v0"], ["seed_map"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=setup_env, check=True)
    run = subprocess.run(
        [python, "manage.py", "map_score", story],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "red flags not screened" in run.stderr


# One source ----------------------------------------------------------------------------------

SOURCES = [
    path
    for folder in ("assessment", "content", "painmap", "templates")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in (".py", ".html") and "migrations" not in path.parts
]


@pytest.mark.parametrize("caution", cautions.CAUTIONS, ids=lambda c: c.code)
def test_a_cautions_words_are_written_only_in_the_rulebook(caution):
    """No output keeps its own copy of a caution (results, summary, PDF, method page...)."""
    for words in (str(caution.patient), str(caution.clinician)):
        found = [
            path.relative_to(ROOT)
            for path in SOURCES
            if path.name != "cautions.py" and words in path.read_text(encoding="utf-8")
        ]
        assert found == [], (caution.code, found)


def test_the_old_copies_of_the_caution_rules_are_gone():
    names = ("CAUTION_FALLBACKS", "ANSWER_CAUTIONS", "CAUTION_RANK_FACTOR", "def cautions_for")
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for name in names:
            if path.name != "cautions.py":
                assert name not in text, (path.relative_to(ROOT), name)
