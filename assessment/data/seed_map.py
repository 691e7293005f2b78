"""MAP questionnaire versions 1 and 2: every item and answer code of the ITEMS.md contract.

Version 1 is the core item bank. Version 2 adds the validated measures of ITEMS.md §6 (PEG's
two interference items beside `intensity`; PHQ-2's interest item before `mood`, which then asks
PHQ-2's second item; GAD-2's two items after `self_harm`), worded as published with the
instruments' own recall periods. Version 1 stays exactly as it was published.

Wording is plain (reading age about 11, one idea per question). Weights are points an answer
adds to a presentation type; each is grounded in a published indicator cluster, named in the
comment beside it, never in the test stories:

- Smart et al. 2012 (Man Ther 17): nociceptive (peripheral) cluster — localised pain, a clear
  and proportionate mechanical pattern, intermittent sharp pain with movement or an ache at
  rest, and the ABSENCE of burning/shooting/electric pain, dysaesthesia and disturbed sleep;
  central-sensitisation cluster — disproportionate, non-mechanical, unpredictable pain, pain
  out of proportion to injury, maladaptive psychosocial factors, diffuse pain; peripheral
  neuropathic cluster — history of nerve lesion, pain in a dermatomal or cutaneous pattern.
- DN4 interview items (Bouhassira 2005): burning, painful cold, electric shocks, tingling,
  pins and needles, numbness, itching. Three or more point to a nerve component.
- ACR 2016 fibromyalgia criteria (Wolfe 2016): widespread pain index, fatigue, unrefreshing
  sleep, cognitive symptoms, headaches, abdominal symptoms.
- Nijs 2014 and the Central Sensitization Inventory: sensory hypersensitivity, allodynia.
- Stress and psychosocial load (PSS, PHQ-2, catastrophising, fear-avoidance, ACE, STarT Back
  psychosocial subscale): a modulating layer that can sit beside any other type.

The derived rules (number of body regions, hands and feet together) live in scoring.py.
"""

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

P, C, S, N = "peripheral", "central", "stress_driven", "neuropathic"

# (code, title, [items]); item = dict(code, kind, wording, hint, why, options, ...)
# option = (code, label, hint, {type: points}, exclusive)


def opt(code, label, hint="", weights=None, exclusive=False):
    return (code, label, hint, weights or {}, exclusive)


REGION_LABELS = [
    ("jaw_left", "Jaw, left side"),
    ("jaw_right", "Jaw, right side"),
    ("shoulder_left", "Left shoulder"),
    ("shoulder_right", "Right shoulder"),
    ("upper_arm_left", "Left upper arm"),
    ("upper_arm_right", "Right upper arm"),
    ("lower_arm_left", "Left lower arm (forearm)"),
    ("lower_arm_right", "Right lower arm (forearm)"),
    ("hip_left", "Left hip or buttock"),
    ("hip_right", "Right hip or buttock"),
    ("upper_leg_left", "Left upper leg (thigh)"),
    ("upper_leg_right", "Right upper leg (thigh)"),
    ("lower_leg_left", "Left lower leg (knee down to ankle)"),
    ("lower_leg_right", "Right lower leg (knee down to ankle)"),
    ("neck", "Neck"),
    ("upper_back", "Upper back"),
    ("lower_back", "Lower back"),
    ("chest", "Chest"),
    ("abdomen", "Stomach area (abdomen)"),
]

SECTIONS = [
    (
        "safety",
        "Before we start",
        [
            dict(
                code="red_flags",
                kind="multi",
                optional=False,
                wording="Do you have any of these right now?",
                hint="Select all that apply. These can be signs of a problem that needs a "
                "doctor soon, so we ask about them first.",
                why="Most long-lasting pain is not caused by a serious illness, but a few "
                "symptoms mean you should be checked quickly. Asking first means we can tell "
                "you straight away if that applies to you.",
                options=[
                    opt("bladder_bowel", "New trouble controlling or passing urine or stools"),
                    opt(
                        "saddle_numbness",
                        "Numbness around your genitals, bottom or inner thighs",
                    ),
                    opt(
                        "progressive_weakness",
                        "Weakness or numbness in an arm or leg that is getting worse",
                    ),
                    opt("fever_unwell", "Fever, chills or feeling very unwell with the pain"),
                    opt("weight_loss", "Weight loss you cannot explain"),
                    opt("cancer_history", "Cancer now or in the past"),
                    opt(
                        "major_trauma",
                        "A recent serious fall or accident",
                        "Or a minor one if you have thin bones (osteoporosis)",
                    ),
                    opt("night_pain_constant", "Constant pain at night that no position eases"),
                    opt("chest_pain", "Chest pain, or pain with breathlessness"),
                    opt("none", "None of these", exclusive=True),
                ],
            ),
        ],
    ),
    (
        "pain",
        "About your pain",
        [
            dict(
                code="duration",
                kind="single",
                wording="How long have you had this pain?",
                why="Pain that has lasted more than about 3 months often works differently "
                "from new pain: the nervous system itself can become more sensitive.",
                options=[
                    opt("lt_3_months", "Less than 3 months", weights={P: 1}),
                    # Sensitisation develops after about 3 to 6 months of pain (the guide).
                    opt("3_to_6_months", "3 to 6 months", weights={C: 1}),
                    opt("6_to_12_months", "6 to 12 months", weights={C: 1}),
                    opt("gt_12_months", "More than a year", weights={C: 2}),
                ],
            ),
            dict(
                code="intensity",
                kind="number",
                wording="On average over the past week, how bad has your pain been?",
                hint="0 is no pain. 10 is the worst pain you can imagine.",
                min_value=0,
                max_value=10,
                min_label="0 No pain",
                max_label="10 Worst pain imaginable",
            ),
            dict(
                code="body_regions",
                kind="multi",
                wording="Where have you had pain in the past week?",
                hint="Select every area that has hurt. Left and right mean your own left "
                "and right.",
                why="Pain in many areas of the body points to a more sensitive nervous "
                "system; pain in hands and feet together can point to the nerves.",
                # Weights come from the derived rules in scoring.py (how many regions).
                options=[opt(code, label) for code, label in REGION_LABELS]
                + [opt("hands", "Hands"), opt("feet", "Feet")],
            ),
            dict(
                code="pain_spread",
                kind="single",
                wording="Which of these best describes where your pain is?",
                options=[
                    opt("one_area", "It stays in one area", weights={P: 2}),
                    opt(
                        "spreads_nearby",
                        "It has spread to nearby areas over time",
                        weights={C: 2},
                    ),
                    opt("many_areas", "It is in many parts of my body", weights={C: 3}),
                    # Smart PNP: pain in a dermatomal or cutaneous distribution.
                    opt(
                        "follows_line",
                        "It shoots along a line or band",
                        "For example down one leg, or round one side of the chest",
                        weights={N: 4},
                    ),
                ],
            ),
            dict(
                code="movement_link",
                kind="single",
                wording="Does movement or position change your pain?",
                options=[
                    # Smart nociceptive: clear, proportionate mechanical pattern.
                    opt(
                        "clear_pattern",
                        "Yes, clearly",
                        "Certain movements or positions bring it on, and rest or changing "
                        "position eases it",
                        weights={P: 4, C: -1},
                    ),
                    opt("some_pattern", "Sometimes", weights={P: 1}),
                    # Smart central: non-mechanical, unpredictable provocation.
                    opt(
                        "no_pattern",
                        "No, it comes and goes whatever I do",
                        weights={C: 3, N: 1, P: -1},
                    ),
                ],
            ),
            dict(
                code="proportionality",
                kind="single",
                wording="How does your pain compare with the injury or problem that started it?",
                options=[
                    opt(
                        "matches",
                        "About what I would expect from the injury or problem",
                        weights={P: 2},
                    ),
                    # Smart and Nijs: pain disproportionate to injury or pathology.
                    opt(
                        "bigger",
                        "Far more, or far wider, than the injury would explain",
                        weights={C: 4},
                    ),
                    opt("no_injury", "No clear injury started it", weights={C: 1}),
                ],
            ),
            dict(
                code="descriptors",
                kind="multi",
                wording="Which words describe your pain?",
                hint="Select all that apply.",
                why="The words people use for pain give clues. Burning, electric or tingling "
                "pain often comes from nerves; aching that changes with movement often comes "
                "from muscles, joints or tendons.",
                options=[
                    # DN4 interview descriptors; Smart nociceptive lists their ABSENCE.
                    opt("burning", "Burning", weights={N: 2, P: -1}),
                    opt("electric_shocks", "Like electric shocks", weights={N: 2, P: -1}),
                    opt("shooting", "Shooting", weights={N: 2, P: -1}),
                    opt("pins_and_needles", "Pins and needles", weights={N: 2}),
                    opt("tingling", "Tingling", weights={N: 2}),
                    opt("numbness", "Numbness", weights={N: 2}),
                    opt("painful_cold", "Cold that hurts", weights={N: 2}),
                    opt("itching", "Itching", weights={N: 1}),
                    opt("aching", "Aching", weights={P: 1}),
                    opt("throbbing", "Throbbing", weights={P: 1}),
                    opt("sharp_with_movement", "Sharp when I move", weights={P: 2}),
                    opt("stiffness", "Stiff", weights={P: 1}),
                ],
            ),
            dict(
                code="touch_sensitivity",
                kind="single",
                wording="Does light touch hurt where you have pain?",
                hint="For example clothing, bedsheets or a gentle touch.",
                options=[
                    opt("no", "No"),
                    opt("sometimes", "Sometimes", weights={C: 1, N: 1}),
                    # Allodynia: central (CSI, IASP) and neuropathic (DN4 exam item).
                    opt("often", "Often", weights={C: 3, N: 2, P: -1}),
                ],
            ),
            dict(
                code="swelling",
                kind="single",
                wording="Is the painful area sometimes swollen, warm or red?",
                options=[
                    opt("no", "No"),
                    opt("yes", "Yes", weights={P: 3}),
                ],
            ),
            dict(
                code="morning_stiffness",
                kind="single",
                wording="When you get up in the morning, how long are you stiff for?",
                options=[
                    opt("none", "I am not stiff in the morning"),
                    opt("under_30_min", "Less than 30 minutes", weights={P: 1}),
                    opt("over_30_min", "More than 30 minutes", weights={P: 1}),
                ],
            ),
            dict(
                code="sensory_sensitivity",
                kind="single",
                wording="Do bright lights, noise, smells or hot and cold bother you more "
                "than they bother other people?",
                options=[
                    opt("no", "No"),
                    # Nijs 2014: hypersensitivity of senses unrelated to the muscles and joints.
                    opt("somewhat", "Somewhat", weights={C: 2}),
                    opt("a_lot", "A lot", weights={C: 4}),
                ],
            ),
        ],
    ),
    (
        "health",
        "Your body and health",
        [
            dict(
                code="sleep_quality",
                kind="single",
                wording="How well have you slept over the past month?",
                why="Poor sleep makes the nervous system more sensitive to pain the next day, "
                "and pain makes sleep worse.",
                options=[
                    # Smart nociceptive: absence of night pain and disturbed sleep.
                    opt("good", "Well", weights={P: 1}),
                    opt("fair", "Fairly well"),
                    opt("poor", "Poorly", weights={C: 1, S: 1, P: -1}),
                    opt(
                        "very_poor",
                        "Very poorly",
                        "I wake up feeling I have not rested",
                        weights={C: 2, S: 2, P: -1},
                    ),
                ],
            ),
            dict(
                code="fatigue",
                kind="single",
                wording="How tired have you felt during the day over the past week?",
                options=[
                    opt("none", "Not tired"),
                    # ACR 2016 symptom severity: fatigue 0-3.
                    opt("mild", "A little tired", weights={C: 1}),
                    opt("moderate", "Quite tired", weights={C: 2, S: 1}),
                    opt("severe", "Exhausted", weights={C: 3, S: 1}),
                ],
            ),
            dict(
                code="cognitive",
                kind="single",
                wording="How much trouble have you had thinking, concentrating or "
                "remembering things?",
                options=[
                    opt("none", "None"),
                    # ACR 2016 symptom severity: cognitive symptoms 0-3.
                    opt("mild", "A little", weights={C: 1}),
                    opt("moderate", "Quite a lot", weights={C: 2}),
                    opt("severe", "A great deal", weights={C: 3}),
                ],
            ),
            dict(
                code="other_symptoms",
                kind="multi",
                wording="Do you often have any of these?",
                hint="Select all that apply.",
                options=[
                    # ACR 2016 somatic symptoms; CSI part B conditions.
                    opt("headaches", "Headaches", weights={C: 1, S: 1}),
                    opt(
                        "bowel",
                        "Stomach cramps, bloating or an upset bowel",
                        weights={C: 1},
                    ),
                    opt(
                        "bladder_irritable",
                        "Needing to pass urine often or urgently",
                        weights={C: 1},
                    ),
                    opt(
                        "jaw_clenching",
                        "Clenching your jaw or grinding your teeth",
                        weights={S: 2, C: 1},
                    ),
                    opt("none", "None of these", exclusive=True),
                ],
            ),
            dict(
                code="activity_level",
                kind="single",
                wording="How active are you on most days?",
                options=[
                    # Rest maintains sensitisation (the guide's graded movement section).
                    opt("mostly_resting", "I rest most of the day", weights={C: 1}),
                    opt("light", "I do light things, like short walks or housework"),
                    opt("regular", "I am active most days"),
                ],
            ),
            dict(
                code="processed_food",
                kind="single",
                wording="How much of what you eat is processed food?",
                hint="For example ready meals, crisps, sweets, white bread or fizzy drinks.",
                options=[
                    opt("little", "Very little"),
                    opt("some", "Some"),
                    # Systemic inflammation maintains peripheral sensitisation (the guide).
                    opt("most", "Most of it", weights={P: 1}),
                ],
            ),
        ],
    ),
    (
        "stress",
        "Stress, mood and your story",
        [
            dict(
                code="stress_level",
                kind="single",
                wording="In the past month, how often have you felt overwhelmed or unable to cope?",
                why="Stress hormones make nerves more sensitive and keep the body on high "
                "alert. That is a real, physical driver of pain.",
                options=[
                    opt("never", "Never"),
                    opt("sometimes", "Sometimes", weights={S: 1}),
                    opt("often", "Often", weights={S: 3}),
                    opt("very_often", "Very often", weights={S: 4}),
                ],
            ),
            dict(
                code="stress_pain_link",
                kind="single",
                wording="Is your pain worse when you are going through a stressful time?",
                options=[
                    opt("no", "No"),
                    opt("a_little", "A little", weights={S: 2}),
                    opt("clearly", "Yes, clearly", weights={S: 4}),
                ],
            ),
            dict(
                code="mood",
                kind="single",
                wording="In the past two weeks, how often have you felt down, or had little "
                "pleasure in doing things?",
                options=[
                    opt("not_at_all", "Not at all"),
                    opt("several_days", "On several days", weights={S: 1}),
                    opt("more_than_half", "On more than half the days", weights={S: 2, C: 1}),
                    opt("nearly_every_day", "Nearly every day", weights={S: 3, C: 1}),
                ],
            ),
            dict(
                code="self_harm",
                kind="single",
                wording="In the past two weeks, have you had thoughts that you would be "
                "better off dead, or of hurting yourself?",
                hint="Living with pain can be very hard, and many people have thoughts like "
                "this. If you answer yes, we will show you where to get support straight away.",
                why="We ask everyone this, because long-lasting pain and low mood often go "
                "together and help is available. Your answer is not shared with anyone unless "
                "you choose to show your summary. Skipping it is fine.",
                options=[
                    opt("no", "No"),
                    opt("yes", "Yes"),
                    opt("prefer_not_to_say", "I would rather not say"),
                ],
            ),
            dict(
                code="worry",
                kind="single",
                wording="“I worry my pain will never get better.” Do you agree?",
                options=[
                    opt("disagree", "No, I do not agree"),
                    # Catastrophising: Smart central cluster, maladaptive beliefs.
                    opt("agree", "Yes, I agree", weights={S: 2, C: 1}),
                ],
            ),
            dict(
                code="fear_of_movement",
                kind="single",
                wording="“It is not safe for me to be active.” Do you agree?",
                options=[
                    opt("disagree", "No, I do not agree"),
                    # Fear-avoidance: STarT Back psychosocial subscale.
                    opt("agree", "Yes, I agree", weights={S: 2, C: 1}),
                ],
            ),
            dict(
                code="adverse_experiences",
                kind="single",
                wording="Have you had hard or frightening experiences, as a child or as an "
                "adult, that still affect you?",
                hint="You do not need to say what happened.",
                why="Difficult experiences can leave the nervous system stuck on high alert, "
                "which lowers the pain threshold. Knowing this helps us point you to support "
                "that works on that, not only on the painful area. Skipping it is fine.",
                options=[
                    opt("no", "No"),
                    # ACE dose-response with adult chronic pain (Felitti 1998).
                    opt("yes", "Yes", weights={S: 3, C: 1}),
                    opt("prefer_not_to_say", "I would rather not say"),
                ],
            ),
            dict(
                code="social_support",
                kind="single",
                wording="Do you have people you can turn to for support?",
                options=[
                    opt("yes", "Yes"),
                    opt("some", "Some", weights={S: 1}),
                    opt("no", "No", weights={S: 2}),
                ],
            ),
        ],
    ),
    (
        "medical",
        "Your medical history",
        [
            dict(
                code="conditions",
                kind="multi",
                wording="Has a doctor or nurse told you that you have any of these?",
                hint="Select all that apply.",
                why="Some conditions damage nerves, some keep joints inflamed, and some "
                "change which self-care is safe for you.",
                options=[
                    # Smart PNP: history of nerve injury, pathology or mechanical compromise.
                    opt("diabetes", "Diabetes", weights={N: 4}),
                    opt("prediabetes", "Prediabetes (blood sugar a little high)", weights={N: 2}),
                    opt("b12_low", "Low vitamin B12", weights={N: 4}),
                    opt("chemotherapy", "Chemotherapy, now or in the past", weights={N: 4}),
                    opt("shingles", "Shingles in the painful area", weights={N: 4}),
                    opt(
                        "alcohol_heavy",
                        "Drinking a lot of alcohol, now or in the past",
                        weights={N: 3},
                    ),
                    opt("nerve_injury", "A nerve injury", weights={N: 4}),
                    opt(
                        "disc_or_spine_finding",
                        "A disc or spine problem seen on a scan",
                        weights={N: 1},
                    ),
                    opt("fibromyalgia_diagnosis", "Fibromyalgia", weights={C: 5}),
                    opt("osteoarthritis", "Osteoarthritis", weights={P: 3}),
                    opt(
                        "inflammatory_arthritis",
                        "Inflammatory arthritis",
                        "For example rheumatoid arthritis or ankylosing spondylitis",
                        weights={P: 3},
                    ),
                    opt("kidney_disease", "Kidney disease"),
                    opt("pregnancy", "Pregnant or breastfeeding"),
                    opt("none", "None of these", exclusive=True),
                ],
            ),
            dict(
                code="medications",
                kind="multi",
                wording="Do you take any of these medicines?",
                hint="Select all that apply.",
                why="Some medicines change how the nervous system handles pain, and some "
                "do not mix safely with certain supplements.",
                options=[
                    opt(
                        "opioids",
                        "Opioid painkillers",
                        "For example codeine, tramadol, morphine or oxycodone",
                        weights={C: 1},
                    ),
                    opt(
                        "nsaids_regular",
                        "Anti-inflammatory painkillers most days",
                        "For example ibuprofen, naproxen or diclofenac",
                        weights={P: 1},
                    ),
                    opt(
                        "gabapentinoid",
                        "Gabapentin or pregabalin",
                        weights={N: 1, C: 1},
                    ),
                    opt(
                        "antidepressant_for_pain",
                        "An antidepressant for pain",
                        "For example amitriptyline or duloxetine",
                        weights={C: 1},
                    ),
                    opt(
                        "anticoagulant",
                        "A blood thinner",
                        "For example warfarin, apixaban or rivaroxaban",
                    ),
                    opt("none", "None of these", exclusive=True),
                ],
            ),
            dict(
                code="opioid_duration",
                kind="single",
                wording="How long have you been taking opioid painkillers?",
                show_when=("medications", "opioids"),
                options=[
                    opt("lt_3_months", "Less than 3 months"),
                    # Opioid-induced hyperalgesia with long-term use.
                    opt("gt_3_months", "More than 3 months", weights={C: 2}),
                ],
            ),
            dict(
                code="opioid_taper",
                kind="single",
                wording="Are you reducing your opioid dose with your doctor at the moment?",
                show_when=("medications", "opioids"),
                options=[opt("no", "No"), opt("yes", "Yes")],
            ),
            dict(
                code="surgery",
                kind="single",
                wording="Have you had surgery for this pain?",
                options=[
                    opt("none", "No"),
                    opt("helped", "Yes, and it helped", weights={P: 1}),
                    # A structural fix without lasting relief points away from the structure.
                    opt(
                        "no_lasting_relief",
                        "Yes, but it did not give lasting relief",
                        weights={C: 3},
                    ),
                ],
            ),
            dict(
                code="notes_for_clinician",
                kind="text",
                wording="Is there anything else you would like your clinician to know?",
                hint="This goes on your clinician summary only. It is not scored. Do not "
                "include your name or contact details.",
            ),
        ],
    ),
]


FREQUENCY_OPTIONS = (
    ("not_at_all", "Not at all"),
    ("several_days", "Several days"),
    ("more_than_half", "More than half the days"),
    ("nearly_every_day", "Nearly every day"),
)


def frequency_item(code, wording, weights, why=""):
    """A PHQ or GAD item: the instrument's four answers, scored 0-3 by measures.py."""
    return dict(
        code=code,
        kind="single",
        wording=wording,
        hint="Over the last 2 weeks.",
        why=why,
        options=[
            opt(answer, label, weights=weights.get(answer)) for answer, label in FREQUENCY_OPTIONS
        ],
    )


def interference_item(code, wording):
    """A PEG interference item, 0-10 over the past week, with the published end labels."""
    return dict(
        code=code,
        kind="number",
        wording=wording,
        hint="0 means it does not interfere. 10 means it completely interferes.",
        why="Together with your pain score, these two questions make the PEG scale, which "
        "clinicians use to follow how pain affects daily life over time.",
        min_value=0,
        max_value=10,
        min_label="0 Does not interfere",
        max_label="10 Completely interferes",
    )


# Version 2's additions, by the item they follow. Weights (stress-driven, S; central, C) keep
# the depressive-symptom weight of version 1's single mood item (at most S 3, C 1), now split
# across PHQ-2's two items, and add anxiety, which STarT Back and the Orebro screen count as
# psychosocial load (Hill 2008; Linton 2011): a modulating layer, so never more than the
# stress items themselves. PEG's items measure function and add to no type.
V2_AFTER = {
    "intensity": [
        interference_item(
            "interference_enjoyment",
            "In the past week, how much has pain got in the way of your enjoyment of life?",
        ),
        interference_item(
            "interference_activity",
            "In the past week, how much has pain got in the way of your general activity?",
        ),
    ],
    "stress_pain_link": [
        frequency_item(
            "little_interest",
            "How often have you been bothered by having little interest or pleasure in "
            "doing things?",
            {"more_than_half": {S: 1}, "nearly_every_day": {S: 1}},
            why="Pain and low mood often feed each other. This question and the next are a "
            "short check (PHQ-2) that clinicians use everywhere.",
        ),
    ],
    "self_harm": [
        frequency_item(
            "nervous",
            "How often have you been bothered by feeling nervous, anxious or on edge?",
            {"several_days": {S: 1}, "more_than_half": {S: 2}, "nearly_every_day": {S: 2}},
            why="Worry keeps the body on alert, which can turn pain up. This question and the "
            "next are a short check (GAD-2) that clinicians use everywhere.",
        ),
        frequency_item(
            "uncontrolled_worry",
            "How often have you been bothered by not being able to stop or control worrying?",
            {"more_than_half": {S: 1}, "nearly_every_day": {S: 2}},
        ),
    ],
}
V2_MOOD = frequency_item(
    "mood",
    "How often have you been bothered by feeling down, depressed or hopeless?",
    {"several_days": {S: 1}, "more_than_half": {S: 2, C: 1}, "nearly_every_day": {S: 2, C: 1}},
)
# Version 2's plainer wording (issue 14): a short "why we ask" where a question can feel
# personal, answers that say what they mean instead of a bare Yes or No, "I am not sure"
# where a person may not know, and heavy drinking offered as something about the person, not
# as something a doctor said. Every answer code of version 1 stays (ITEMS.md); "not_sure" is
# new and adds to no type, so it counts like no feature. Version 1's data is never changed.
NOT_SURE = opt("not_sure", "I am not sure")
V2_WORDING = {
    "touch_sensitivity": {"labels": {"no": "No, touch does not hurt"}},
    "swelling": {
        "labels": {
            "no": "No, it does not swell",
            "yes": "Yes, it is sometimes swollen, warm or red",
        },
        "add": [NOT_SURE],
    },
    "morning_stiffness": {"add": [NOT_SURE]},
    "sensory_sensitivity": {"labels": {"no": "No, not more than other people"}},
    "processed_food": {
        "why": "What you eat can raise or lower inflammation in the body, and inflammation "
        "can turn pain up. There is no wrong answer, and nobody is judging.",
    },
    "stress_pain_link": {"labels": {"no": "No, stress makes no difference"}},
    "mood": {
        "why": "Long-lasting pain and low mood often go together, and each can make the other "
        "worse. Your answer helps a clinician see the whole picture. It is not a diagnosis.",
    },
    "adverse_experiences": {
        "labels": {"no": "No, nothing like that affects me now", "yes": "Yes, they still affect me"}
    },
    "social_support": {
        "labels": {
            "yes": "Yes, I have people I can turn to",
            "some": "Some, but not as much as I need",
            "no": "No, not really",
        }
    },
    "conditions": {
        "wording": "Do any of these apply to you?",
        "hint": "Select all that apply. Most are things a doctor or nurse would have told you.",
        "labels": {"alcohol_heavy": "I drink a lot of alcohol, or did in the past"},
        "hints": {
            "alcohol_heavy": "We ask because a lot of alcohol over years can damage nerves.",
            "pregnancy": "We ask because some supplements and medicines are not safe in "
            "pregnancy or while breastfeeding.",
        },
    },
    "opioid_taper": {
        "labels": {"no": "No, not at the moment", "yes": "Yes, I am reducing them with my doctor"}
    },
    "surgery": {"labels": {"none": "No, I have not had surgery for it"}},
}


def reworded(item: dict) -> dict:
    """A copy of a version 1 item with version 2's wording; the original is left as it is."""
    change = V2_WORDING.get(item["code"])
    if change is None:
        return item
    item = {**item, **{key: change[key] for key in ("wording", "hint", "why") if key in change}}
    labels, hints = change.get("labels", {}), change.get("hints", {})
    options = [
        (code, labels.get(code, label), hints.get(code, hint), weights, exclusive)
        for code, label, hint, weights, exclusive in item["options"]
    ]
    item["options"] = options + list(change.get("add", []))  # the items changed have no "none"
    return item


LATEST_VERSION = 2
CHANGELOGS = {
    1: "First version: the ITEMS.md core item bank.",
    2: "Adds the validated measures of ITEMS.md §6: PEG (two interference items), PHQ-2 "
    "(little interest; mood asks feeling down) and GAD-2 (nervous; uncontrolled worry).",
}


def sections_for(version: int):
    """The seeded sections of a version: version 1 as published, version 2 with §6 added."""
    if version == 1:
        return SECTIONS
    if version != 2:
        raise ValueError(f"no seed data for MAP version {version}")
    sections = []
    for s_code, s_title, items in SECTIONS:
        new_items = []
        for item in items:
            # PHQ-2's first item is asked before mood, which becomes PHQ-2's second item.
            if item["code"] == "mood":
                new_items += V2_AFTER["stress_pain_link"]
                new_items.append(reworded(V2_MOOD))
                continue
            new_items.append(reworded(item))
            if item["code"] != "stress_pain_link":
                new_items += V2_AFTER.get(item["code"], [])
        sections.append((s_code, s_title, new_items))
    return sections


def seed_all() -> list[int]:
    """Seed every version this file holds, oldest first; returns the versions created."""
    return [version for version in range(1, LATEST_VERSION + 1) if seed_map(version)]


@transaction.atomic
def seed_map(version: int = 1) -> bool:
    """Create and publish a seeded MAP version if it does not exist. Returns True when created.

    Never touches an existing version: published versions are immutable, and editors make
    changes in new drafts. The new version goes live (retiring the one before) unless a newer
    version is already published.
    """
    from ..models import AnswerOption, Item, OptionWeight, Questionnaire, Section

    if Questionnaire.objects.filter(version=version).exists():
        return False
    questionnaire = Questionnaire.objects.create(
        version=version,
        label="MAP core",
        changelog=CHANGELOGS[version],
    )
    seeded_sections = sections_for(version)
    # Four bulk inserts (with their history rows), not a query per row.
    sections = bulk_create_with_history(
        [
            Section(questionnaire=questionnaire, code=s_code, title=s_title, order=s_order)
            for s_order, (s_code, s_title, _items) in enumerate(seeded_sections)
        ],
        Section,
    )
    item_rows = []
    for s_order, (section, (_code, _title, items)) in enumerate(
        zip(sections, seeded_sections, strict=True)
    ):
        for i_order, spec in enumerate(items):
            show_item, show_option = spec.get("show_when", ("", ""))
            item_rows.append(
                Item(
                    questionnaire=questionnaire,
                    section=section,
                    code=spec["code"],
                    kind=spec["kind"],
                    wording=spec["wording"],
                    hint=spec.get("hint", ""),
                    why_we_ask=spec.get("why", ""),
                    optional=spec.get("optional", True),
                    order=s_order * 100 + i_order,
                    show_when_item=show_item,
                    show_when_option=show_option,
                    min_value=spec.get("min_value"),
                    max_value=spec.get("max_value"),
                    min_label=spec.get("min_label", ""),
                    max_label=spec.get("max_label", ""),
                )
            )
    items = bulk_create_with_history(item_rows, Item)
    specs = [spec for _code, _title, section_items in seeded_sections for spec in section_items]
    option_rows, option_weights = [], []
    for item, spec in zip(items, specs, strict=True):
        for o_order, (code, label, hint, weights, exclusive) in enumerate(spec.get("options", [])):
            option_rows.append(
                AnswerOption(
                    item=item, code=code, label=label, hint=hint, exclusive=exclusive, order=o_order
                )
            )
            option_weights.append(weights)
    options = bulk_create_with_history(option_rows, AnswerOption)
    bulk_create_with_history(
        [
            OptionWeight(option=option, type=type_code, points=points)
            for option, weights in zip(options, option_weights, strict=True)
            for type_code, points in weights.items()
        ],
        OptionWeight,
    )
    if not Questionnaire.objects.filter(
        version__gt=version, status=Questionnaire.Status.PUBLISHED
    ).exists():
        for old in Questionnaire.objects.filter(status=Questionnaire.Status.PUBLISHED):
            old.status = Questionnaire.Status.RETIRED
            old.save(update_fields=["status", "updated_at"])
        questionnaire.status = Questionnaire.Status.PUBLISHED
        questionnaire.published_at = timezone.now()
        questionnaire.save()
    return True


def seed_spec(version: int = 1):
    """A seeded version as a QuestionnaireSpec straight from the data above, without a database.

    Scoring tests use it; a test checks it matches what `seed_map` stores.
    """
    from ..rules.spec import ItemSpec, OptionSpec, QuestionnaireSpec

    items = []
    for _s_code, s_title, section_items in sections_for(version):
        for spec in section_items:
            items.append(
                ItemSpec(
                    code=spec["code"],
                    kind=spec["kind"],
                    section=_s_code,
                    section_title=s_title,
                    wording=spec["wording"],
                    hint=spec.get("hint", ""),
                    why_we_ask=spec.get("why", ""),
                    optional=spec.get("optional", True),
                    show_when=spec.get("show_when"),
                    min_value=spec.get("min_value"),
                    max_value=spec.get("max_value"),
                    min_label=spec.get("min_label", ""),
                    max_label=spec.get("max_label", ""),
                    options=tuple(
                        OptionSpec(code, label, hint, exclusive, dict(weights))
                        for code, label, hint, weights, exclusive in spec.get("options", [])
                    ),
                )
            )
    return QuestionnaireSpec(
        version=version, label="MAP core", status="published", items=tuple(items)
    )
