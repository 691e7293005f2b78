"""Golden results: every clinical case's full result, committed, keyed by scoring version.

Any change to a score, type, reason, suggestion, caution, note or measure fails
tests/test_golden.py until the scoring version (assessment/rules/results.py SCORING_VERSION) is
bumped and the file regenerated, so no rule ever changes silently:

    DJANGO_SETTINGS_MODULE=tests.settings .venv/bin/python -m tests.golden
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent / "golden_results"
CASES = sorted((HERE.parent / "clinical_cases").glob("*.json"))


def path_for(scoring_version: str) -> Path:
    return HERE / f"{scoring_version}.json"


def compute() -> dict:
    """{questionnaire version: {case id: record}} for every seeded version."""
    import django

    django.setup()
    from assessment.data.seed_map import LATEST_VERSION, seed_spec
    from assessment.rules.answers import clean_answers
    from assessment.rules.flow import relevant_answers
    from assessment.rules.scoring import score

    golden = {}
    for version in range(1, LATEST_VERSION + 1):
        spec = seed_spec(version)
        golden[f"v{version}"] = {}
        for path in CASES:
            case = json.loads(path.read_text())
            answers = relevant_answers(spec, clean_answers(spec, case["answers"]))
            record = score(spec, answers).to_record()
            golden[f"v{version}"][case["id"]] = json.loads(json.dumps(record))
    return golden


def write() -> Path:
    from assessment.rules.results import SCORING_VERSION

    path = path_for(SCORING_VERSION)
    path.write_text(json.dumps(compute(), indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return path


if __name__ == "__main__":  # pragma: no cover - a maintenance helper
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    print(write())  # noqa: T201
