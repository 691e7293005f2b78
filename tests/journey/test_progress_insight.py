"""Insight on plans and check-ins: anonymous counts, small counts hidden (issue 15)."""

import datetime as dt

import pytest
from django.utils import timezone

from assessment.models import CheckIn, Plan
from assessment.workbench.progress_insight import progress_insight
from tests.progress_support import finished_assessment, seed

pytestmark = pytest.mark.django_db


def person_with(latest_pegs):
    """A person (baseline PEG 6.3) with a plan and check-ins with these PEGs, a week apart."""
    assessment = finished_assessment()
    plan = Plan.objects.create(assessment=assessment, start_date=timezone.localdate())
    for n, peg in enumerate(latest_pegs, start=1):
        CheckIn.objects.create(
            plan=plan,
            day=timezone.localdate() + dt.timedelta(weeks=n),
            peg=peg,
            submitted_at=timezone.now(),
        )
    # A draft is never counted.
    CheckIn.objects.create(plan=plan, day=timezone.localdate(), answers={"intensity": ["1"]})


def test_counts_plans_weeks_and_the_share_with_a_meaningful_fall():
    seed()
    falls = ([5.0, 4.0], [4.4], [2.0], [4.0], [3.0])
    others = ([6.0], [7.0], [3.0, 6.0], [5.0], [6.3])
    for pegs in (*falls, *others):
        person_with(pegs)
    today = timezone.localdate()
    numbers = progress_insight(today, today)
    assert numbers.plans == 10
    assert numbers.with_latest == 10
    # From 6.3, a latest of 4.4 or less is a fall of 30 % or more; the last one counts.
    assert numbers.meaningful_falls == 5
    assert numbers.share_shown == "50 %"
    weeks = dict(numbers.check_ins_per_week)
    assert sum(weeks.values()) == 12
    assert len(weeks) == 2


@pytest.mark.parametrize("falls", [1, 4])
def test_a_share_that_would_count_fewer_than_5_people_is_hidden(falls):
    seed()
    for n in range(8):
        person_with([3.0] if n < falls else [6.0])
    today = timezone.localdate()
    numbers = progress_insight(today, today)
    assert numbers.with_latest == 8 and numbers.meaningful_falls == falls
    # 1 of 8 names one person's outcome; 4 of 8 leaves 4 without a fall: both hidden.
    assert numbers.share_shown is None


def test_small_counts_are_hidden():
    seed()
    for pegs in ([4.0], [4.0]):
        person_with(pegs)
    today = timezone.localdate()
    numbers = progress_insight(today, today)
    assert numbers.plans_shown == "fewer than 5"
    assert numbers.share_shown is None
    assert all(count == "fewer than 5" for _week, count in numbers.weeks_shown)
