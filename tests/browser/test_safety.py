"""Safety paths in a real Chromium on a 360 x 740 phone (issue 11): emergency ends the journey,
urgent finishes with its card, crisis support does not bury the question, axe stays clean."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from assessment.data.seed_map import seed_all
from content.seeding import seed_content

pytestmark = pytest.mark.django_db(transaction=True)

CONTINUE = "button[name=action][value=continue]"
TYPE_WORDS = re.compile(
    r"peripheral|central sensitisation|neuropathic|stress-driven|nociplastic", re.IGNORECASE
)


@pytest.fixture
def site(live_server):
    cache.clear()
    seed_content()
    seed_all()  # every version; the latest is the one people answer
    return live_server.url


def assert_accessible(page, what):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def tick(page, input_id):
    page.click(f"label[for={input_id}]", force=True)
    assert page.is_checked(f"#{input_id}")


def code_of(page):
    return page.url.rstrip("/").split("/")[-1]


def start(page, site):
    page.goto(site + "/map/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url(re.compile(r"/q/red_flags/$"))


def answer_first(page):
    """Answer the question on screen with its first choice (a note for free text)."""
    if page.locator("textarea[name=answer]").count():
        page.fill("textarea[name=answer]", "Worse after long drives.")
    else:
        tick(page, page.locator("input[name=answer]").first.get_attribute("id"))
    page.click(CONTINUE)
    page.wait_for_load_state()


def walk_until(page, stop_at: str | None, on_page=None):
    """First choices until the question `stop_at` (or check answers); `on_page` sees each."""
    for _ in range(60):
        if "/q/" not in page.url or code_of(page) == stop_at:
            return
        if on_page:
            on_page(page)
        answer_first(page)
    raise AssertionError(f"never reached {stop_at}: {page.url}")


def main_text(page):
    return page.locator("main").inner_text()


def assert_tall_enough(page, selector):
    links = page.locator(selector)
    assert links.count() > 0, selector
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["height"] >= 44, (selector, i, box)


def test_emergency_ends_the_journey_on_a_phone(phone_page, site):
    page = phone_page
    start(page, site)
    tick(page, "answer-bladder_bowel")
    tick(page, "answer-saddle_numbness")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/stop/$"))
    key = page.url.split("/map/")[1].split("/")[0]
    text = main_text(page)
    assert "Continue" not in text and "You can finish" not in text
    assert page.locator("main a[href*='/q/duration/'], main form").count() == 0
    call = page.locator("main a[href='tel:999']").first
    assert call.is_visible() and "999" in call.inner_text()
    assert_tall_enough(page, "main a[href^='tel:']")
    assert page.get_by_text("I ticked this by mistake").is_visible()
    assert not TYPE_WORDS.search(text)
    assert_accessible(page, "emergency stop page")
    # Printed for the emergency team: the flags and the number, not the way back.
    page.emulate_media(media="print")
    assert not page.locator(".stop-page__change").is_visible()
    assert page.locator("[data-flags] li").count() == 2
    page.emulate_media(media="screen")
    # Every other page of this assessment, typed in directly: no type, no score, no way on.
    for path in ("q/duration/", "check/", "results/", "summary/", ""):
        page.goto(f"{site}/map/{key}/{path}")
        text = main_text(page)
        assert not TYPE_WORDS.search(text), (path, TYPE_WORDS.search(text))
        assert page.locator("main input[name=answer]").count() == 0, path
    # The mistake can still be put right.
    page.goto(f"{site}/map/{key}/stop/")
    page.get_by_text("I ticked this by mistake").click()
    tick(page, "answer-none")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/q/duration/$"))


def test_urgent_finishes_with_the_banner_and_no_toolkit(phone_page, site):
    page = phone_page
    start(page, site)
    tick(page, "answer-weight_loss")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/stop/$"))
    assert page.locator("[data-care-card=soon]").is_visible()
    page.get_by_role("link", name="Continue the questionnaire").click()

    def has_banner(page):
        assert page.locator("[data-red-flag-banner]").count() == 1, page.url

    walk_until(page, None, on_page=has_banner)
    assert page.url.endswith("/check/")
    has_banner(page)
    page.get_by_role("button", name="See my map").click()
    page.wait_for_url(re.compile(r"/results/$"))
    assert page.locator("[data-care-card=soon]").is_visible()
    assert "What might help" not in main_text(page)
    assert page.locator("main a[href^='/toolkit/']").count() == 0
    assert_accessible(page, "urgent results")


def test_self_harm_yes_keeps_the_question_on_the_first_screen(phone_page, site):
    page = phone_page
    start(page, site)
    tick(page, "answer-none")
    page.click(CONTINUE)
    walk_until(page, "self_harm")
    tick(page, "answer-yes")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/support/$"))
    assert page.locator("a.back-link[href*='/q/self_harm/']").count() == 1
    assert_tall_enough(page, "main a[href^='tel:'], main a[href^='sms:']")
    assert_accessible(page, "support page")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    seen = []

    def heading_on_first_screen(page):
        seen.append(code_of(page))
        assert page.locator("[data-support-bar]").is_visible(), page.url
        assert_tall_enough(page, "[data-support-bar] > .call-links a.call-link")
        box = page.locator("h1").first.bounding_box()
        assert box and box["y"] + box["height"] <= 740, (page.url, box)
        # The full text is one tap away, folded until asked for (no script needed).
        assert not page.locator("[data-support-bar] [data-crisis-panel]").is_visible()

    heading_on_first_screen(page)
    assert_accessible(page, "question with the support bar")
    page.locator("[data-support-bar] summary").click()
    assert page.locator("[data-support-bar] [data-crisis-panel]").is_visible()
    assert_accessible(page, "question with the support bar open")
    page.reload()  # folded again, as every new page opens
    walk_until(page, None, on_page=heading_on_first_screen)
    assert len(seen) >= 5


def test_prefer_not_to_say_offers_support_on_results_and_flags_the_summary(phone_page, site):
    page = phone_page
    start(page, site)
    tick(page, "answer-none")
    page.click(CONTINUE)
    walk_until(page, "self_harm")
    tick(page, "answer-prefer_not_to_say")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/support/$"))
    assert "If you ever need it" in page.locator("h1").inner_text()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.locator("[data-support-bar]").count() == 0
    walk_until(page, None)
    page.get_by_role("button", name="See my map").click()
    page.wait_for_url(re.compile(r"/results/$"))
    offer = page.locator("[data-support-offer]")
    assert offer.is_visible() and offer.locator("a[href^='tel:']").count() >= 1
    assert_accessible(page, "results with the support offer")
    page.get_by_role("link", name="Clinician summary").click()
    page.wait_for_url(re.compile(r"/summary/$"))
    assert page.locator("[data-self-harm-declined]").is_visible()


def test_a_double_post_of_yes_still_shows_the_support_page(phone_page, site):
    page = phone_page
    start(page, site)
    tick(page, "answer-none")
    page.click(CONTINUE)
    walk_until(page, "self_harm")
    action = page.url
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    form = {"csrfmiddlewaretoken": token, "answer": "yes", "action": "continue"}
    headers = {"Referer": action}
    for _ in range(2):  # a double click, or a retry after a lost response
        response = page.request.post(action, form=form, headers=headers, max_redirects=0)
        assert response.status == 302
        assert response.headers["location"].endswith("/support/")
    # And through the real form: the same answer again still lands on the support page.
    tick(page, "answer-yes")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/support/$"))
    assert "Thank you for telling us" in page.locator("h1").inner_text()


def test_the_us_pack_shows_911_and_988_as_links_and_never_999(phone_page, site, settings):
    settings.PAINMAP_REGION = "us"
    page = phone_page
    start(page, site)
    tick(page, "answer-chest_pain")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/stop/$"))
    card = page.locator("[data-care-card=emergency]")
    assert card.locator("a[href='tel:911']").first.is_visible()
    assert "999" not in main_text(page)
    page.get_by_text("I ticked this by mistake").click()
    tick(page, "answer-none")
    page.click(CONTINUE)
    walk_until(page, "self_harm")
    tick(page, "answer-yes")
    page.click(CONTINUE)
    page.wait_for_url(re.compile(r"/support/$"))
    support = page.locator("main")
    assert support.locator("a[href='tel:911']").first.is_visible()
    assert support.locator("a[href='tel:988']").first.is_visible()
    assert support.locator("a[href='sms:988']").first.is_visible()
    assert "999" not in main_text(page)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    bar = page.locator("[data-support-bar] > .call-links")
    assert bar.locator("a[href='tel:988']").is_visible()
    assert bar.locator("a[href='tel:911']").is_visible()
    assert "999" not in page.locator("body").inner_text()
    assert_tall_enough(page, "[data-support-bar] > .call-links a.call-link")
