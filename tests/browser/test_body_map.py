"""The body map over the body_regions checkboxes, and the printed body diagram.

The browser tests run on a test-only page (tests/browser/urls_body_map.py) that renders the real
_body_map.html over a checkbox list built the way the question page builds it.
"""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.template.loader import render_to_string
from playwright.sync_api import expect

from assessment.rules.codes import REQUIRED_ITEMS

REGIONS = REQUIRED_ITEMS["body_regions"][1]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
MAP = "/test/body-map/"


def open_map(page, live_server, query=""):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + MAP + query)
    page.locator('.body-map [role="button"]').first.wait_for(state="visible")
    return errors


def button(page, code):
    return page.locator(f'.body-map [role="button"][data-region="{code}"]')


def test_it_offers_each_region_once_as_a_named_toggle_button():
    html = render_to_string("assessment/_body_map.html")
    buttons = re.findall(r'<g [^>]*role="button"[^>]*>', html)
    codes = [re.search(r'data-region="([^"]+)"', tag).group(1) for tag in buttons]
    assert sorted(codes) == sorted(REGIONS)
    for tag in buttons:
        assert 'tabindex="0"' in tag and 'aria-pressed="false"' in tag
        label = re.search(r'aria-label="([^"]+)"', tag).group(1)
        assert label and "_" not in label and "\n" not in label
    # The back view repeats the limbs as pointer-only copies, hidden from assistive technology.
    mirrors = re.findall(r"<g [^>]*region--mirror[^>]*>", html)
    assert mirrors and all('aria-hidden="true"' in tag and "tabindex" not in tag for tag in mirrors)


def test_it_names_left_and_right_from_the_persons_point_of_view():
    html = render_to_string("assessment/_body_map.html")
    front, back = html.split('class="body-map__figure"')[1:]
    # Front: the person's right is on the viewer's left, so it comes first in reading order.
    assert front.index("Your right") < front.index("Your left")
    assert front.index('data-region="shoulder_right"') < front.index('data-region="shoulder_left"')
    assert back.index("Your left") < back.index("Your right")
    assert back.index('data-region="shoulder_left"') < back.index('data-region="shoulder_right"')


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_ticks_the_checkbox_when_a_region_is_clicked(page, live_server):
    errors = open_map(page, live_server)
    shoulder = button(page, "shoulder_left")
    checkbox = page.locator("#answer-shoulder_left")

    shoulder.click()
    assert checkbox.is_checked()
    assert shoulder.get_attribute("aria-pressed") == "true"
    # The same region on the back view follows.
    mirror = page.locator('.region--mirror[data-region="shoulder_left"]')
    assert "region--selected" in mirror.get_attribute("class")
    expect(page.locator("[data-body-map-status]")).to_have_text("Left shoulder selected")

    # The back-view copy toggles the same checkbox.
    mirror.click()
    assert not checkbox.is_checked()
    assert shoulder.get_attribute("aria-pressed") == "false"
    expect(page.locator("[data-body-map-status]")).to_have_text("Left shoulder removed")
    assert page.locator('input[name="answer"]:checked').count() == 0
    assert errors == []


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_toggles_a_region_from_the_keyboard_without_scrolling(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 500})
    open_map(page, live_server)
    focused = None
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('data-region')")
        if focused:
            break
    # Reading order on the front view: the person's right jaw (on the viewer's left) first.
    assert focused == "jaw_right"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-region')") == "jaw_left"

    scroll_before = page.evaluate("window.scrollY")
    page.keyboard.press("Space")
    assert page.locator("#answer-jaw_left").is_checked()
    assert button(page, "jaw_left").get_attribute("aria-pressed") == "true"
    assert page.evaluate("window.scrollY") == scroll_before

    page.keyboard.press("Enter")
    assert not page.locator("#answer-jaw_left").is_checked()
    assert button(page, "jaw_left").get_attribute("aria-pressed") == "false"


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_follows_the_checkboxes(page, live_server):
    # Boxes already ticked (answers being changed) show on the map straight away.
    open_map(page, live_server, "?answer=hands&answer=lower_back")
    assert button(page, "hands").get_attribute("aria-pressed") == "true"
    assert button(page, "lower_back").get_attribute("aria-pressed") == "true"
    assert button(page, "chest").get_attribute("aria-pressed") == "false"

    page.locator('label[for="answer-lower_back"]').click()
    assert button(page, "lower_back").get_attribute("aria-pressed") == "false"
    page.locator('label[for="answer-chest"]').click()
    assert button(page, "chest").get_attribute("aria-pressed") == "true"


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_disables_a_region_whose_option_is_not_on_the_page(page, live_server):
    errors = open_map(page, live_server, "?omit=feet")
    assert button(page, "feet").count() == 0
    for feet in page.locator('.body-map [data-region="feet"]').all():
        assert feet.get_attribute("aria-hidden") == "true"
        assert feet.get_attribute("tabindex") is None
    page.locator('.body-map [data-region="feet"] path').first.click(force=True)
    assert page.locator('input[name="answer"]:checked').count() == 0
    assert errors == []


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_leaves_only_the_checkboxes_without_javascript(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server.url + MAP)
    assert not page.locator(".body-map").is_visible()
    assert page.get_by_role("button", name="Left shoulder").count() == 0
    assert page.get_by_role("group", name="Body map").count() == 0

    page.locator('label[for="answer-shoulder_left"]').click()
    page.locator('label[for="answer-feet"]').click()
    assert page.get_by_role("checkbox", name="Left shoulder").is_checked()
    page.get_by_role("button", name="Continue").click()
    assert sorted(re.findall(r"answer=(\w+)", page.url)) == ["feet", "shoulder_left"]


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_has_no_accessibility_violations(page, live_server):
    open_map(page, live_server, "?answer=neck")
    button(page, "chest").click()
    button(page, "upper_back").focus()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_gives_every_region_a_big_enough_target_on_a_phone(phone_page, live_server):
    page = phone_page
    errors = open_map(page, live_server)
    # WCAG 2.5.8: at least 24 by 24 CSS px. Small parts carry a transparent hit area.
    sizes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.body-map .region')).flatMap((region) => {
          const hits = region.querySelectorAll('.region__hit');
          const parts = hits.length ? Array.from(hits) : [region];
          return parts.map((part) => {
            const box = part.getBoundingClientRect();
            return [region.dataset.region, Math.round(box.width), Math.round(box.height)];
          });
        })"""
    )
    assert len({code for code, _, _ in sizes}) == len(REGIONS)
    small = [size for size in sizes if size[1] < 24 or size[2] < 24]
    assert small == []

    # Feet (and hands) are one button drawn as two shapes: tap one of them.
    button(page, "feet").locator("path").first.tap()
    assert page.locator("#answer-feet").is_checked()
    button(page, "upper_leg_right").tap()
    assert page.locator("#answer-upper_leg_right").is_checked()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".body-map").screenshot(path=str(SCREENSHOTS / "body-map-360.png"))
    assert errors == []


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_looks_right_on_a_wide_screen(page, live_server):
    open_map(page, live_server, "?answer=neck&answer=shoulder_right&answer=hands&answer=lower_back")
    button(page, "upper_arm_right").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # a keyboard focus, so the focus ring shows
    box = page.locator(".body-map").bounding_box()
    # Whole figure in view on a laptop screen, without scrolling.
    assert box["height"] < 800
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "body-map-1280.png"), full_page=True)


def test_it_fills_the_marked_regions_in_the_printed_diagram():
    html = render_to_string(
        "assessment/_body_diagram.html", {"marked_regions": ["neck", "hands", "jaw_left"]}
    )
    marked = set(re.findall(r'data-region="(\w+)"\s+fill="#2f3b41"', html))
    plain = set(re.findall(r'data-region="(\w+)"\s+fill="#ffffff"', html))
    assert marked == {"neck", "hands", "jaw_left"}
    assert plain == set(REGIONS) - marked
    assert 'role="img"' in html and 'role="button"' not in html and "tabindex" not in html
    title = " ".join(re.search(r"<title[^>]*>(.*?)</title>", html, re.S).group(1).split())
    # Head to toe, by name, for a screen reader.
    assert title == "Body diagram, front and back. Pain marked in: Left jaw. Neck. Hands."


def test_it_says_when_no_region_is_marked_in_the_diagram():
    html = render_to_string("assessment/_body_diagram.html", {"marked_regions": set()})
    assert "No areas of pain marked." in html
    assert 'fill="#2f3b41"' not in html


@pytest.mark.urls("tests.browser.urls_body_map")
def test_it_draws_the_diagram_for_print(page, live_server):
    page.goto(live_server.url + "/test/body-diagram/?marked=lower_back&marked=shoulder_left")
    page.emulate_media(media="print")
    figure = page.locator(".body-diagram")
    assert figure.is_visible()
    name = page.get_by_role("img", name=re.compile("Pain marked in: Left shoulder. Lower back."))
    assert name.count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figure.screenshot(path=str(SCREENSHOTS / "body-diagram-print.png"))


@pytest.fixture
def body_regions_question(page, live_server, transactional_db):
    """The real MAP question page for body_regions, reached as a person would reach it."""
    from django.core.cache import cache
    from django.urls import reverse

    from tests.support import make_questionnaire

    cache.clear()  # the start page's rate limit counts every test's starts
    make_questionnaire()
    page.goto(live_server.url + reverse("assessment:start"))
    page.get_by_role("button", name="Start now").click()
    page.locator('label[for="answer-none"]').click()
    page.get_by_role("button", name="Continue").click()
    key = re.search(r"/map/([A-Za-z0-9_-]+)/", page.url).group(1)
    page.goto(live_server.url + reverse("assessment:question", args=[key, "body_regions"]))
    page.locator('.body-map [role="button"]').first.wait_for(state="visible")
    return key


def test_it_sends_the_regions_picked_on_the_map_with_the_real_question_page(
    page, body_regions_question
):
    from assessment.models import Answer

    button(page, "lower_back").click()
    button(page, "hands").locator("path").first.click()
    button(page, "hands").locator("path").first.click()  # changed their mind
    button(page, "jaw_left").click()
    # The question form: the page around it (header, back link) is other tests' business.
    results = Axe().run(page, context="form")
    assert results.violations_count == 0, results.generate_report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "body-regions-question-1280.png"), full_page=True)

    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/q/(?!body_regions)"))
    stored = Answer.objects.get(assessment__key=body_regions_question, item_code="body_regions")
    assert sorted(stored.value) == ["jaw_left", "lower_back"]

    # Coming back, the map shows what was saved.
    page.go_back()
    page.reload()
    assert button(page, "lower_back").get_attribute("aria-pressed") == "true"
    assert button(page, "hands").get_attribute("aria-pressed") == "false"
