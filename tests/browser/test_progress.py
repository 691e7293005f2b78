"""Issue 15 in a real Chromium on a phone with JavaScript off: results → a plan with two items →
three check-ins on three (simulated) weeks → progress with the chart, the table and the change;
and a red flag at a check-in gives the same stop as in the MAP."""

import datetime as dt
import re

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from playwright.sync_api import expect

from assessment.journey import services
from assessment.models import Assessment
from tests.progress_support import finished_assessment, seed

pytestmark = pytest.mark.django_db(transaction=True)

DAY0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
ERROR_TITLE = re.compile(r"^Error: ")


def expect_error_page(page):
    """The form came back with errors: wait for that page to be there and loaded (reading the
    title at once could catch the new page before its <title> was parsed, and flaked)."""
    expect(page).to_have_title(ERROR_TITLE)
    page.wait_for_load_state()


@pytest.fixture
def phone_no_js(browser):
    context = browser.new_context(
        java_script_enabled=False,
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site(live_server):
    cache.clear()
    seed()
    return live_server.url


def tick(page, input_id):
    # Tap the box where it is drawn, once the page has finished loading: a forced click on a page
    # still loading (the server is slow under CI load) hit a spot the layout then moved, and
    # flaked. check() fails if the tap did not tick the box.
    page.wait_for_load_state()
    page.check(f"#{input_id}", force=True)


def assert_fits(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def assert_accessible(page, what):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def resume(page, site, assessment):
    page.goto(site + "/map/resume/")
    page.fill("input[name=code]", assessment.resume_code)
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith(f"/map/{assessment.key}/results/"), page.url


def check_in(page, intensity, enjoyment, activity, uses, red_flag="none"):
    tick(page, f"red_flags-{red_flag}")
    tick(page, f"intensity-{intensity}")
    tick(page, f"interference_enjoyment-{enjoyment}")
    tick(page, f"interference_activity-{activity}")
    tick(page, "sleep_quality-fair")
    for slug, use in uses.items():
        tick(page, f"use-{slug}-{use}")
    tick(page, "self_harm-no")
    assert_fits(page)
    page.get_by_role("button", name="Save my check-in").click()
    page.wait_for_load_state()


def test_results_to_plan_to_three_check_ins_to_progress(phone_no_js, site):
    page = phone_no_js
    with time_machine.travel(DAY0, tick=True):
        person = finished_assessment()
        resume(page, site, person)
        page.get_by_role("link", name="Make or see your plan").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Choose what to try"
        assert_fits(page)
        # Nothing chosen: the error summary links to the first choice.
        page.fill("#start-day", "")
        page.get_by_role("button", name="Make my plan").click()
        expect_error_page(page)
        assert page.locator(".error-summary a").count() == 2
        first = page.locator(".error-summary a").first.get_attribute("href")
        assert first.startswith("#items-")  # the first choice on the form
        tick(page, "items-graded-movement")
        tick(page, "items-sleep-restoration")
        page.fill("#start-day", "2")
        page.get_by_role("button", name="Make my plan").click()
        assert page.url.split("#")[0].endswith("/plan/"), page.url
        page.wait_for_load_state()
        assert page.locator("[data-plan-item]").count() == 2
        assert "9 March 2026" in page.locator("main").inner_text()
        assert_fits(page)

    uses = {"graded-movement": "most_days", "sleep-restoration": "some_days"}
    for week, (i, e, a) in enumerate([(6, 5, 5), (5, 5, 4), (4, 4, 4)], start=1):
        with time_machine.travel(DAY0 + dt.timedelta(weeks=week), tick=True):
            page.goto(site + f"/map/{person.key}/plan/")
            page.get_by_role("link", name="Check in now").click()
            check_in(page, i, e, a, uses)
            assert page.url.endswith("/plan/progress/"), page.url

    with time_machine.travel(DAY0 + dt.timedelta(weeks=3), tick=True):
        page.reload()
        main = page.locator("main").inner_text()
        assert "Your PEG has fallen from 6.3 to 4.0, a 37 % fall" in main
        assert page.locator("svg[data-peg-chart] circle").count() == 4
        assert page.locator("svg[data-peg-chart] polyline").count() == 1
        assert page.locator("[data-peg-table] tbody tr").count() == 4
        assert page.locator("[data-peg-table] tbody tr").last.inner_text().split() == [
            "23",
            "March",
            "2026",
            "4.0",
        ]
        assert_fits(page)


def test_a_red_flag_at_a_check_in_gives_the_same_stop_as_the_map(phone_no_js, site, browser):
    page = phone_no_js
    person = finished_assessment()
    resume(page, site, person)
    page.get_by_role("link", name="Make or see your plan").click()
    tick(page, "items-graded-movement")
    page.get_by_role("button", name="Make my plan").click()
    page.get_by_role("link", name="Check in now").click()
    check_in(page, 5, 5, 5, {"graded-movement": "most_days"}, red_flag="saddle_numbness")
    assert page.url.endswith("/stop/"), page.url
    at_check_in = page.locator(".care-card").inner_text()
    assert page.locator(".care-card h1").count() == 1
    assert_fits(page)

    # The same flag ticked in the MAP, in a fresh browser.
    other = Assessment.objects.create(questionnaire=person.questionnaire)
    services.save_answer(other, "red_flags", ["saddle_numbness"], {})
    resume(page, site, person)  # keeps the session; now also open the other one
    page.goto(site + "/map/resume/")
    page.fill("input[name=code]", other.resume_code)
    page.get_by_role("button", name="Continue").click()
    page.goto(site + f"/map/{other.key}/stop/")
    assert page.locator(".care-card").inner_text() == at_check_in
    assert "Call 999 or go to A&E now" in at_check_in


def test_the_plan_check_in_and_progress_pages_pass_axe(page, site):
    person = finished_assessment()
    resume(page, site, person)
    page.get_by_role("link", name="Make or see your plan").click()
    page.get_by_role("button", name="Make my plan").click()
    assert_accessible(page, "plan choice with errors")
    tick(page, "items-graded-movement")
    page.get_by_role("button", name="Make my plan").click()
    assert_accessible(page, "plan")
    page.get_by_role("link", name="Check in now").click()
    page.get_by_role("button", name="Save my check-in").click()
    expect_error_page(page)
    assert_accessible(page, "check-in with errors")
    check_in(page, 5, 5, 5, {"graded-movement": "most_days"})
    assert_accessible(page, "progress")
