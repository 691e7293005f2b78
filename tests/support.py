"""Test data builders shared by every test file.

`make_questionnaire()` builds a published MAP questionnaire with every ITEMS.md item code and
answer code (plain test wording, not the seeded wording). `make_questionnaire(n_items=N)` builds
one of any size: the first N items of that bank, topped up with filler questions when N is
larger, so tests can show that a page costs the same whatever the questionnaire's size.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from html.parser import HTMLParser

from django.contrib.auth.models import Group, User
from django.utils import timezone

from assessment.data.seed_map import seed_map
from assessment.journey import access
from assessment.models import (
    AnswerOption,
    Assessment,
    Item,
    OptionWeight,
    Questionnaire,
    Section,
)
from assessment.rules.codes import REQUIRED_ITEMS
from assessment.spec_loader import spec_for

_versions = itertools.count(1000)

# (section code, section title, [(item code, test wording)]). Kinds and answer codes come from
# the contract, so the factory builds exactly the ITEMS.md bank.
BANK = [
    (
        "safety",
        "Safety check",
        [
            ("red_flags", "Do you have any of these?"),
        ],
    ),
    (
        "your_pain",
        "About your pain",
        [
            ("duration", "How long have you had this pain?"),
            ("intensity", "How bad has your pain been on average this week?"),
            ("body_regions", "Where do you feel pain?"),
            ("pain_spread", "How does your pain spread?"),
            ("movement_link", "Do movements or positions bring your pain on?"),
            ("proportionality", "How does your pain compare with the injury?"),
            ("descriptors", "What does your pain feel like?"),
            ("touch_sensitivity", "Does light touch hurt?"),
            ("swelling", "Is the painful area sometimes swollen?"),
            ("morning_stiffness", "How long are you stiff in the morning?"),
            ("sensory_sensitivity", "Do light, noise or smells bother you more than others?"),
        ],
    ),
    (
        "body_health",
        "Your body and health",
        [
            ("sleep_quality", "How well do you sleep?"),
            ("fatigue", "How tired are you?"),
            ("cognitive", "Do you have trouble thinking?"),
            ("other_symptoms", "Do you have any of these?"),
            ("activity_level", "How active are you?"),
            ("processed_food", "How much of your food is processed?"),
        ],
    ),
    (
        "stress_history",
        "Stress and your history",
        [
            ("stress_level", "How often have you felt overwhelmed?"),
            ("stress_pain_link", "Is your pain worse when you are stressed?"),
            ("mood", "How often have you felt down?"),
            ("self_harm", "Have you had thoughts of hurting yourself?"),
            ("worry", "I worry my pain will never get better"),
            ("fear_of_movement", "It is not safe for me to be active"),
            ("adverse_experiences", "Have hard experiences affected you?"),
            ("social_support", "Do you have people to help?"),
        ],
    ),
    (
        "medical",
        "Your medical history",
        [
            ("conditions", "Do you have any of these conditions?"),
            ("medications", "Do you take any of these medicines?"),
            ("opioid_duration", "How long have you taken opioids?"),
            ("opioid_taper", "Are you reducing your opioids?"),
            ("surgery", "Have you had surgery for this pain?"),
            ("notes_for_clinician", "Is there anything else for your clinician?"),
        ],
    ),
]


def _bank_rows():
    for section_code, section_title, items in BANK:
        for code, wording in items:
            kind, options = REQUIRED_ITEMS[code]
            yield section_code, section_title, (code, kind, wording, list(options))


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
BANK_CODES = [code for _, _, items in BANK for code, _ in items]

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
    rows = list(_bank_rows())
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


CALM_BASE = {
    code: CALM_ANSWERS[code]
    for code in ("red_flags", "self_harm", "duration", "conditions", "medications")
}
"""The calm person's essentials: nothing urgent, no crisis, not acute, no cautions."""

# A calm hip ache that reads as peripheral: the workbench's test story and insight's example.
CALM_HIP = {
    "red_flags": CALM_ANSWERS["red_flags"],
    "duration": CALM_ANSWERS["duration"],
    "intensity": 5,
    "body_regions": ["hip_right"],
    "pain_spread": "one_area",
    "movement_link": "clear_pattern",
    "proportionality": "matches",
    "descriptors": ["aching", "stiffness"],
    "self_harm": CALM_ANSWERS["self_harm"],
}


def make_assessment(questionnaire=None, answers=None, complete=False) -> Assessment:
    """An assessment answered through the services the web flow uses (None = skipped).

    On `make_questionnaire()` unless given one (`v1()` is the seeded MAP); `complete=True`
    completes it and keeps the result, as the check-answers page does.
    """
    from assessment.journey import services

    questionnaire = questionnaire or make_questionnaire()
    assessment = services.start_assessment(questionnaire)
    stored: dict = {}
    for code, value in (answers or {}).items():
        stored = services.save_answer(assessment, code, value, stored)
    if complete:
        services.complete(assessment, spec_for(questionnaire))
    assessment.refresh_from_db()
    return assessment


def v1() -> Questionnaire:
    """The seeded MAP v1, as the site ships it."""
    seed_map()
    return Questionnaire.objects.get(version=1)


def seed_toolkit() -> None:
    from content.seeding import seed_content

    seed_content()


def claim(client, assessment: Assessment) -> None:
    """Make this test client's session own the assessment, as starting or resuming does."""
    session = client.session
    session[access.SESSION_KEY] = [assessment.key]
    session.save()


# Staff in each role ---------------------------------------------------------------------------


def staff_user(username: str, group: str | None = None, **extra) -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password", **extra)
    user.is_staff = True
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # fresh, so permission caches start empty


def clinical_lead(username="lead") -> User:
    return staff_user(username, "Clinical lead")


def editor(username="editor") -> User:
    return staff_user(username, "Editor")


# The clinician summary -------------------------------------------------------------------------

# Every question answered, on the seeded MAP v1, with answers that raise every caution the
# summary shows: opioids (and the opioid branch), blood thinners, kidney disease, pregnancy.
FULL_ANSWERS = {
    "red_flags": ["none"],
    "duration": "gt_12_months",
    "intensity": 7,
    "body_regions": [
        "neck",
        "shoulder_left",
        "shoulder_right",
        "upper_back",
        "lower_back",
        "hip_left",
        "hip_right",
        "upper_leg_left",
        "hands",
        "feet",
    ],
    "pain_spread": "many_areas",
    "movement_link": "no_pattern",
    "proportionality": "bigger",
    "descriptors": ["burning", "aching", "tingling", "stiffness"],
    "touch_sensitivity": "often",
    "swelling": "no",
    "morning_stiffness": "over_30_min",
    "sensory_sensitivity": "a_lot",
    "sleep_quality": "very_poor",
    "fatigue": "severe",
    "cognitive": "moderate",
    "other_symptoms": ["headaches", "bowel", "jaw_clenching"],
    "activity_level": "mostly_resting",
    "processed_food": "most",
    "stress_level": "very_often",
    "stress_pain_link": "clearly",
    "mood": "more_than_half",
    "self_harm": "no",
    "worry": "agree",
    "fear_of_movement": "agree",
    "adverse_experiences": "yes",
    "social_support": "some",
    "conditions": ["prediabetes", "osteoarthritis", "kidney_disease", "pregnancy"],
    "medications": ["opioids", "nsaids_regular", "anticoagulant"],
    "opioid_duration": "gt_3_months",
    "opioid_taper": "no",
    "surgery": "no_lasting_relief",
    "notes_for_clinician": (
        "Worst in the mornings since my fall in 2021. <script>alert(1)</script> "
        "I would like to talk about reducing my tablets."
    ),
}


def pdf_text(data: bytes) -> tuple[int, str, dict]:
    """Page count, the text of every page, and the metadata of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), text, dict(reader.metadata or {})


def squash(text: str) -> str:
    """Whitespace- and ligature-insensitive form, for finding wrapped sentences in PDF text
    (Chromium's PDFs spell "fl" and "fi" as single ligature characters)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# MAP version 2: every question answered, the §6 measures included; PHQ-2 and GAD-2 both screen
# positive (3 or more) and PEG is (7 + 8 + 6) / 3 = 7.0.
FULL_ANSWERS_V2 = {
    **FULL_ANSWERS,
    "interference_enjoyment": 8,
    "interference_activity": 6,
    "little_interest": "several_days",
    "mood": "more_than_half",
    "nervous": "nearly_every_day",
    "uncontrolled_worry": "more_than_half",
}


def seeded_questionnaire(version: int = 1) -> Questionnaire:
    seed_map(version)
    return Questionnaire.objects.get(version=version)


def make_finished(answers: dict, complete: bool = True, version: int = 1) -> Assessment:
    """An assessment on a seeded MAP version (1 unless said) with these stored answers."""
    return make_assessment(seeded_questionnaire(version), answers, complete=complete)


# Safety paths: own an assessment, read its tap-to-call links ------------------------------


def own(client, assessment):
    """Let this test client's browser hold the assessment, as the journey does."""
    session = client.session
    session[access.SESSION_KEY] = [*session.get(access.SESSION_KEY, []), assessment.key]
    session.save()
    return assessment


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, re.sub(r"\s+", " ", "".join(self._text)).strip()))
            self._href = None


def call_links(html: str) -> list[tuple[str, str]]:
    """Every tel:/sms: link on a page as (href, visible text)."""
    parser = _Links()
    parser.feed(html)
    return [(href, text) for href, text in parser.links if href.startswith(("tel:", "sms:"))]


def between(html: str, start_marker: str, end_marker: str) -> str:
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


def answered(questionnaire, answers: dict, complete: bool = False):
    """An assessment whose answers were saved as the journey saves them (safety flags set)."""
    from assessment.journey import services

    assessment = Assessment.objects.create(questionnaire=questionnaire)
    stored: dict = {}
    for code, value in answers.items():
        stored = services.save_answer(assessment, code, value, stored)
    if complete:
        services.complete(assessment, spec_for(questionnaire))
    return assessment


def support_bar_links(html: str) -> str:
    """The always-visible part of the support bar: its row of numbers under the toggle."""
    start = html.index("</details>", html.index("data-support-bar"))
    return html[start : html.index("</section>", start)]


def sign_in(client, user) -> None:
    """Sign `user` in as the sign-in page would: with a confirmed authenticator app and a
    verified session when their group requires two-factor sign-in (painmap.twofactor)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from painmap.twofactor import requires_two_factor

    client.force_login(user)
    if requires_two_factor(user):
        device = TOTPDevice.objects.create(user=user, name="test app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
