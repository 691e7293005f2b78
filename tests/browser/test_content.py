"""The guide in a real browser: the journey, accessibility and small screens."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from content.seeding import seed_content

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

PAGES = [
    "/",
    "/guide/central-sensitisation/",
    "/types/stress_driven/",
    "/toolkit/",
    "/toolkit/low-dose-naltrexone/",
    "/questions/",
    "/privacy/",
    "/evidence/",
    "/guide/fibromyalgia/",
]


@pytest.fixture
def site(live_server):
    # live_server flushes the database between tests, so the guide is seeded per test.
    seed_content()
    return live_server.url


def test_it_takes_a_reader_from_home_to_a_toolkit_item_and_an_answer(site, page):
    page.goto(site + "/")
    page.locator("#toolkit").get_by_role("link", name="Magnesium").click()

    assert page.url == site + "/toolkit/magnesium/"
    assert page.get_by_role("heading", level=1).inner_text() == "Magnesium"
    assert page.locator(".facts").get_by_text("300 to 600 mg").is_visible()
    assert page.get_by_text("This can build up in your body if your kidneys").is_visible()

    page.goto(site + "/questions/")
    page.get_by_role("link", name="opioid dose is being lowered").first.click()

    assert page.url.endswith("/questions/#opioid-taper")
    target = page.locator("#opioid-taper")
    assert target.is_visible()
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("path", PAGES)
def test_it_has_no_accessibility_violations(site, page, path):
    page.goto(site + path)
    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["/", "/toolkit/low-dose-naltrexone/", "/questions/"])
def test_it_fits_a_small_phone_without_sideways_scrolling(site, phone_page, path):
    phone_page.goto(site + path)

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360


SHOTS = [
    ("home", "/"),
    ("toolkit-ldn", "/toolkit/low-dose-naltrexone/"),
    ("toolkit", "/toolkit/"),
    ("type", "/types/neuropathic/"),
    ("article", "/guide/imaging-findings/"),
    ("questions", "/questions/#fibromyalgia-options"),
]


@pytest.mark.parametrize("width", [360, 1280])
def test_it_saves_screenshots_of_the_guide_pages(site, browser, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for name, path in SHOTS:
            page.goto(site + path)
            file = SCREENSHOTS / f"content-{name}-{width}.png"
            page.screenshot(path=str(file), full_page=True)
            assert file.stat().st_size > 0
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
