"""Every kind of page in a real Chromium under the strict CSP: not one violation.

Violations are caught two ways: the `securitypolicyviolation` DOM event (recorded by a
Playwright init script, which is injected by the browser driver, not by the page, so the
page's own CSP does not apply to it) and Chromium's console messages about the policy.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore

from assessment.data.seed_map import seed_map
from assessment.journey import access
from assessment.models import Questionnaire
from content.models import Article, ToolkitItem
from content.seeding import seed_content
from tests.support import CALM_ANSWERS, make_assessment

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


@pytest.fixture
def site(live_server):
    seed_content()
    seed_map()
    return live_server.url


@pytest.fixture
def watched(browser, site):
    """A page whose CSP violations and policy console errors are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type in ("error", "warning")
            and ("Content Security Policy" in message.text or "Permissions-Policy" in message.text)
            else None
        ),
    )
    yield page, console, context
    context.close()


def visit(page, console, url):
    response = page.goto(url)
    assert response is not None and response.status < 400, (url, response and response.status)
    assert "default-src 'none'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)  # let late violation events arrive
    violations = page.evaluate("window.__csp")
    assert violations == [], f"{url}: {violations}"
    assert console == [], f"{url}: {console}"


def own(context, site, *assessments):
    """Give the browser a session that owns these assessments, as starting them would."""
    session = SessionStore()
    session[access.SESSION_KEY] = [a.key for a in assessments]
    session.create()
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site}]
    )


def test_it_shows_every_public_page_without_a_csp_violation(watched, site):
    page, console, _ = watched
    article = Article.objects.published().first()
    item = ToolkitItem.objects.published().first()
    for path in (
        "/",
        f"/guide/{article.slug}/",
        "/toolkit/",
        f"/toolkit/{item.slug}/",
        "/questions/",
        "/privacy/",
        "/map/",
        "/map/how-it-works/",
        "/map/resume/",
    ):
        visit(page, console, site + path)


def test_it_shows_question_and_results_pages_without_a_csp_violation(watched, site):
    page, console, context = watched
    questionnaire = Questionnaire.objects.get(status=Questionnaire.Status.PUBLISHED)
    partway = make_assessment(questionnaire, answers={"red_flags": ["none"], "duration": None})
    finished = make_assessment(questionnaire, answers=CALM_ANSWERS, complete=True)
    own(context, site, partway, finished)
    for code in ("red_flags", "intensity", "body_regions", "movement_link", "notes_for_clinician"):
        visit(page, console, f"{site}/map/{partway.key}/q/{code}/")
    # A real submit with an error, so the error summary (and its focus script) runs too.
    visit(page, console, f"{site}/map/{partway.key}/q/movement_link/")
    page.click("button[name=action][value=continue]")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__csp") == []
    visit(page, console, f"{site}/map/{finished.key}/results/")
    visit(page, console, f"{site}/map/{finished.key}/summary/")
    visit(page, console, f"{site}/map/{finished.key}/delete/")


def test_it_shows_the_admin_without_a_csp_violation(watched, site):
    page, console, _ = watched
    User.objects.create_superuser("editor", "editor@example.org", "a-long-admin-password-1")
    admin = f"{site}/{settings.ADMIN_PATH}"
    visit(page, console, admin + "login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-admin-password-1")
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    questionnaire = Questionnaire.objects.get(status=Questionnaire.Status.PUBLISHED)
    article = Article.objects.first()
    for path in (
        "",
        "content/article/",
        f"content/article/{article.pk}/change/",
        f"content/article/{article.pk}/history/",
        "content/article/add/",
        "assessment/questionnaire/",
        f"assessment/questionnaire/{questionnaire.pk}/change/",
    ):
        visit(page, console, admin + path)


def test_it_would_catch_a_violation(watched, site):
    """The detector itself works: an inline style added to the page is reported."""
    page, console, _ = watched
    visit(page, console, site + "/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    # Waits for the report itself (up to the page's 10 s), not a fixed 100 ms that a busy
    # machine could overrun.
    page.wait_for_function("window.__csp.some((v) => v.includes('style-src'))")
    assert any("style-src" in v for v in page.evaluate("window.__csp"))
