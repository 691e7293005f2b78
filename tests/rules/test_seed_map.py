import re
from pathlib import Path

import pytest

from assessment.data.seed_map import LATEST_VERSION, seed_all, seed_map, seed_spec
from assessment.models import AnswerOption, Item, OptionWeight, Questionnaire
from assessment.rules.codes import MEASURE_ITEMS, NUMBER_RANGES, REQUIRED_ITEMS
from assessment.spec_loader import build_spec

VERSIONS = range(1, LATEST_VERSION + 1)

ITEMS_MD = Path(__file__).resolve().parents[3] / "shared" / "map" / "ITEMS.md"


@pytest.mark.django_db
def test_it_stores_exactly_the_seed_data():
    assert seed_map() is True
    questionnaire = Questionnaire.objects.get(version=1)
    assert questionnaire.status == "published" and questionnaire.published_at
    assert build_spec(questionnaire) == seed_spec()


@pytest.mark.django_db
def test_it_is_idempotent():
    seed_map()
    counts = (Item.objects.count(), AnswerOption.objects.count(), OptionWeight.objects.count())
    assert seed_map() is False
    assert counts == (
        Item.objects.count(),
        AnswerOption.objects.count(),
        OptionWeight.objects.count(),
    )


@pytest.mark.django_db
def test_it_seeds_version_2_live_and_keeps_version_1_unchanged():
    assert seed_all() == [1, 2]
    one, two = Questionnaire.objects.get(version=1), Questionnaire.objects.get(version=2)
    assert one.status == "retired" and two.status == "published"
    assert build_spec(one).items == seed_spec(1).items
    assert build_spec(two) == seed_spec(2)
    assert seed_all() == []


@pytest.mark.django_db
def test_it_never_replaces_a_newer_published_version():
    seed_map(2)
    Questionnaire.objects.filter(version=2).update(version=3)
    seed_map(2)
    assert Questionnaire.objects.get(version=3).status == "published"
    assert Questionnaire.objects.get(version=2).status == "draft"


@pytest.mark.parametrize("version", VERSIONS)
def test_it_asks_self_harm_right_after_mood(version):
    codes = [item.code for item in seed_spec(version).items]
    assert codes.index("self_harm") == codes.index("mood") + 1
    assert codes[0] == "red_flags"


def test_version_2_asks_the_measures_beside_the_items_they_go_with():
    codes = [item.code for item in seed_spec(2).items]
    at = codes.index
    # PEG beside intensity; PHQ-2 (little interest, then mood); GAD-2 after self-harm.
    assert codes[at("intensity") : at("intensity") + 3] == [
        "intensity",
        "interference_enjoyment",
        "interference_activity",
    ]
    assert codes[at("little_interest") : at("little_interest") + 5] == [
        "little_interest",
        "mood",
        "self_harm",
        "nervous",
        "uncontrolled_worry",
    ]
    assert set(codes) == set(REQUIRED_ITEMS) | set(MEASURE_ITEMS)
    assert not set(MEASURE_ITEMS) & {item.code for item in seed_spec(1).items}


def test_version_2_uses_the_instruments_recall_periods_and_scales():
    spec = seed_spec(2)
    for code in ("little_interest", "mood", "nervous", "uncontrolled_worry"):
        item = spec.by_code[code]
        assert "2 weeks" in item.hint, code
        assert [o.label for o in item.options] == [
            "Not at all",
            "Several days",
            "More than half the days",
            "Nearly every day",
        ]
    for code in ("interference_enjoyment", "interference_activity"):
        item = spec.by_code[code]
        assert "past week" in item.wording
        assert (item.min_value, item.max_value) == NUMBER_RANGES[code] == (0, 10)
        assert not any(o.weights for o in item.options)
    assert "down, depressed or hopeless" in spec.by_code["mood"].wording


@pytest.mark.parametrize("version", VERSIONS)
def test_it_asks_opioid_questions_only_with_opioids(version):
    spec = seed_spec(version)
    for code in ("opioid_duration", "opioid_taper"):
        assert spec.by_code[code].show_when == ("medications", "opioids")


@pytest.mark.parametrize("version", VERSIONS)
def test_it_lets_every_item_but_red_flags_be_skipped(version):
    spec = seed_spec(version)
    assert [item.code for item in spec.items if not item.optional] == ["red_flags"]


@pytest.mark.parametrize("version", VERSIONS)
def test_it_makes_none_exclusive_wherever_it_is_offered(version):
    for item in seed_spec(version).items:
        if item.kind == "multi" and "none" in item.options_by_code:
            assert item.options_by_code["none"].exclusive, item.code


@pytest.mark.parametrize("version", VERSIONS)
def test_it_weights_only_the_four_types(version):
    for item in seed_spec(version).items:
        for option in item.options:
            assert set(option.weights) <= {"peripheral", "central", "stress_driven", "neuropathic"}


@pytest.mark.skipif(not ITEMS_MD.exists(), reason="../shared/map/ITEMS.md is not beside the repo")
def test_it_has_every_item_and_answer_code_in_the_contract():
    text = ITEMS_MD.read_text()
    spec = seed_spec(LATEST_VERSION)
    rows = re.findall(r"^\| `([a-z_0-9]+)` \| (\w+)[^|]* \| (.*?) \|", text, re.M)
    assert len(rows) >= 35
    for code, kind, answers in rows:
        assert code in spec.by_code, code
        assert spec.by_code[code].kind == kind, code
        if kind in ("single", "multi"):
            # "asked only when medications has opioids" names a rule, not answers.
            expected = set(re.findall(r"`([a-z_0-9]+)`", answers.split("asked only when")[0]))
            assert expected <= set(spec.by_code[code].options_by_code), (code, expected)


def test_version_2_words_answers_plainly_and_keeps_version_1_as_published():
    v1, v2 = seed_spec(1), seed_spec(2)
    # Version 1 is published: its wording never changes.
    assert [o.label for o in v1.by_code["swelling"].options] == ["No", "Yes"]
    assert v1.by_code["conditions"].wording.startswith("Has a doctor or nurse told you")
    assert v1.by_code["processed_food"].why_we_ask == ""
    # Version 2 keeps every answer code of version 1.
    for item in v1.items:
        assert set(item.options_by_code) <= set(v2.by_code[item.code].options_by_code), item.code
    for code in ("mood", "processed_food", "adverse_experiences"):
        assert v2.by_code[code].why_we_ask, code
    conditions = v2.by_code["conditions"]
    assert "doctor" not in conditions.wording  # heavy drinking is not something a doctor said
    assert conditions.options_by_code["pregnancy"].hint.startswith("We ask because")
    assert conditions.options_by_code["alcohol_heavy"].label.startswith("I drink")
    for code in ("swelling", "morning_stiffness"):
        not_sure = v2.by_code[code].options_by_code["not_sure"]
        assert not_sure.label == "I am not sure" and not not_sure.weights
    # No bare Yes or No, except where the crisis support depends on the answer as it is.
    bare = {
        item.code
        for item in v2.items
        if item.kind == "single" and {o.label for o in item.options} & {"Yes", "No"}
    }
    assert bare <= {"self_harm"}, bare
