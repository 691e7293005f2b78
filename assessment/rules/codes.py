"""The MAP item bank contract (shared/map/ITEMS.md): the codes every version must keep.

Scoring tests, exports (FHIR linkId / answer code) and test stories name these codes, so a
version that drops or renames one cannot be published. Editors may add items and answers; the
ones listed here must stay. `tests/rules/test_codes.py` checks this list against ITEMS.md.
"""

from __future__ import annotations

# The 19 regions of the Widespread Pain Index (ACR 2010/2016).
WPI_REGIONS = (
    "jaw_left",
    "jaw_right",
    "shoulder_left",
    "shoulder_right",
    "upper_arm_left",
    "upper_arm_right",
    "lower_arm_left",
    "lower_arm_right",
    "hip_left",
    "hip_right",
    "upper_leg_left",
    "upper_leg_right",
    "lower_leg_left",
    "lower_leg_right",
    "neck",
    "upper_back",
    "lower_back",
    "chest",
    "abdomen",
)

# The four answers of PHQ and GAD items (and of `mood`), scored 0-3 in this order.
FREQUENCY = ("not_at_all", "several_days", "more_than_half", "nearly_every_day")

# item code -> (kind, answer codes). Order follows ITEMS.md, which is the order they are asked.
REQUIRED_ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "red_flags": (
        "multi",
        (
            "bladder_bowel",
            "saddle_numbness",
            "progressive_weakness",
            "fever_unwell",
            "weight_loss",
            "cancer_history",
            "major_trauma",
            "night_pain_constant",
            "chest_pain",
            "none",
        ),
    ),
    "duration": ("single", ("lt_3_months", "3_to_6_months", "6_to_12_months", "gt_12_months")),
    "intensity": ("number", ()),
    "body_regions": ("multi", (*WPI_REGIONS, "hands", "feet")),
    "pain_spread": ("single", ("one_area", "spreads_nearby", "many_areas", "follows_line")),
    "movement_link": ("single", ("clear_pattern", "some_pattern", "no_pattern")),
    "proportionality": ("single", ("matches", "bigger", "no_injury")),
    "descriptors": (
        "multi",
        (
            "burning",
            "electric_shocks",
            "shooting",
            "pins_and_needles",
            "tingling",
            "numbness",
            "painful_cold",
            "itching",
            "aching",
            "throbbing",
            "sharp_with_movement",
            "stiffness",
        ),
    ),
    "touch_sensitivity": ("single", ("no", "sometimes", "often")),
    "swelling": ("single", ("no", "yes")),
    "morning_stiffness": ("single", ("none", "under_30_min", "over_30_min")),
    "sensory_sensitivity": ("single", ("no", "somewhat", "a_lot")),
    "sleep_quality": ("single", ("good", "fair", "poor", "very_poor")),
    "fatigue": ("single", ("none", "mild", "moderate", "severe")),
    "cognitive": ("single", ("none", "mild", "moderate", "severe")),
    "other_symptoms": (
        "multi",
        ("headaches", "bowel", "bladder_irritable", "jaw_clenching", "none"),
    ),
    "activity_level": ("single", ("mostly_resting", "light", "regular")),
    "processed_food": ("single", ("little", "some", "most")),
    "stress_level": ("single", ("never", "sometimes", "often", "very_often")),
    "stress_pain_link": ("single", ("no", "a_little", "clearly")),
    "mood": ("single", FREQUENCY),
    "self_harm": ("single", ("no", "yes", "prefer_not_to_say")),
    "worry": ("single", ("disagree", "agree")),
    "fear_of_movement": ("single", ("disagree", "agree")),
    "adverse_experiences": ("single", ("no", "yes", "prefer_not_to_say")),
    "social_support": ("single", ("yes", "some", "no")),
    "conditions": (
        "multi",
        (
            "diabetes",
            "prediabetes",
            "b12_low",
            "chemotherapy",
            "shingles",
            "alcohol_heavy",
            "nerve_injury",
            "disc_or_spine_finding",
            "fibromyalgia_diagnosis",
            "osteoarthritis",
            "inflammatory_arthritis",
            "kidney_disease",
            "pregnancy",
            "none",
        ),
    ),
    "medications": (
        "multi",
        (
            "opioids",
            "nsaids_regular",
            "gabapentinoid",
            "antidepressant_for_pain",
            "anticoagulant",
            "none",
        ),
    ),
    "opioid_duration": ("single", ("lt_3_months", "gt_3_months")),
    "opioid_taper": ("single", ("no", "yes")),
    "surgery": ("single", ("none", "helped", "no_lasting_relief")),
    "notes_for_clinician": ("text", ()),
}

# Branches the contract fixes: asked only when another answer was given.
REQUIRED_SHOW_WHEN = {
    "opioid_duration": ("medications", "opioids"),
    "opioid_taper": ("medications", "opioids"),
}


# ITEMS.md §6: the validated measures, in every questionnaire version from 2 onwards (version 1
# stays as published without them). Editors may not remove them from a later version.
MEASURE_ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "interference_enjoyment": ("number", ()),
    "interference_activity": ("number", ()),
    "little_interest": ("single", FREQUENCY),
    "nervous": ("single", FREQUENCY),
    "uncontrolled_worry": ("single", FREQUENCY),
}
MEASURES_FROM_VERSION = 2

# Every item code the contract names, in the order they are asked.
CONTRACT_ITEMS = {**REQUIRED_ITEMS, **MEASURE_ITEMS}


def required_items(version: int) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The contract items a questionnaire version must carry."""
    return CONTRACT_ITEMS if version >= MEASURES_FROM_VERSION else REQUIRED_ITEMS


NUMBER_RANGES = {
    "intensity": (0, 10),
    "interference_enjoyment": (0, 10),
    "interference_activity": (0, 10),
}

# Scoring may weight only the four presentation types.
TYPE_CODES = ("peripheral", "central", "stress_driven", "neuropathic")

TOOLKIT_SLUGS = (
    "pain-neuroscience-education",
    "graded-movement",
    "sleep-restoration",
    "magnesium",
    "palmitoylethanolamide",
    "omega-3",
    "curcumin",
    "anti-inflammatory-diet",
    "somatic-therapy",
    "low-dose-naltrexone",
    "alpha-lipoic-acid",
    "methylcobalamin",
    "blood-sugar-control",
)

# Free text is never scored and never exported.
TEXT_ITEMS = tuple(code for code, (kind, _) in CONTRACT_ITEMS.items() if kind == "text")

# Item codes the rules and pages name on their own.
RED_FLAGS = "red_flags"
SELF_HARM = "self_harm"
DURATION = "duration"

# Red-flag answers that mean emergency care now; any other flag (but "none") is urgent.
EMERGENCY_FLAGS = ("bladder_bowel", "saddle_numbness", "progressive_weakness", "chest_pain")
URGENT_FLAGS = tuple(
    flag for flag in REQUIRED_ITEMS[RED_FLAGS][1] if flag not in EMERGENCY_FLAGS and flag != "none"
)

# The self-harm answer that brings crisis support at once.
CRISIS_ANSWER = "yes"

# The acute rule: pain for under 3 months is acute.
ACUTE_DURATION = "lt_3_months"

# The levels a type's score reads as, lowest first.
LEVEL_CODES = ("low", "moderate", "high")


def is_acute(answers: dict) -> bool:
    """Pain for under 3 months: the acute rule (scoring and suggestions both apply it)."""
    return answers.get(DURATION) == ACUTE_DURATION


def is_crisis(answers: dict) -> bool:
    return answers.get(SELF_HARM) == CRISIS_ANSWER
