"""Issue 14 in a real Chromium: a calm journey on a phone (320 and 360 px wide).

Buttons that look like what they do, results a tired person can take in, print that hides
what must stay private, reflow without sideways scrolling, and no typed answer ever lost.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from assessment import services
from assessment.seed_map import seed_map
from content.seeding import seed_content
from tests.summary_support import FULL_ANSWERS, make_assessment, pdf_text, seed_toolkit, squash

pytestmark = pytest.mark.django_db(transaction=True)

CONTINUE = "button[name=action][value=continue]"
WIDTHS = [320, 360]


@pytest.fixture
def site(live_server):
    cache.clear()
    seed_content()
    seed_map()
    return live_server.url


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def phone(request, browser):
    context = browser.new_context(
        viewport={"width": request.param, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def colours(page, selector):
    """What a person sees of a control: its background and text colour, as computed."""
    return page.eval_on_selector(
        selector,
        "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color]; }",
    )


def start(page, site):
    page.goto(site + "/map/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url(re.compile(r"/q/red_flags/$"))


def tick(page, input_id):
    page.click(f"label[for={input_id}]", force=True)


def test_skip_and_delete_do_not_look_like_continue(phone, site):
    start(phone, site)
    tick(phone, "answer-none")
    phone.click(CONTINUE)
    phone.wait_for_url(re.compile(r"/q/(?!red_flags)"))
    continue_look = colours(phone, CONTINUE)
    skip_look = colours(phone, "button[name=action][value=skip]")
    assert skip_look[0] != continue_look[0] and skip_look[1] != continue_look[1]
    key = phone.url.split("/map/")[1].split("/")[0]
    phone.goto(f"{site}/map/{key}/delete/")
    delete_look = colours(phone, "main button[type=submit]")
    assert delete_look[0] not in (continue_look[0], skip_look[0])
    assert delete_look[0] == "rgb(179, 38, 30)"  # --colour-error: red, and only here


def open_results(page, site, answers):
    """A finished MAP, claimed with its resume code as a person on another device would."""
    seed_toolkit()
    assessment = make_assessment(answers)
    page.goto(site + "/map/resume/")
    page.fill("#id_code", assessment.resume_code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/results/$"))
    return assessment


RESULT_STORIES = {
    "suggestions": FULL_ANSWERS,
    "red_flags": {**FULL_ANSWERS, "red_flags": ["saddle_numbness"]},
    "crisis": {**FULL_ANSWERS, "self_harm": "yes"},
}


@pytest.mark.parametrize("story", RESULT_STORIES)
def test_results_first_screen_names_the_next_step_and_prints_on_two_pages(phone, site, story):
    assessment = open_results(phone, site, RESULT_STORIES[story])
    # The first screen names the next step. With red flags that is the care card (see a
    # doctor); after a "yes" to self-harm, the crisis help; otherwise the headline, what to
    # do next and the way to a clinician.
    first_screen = {
        "suggestions": ("[data-headline]", "[data-next-step] h2", "[data-next-step] .button"),
        "red_flags": (".care-card__heading",),
        "crisis": ("#crisis-heading",),
    }[story]
    for selector in first_screen:
        assert_on_first_screen(phone, selector)
    next_step = phone.locator("[data-next-step]").inner_text().lower()
    assert "clinician summary" in next_step
    if story == "red_flags":
        assert "checked by a doctor" in next_step
    assert_no_horizontal_scroll(phone)

    phone.emulate_media(media="print")
    pages, text, _meta = pdf_text(phone.pdf(format="A4", print_background=True))
    text = squash(text)
    assert pages <= 2, f"{pages} pages"
    code = services.format_code(assessment.resume_code)
    assert code not in text and assessment.resume_code not in text.replace("-", "")
    for private in ("Delete my answers", "resume code", "Share", "Skip to main content", "Toolkit"):
        assert private not in text, private
    assert "What to do next" in text


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def assert_on_first_screen(page, selector):
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    assert box and box["y"] + box["height"] <= height, f"{selector} is below the first screen"
