"""No rule changes silently: every clinical case's full result equals its golden copy."""

import json

import pytest

from assessment.rules.results import SCORING_VERSION
from tests import golden

GOLDEN = golden.path_for(SCORING_VERSION)
REGENERATE = "bump SCORING_VERSION and regenerate: .venv/bin/python -m tests.golden"


def test_there_is_a_golden_file_for_this_scoring_version():
    assert GOLDEN.exists(), f"no {GOLDEN.name}: {REGENERATE}"


@pytest.mark.skipif(not GOLDEN.exists(), reason="covered by the test above")
def test_every_clinical_case_scores_exactly_as_its_golden_result():
    expected = json.loads(GOLDEN.read_text())
    actual = golden.compute()
    assert actual.keys() == expected.keys()
    for version, cases in actual.items():
        assert cases.keys() == expected[version].keys(), version
        for case_id, record in cases.items():
            assert record == expected[version][case_id], (
                f"{version} {case_id} changed: {REGENERATE}"
            )
