"""Issue 14 in a real Chromium: a calm journey on a phone (320 and 360 px wide).

Buttons that look like what they do, results a tired person can take in, print that hides
what must stay private, reflow without sideways scrolling, and no typed answer ever lost.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from assessment.seed_map import seed_map
from content.seeding import seed_content

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
        viewport={"width": request.param, "height": 640}, is_mobile=True, has_touch=True
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
