"""The MAP journey in a real Chromium: keyboard only, without JavaScript, on a phone, and axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from assessment.data.seed_map import seed_map
from content.seeding import seed_content

ERROR_TITLE = re.compile(r"^Error: ")


def expect_error_page(page):
    """The form came back with errors: wait for that page to be there and loaded (reading the
    title at once could catch the new page before its <title> was parsed, and flaked)."""
    expect(page).to_have_title(ERROR_TITLE)
    page.wait_for_load_state()


pytestmark = pytest.mark.django_db(transaction=True)

CONTINUE = "button[name=action][value=continue]"


@pytest.fixture
def site(live_server):
    seed_content()
    seed_map()
    return live_server.url


def assert_accessible(page, what):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def tab_to(page, predicate_js, limit=120):
    """Press Tab until the focused element matches; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {predicate_js} on {page.url}")


def answer_by_keyboard(page):
    code = page.url.rstrip("/").split("/")[-1]
    if code == "red_flags":
        tab_to(page, "el.id === 'answer-none'")
        page.keyboard.press("Space")
    elif page.locator("textarea[name=answer]").count():
        tab_to(page, "el.name === 'answer'")
        page.keyboard.type("Worse after long drives.")
    else:
        tab_to(page, "el.name === 'answer'")
        page.keyboard.press("Space")
    tab_to(page, "el.name === 'action' && el.value === 'continue'")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_it_walks_the_whole_journey_with_the_keyboard_only(page, site):
    page.goto(site + "/map/")
    tab_to(page, "el.textContent.trim() === 'Start now'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/q/red_flags/")
    for _ in range(60):
        if "/q/" not in page.url:
            break
        # Focus starts at the top of every new page (skip link first).
        answer_by_keyboard(page)
    assert page.url.endswith("/check/")
    tab_to(page, "el.textContent.trim() === 'See my map'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/results/")
    assert page.locator("h1").inner_text() == "Your map"


def tick(page, input_id):
    # Tap the box where it is drawn, once the page has finished loading: a forced click on a page
    # still loading (the server is slow under CI load) hit a spot the layout then moved, and
    # flaked. check() fails if the tap did not tick the box.
    page.wait_for_load_state()
    page.check(f"#{input_id}", force=True)


def walk_by_form(page, site, check_width=False):
    """Answer every question with the first choice ('None of these' for red flags)."""
    page.goto(site + "/map/")
    page.get_by_role("button", name="Start now").click()
    seen = []
    for _ in range(60):
        if check_width:
            assert_no_horizontal_scroll(page)
        if "/q/" not in page.url:
            break
        code = page.url.rstrip("/").split("/")[-1]
        seen.append(code)
        if code == "red_flags":
            tick(page, "answer-none")
        elif page.locator("textarea[name=answer]").count():
            page.fill("textarea[name=answer]", "Worse after long drives.")
        else:
            tick(page, page.locator("input[name=answer]").first.get_attribute("id"))
        page.click(CONTINUE)
    assert page.url.endswith("/check/"), page.url
    if check_width:
        assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="See my map").click()
    page.wait_for_url(re.compile(r"/results/$"))
    if check_width:
        assert_no_horizontal_scroll(page)
    return seen


def assert_no_horizontal_scroll(page):
    # A click may still be navigating when the URL has changed: measure the loaded page.
    page.wait_for_load_state()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_it_walks_the_whole_journey_without_javascript(no_js_page, site):
    seen = walk_by_form(no_js_page, site)
    assert "opioid_duration" in seen  # the first medicine is opioids: the branch opens
    assert "js-enabled" not in (no_js_page.get_attribute("html", "class") or "")
    assert no_js_page.locator(".score-table tbody tr").count() == 4


def test_it_fits_a_360px_phone_without_sideways_scrolling(phone_page, site):
    walk_by_form(phone_page, site, check_width=True)


def test_it_moves_focus_to_the_error_summary_and_passes_axe(page, site):
    page.goto(site + "/map/")
    assert_accessible(page, "start page")
    page.get_by_role("button", name="Start now").click()
    page.click(CONTINUE)
    expect_error_page(page)
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert_accessible(page, "question with an error")
    page.click(".error-summary a")
    assert page.evaluate("document.activeElement.id") == "answer-bladder_bowel"

    tick(page, "answer-fever_unwell")
    tick(page, "answer-none")  # the script unticks the symptom
    assert not page.is_checked("#answer-fever_unwell")
    tick(page, "answer-fever_unwell")
    assert not page.is_checked("#answer-none")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/stop/$"))
    assert_accessible(page, "red-flag stop page")

    page.get_by_role("link", name="Continue the questionnaire").click()
    for _ in range(60):
        if "/q/" not in page.url:
            break
        page.get_by_role("button", name="Skip this question").click()
    assert page.url.endswith("/check/")
    assert_accessible(page, "check answers")
    page.get_by_role("button", name="See my map").click()
    page.wait_for_url(re.compile(r"/results/$"))
    assert page.locator(".care-card--urgent").count() == 1
    assert page.locator(".map-suggestion").count() == 0
    assert_accessible(page, "results")


def test_it_shows_suggestions_with_their_cautions_on_results(page, site):
    walk_by_form(page, site)
    assert page.locator(".map-suggestion").count() >= 1
    assert_accessible(page, "results with suggestions")
