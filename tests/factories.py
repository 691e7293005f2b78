"""Test data builders shared by every test file.

`make_questionnaire()` builds a published MAP questionnaire with every ITEMS.md item code and
answer code (plain test wording, not the seeded wording). `make_questionnaire(n_items=N)` builds
one of any size: the first N items of that bank, topped up with filler questions when N is
larger, so tests can show that a page costs the same whatever the questionnaire's size.
"""

from __future__ import annotations

import itertools

from django.utils import timezone

from assessment.models import (
    AnswerOption,
    Assessment,
    Item,
    OptionWeight,
    Questionnaire,
    Section,
)

_versions = itertools.count(1000)

# (section code, section title, [(item code, kind, wording, [option codes])])
BANK = [
    (
        "safety",
        "Safety check",
        [
            (
                "red_flags",
                "multi",
                "Do you have any of these?",
                [
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
                ],
            ),
        ],
    ),
    (
        "your_pain",
        "About your pain",
        [
            (
                "duration",
                "single",
                "How long have you had this pain?",
                ["lt_3_months", "3_to_6_months", "6_to_12_months", "gt_12_months"],
            ),
            ("intensity", "number", "How bad has your pain been on average this week?", []),
            (
                "body_regions",
                "multi",
                "Where do you feel pain?",
                [
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
                    "hands",
                    "feet",
                ],
            ),
            (
                "pain_spread",
                "single",
                "How does your pain spread?",
                ["one_area", "spreads_nearby", "many_areas", "follows_line"],
            ),
            (
                "movement_link",
                "single",
                "Do movements or positions bring your pain on?",
                ["clear_pattern", "some_pattern", "no_pattern"],
            ),
            (
                "proportionality",
                "single",
                "How does your pain compare with the injury?",
                ["matches", "bigger", "no_injury"],
            ),
            (
                "descriptors",
                "multi",
                "What does your pain feel like?",
                [
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
                ],
            ),
            (
                "touch_sensitivity",
                "single",
                "Does light touch hurt?",
                ["no", "sometimes", "often"],
            ),
            ("swelling", "single", "Is the painful area sometimes swollen?", ["no", "yes"]),
            (
                "morning_stiffness",
                "single",
                "How long are you stiff in the morning?",
                ["none", "under_30_min", "over_30_min"],
            ),
            (
                "sensory_sensitivity",
                "single",
                "Do light, noise or smells bother you more than others?",
                ["no", "somewhat", "a_lot"],
            ),
        ],
    ),
    (
        "body_health",
        "Your body and health",
        [
            (
                "sleep_quality",
                "single",
                "How well do you sleep?",
                ["good", "fair", "poor", "very_poor"],
            ),
            ("fatigue", "single", "How tired are you?", ["none", "mild", "moderate", "severe"]),
            (
                "cognitive",
                "single",
                "Do you have trouble thinking?",
                ["none", "mild", "moderate", "severe"],
            ),
            (
                "other_symptoms",
                "multi",
                "Do you have any of these?",
                ["headaches", "bowel", "bladder_irritable", "jaw_clenching", "none"],
            ),
            (
                "activity_level",
                "single",
                "How active are you?",
                ["mostly_resting", "light", "regular"],
            ),
            (
                "processed_food",
                "single",
                "How much of your food is processed?",
                ["little", "some", "most"],
            ),
        ],
    ),
    (
        "stress_history",
        "Stress and your history",
        [
            (
                "stress_level",
                "single",
                "How often have you felt overwhelmed?",
                ["never", "sometimes", "often", "very_often"],
            ),
            (
                "stress_pain_link",
                "single",
                "Is your pain worse when you are stressed?",
                ["no", "a_little", "clearly"],
            ),
            (
                "mood",
                "single",
                "How often have you felt down?",
                ["not_at_all", "several_days", "more_than_half", "nearly_every_day"],
            ),
            (
                "self_harm",
                "single",
                "Have you had thoughts of hurting yourself?",
                ["no", "yes", "prefer_not_to_say"],
            ),
            ("worry", "single", "I worry my pain will never get better", ["disagree", "agree"]),
            (
                "fear_of_movement",
                "single",
                "It is not safe for me to be active",
                ["disagree", "agree"],
            ),
            (
                "adverse_experiences",
                "single",
                "Have hard experiences affected you?",
                ["no", "yes", "prefer_not_to_say"],
            ),
            ("social_support", "single", "Do you have people to help?", ["yes", "some", "no"]),
        ],
    ),
    (
        "medical",
        "Your medical history",
        [
            (
                "conditions",
                "multi",
                "Do you have any of these conditions?",
                [
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
                ],
            ),
            (
                "medications",
                "multi",
                "Do you take any of these medicines?",
                [
                    "opioids",
                    "nsaids_regular",
                    "gabapentinoid",
                    "antidepressant_for_pain",
                    "anticoagulant",
                    "none",
                ],
            ),
            (
                "opioid_duration",
                "single",
                "How long have you taken opioids?",
                ["lt_3_months", "gt_3_months"],
            ),
            ("opioid_taper", "single", "Are you reducing your opioids?", ["no", "yes"]),
            (
                "surgery",
                "single",
                "Have you had surgery for this pain?",
                ["none", "helped", "no_lasting_relief"],
            ),
            ("notes_for_clinician", "text", "Is there anything else for your clinician?", []),
        ],
    ),
]

SHOW_WHEN = {
    "opioid_duration": ("medications", "opioids"),
    "opioid_taper": ("medications", "opioids"),
}
WHY_WE_ASK = {
    "red_flags": "Some symptoms need a doctor first.",
    "self_harm": "We ask everyone this, so we can show where to get help.",
    "adverse_experiences": "Hard experiences can keep the body on alert.",
}
HINTS = {"body_regions": "Select all that apply.", "descriptors": "Select all that apply."}
# ITEMS.md: every item but the red-flag screen may be skipped.
REQUIRED = {"red_flags"}
BANK_CODES = [code for _, _, items in BANK for code, *_ in items]

# A few weights, so that a spec built from a factory questionnaire carries some.
WEIGHTS = {
    ("movement_link", "clear_pattern"): {"peripheral": 3},
    ("movement_link", "no_pattern"): {"central": 2},
    ("descriptors", "burning"): {"neuropathic": 3},
    ("stress_pain_link", "clearly"): {"stress_driven": 3},
}


def label_for(code: str) -> str:
    """The test label of an answer code: `gt_12_months` -> `Gt 12 months`."""
    return code.replace("_", " ").capitalize()


def make_questionnaire(
    n_items: int | None = None, status: str = "published", version: int | None = None
) -> Questionnaire:
    """A questionnaire with the ITEMS.md bank (or `n_items` items), published unless told."""
    questionnaire = Questionnaire.objects.create(
        version=version if version is not None else next(_versions),
        label="Test MAP",
        status=Questionnaire.Status.DRAFT,
    )
    rows = [
        (section_code, section_title, item)
        for section_code, section_title, items in BANK
        for item in items
    ]
    if n_items is not None:
        rows = rows[:n_items]
        for i in range(len(rows), n_items):
            rows.append(
                ("extra", "More questions", (f"extra_{i}", "single", f"Filler {i}?", ["a", "b"]))
            )

    sections: dict[str, Section] = {}
    items: list[tuple[Item, list[str]]] = []
    for order, (section_code, section_title, (code, kind, wording, options)) in enumerate(rows):
        if section_code not in sections:
            sections[section_code] = Section.objects.create(
                questionnaire=questionnaire,
                code=section_code,
                title=section_title,
                order=len(sections),
            )
        show_when = SHOW_WHEN.get(code, ("", ""))
        item = Item(
            questionnaire=questionnaire,
            section=sections[section_code],
            code=code,
            kind=kind,
            wording=wording,
            hint=HINTS.get(code, ""),
            why_we_ask=WHY_WE_ASK.get(code, ""),
            optional=code not in REQUIRED,
            order=order,
            show_when_item=show_when[0],
            show_when_option=show_when[1],
        )
        if kind == "number":
            item.min_value, item.max_value = 0, 10
            item.min_label, item.max_label = "No pain", "Worst pain imaginable"
        items.append((item, options))
    Item.objects.bulk_create([item for item, _ in items])

    option_rows = []
    for item, options in items:
        for order, code in enumerate(options):
            option_rows.append(
                AnswerOption(
                    item=item,
                    code=code,
                    label=label_for(code),
                    exclusive=item.kind == "multi" and code == "none",
                    order=order,
                )
            )
    AnswerOption.objects.bulk_create(option_rows)
    weight_rows = [
        OptionWeight(option=option, type=type_code, points=points)
        for option in option_rows
        for type_code, points in WEIGHTS.get((option.item.code, option.code), {}).items()
    ]
    OptionWeight.objects.bulk_create(weight_rows)

    if status != Questionnaire.Status.DRAFT:
        questionnaire.status = status
        questionnaire.published_at = timezone.now()
        questionnaire.save()
    return questionnaire


# Answers that walk the whole bank without a red flag or a crisis answer.
CALM_ANSWERS = {
    "red_flags": ["none"],
    "duration": "gt_12_months",
    "intensity": 6,
    "body_regions": ["neck", "lower_back"],
    "pain_spread": "spreads_nearby",
    "movement_link": "no_pattern",
    "proportionality": "bigger",
    "descriptors": ["aching"],
    "touch_sensitivity": "sometimes",
    "swelling": "no",
    "morning_stiffness": "under_30_min",
    "sensory_sensitivity": "somewhat",
    "sleep_quality": "poor",
    "fatigue": "moderate",
    "cognitive": "mild",
    "other_symptoms": ["headaches"],
    "activity_level": "light",
    "processed_food": "some",
    "stress_level": "often",
    "stress_pain_link": "clearly",
    "mood": "several_days",
    "self_harm": "no",
    "worry": "agree",
    "fear_of_movement": "disagree",
    "adverse_experiences": "prefer_not_to_say",
    "social_support": "some",
    "conditions": ["none"],
    "medications": ["none"],
    "surgery": "none",
    "notes_for_clinician": "",
}


def make_assessment(questionnaire=None, answers=None, complete=False) -> Assessment:
    """An assessment with stored answers (by item code; None = skipped)."""
    from assessment import services

    questionnaire = questionnaire or make_questionnaire()
    assessment = Assessment.objects.create(questionnaire=questionnaire)
    for code, value in (answers or {}).items():
        services.store_answer(assessment, code, value)
    if complete:
        from assessment.spec import spec_for

        services.complete(assessment, spec_for(questionnaire))
    return assessment
