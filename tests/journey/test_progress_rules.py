"""The pure rules of plans, check-ins and change in PEG (assessment/rules/progress.py)."""

import datetime as dt

import pytest

from assessment.rules import progress
from assessment.rules.measures import PEG_MEANINGFUL_CHANGE

START = dt.date(2026, 3, 2)


def test_a_stated_time_to_effect_gives_dates_from_the_start():
    window = progress.effect_window(START, 4, 8)
    assert window == progress.Window(dt.date(2026, 3, 30), dt.date(2026, 4, 27))


def test_a_time_to_effect_not_stated_gives_no_date():
    assert progress.effect_window(START, None, None) is None


@pytest.mark.parametrize(("low", "high"), [(6, None), (None, 6)])
def test_one_figure_alone_gives_one_date(low, high):
    window = progress.effect_window(START, low, high)
    assert window.starts == window.full == START + dt.timedelta(weeks=6)


def test_figures_entered_the_wrong_way_round_still_give_an_ordered_window():
    window = progress.effect_window(START, 12, 8)
    assert window.starts < window.full


def test_check_ins_are_weekly_for_twelve_weeks():
    dates = progress.check_in_dates(START)
    assert len(dates) == 12
    assert dates[0] == dt.date(2026, 3, 9)
    assert all((b - a).days == 7 for a, b in zip(dates, dates[1:], strict=False))


def test_the_next_check_in_is_a_week_after_the_last_and_never_in_the_past():
    assert progress.next_check_in(START, START, None) == dt.date(2026, 3, 9)
    assert progress.next_check_in(START, dt.date(2026, 3, 12), dt.date(2026, 3, 11)) == dt.date(
        2026, 3, 18
    )
    # A missed week is simply due today.
    assert progress.next_check_in(START, dt.date(2026, 4, 20), dt.date(2026, 3, 11)) == dt.date(
        2026, 4, 20
    )


def test_the_issue_example_a_fall_from_6_3_to_4_1_is_35_percent_and_meaningful():
    change = progress.peg_change(6.3, 4.1)
    assert change.percent_fall == 35
    assert change.meaningful
    assert change.direction == "fell"


def test_a_fall_just_under_30_percent_is_not_called_meaningful_even_if_it_rounds_to_30():
    change = progress.peg_change(10.0, 7.04)  # a 29.6 % fall
    assert change.percent_fall == 30
    assert not change.meaningful


def test_exactly_30_percent_is_meaningful():
    assert PEG_MEANINGFUL_CHANGE == 0.30
    assert progress.peg_change(5.0, 3.5).meaningful


def test_a_rise_is_a_negative_fall_and_never_meaningful():
    change = progress.peg_change(4.0, 5.0)
    assert change.percent_fall == -25
    assert change.direction == "rose"
    assert not change.meaningful


@pytest.mark.parametrize(("baseline", "latest"), [(None, 3.0), (3.0, None), (0.0, 2.0)])
def test_no_change_is_stated_without_both_scores_or_from_zero(baseline, latest):
    assert progress.peg_change(baseline, latest) is None


def test_weeks_of_use_count_most_and_some_days_only():
    uses = ["most_days", "some_days", "not_yet", "stopped", None, "most_days"]
    assert progress.weeks_of_use(uses) == 3


def test_anything_with_a_caution_or_a_prescription_means_talk_to_a_clinician_first():
    assert progress.needs_clinician_first(("anticoagulant",), False)
    assert progress.needs_clinician_first((), True)
    assert not progress.needs_clinician_first((), False)


def test_the_remap_offer_opens_at_twelve_weeks():
    assert not progress.remap_offered(START, START + dt.timedelta(weeks=12, days=-1))
    assert progress.remap_offered(START, START + dt.timedelta(weeks=12))


def test_chart_points_are_spaced_by_date_and_scaled_0_to_10_upwards():
    series = [
        (START, 6.0),
        (START + dt.timedelta(days=7), 5.0),
        (START + dt.timedelta(days=21), 0.0),
    ]
    points = progress.chart_points(series)
    xs = [p.x for p in points]
    assert xs[0] == progress.CHART_LEFT
    assert xs[-1] == progress.CHART_WIDTH - progress.CHART_RIGHT
    # Two weeks' gap is twice one week's.
    assert round(xs[2] - xs[1], 1) == round(2 * (xs[1] - xs[0]), 1)
    # Lower PEG sits lower on the chart (larger y); 0 sits on the axis.
    assert points[0].y < points[1].y < points[2].y
    assert points[2].y == progress.CHART_HEIGHT - progress.CHART_BOTTOM


def test_one_point_and_out_of_range_values_stay_on_the_chart():
    (point,) = progress.chart_points([(START, 14.0)])
    assert point.x == progress.CHART_LEFT
    assert point.y == progress.CHART_TOP
    assert progress.chart_points([]) == []
