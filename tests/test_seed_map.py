import re
from pathlib import Path

import pytest

from assessment.data.seed_map import seed_map, seed_spec
from assessment.models import AnswerOption, Item, OptionWeight, Questionnaire
from assessment.rules.spec import build_spec

ITEMS_MD = Path(__file__).resolve().parents[2] / "shared" / "map" / "ITEMS.md"


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


def test_it_asks_self_harm_right_after_mood():
    codes = [item.code for item in seed_spec().items]
    assert codes.index("self_harm") == codes.index("mood") + 1
    assert codes[0] == "red_flags"


def test_it_asks_opioid_questions_only_with_opioids():
    spec = seed_spec()
    for code in ("opioid_duration", "opioid_taper"):
        assert spec.by_code[code].show_when == ("medications", "opioids")


def test_it_lets_every_item_but_red_flags_be_skipped():
    spec = seed_spec()
    assert [item.code for item in spec.items if not item.optional] == ["red_flags"]


def test_it_makes_none_exclusive_wherever_it_is_offered():
    for item in seed_spec().items:
        if item.kind == "multi" and "none" in item.options_by_code:
            assert item.options_by_code["none"].exclusive, item.code


def test_it_weights_only_the_four_types():
    for item in seed_spec().items:
        for option in item.options:
            assert set(option.weights) <= {"peripheral", "central", "stress_driven", "neuropathic"}


@pytest.mark.skipif(not ITEMS_MD.exists(), reason="../shared/map/ITEMS.md is not beside the repo")
def test_it_has_every_item_and_answer_code_in_the_contract():
    text = ITEMS_MD.read_text()
    spec = seed_spec()
    rows = re.findall(r"^\| `([a-z_0-9]+)` \| (\w+)[^|]* \| (.*?) \|", text, re.M)
    assert len(rows) >= 30
    for code, kind, answers in rows:
        assert code in spec.by_code, code
        assert spec.by_code[code].kind == kind, code
        if kind in ("single", "multi"):
            # "asked only when medications has opioids" names a rule, not answers.
            expected = set(re.findall(r"`([a-z_0-9]+)`", answers.split("asked only when")[0]))
            assert expected <= set(spec.by_code[code].options_by_code), (code, expected)
