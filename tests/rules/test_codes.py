"""assessment/rules/codes.py carries the ITEMS.md codes; this proves the two agree."""

import re
from pathlib import Path

import pytest

from assessment.rules.cautions import CAUTION_CODES, MEDICINE_CAUTION_CODES
from assessment.rules.codes import CONTRACT_ITEMS, REQUIRED_SHOW_WHEN, TOOLKIT_SLUGS

ITEMS_MD = Path(__file__).resolve().parents[3] / "shared" / "map" / "ITEMS.md"

pytestmark = pytest.mark.skipif(not ITEMS_MD.exists(), reason="shared/map/ITEMS.md not beside")


def table_rows():
    for line in ITEMS_MD.read_text().splitlines():
        match = re.match(r"\| `([a-z0-9_]+)` \| (\w+)[^|]*\| ([^|]*)\|", line)
        if match:
            yield match.group(1), match.group(2), match.group(3)


def test_it_lists_every_item_of_items_md_with_its_kind():
    rows = {code: kind for code, kind, _answers in table_rows()}
    assert rows == {code: kind for code, (kind, _) in CONTRACT_ITEMS.items()}


def test_it_lists_every_answer_code_of_items_md():
    for code, kind, answers in table_rows():
        if kind in ("single", "multi"):
            # "asked only when `medications` has `opioids`" names a rule, not answers.
            answers = answers.split("asked only when")[0]
            listed = re.findall(r"`([a-z0-9_]+)`", answers)
            if answers.strip().startswith("same four answers"):
                listed = CONTRACT_ITEMS["little_interest"][1]  # "same four answers" as above
            assert set(listed) == set(CONTRACT_ITEMS[code][1]), code


def test_it_keeps_the_opioid_branch_and_the_toolkit_slugs():
    text = ITEMS_MD.read_text()
    for code, (when, option) in REQUIRED_SHOW_WHEN.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{code}`"))
        assert f"asked only when `{when}` has `{option}`" in row
    for slug in TOOLKIT_SLUGS:
        assert f"`{slug}`" in text


def test_the_rulebook_has_every_caution_code_of_items_md_and_no_other():
    text = ITEMS_MD.read_text()
    section = text.split("Caution codes a suggestion may carry:")[1].split("## The scoring")[0]
    suggestion_codes = set(re.findall(r"`([a-z_]+)` \(", section))
    assert suggestion_codes == set(CAUTION_CODES)
    medicine = text.split("`medicine_cautions` are about")[1].split("`measures` holds")[0]
    assert set(re.findall(r"`([a-z_]+)` \(", medicine)) == set(MEDICINE_CAUTION_CODES)
