"""The clinician summary in a real Chromium: print to A4 and US Letter, accessibility."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from assessment.data.seed_map import seed_spec
from tests.support import (
    FULL_ANSWERS,
    FULL_ANSWERS_V2,
    make_assessment,
    make_finished,
    pdf_text,
    seed_toolkit,
    squash,
    v1,
)

pytestmark = pytest.mark.django_db(transaction=True)

FLAG_LABELS = seed_spec().by_code["red_flags"].options_by_code


def open_summary(page, live_server, assessment):
    """Claim the assessment as the person would, with their resume code, then open it."""
    page.goto(live_server.url + reverse("assessment:resume"))
    page.fill("#id_code", assessment.resume_code)
    page.locator("main form").first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    response = page.goto(live_server.url + reverse("assessment:summary", args=[assessment.key]))
    assert response.status == 200
    return response


def printed(page, paper: str) -> tuple[int, str]:
    page.emulate_media(media="print")
    pages, text, _meta = pdf_text(page.pdf(format=paper, print_background=True))
    return pages, squash(text)


# Version 2 adds the validated measures, with the longest note the questionnaire accepts.
LONG_NOTE = ("My pain is worse after long shifts and better after a warm bath. " * 16)[:1000]


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_it_prints_a_fully_answered_summary_on_two_pages(page, live_server, paper, version):
    seed_toolkit()
    answers = (
        FULL_ANSWERS if version == 1 else {**FULL_ANSWERS_V2, "notes_for_clinician": LONG_NOTE}
    )
    assessment = make_finished(answers, version=version)
    open_summary(page, live_server, assessment)
    cautions = [squash(text) for text in page.locator("[data-caution]").all_inner_texts()]
    assert cautions, "this story carries toolkit cautions"
    pages, text = printed(page, paper)
    assert pages <= 2, f"{pages} pages on {paper}"
    for caution in cautions:
        assert caution in text
    assert "Regular NSAIDs with an anticoagulant: bleeding risk." in text
    assert "Download PDF" not in text and "Share with a clinician" not in text
    assert "Skip to main content" not in text


def test_it_prints_red_flags_first(page, live_server):
    assessment = make_assessment(
        v1(), {**FULL_ANSWERS, "red_flags": ["saddle_numbness", "fever_unwell"]}, complete=True
    )
    open_summary(page, live_server, assessment)
    pages, text = printed(page, "A4")
    assert pages <= 2
    assert text.index("Red flags reported: emergency") < text.index("Pain profile")
    assert squash(FLAG_LABELS["saddle_numbness"].label) in text
    assert squash(FLAG_LABELS["fever_unwell"].label) in text
    # An urgent result suggests nothing, but the medicines the person ticked still warn.
    assert "Regular NSAIDs with an anticoagulant: bleeding risk." in text


def test_it_has_no_accessibility_violations(page, live_server):
    seed_toolkit()
    assessment = make_assessment(v1(), {**FULL_ANSWERS, "self_harm": "yes"}, complete=True)
    open_summary(page, live_server, assessment)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(live_server.url + reverse("assessment:share", args=[assessment.key]))
    page.get_by_role("button", name="Create a share link").click()
    page.wait_for_load_state()
    assert page.locator(".cs-share-link__url").count() == 1
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_it_opens_a_share_link_in_a_fresh_browser(page, browser, live_server):
    assessment = make_assessment(v1(), FULL_ANSWERS, complete=True)
    open_summary(page, live_server, assessment)
    page.get_by_role("link", name="Share with a clinician").click()
    page.get_by_role("button", name="Create a share link").click()
    url = page.locator(".cs-share-link__url").input_value()
    assert "/shared/" in url
    context = browser.new_context()
    try:
        clinician = context.new_page()
        response = clinician.goto(url)
        assert response.status == 200
        assert clinician.locator("h1").inner_text() == "Clinician summary"
        assert clinician.get_by_role("link", name="Share with a clinician").count() == 0
        # Revoking asks first: the share page links to a confirmation with the red button.
        page.get_by_role("link", name=re.compile("^Revoke this link")).click()
        assert clinician.goto(url).status == 200
        page.get_by_role("button", name="Revoke this link").click()
        page.wait_for_url(re.compile(r"/share/"))
        assert clinician.goto(url).status == 404
    finally:
        context.close()
