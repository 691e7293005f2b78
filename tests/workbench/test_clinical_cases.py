"""PainMap's clinical cases: one source (assessment/data/clinical_cases.py) for the JSON files and
the seeded test stories."""

import json
from pathlib import Path

import pytest

from assessment.data.clinical_cases import CASES, as_json, story_fields
from assessment.models import TestStory as Story
from assessment.rules.codes import REQUIRED_ITEMS, TOOLKIT_SLUGS, TYPE_CODES

FOLDER = Path(__file__).resolve().parents[1] / "clinical_cases"
SHARED_VIGNETTES = Path(__file__).resolve().parents[3] / "shared" / "map" / "vignettes"


def test_it_keeps_the_json_files_identical_to_the_module():
    files = sorted(FOLDER.glob("*.json"))
    assert [f.stem for f in files] == sorted(case["id"] for case in CASES)
    for case in CASES:
        assert (FOLDER / f"{case['id']}.json").read_text(encoding="utf-8") == as_json(case), (
            "Run `python -m assessment.data.clinical_cases tests/clinical_cases` to rewrite the files."
        )


def test_it_has_at_least_twelve_cases_with_contract_codes_only():
    assert len(CASES) >= 12
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case in CASES:
        for code, value in case["answers"].items():
            assert code in REQUIRED_ITEMS, (case["id"], code)
            allowed = REQUIRED_ITEMS[code][1]
            for answer in value if isinstance(value, list) else [value]:
                assert not allowed or answer in allowed, (case["id"], code, answer)
        expect = case["expect"]
        assert set(expect["primary_any"]) <= {*TYPE_CODES, "none"}
        assert set(expect.get("suggest_all", [])) <= set(TOOLKIT_SLUGS)
        assert set(expect.get("cautions", {})) <= set(TOOLKIT_SLUGS)


def test_it_covers_each_safety_route():
    urgencies = {case["expect"].get("urgency") for case in CASES}
    assert {"urgent", "emergency", None} <= urgencies
    assert any(case["expect"]["crisis"] for case in CASES)
    assert any(case["expect"].get("acute") is True for case in CASES)
    leading = {case["expect"]["primary_any"][0] for case in CASES if not case["expect"]["urgent"]}
    assert leading == set(TYPE_CODES)


@pytest.mark.skipif(
    not SHARED_VIGNETTES.is_dir(), reason="shared/map/vignettes not beside the repo"
)
def test_it_uses_none_of_the_shared_vignettes_answers():
    shared = [json.loads(p.read_text())["answers"] for p in SHARED_VIGNETTES.glob("*.json")]
    for case in CASES:
        assert case["answers"] not in shared, case["id"]


@pytest.mark.django_db
def test_it_seeds_every_case_as_a_test_story():
    for case in CASES:
        expected = story_fields(case)
        story = Story.objects.get(title=expected["title"])
        for field, value in expected.items():
            assert getattr(story, field) == value, (case["id"], field)
