"""PainMap's own clinical test cases: one source for the seeded test stories and the JSON files.

Each case is in the shared vignette format ({"id", "title", "story", "answers", "expect"}), so
`../shared/map/check-vignettes tests/clinical_cases` runs them too. Migration 0004 loads them as
TestStory rows; `tests/workbench/test_clinical_cases.py` checks the JSON files match this module
(`python -m assessment.data.clinical_cases tests/clinical_cases` rewrites them).

The expectations follow the mechanism clusters and red-flag actions in
shared/research/clinical-anchors.md §3–§4. They are deliberately different people from the
shared vignettes. Data only: no Django import, so a migration can use it safely.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assessment.rules.cautions import SUPPLEMENTS
from assessment.rules.codes import TYPE_CODES

# An urgent result may name a type or say the answers point to no single pattern.
ANY_OR_NONE = [*TYPE_CODES, "none"]
# An emergency names no type at all.
NO_TYPE: list[str] = []

# Answers every calm, well person gives; each case overrides what makes it that person.
_CALM = {
    "red_flags": ["none"],
    "self_harm": "no",
    "touch_sensitivity": "no",
    "swelling": "no",
    "morning_stiffness": "none",
    "sensory_sensitivity": "no",
    "sleep_quality": "good",
    "fatigue": "none",
    "cognitive": "none",
    "other_symptoms": ["none"],
    "activity_level": "regular",
    "processed_food": "some",
    "stress_level": "sometimes",
    "stress_pain_link": "no",
    "mood": "not_at_all",
    "worry": "disagree",
    "fear_of_movement": "disagree",
    "adverse_experiences": "no",
    "social_support": "yes",
    "conditions": ["none"],
    "medications": ["none"],
    "surgery": "none",
}


def _answers(**overrides) -> dict:
    return {**_CALM, **overrides}


def _expect(
    leading, *, urgency=None, crisis=False, acute=None, suggest=(), forbid=(), cautions=None
):
    expect = {"primary_any": list(leading), "urgent": urgency is not None, "crisis": crisis}
    if urgency is not None:
        expect["urgency"] = urgency
    else:
        expect["urgency"] = None
    if acute is not None:
        expect["acute"] = acute
    if suggest:
        expect["suggest_all"] = list(suggest)
    if forbid:
        expect["not_suggested"] = list(forbid)
    if cautions:
        expect["cautions"] = dict(cautions)
    return expect


CASES: list[dict] = [
    {
        "id": "pm01",
        "title": "Night-time hand tingling",
        "story": (
            "Fifty-two, office job. For eight months the thumb, index and middle fingers of the "
            "right hand tingle and go numb, wake her at night and ease when she shakes the hand. "
            "Worse when driving or holding the phone."
        ),
        "answers": _answers(
            duration="6_to_12_months",
            intensity=4,
            body_regions=["hands"],
            pain_spread="follows_line",
            movement_link="some_pattern",
            proportionality="no_injury",
            descriptors=["tingling", "pins_and_needles", "numbness"],
            sleep_quality="fair",
        ),
        "expect": _expect(["neuropathic"], acute=False),
    },
    {
        "id": "pm02",
        "title": "Heel pain on the first steps",
        "story": (
            "Forty-six, walks a lot for work. Sharp pain under the left heel with the first steps "
            "in the morning and after sitting; loosens after a few minutes, aches by evening. "
            "Ten months; no other pain."
        ),
        "answers": _answers(
            duration="6_to_12_months",
            intensity=5,
            body_regions=["feet"],
            pain_spread="one_area",
            movement_link="clear_pattern",
            proportionality="matches",
            descriptors=["sharp_with_movement", "aching", "stiffness"],
            morning_stiffness="under_30_min",
        ),
        "expect": _expect(["peripheral"], acute=False, suggest=["graded-movement"]),
    },
    {
        "id": "pm03",
        "title": "Aching everywhere since a viral illness",
        "story": (
            "Thirty-four. Since a viral infection eight months ago: aching in the neck, back, "
            "arms and legs that comes and goes whatever she does, crushing tiredness, brain fog, "
            "light and noise too much, sleep that does not refresh. No injury."
        ),
        "answers": _answers(
            duration="6_to_12_months",
            intensity=6,
            body_regions=[
                "neck",
                "upper_back",
                "lower_back",
                "shoulder_left",
                "shoulder_right",
                "upper_arm_left",
                "upper_arm_right",
                "hip_left",
                "hip_right",
                "upper_leg_left",
                "upper_leg_right",
            ],
            pain_spread="many_areas",
            movement_link="no_pattern",
            proportionality="no_injury",
            descriptors=["aching"],
            touch_sensitivity="often",
            sensory_sensitivity="a_lot",
            sleep_quality="very_poor",
            fatigue="severe",
            cognitive="severe",
            other_symptoms=["headaches"],
            activity_level="mostly_resting",
            stress_pain_link="a_little",
            mood="several_days",
            worry="agree",
            social_support="some",
        ),
        # Post-viral fatigue: pacing matters, so graded movement is not required here.
        "expect": _expect(
            ["central"], acute=False, suggest=["pain-neuroscience-education", "sleep-restoration"]
        ),
    },
    {
        "id": "pm04",
        "title": "Jaw, head and neck flaring with deadlines",
        "story": (
            "Forty-one, manager, close to burnout. Clenches her jaw, gets tension headaches, and "
            "her neck and shoulders tighten and hurt in every deadline week; better on holiday. "
            "Overwhelmed, sleeping badly."
        ),
        "answers": _answers(
            duration="gt_12_months",
            intensity=5,
            body_regions=["jaw_left", "jaw_right", "neck", "shoulder_left", "shoulder_right"],
            pain_spread="spreads_nearby",
            movement_link="some_pattern",
            proportionality="no_injury",
            descriptors=["aching", "stiffness"],
            sensory_sensitivity="somewhat",
            sleep_quality="poor",
            fatigue="moderate",
            cognitive="mild",
            other_symptoms=["headaches", "jaw_clenching"],
            activity_level="light",
            stress_level="very_often",
            stress_pain_link="clearly",
            mood="more_than_half",
            worry="agree",
            social_support="some",
        ),
        "expect": _expect(["stress_driven"], acute=False, suggest=["somatic-therapy"]),
    },
    {
        "id": "pm05",
        "title": "Back pain with fever after a urine infection",
        "story": (
            "Sixty-one. Low back pain for ten days, getting worse, with fevers and shivers; had a "
            "urine infection last month. Feels unwell."
        ),
        "answers": _answers(
            red_flags=["fever_unwell"],
            duration="lt_3_months",
            intensity=7,
            body_regions=["lower_back"],
            pain_spread="one_area",
            movement_link="no_pattern",
            proportionality="no_injury",
            descriptors=["aching", "throbbing"],
            sleep_quality="poor",
            fatigue="severe",
        ),
        "expect": _expect(ANY_OR_NONE, urgency="urgent"),
    },
    {
        "id": "pm06",
        "title": "A leg getting weaker by the day",
        "story": (
            "Fifty-five, back and leg pain for a month; over three days the right foot has begun "
            "to slap and drag and the leg gives way on stairs."
        ),
        "answers": {
            "red_flags": ["progressive_weakness"],
            "self_harm": "no",
            "duration": "lt_3_months",
            "body_regions": ["lower_back", "lower_leg_right"],
        },
        "expect": _expect(NO_TYPE, urgency="emergency"),
    },
    {
        "id": "pm07",
        "title": "Shoulder ache and chest tightness on exertion",
        "story": (
            "Sixty-three. Left shoulder and arm ache for weeks; now tightness across the chest "
            "and breathlessness when climbing stairs, easing with rest."
        ),
        "answers": {
            "red_flags": ["chest_pain"],
            "self_harm": "no",
            "duration": "lt_3_months",
            "body_regions": ["shoulder_left", "upper_arm_left", "chest"],
        },
        "expect": _expect(NO_TYPE, urgency="emergency"),
    },
    {
        "id": "pm08",
        "title": "Sudden mid-back pain after a small fall, with thin bones",
        "story": (
            "Seventy-four, osteoporosis. Slipped on the kitchen floor and sat down hard two days "
            "ago; sudden sharp pain in the middle of the back, easier lying flat."
        ),
        "answers": _answers(
            red_flags=["major_trauma"],
            duration="lt_3_months",
            intensity=8,
            body_regions=["upper_back"],
            pain_spread="one_area",
            movement_link="clear_pattern",
            proportionality="matches",
            descriptors=["sharp_with_movement"],
        ),
        "expect": _expect(ANY_OR_NONE, urgency="urgent"),
    },
    {
        "id": "pm09",
        "title": "Low back strain two weeks after lifting",
        "story": (
            "Thirty-eight. Lifted a heavy box two weeks ago; low back sharp when bending and "
            "getting out of a chair, stiff in the morning, comfortable lying still. Improving."
        ),
        "answers": _answers(
            duration="lt_3_months",
            intensity=5,
            body_regions=["lower_back"],
            pain_spread="one_area",
            movement_link="clear_pattern",
            proportionality="matches",
            descriptors=["sharp_with_movement", "aching", "stiffness"],
            morning_stiffness="under_30_min",
            sleep_quality="fair",
        ),
        "expect": _expect(["peripheral"], acute=True),
    },
    {
        "id": "pm10",
        "title": "Burning feet and calves, diabetes and tramadol",
        "story": (
            "Sixty-seven, type 2 diabetes for fifteen years. Has taken tramadol for two years; "
            "now burning and electric shocks in both feet and up into the calves at night, "
            "socks and sheets hurt."
        ),
        "answers": _answers(
            duration="gt_12_months",
            intensity=7,
            body_regions=["feet", "lower_leg_left", "lower_leg_right"],
            pain_spread="spreads_nearby",
            movement_link="no_pattern",
            proportionality="no_injury",
            descriptors=["burning", "electric_shocks", "numbness"],
            touch_sensitivity="often",
            sleep_quality="poor",
            fatigue="moderate",
            activity_level="light",
            conditions=["diabetes"],
            medications=["opioids"],
            opioid_duration="gt_3_months",
            opioid_taper="no",
        ),
        "expect": _expect(
            ["neuropathic"],
            acute=False,
            suggest=["blood-sugar-control"],
            cautions={"low-dose-naltrexone": "opioids"},
        ),
    },
    {
        "id": "pm11",
        "title": "Widespread aching with kidney disease",
        "story": (
            "Fifty-eight, chronic kidney disease. Years of aching across the shoulders, back, "
            "hips and thighs with no clear cause, worse after poor nights; tired and foggy."
        ),
        "answers": _answers(
            duration="gt_12_months",
            intensity=6,
            body_regions=[
                "shoulder_left",
                "shoulder_right",
                "upper_back",
                "lower_back",
                "hip_left",
                "hip_right",
                "upper_leg_left",
                "upper_leg_right",
                "neck",
            ],
            pain_spread="many_areas",
            movement_link="no_pattern",
            proportionality="bigger",
            descriptors=["aching", "stiffness"],
            touch_sensitivity="sometimes",
            sensory_sensitivity="somewhat",
            sleep_quality="poor",
            fatigue="moderate",
            cognitive="moderate",
            activity_level="light",
            conditions=["kidney_disease"],
        ),
        "expect": _expect(["central"], acute=False, cautions={"magnesium": "kidney"}),
    },
    {
        "id": "pm12",
        "title": "Breastfeeding, with thumb-side wrist pain",
        "story": (
            "Thirty-one, four months after giving birth and breastfeeding. Sharp pain at the "
            "thumb side of the right wrist when lifting the baby, a little swollen; fine at rest."
        ),
        "answers": _answers(
            duration="3_to_6_months",
            intensity=5,
            body_regions=["lower_arm_right", "hands"],
            pain_spread="one_area",
            movement_link="clear_pattern",
            proportionality="matches",
            descriptors=["sharp_with_movement", "aching"],
            swelling="yes",
            sleep_quality="fair",
            fatigue="mild",
            conditions=["pregnancy"],
        ),
        "expect": _expect(
            ["peripheral"],
            acute=False,
            cautions={
                **dict.fromkeys(SUPPLEMENTS, "pregnancy"),
                "low-dose-naltrexone": "pregnancy",
            },
        ),
    },
    {
        "id": "pm13",
        "title": "Back pain after losing a job, with thoughts of self-harm",
        "story": (
            "Forty-five. Low back pain for two years that has got much worse since losing his "
            "job; overwhelmed, low nearly every day, afraid to move, few people to talk to, and "
            "has had thoughts of hurting himself."
        ),
        "answers": _answers(
            duration="gt_12_months",
            intensity=7,
            body_regions=["lower_back", "upper_back", "neck"],
            pain_spread="spreads_nearby",
            movement_link="some_pattern",
            proportionality="bigger",
            descriptors=["aching"],
            sleep_quality="very_poor",
            fatigue="moderate",
            cognitive="mild",
            activity_level="mostly_resting",
            stress_level="very_often",
            stress_pain_link="clearly",
            mood="nearly_every_day",
            self_harm="yes",
            worry="agree",
            fear_of_movement="agree",
            social_support="no",
        ),
        "expect": _expect(["stress_driven", "central"], crisis=True, acute=False),
    },
    {
        "id": "pm14",
        "title": "Hip osteoarthritis on regular anti-inflammatories",
        "story": (
            "Sixty-nine, hip osteoarthritis on an X-ray. Right groin and hip ache after walking "
            "and gardening, stiff for ten minutes in the morning, eases with rest; takes "
            "ibuprofen most days."
        ),
        "answers": _answers(
            duration="gt_12_months",
            intensity=5,
            body_regions=["hip_right"],
            pain_spread="one_area",
            movement_link="clear_pattern",
            proportionality="matches",
            descriptors=["aching", "stiffness"],
            morning_stiffness="under_30_min",
            conditions=["osteoarthritis"],
            medications=["nsaids_regular"],
        ),
        "expect": _expect(["peripheral"], acute=False, suggest=["graded-movement"]),
    },
]


def story_fields(case: dict) -> dict:
    """The TestStory fields for one case (the vignette format mapped onto the model)."""
    expect = case["expect"]
    return {
        "title": case["title"],
        "story": case["story"],
        "answers": case["answers"],
        "expected_leading": list(expect["primary_any"]),
        "expected_urgency": expect.get("urgency") or "",
        "expected_crisis": bool(expect.get("crisis", False)),
        "expected_acute": expect.get("acute"),
        "required_suggestions": list(expect.get("suggest_all", [])),
        "forbidden_suggestions": list(expect.get("not_suggested", [])),
        "required_cautions": dict(expect.get("cautions", {})),
        "active": True,
    }


def as_json(case: dict) -> str:
    return json.dumps(case, indent=1, ensure_ascii=False) + "\n"


def write_json(folder) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES:
        path = folder / f"{case['id']}.json"
        path.write_text(as_json(case), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - a maintenance helper
    for written in write_json(sys.argv[1] if len(sys.argv) > 1 else "tests/clinical_cases"):
        print(written)  # noqa: T201
