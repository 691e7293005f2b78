"""Issue 14 in a real Chromium: a calm journey on a phone (320 and 360 px wide).

Buttons that look like what they do, results a tired person can take in, print that hides
what must stay private, reflow without sideways scrolling, and no typed answer ever lost.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from assessment.data.seed_map import seed_all
from assessment.journey import services
from content.seeding import seed_content
from tests.support import FULL_ANSWERS, make_assessment, pdf_text, seed_toolkit, squash, v1

pytestmark = pytest.mark.django_db(transaction=True)

CONTINUE = "button[name=action][value=continue]"
WIDTHS = [320, 360]


@pytest.fixture
def site(live_server):
    cache.clear()
    seed_content()
    seed_all()  # every version; the latest (2) is the one people answer
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
    # Tap the box where it is drawn, once the page has finished loading: a forced click on a page
    # still loading (the server is slow under CI load) hit a spot the layout then moved, and
    # flaked. check() fails if the tap did not tick the box.
    page.wait_for_load_state()
    page.check(f"#{input_id}", force=True)


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
    assessment = make_assessment(v1(), answers, complete=True)
    page.goto(site + "/map/resume/")
    page.fill("#id_code", assessment.resume_code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/results/$"))
    return assessment


RESULT_STORIES = {
    "suggestions": FULL_ANSWERS,
    # Urgent: an emergency flag ends the journey at the stop page, with no results (issue 11).
    "red_flags": {**FULL_ANSWERS, "red_flags": ["weight_loss"]},
    "crisis": {**FULL_ANSWERS, "self_harm": "yes"},
}


@pytest.mark.parametrize("story", RESULT_STORIES)
def test_results_first_screen_names_the_next_step_and_prints_on_two_pages(phone, site, story):
    assessment = open_results(phone, site, RESULT_STORIES[story])
    # The first screen names the next step. With red flags that is the care card (see a
    # doctor); after a "yes" to self-harm, the "Get support now" bar and the headline below
    # it; otherwise the headline, what to do next and the way to a clinician.
    first_screen = {
        "suggestions": ("[data-headline]", "[data-next-step] h2", "[data-next-step] .button"),
        "red_flags": (".care-card__heading",),
        "crisis": ("#support-bar-heading", "[data-headline]"),
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


# A link or control standing on its own (not inside a sentence) must be at least 44 px tall.
SHORT_TARGETS_JS = """
() => {
  const short = [];
  const blocks = "p, li, dd, dt, td, th, div, h1, h2, h3, h4, nav, form, section, header, footer";
  for (const el of document.querySelectorAll(
      "a[href], button, input:not([type=hidden]), select, textarea, summary")) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === "hidden") continue;
    if (el.closest(".visually-hidden, .skip-link")) continue;
    if (el.matches("input[type=radio], input[type=checkbox]")) continue;  // their label is the target
    if (el.matches("a")) {
      const block = el.parentElement.closest(blocks);
      const alone = block && block.textContent.trim() === el.textContent.trim();
      if (!alone) continue;  // a link inside running text is sized by its line (WCAG 2.5.8 exception)
    }
    if (box.height < 43.5) short.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}" ${Math.round(box.height)}px`);
  }
  return short;
}
"""


def assert_fits(page, what):
    """No sideways scrolling and 44 px targets, with every <details> on the page open."""
    page.wait_for_load_state()
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert_no_horizontal_scroll(page)
    short = page.evaluate(SHORT_TARGETS_JS)
    assert not short, f"{what} ({page.url}): targets under 44 px: {short}"
    if page.viewport_size["width"] == 360:  # axe once per page state; the layout is the same
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page)
        assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def key_of(page):
    return page.url.split("/map/")[1].split("/")[0]


def test_every_page_fits_a_phone_with_targets_of_44px(phone, site):
    seed_toolkit()
    for path in (
        "/",
        "/toolkit/",
        "/toolkit/graded-movement/",
        "/questions/",
        "/privacy/",
        "/types/central/",
        "/map/",
        "/map/how-it-works/",
        "/map/resume/",
        "/no-such/",
    ):
        phone.goto(site + path)
        assert_fits(phone, path)
    phone.goto(site + "/map/resume/")
    phone.locator("main form button[type=submit]").click()
    assert_fits(phone, "resume code error")

    # The journey: every question page, with its error, the stop and support pages on the way.
    start(phone, site)
    key = key_of(phone)
    phone.click(CONTINUE)
    assert_fits(phone, "question with an error")
    tick(phone, "answer-fever_unwell")
    phone.click(CONTINUE)
    phone.wait_for_url(re.compile(r"/stop/$"))
    assert_fits(phone, "red-flag stop page")
    phone.goto(f"{site}/map/{key}/q/red_flags/?change=1")
    tick(phone, "answer-fever_unwell")
    tick(phone, "answer-none")
    phone.click(CONTINUE)
    for _ in range(60):
        if "/q/" not in phone.url:
            break
        assert_fits(phone, phone.url)
        code = phone.url.rstrip("/").split("/")[-1]
        if code == "self_harm":
            tick(phone, "answer-yes")
        elif phone.locator("textarea[name=answer]").count():
            phone.fill("textarea[name=answer]", "Worse after long drives.")
        else:
            tick(phone, phone.locator("input[name=answer]").first.get_attribute("id"))
        phone.click(CONTINUE)
        if "/support/" in phone.url:
            assert_fits(phone, "crisis support")
            phone.locator("main form button[type=submit]").click()
    phone.goto(f"{site}/map/{key}/later/")
    assert_fits(phone, "come back later")
    phone.goto(f"{site}/map/{key}/check/")
    assert_fits(phone, "check answers")
    phone.goto(f"{site}/map/{key}/delete/")
    assert_fits(phone, "delete (before results)")
    phone.goto(f"{site}/map/{key}/check/")
    phone.get_by_role("button", name="See my map").click()
    phone.wait_for_url(re.compile(r"/results/$"))
    assert_fits(phone, "results, all opened")
    phone.goto(f"{site}/map/{key}/summary/")
    assert_fits(phone, "clinician summary")
    phone.goto(f"{site}/map/{key}/share/")
    phone.get_by_role("button", name="Create a share link").click()
    assert_fits(phone, "share page with a link")
    phone.locator("main a", has_text="Revoke this link").first.click()
    assert_fits(phone, "revoke confirmation")
    phone.goto(f"{site}/map/{key}/delete/")
    assert_fits(phone, "delete")
    phone.locator("main button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/deleted/$"))
    assert_fits(phone, "deleted")
    phone.goto(f"{site}/map/{key}/results/")
    assert_fits(phone, "not here")


def answer_first_choice(page, pick=None):
    """Answer the question on screen: `pick` maps item codes to an input id to tick."""
    code = page.url.rstrip("/").split("/")[-1].split("?")[0]
    if code == "red_flags":
        tick(page, "answer-none")
    elif pick and code in pick:
        tick(page, pick[code])
    elif page.locator("textarea[name=answer]").count():
        page.fill("textarea[name=answer]", "Worse after long drives.")
    else:
        tick(page, page.locator("input[name=answer]").first.get_attribute("id"))
    page.click(CONTINUE)
    page.wait_for_load_state()


def test_cookies_lost_mid_question_keep_the_typed_answer_until_the_resume_code(phone, site):
    from assessment.models import Answer, Assessment

    start(phone, site)
    key = key_of(phone)
    answer_first_choice(phone)  # red flags: none
    while not phone.url.rstrip("/").endswith("/q/notes_for_clinician"):
        answer_first_choice(phone)
    typed = "Worse on cold mornings, better after a warm shower."
    phone.fill("textarea[name=answer]", typed)
    phone.context.clear_cookies()  # the browser drops its session and its CSRF cookie
    phone.click(CONTINUE)
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == "This page has expired"
    # The resume code is the first thing to do, and the typed answer rides along with it.
    assert (
        phone.locator("main input:not([type=hidden]), main button").first.get_attribute("name")
        == "code"
    )
    assert_fits(phone, "expired page")
    code = Assessment.objects.get(key=key).resume_code
    phone.fill("#id_code", code)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/check/$"))
    saved = Answer.objects.get(assessment__key=key, item_code="notes_for_clinician")
    assert saved.value == typed
    assert typed in phone.locator("main").inner_text()


def test_back_after_changing_medicines_to_opioids_never_loops(phone, site):
    start(phone, site)
    key = key_of(phone)
    answer_first_choice(phone)
    for _ in range(60):
        if "/q/" not in phone.url:
            break
        answer_first_choice(phone, pick={"medications": "answer-none"})
    assert phone.url.endswith("/check/")
    phone.goto(f"{site}/map/{key}/q/medications/?change=1")
    tick(phone, "answer-opioids")  # unticks "None of these" (script), or does it by itself
    if phone.is_checked("#answer-none"):
        tick(phone, "answer-none")
    phone.click(CONTINUE)
    phone.wait_for_url(re.compile(r"/q/opioid_duration/\?change=1$"))
    seen = [phone.url]
    for _ in range(40):
        back = phone.locator("a.back-link")
        if not back.count() or "/q/" not in phone.url:
            break
        back.click()
        phone.wait_for_load_state()
        assert phone.url not in seen, f"Back came round to {phone.url} after {seen}"
        seen.append(phone.url)
    assert "/q/opioid_duration/" not in seen[1:]


def spoken(page):
    """What a screen reader gets for each form control and group: (role, name, description)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    controls = []
    for node in nodes:
        role = node.get("role", {}).get("value")
        if role not in ("radio", "checkbox", "textbox", "group", "button", "link"):
            continue
        name = (node.get("name") or {}).get("value", "") or ""
        description = (node.get("description") or {}).get("value", "") or ""
        controls.append((role, " ".join(name.split()), " ".join(description.split())))
    return controls


def assert_said_once(page, what):
    for role, name, description in spoken(page):
        if name and description:
            assert description not in name and name not in description, (
                f"{what}: {role} '{name}' is read again in its description '{description}'"
            )
        for text in (name, description):
            words = text.split()
            for i in range(len(words) - 1):
                # "0: 0 No pain": a number or word said twice in a row.
                assert words[i].rstrip(":,.").lower() != words[i + 1].rstrip(":,.").lower(), (
                    f"{what}: {role} '{name}' repeats itself: '{text}'"
                )


def test_every_question_says_each_label_and_hint_once_and_passes_axe(page, site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    start(page, site)
    for _ in range(60):
        if "/q/" not in page.url:
            break
        what = page.url.rstrip("/").split("/")[-1]
        assert_said_once(page, what)
        results = axe.run(page)
        assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"
        answer_first_choice(page)
    assert page.url.endswith("/check/")
    for stop in ("check", "later"):
        page.goto(f"{site}/map/{key_of(page)}/{stop}/")
        assert_said_once(page, stop)
        results = axe.run(page)
        assert results.violations_count == 0, f"{stop}:\n{results.generate_report()}"
