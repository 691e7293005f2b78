"""One test per MAP scoring rule, on the pure scoring code (no database, no web)."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.data.seed_map import seed_spec
from assessment.rules import cautions as rulebook
from assessment.rules import scoring, suggestions
from assessment.rules.answers import AnswerError, clean_answers
from assessment.rules.flow import relevant_answers
from assessment.rules.spec import TYPES
from assessment.workbench.testbench import Expectation, check_result
from tests.support import CALM_BASE

SPEC = seed_spec()

# A calm baseline: chronic pain with nothing pointing anywhere in particular.
BASE = CALM_BASE


def run(**answers):
    merged = {**BASE, **answers}
    return scoring.score(SPEC, relevant_answers(SPEC, clean_answers(SPEC, merged)))


def slugs(result):
    return [s.slug for s in result.suggestions]


def cautions(result, slug):
    return next(s.cautions for s in result.suggestions if s.slug == slug)


# Red flags and crisis ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flag", ["bladder_bowel", "saddle_numbness", "progressive_weakness", "chest_pain"]
)
def test_it_calls_cauda_equina_and_chest_flags_an_emergency(flag):
    result = run(red_flags=[flag])
    assert result.urgency == "emergency"
    assert result.urgent
    assert result.red_flags == (flag,)


@pytest.mark.parametrize(
    "flag", ["fever_unwell", "weight_loss", "cancer_history", "major_trauma", "night_pain_constant"]
)
def test_it_calls_other_flags_urgent(flag):
    assert run(red_flags=[flag]).urgency == "urgent"


def test_it_lets_an_emergency_flag_outrank_an_urgent_one():
    assert run(red_flags=["weight_loss", "chest_pain"]).urgency == "emergency"


def test_it_suggests_nothing_while_a_red_flag_stands():
    # A picture that would otherwise bring several suggestions.
    answers = dict(sleep_quality="very_poor", pain_spread="many_areas", movement_link="no_pattern")
    assert slugs(run(**answers))
    assert run(red_flags=["fever_unwell"], **answers).suggestions == ()


def test_it_has_no_urgency_without_flags():
    result = run()
    assert result.urgency is None
    assert not result.urgent
    assert result.red_flags == ()


def test_it_shows_crisis_support_only_for_a_yes_to_self_harm():
    assert run(self_harm="yes").crisis
    assert not run(self_harm="no").crisis
    assert not run(self_harm="prefer_not_to_say").crisis


# Type rules ----------------------------------------------------------------------------------


def test_it_reads_a_clear_mechanical_local_pattern_as_peripheral():
    result = run(
        body_regions=["lower_leg_right"],
        pain_spread="one_area",
        movement_link="clear_pattern",
        proportionality="matches",
        descriptors=["aching", "sharp_with_movement"],
        sleep_quality="good",
    )
    assert result.primary[0] == "peripheral"
    assert result.types["peripheral"].level == "high"


def test_it_reads_unpredictable_disproportionate_spreading_pain_as_central():
    result = run(
        pain_spread="spreads_nearby",
        movement_link="no_pattern",
        proportionality="bigger",
        touch_sensitivity="often",
        sensory_sensitivity="a_lot",
    )
    assert result.primary[0] == "central"


def test_it_reads_three_nerve_words_and_a_nerve_cause_as_neuropathic():
    result = run(descriptors=["burning", "tingling", "numbness"], conditions=["diabetes"])
    assert result.primary[0] == "neuropathic"
    because = {str(reason) for reason in result.types["neuropathic"].because}
    assert "conditions=diabetes" in because
    assert "descriptors=burning" in because


def test_it_reads_stress_mood_and_a_stress_pain_link_as_stress_driven():
    result = run(stress_level="very_often", stress_pain_link="clearly", mood="more_than_half")
    assert result.primary[0] == "stress_driven"


def test_it_counts_only_the_three_strongest_nerve_words():
    three = run(descriptors=["burning", "tingling", "numbness"])
    seven = run(
        descriptors=[
            "burning",
            "tingling",
            "numbness",
            "pins_and_needles",
            "painful_cold",
            "electric_shocks",
            "shooting",
        ]
    )
    assert three.types["neuropathic"].score == seven.types["neuropathic"].score


def test_it_lowers_peripheral_for_burning_shooting_and_electric_pain():
    plain = run(movement_link="clear_pattern", descriptors=["aching"])
    burning = run(movement_link="clear_pattern", descriptors=["aching", "burning", "shooting"])
    assert burning.types["peripheral"].score < plain.types["peripheral"].score


def test_it_adds_central_points_for_widespread_pain_by_region_count():
    four = ["neck", "upper_back", "lower_back", "shoulder_left"]
    seven = [*four, "shoulder_right", "hip_left", "hip_right"]
    central = {n: run(body_regions=r).types["central"].score for n, r in ((4, four), (7, seven))}
    assert central[7] > central[4] > run(body_regions=four[:3]).types["central"].score
    assert "body_regions=wpi_7" in [
        str(r) for r in run(body_regions=seven).types["central"].because
    ]


def test_it_does_not_count_hands_and_feet_as_widespread_pain_index_regions():
    result = run(body_regions=["hands", "feet"])
    assert not any(r.item == "body_regions" for r in result.types["central"].because)


def test_it_reads_hands_and_feet_together_as_a_glove_and_stocking_pattern():
    both = run(body_regions=["hands", "feet"])
    feet = run(body_regions=["feet"])
    assert "body_regions=hands_and_feet" in [str(r) for r in both.types["neuropathic"].because]
    assert both.types["neuropathic"].score > feet.types["neuropathic"].score


def test_it_counts_one_or_two_regions_as_localised_for_peripheral():
    one = run(body_regions=["hip_left"])
    assert "body_regions=wpi_1" in [str(r) for r in one.types["peripheral"].because]
    three = run(body_regions=["hip_left", "hip_right", "lower_back"])
    assert not any(r.item == "body_regions" for r in three.types["peripheral"].because)


def test_it_treats_a_skipped_question_as_half_weight_evidence():
    full = run(movement_link="no_pattern", proportionality="bigger", sensory_sensitivity="no")
    skipped = run(movement_link="no_pattern", proportionality="bigger")
    # Skipping "no" keeps more of the central features than answering "no".
    assert skipped.types["central"].score > full.types["central"].score


def test_it_marks_pain_under_three_months_acute_and_lowers_the_chronic_types():
    chronic = run(stress_level="very_often", stress_pain_link="clearly")
    acute = run(duration="lt_3_months", stress_level="very_often", stress_pain_link="clearly")
    assert acute.acute and not chronic.acute
    assert acute.types["stress_driven"].score < chronic.types["stress_driven"].score
    assert acute.types["stress_driven"].level != "high"
    assert any(note.code == "acute" for note in acute.notes)


def test_it_does_not_lower_peripheral_in_acute_pain():
    local = dict(movement_link="clear_pattern", swelling="yes", pain_spread="one_area")
    acute = run(duration="lt_3_months", **local)
    assert acute.types["peripheral"].level == "high"


@pytest.mark.parametrize(
    ("value", "level"), [(0, "low"), (24, "low"), (25, "moderate"), (49, "moderate"), (50, "high")]
)
def test_it_maps_scores_to_levels(value, level):
    assert scoring.level_for(value) == level


def test_it_calls_the_picture_mixed_when_two_types_are_close():
    result = run(
        stress_level="very_often",
        stress_pain_link="clearly",
        movement_link="no_pattern",
        proportionality="bigger",
        pain_spread="many_areas",
        touch_sensitivity="often",
    )
    assert set(result.primary) == {"central", "stress_driven"}
    assert result.mixed


def test_it_keeps_a_single_leader_when_the_others_are_far_behind():
    result = run(
        body_regions=["lower_arm_right"],
        pain_spread="one_area",
        movement_link="clear_pattern",
        proportionality="matches",
    )
    assert result.primary == ("peripheral",)


def test_it_orders_because_lines_by_the_points_they_gave():
    result = run(proportionality="bigger", pain_spread="spreads_nearby", fatigue="mild")
    points = [reason.points for reason in result.types["central"].because]
    assert points == sorted(points, reverse=True)
    assert str(result.types["central"].because[0]) == "proportionality=bigger"


def test_it_drops_answers_on_a_branch_that_no_longer_applies():
    on_opioids = run(medications=["opioids"], opioid_duration="gt_3_months")
    stale = run(medications=["none"], opioid_duration="gt_3_months")
    assert any(n.code == "opioid_hyperalgesia" for n in on_opioids.notes)
    assert not any(n.code == "opioid_hyperalgesia" for n in stale.notes)
    assert stale.types["central"].score < on_opioids.types["central"].score


# Suggestions and cautions --------------------------------------------------------------------


def test_it_always_says_low_dose_naltrexone_needs_a_prescription():
    result = run(conditions=["fibromyalgia_diagnosis"], pain_spread="many_areas", fatigue="severe")
    assert "low-dose-naltrexone" in slugs(result)
    assert "prescription" in cautions(result, "low-dose-naltrexone")


def test_it_flags_low_dose_naltrexone_with_opioids():
    assert "opioids" in rulebook.cautions_for("low-dose-naltrexone", {"medications": ["opioids"]})
    assert "opioids" not in rulebook.cautions_for("low-dose-naltrexone", {"medications": ["none"]})


@pytest.mark.parametrize("slug", ["omega-3", "curcumin"])
def test_it_flags_bleeding_risk_with_blood_thinners(slug):
    assert "anticoagulant" in rulebook.cautions_for(slug, {"medications": ["anticoagulant"]})
    assert "anticoagulant" not in rulebook.cautions_for(slug, {"medications": ["none"]})


def test_it_flags_magnesium_with_kidney_disease():
    assert rulebook.cautions_for("magnesium", {"conditions": ["kidney_disease"]}) == ("kidney",)


@pytest.mark.parametrize("slug", [*rulebook.SUPPLEMENTS, "low-dose-naltrexone"])
def test_it_flags_supplements_and_naltrexone_in_pregnancy(slug):
    assert "pregnancy" in rulebook.cautions_for(slug, {"conditions": ["pregnancy"]})


def test_it_keeps_every_caution_when_medicines_and_conditions_were_skipped():
    assert set(rulebook.cautions_for("omega-3", {})) == {"anticoagulant", "pregnancy"}
    assert set(rulebook.cautions_for("magnesium", {})) == {"kidney", "pregnancy"}
    assert set(rulebook.cautions_for("low-dose-naltrexone", {})) == {
        "prescription",
        "opioids",
        "pregnancy",
    }


def test_it_lowers_a_cautioned_suggestion_rather_than_hiding_it():
    picture = dict(pain_spread="one_area", movement_link="clear_pattern", swelling="yes")
    plain = run(**picture, conditions=["osteoarthritis"])
    thinned = run(**picture, conditions=["osteoarthritis"], medications=["anticoagulant"])
    assert "curcumin" in slugs(thinned)
    fit = {s.slug: s.fit for s in plain.suggestions}
    fit_thinned = {s.slug: s.fit for s in thinned.suggestions}
    assert fit_thinned["curcumin"] < fit["curcumin"]


def test_it_suggests_blood_sugar_control_only_with_diabetes_and_nerve_features():
    with_nerves = run(conditions=["diabetes"], body_regions=["feet"], descriptors=["burning"])
    assert {"blood-sugar-control", "alpha-lipoic-acid"} <= set(slugs(with_nerves))
    knee_only = run(
        conditions=["diabetes"],
        body_regions=["lower_leg_left"],
        movement_link="clear_pattern",
        descriptors=["aching"],
    )
    assert "alpha-lipoic-acid" not in slugs(knee_only)


def test_it_suggests_methylcobalamin_for_low_b12_with_nerve_features():
    result = run(conditions=["b12_low"], body_regions=["feet"], descriptors=["pins_and_needles"])
    assert "methylcobalamin" in slugs(result)


def test_it_suggests_sleep_restoration_only_when_sleep_is_not_good():
    widespread = dict(pain_spread="many_areas", movement_link="no_pattern", fatigue="severe")
    assert "sleep-restoration" in slugs(run(sleep_quality="poor", **widespread))
    assert "sleep-restoration" not in slugs(run(sleep_quality="good", **widespread))


def test_it_offers_only_gentle_general_tools_in_acute_pain():
    result = run(
        duration="lt_3_months",
        movement_link="clear_pattern",
        swelling="yes",
        conditions=["osteoarthritis"],
    )
    assert set(slugs(result)) <= suggestions.ACUTE_ALLOWED
    assert "graded-movement" in slugs(result)


def test_it_ranks_graded_movement_above_supplements_for_joint_pain():
    result = run(
        body_regions=["lower_leg_right"],
        pain_spread="one_area",
        movement_link="clear_pattern",
        swelling="yes",
        conditions=["osteoarthritis"],
    )
    order = slugs(result)
    assert order.index("graded-movement") < order.index("curcumin")


def test_it_suggests_somatic_therapy_for_stress_with_hard_experiences():
    result = run(stress_level="often", stress_pain_link="clearly", adverse_experiences="yes")
    assert slugs(result)[0] == "somatic-therapy"


def test_it_caps_the_number_of_suggestions():
    everything = run(
        pain_spread="many_areas",
        movement_link="no_pattern",
        proportionality="bigger",
        sleep_quality="very_poor",
        stress_level="very_often",
        stress_pain_link="clearly",
        adverse_experiences="yes",
        descriptors=["burning", "tingling", "aching"],
        conditions=["fibromyalgia_diagnosis"],
    )
    assert len(everything.suggestions) == suggestions.MAX_SUGGESTIONS


# Notes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"morning_stiffness": "over_30_min"}, "morning_stiffness"),
        ({"medications": ["opioids"], "opioid_duration": "gt_3_months"}, "opioid_hyperalgesia"),
        ({"medications": ["opioids"], "opioid_taper": "yes"}, "opioid_taper"),
        ({"medications": ["nsaids_regular"]}, "nsaids_gut"),
        ({"conditions": ["disc_or_spine_finding"]}, "imaging"),
        ({"conditions": ["chemotherapy"], "body_regions": ["feet"]}, "neuropathy_cause"),
    ],
)
def test_it_adds_the_note_an_answer_calls_for(answers, code):
    assert code in [note.code for note in run(**answers).notes]


def test_it_adds_no_note_for_a_plain_picture():
    assert run().notes == ()


# The output contract -------------------------------------------------------------------------


def test_it_prints_the_contract_shape():
    data = run(descriptors=["burning"]).to_dict(id="x")
    assert set(data) >= {
        "id", "questionnaire", "primary", "types", "acute", "urgent", "urgency",
        "red_flags", "crisis", "suggestions", "notes",
    }  # fmt: skip
    assert set(data["types"]) == set(TYPES)
    assert data["types"]["neuropathic"]["because"] == ["descriptors=burning"]
    json.dumps(data)


def test_it_rejects_unknown_codes_by_name():
    with pytest.raises(AnswerError, match="unknown item 'pain_colour'"):
        clean_answers(SPEC, {"pain_colour": "blue"})
    with pytest.raises(AnswerError, match="'purple'"):
        clean_answers(SPEC, {"duration": "purple"})


def test_it_scores_an_empty_set_of_answers_as_no_evidence():
    result = scoring.score(SPEC, {})
    assert {part.score for part in result.types.values()} == {0}
    assert result.primary == ()  # no type named on no evidence
    # Staying active helps every type: the one suggestion left with no evidence at all.
    assert [s.slug for s in result.suggestions] == ["graded-movement"]
    assert not result.urgent and not result.crisis


SINGLE_ITEMS = [item for item in SPEC.items if item.kind == "single"]
MULTI_ITEMS = [item for item in SPEC.items if item.kind == "multi" and item.code != "red_flags"]


@st.composite
def answer_sets(draw):
    answers = {"red_flags": draw(st.sampled_from([["none"], ["fever_unwell"], ["chest_pain"]]))}
    for item in SINGLE_ITEMS:
        if draw(st.booleans()):
            answers[item.code] = draw(st.sampled_from([o.code for o in item.options]))
    for item in MULTI_ITEMS:
        if draw(st.booleans()):
            codes = [o.code for o in item.options if not o.exclusive]
            answers[item.code] = draw(st.lists(st.sampled_from(codes), min_size=1, unique=True))
    if draw(st.booleans()):
        answers["intensity"] = draw(st.integers(0, 10))
    return answers


@settings(max_examples=150, deadline=None)
@given(answer_sets())
def test_it_keeps_every_invariant_for_any_answers(raw):
    answers = relevant_answers(SPEC, clean_answers(SPEC, raw))
    result = scoring.score(SPEC, answers)
    assert all(0 <= part.score <= 100 for part in result.types.values())
    assert set(result.primary) <= set(TYPES) and len(set(result.primary)) == len(result.primary)
    leader = max(part.score for part in result.types.values())
    if result.primary:
        assert result.types[result.primary[0]].score == leader
        assert result.urgency != "emergency"
    else:
        # No type named: an emergency, or no type reaches moderate.
        assert result.urgency == "emergency" or all(
            part.level == "low" for part in result.types.values()
        )
    for part in result.types.values():
        assert all(reason.points > 0 for reason in part.because)
        assert part.score or not part.because
    if not result.urgent:
        assert "graded-movement" in {s.slug for s in result.suggestions}
    if result.urgent:
        assert result.suggestions == ()
    for suggestion in result.suggestions:
        if suggestion.slug == "low-dose-naltrexone":
            assert "prescription" in suggestion.cautions
        assert set(suggestion.cautions) == set(rulebook.cautions_for(suggestion.slug, answers))
    assert len(result.suggestions) <= suggestions.MAX_SUGGESTIONS
    assert scoring.score(SPEC, answers) == result  # deterministic


CASES = sorted((Path(__file__).resolve().parents[1] / "clinical_cases").glob("*.json"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_it_maps_the_projects_own_clinical_cases(path):
    case = json.loads(path.read_text())
    want = case["expect"]
    answers = relevant_answers(SPEC, clean_answers(SPEC, case["answers"]))
    result = scoring.score(SPEC, answers)
    # The same check the test bench and check-vignettes make.
    assert check_result(Expectation.from_vignette(want), result) == [], case["title"]
