"""The change in PEG in plain words: what changed, never why (plan_presenters)."""

from assessment.journey.plan_presenters import change_sentence
from assessment.rules.progress import peg_change


def test_the_issue_example_reads_as_written():
    assert change_sentence(peg_change(6.3, 4.1)) == (
        "Your PEG has fallen from 6.3 to 4.1, a 35 % fall: the size of change that studies "
        "count as meaningful."
    )


def test_a_smaller_fall_says_what_counts_as_meaningful_without_calling_it_so():
    words = change_sentence(peg_change(6.0, 5.0))
    assert words.startswith("Your PEG has fallen from 6.0 to 5.0, a 17 % fall.")
    assert "30 % or more" in words


def test_a_rise_points_to_the_clinician():
    words = change_sentence(peg_change(4.0, 5.0))
    assert "risen from 4.0 to 5.0, a 25 % rise" in words
    assert "clinician" in words


def test_no_change_and_no_baseline():
    assert change_sentence(peg_change(5.0, 5.0)) == "Your PEG is the same as when you started: 5.0."
    assert change_sentence(None) == ""


def test_the_words_never_claim_a_cause():
    for baseline, latest in ((6.3, 4.1), (6.0, 5.0), (4.0, 5.0), (5.0, 5.0)):
        words = change_sentence(peg_change(baseline, latest)).lower()
        for cause in ("because", "thanks to", "worked", "due to", "caused", "you have"):
            assert cause not in words
