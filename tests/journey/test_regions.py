"""Care services per country (PAINMAP_REGION): every page names the region pack's services,
every number is a tap-to-call or tap-to-text link, and no template hard-codes a number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from assessment.rules import regions
from content.models import SupportText
from tests.support import (
    CALM_ANSWERS,
    answered,
    between,
    call_links,
    make_questionnaire,
    own,
    support_bar_links,
)

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
COUNTRY_PACKS = [code for code in regions.PACKS if code != regions.GENERIC]


def emergency_assessment():
    return answered(make_questionnaire(), {"red_flags": ["saddle_numbness"]})


def crisis_assessment():
    answers = {k: v for k, v in CALM_ANSWERS.items() if k in ("red_flags", "duration", "mood")}
    return answered(make_questionnaire(), {**answers, "self_harm": "yes"})


def pages(client, settings, code):
    settings.PAINMAP_REGION = code
    emergency = own(client, emergency_assessment())
    crisis = own(client, crisis_assessment())
    stop = client.get(f"/map/{emergency.key}/stop/").content.decode()
    support = client.get(f"/map/{crisis.key}/support/").content.decode()
    question = client.get(f"/map/{crisis.key}/q/worry/").content.decode()
    bar = support_bar_links(question)
    return stop, support, bar


def assert_links_show_their_numbers(html):
    for href, text in call_links(html):
        digits = href.split(":", 1)[1]
        assert digits and re.sub(r"\D", "", text).endswith(digits), (href, text)


@pytest.mark.parametrize("code", COUNTRY_PACKS)
def test_each_region_pack_shows_its_own_numbers_as_links(client, settings, code):
    pack = regions.PACKS[code]
    stop, support, bar = pages(client, settings, code)
    card = between(stop, "data-care-card", "</div>\n</div>")
    card_links = {href for href, _text in call_links(card)}
    for line in pack.emergency:
        assert line.href in card_links
        assert line.href in {href for href, _text in call_links(bar)}
    for line in pack.crisis:
        assert line.href in {href for href, _text in call_links(support)}
        assert line.href in {href for href, _text in call_links(bar)}
    assert pack.emergency_numbers in card  # the heading names the number, in words
    for html in (stop, support, bar):
        assert_links_show_their_numbers(html)
    # No other country's emergency number leaks in.
    others = {
        line.number
        for other in regions.PACKS.values()
        for line in other.emergency
        if line.number not in pack.emergency_numbers
    }
    for number in others:
        assert f"tel:{number}" not in stop + support + bar


def test_the_us_pack_shows_911_and_988_and_never_999(client, settings):
    stop, support, bar = pages(client, settings, "us")
    card = between(stop, "data-care-card", "</div>\n</div>")
    assert ("tel:911", "Call 911") in call_links(card)
    assert ("tel:911", "Call 911") in call_links(bar)
    for html in (support, bar):
        hrefs = {href for href, _text in call_links(html)}
        assert {"tel:988", "sms:988"} <= hrefs
    for html in (stop, support, bar):
        assert "999" not in html
        assert "Samaritans" not in html
        assert "A&amp;E" not in html


def test_the_generic_pack_says_call_your_local_emergency_number(client, settings):
    stop, support, bar = pages(client, settings, "xx")  # a region without a pack
    assert "local emergency number" in stop
    assert "local emergency number" in support
    assert call_links(stop) == [] and call_links(support) == []
    for number in ("999", "911", "112", "000", "988"):
        assert number not in stop + support + bar


def test_an_unknown_region_is_a_warning_at_startup(settings, capsys):
    settings.PAINMAP_REGION = "atlantis"
    call_command("check")
    assert "painmap.W001" in capsys.readouterr().err


def test_no_template_hard_codes_a_care_number():
    numbers = {
        re.sub(r"\D", "", line.number) for pack in regions.PACKS.values() for line in pack.lines
    }
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        # SVG path data and coordinates are numbers too, but never care numbers.
        text = re.sub(r'\s(d|points|viewBox|x|y|width|height|cx|cy|r)="[^"]*"', "", text)
        for number in numbers:
            pattern = r"(?<![\d.,#-])" + r"[\s-]?".join(number) + r"(?![\d.])"
            if re.search(pattern, text):
                offenders.append((str(path.relative_to(TEMPLATES)), number))
    assert offenders == []


def test_editors_crisis_text_still_overrides_the_built_in_words(client, settings):
    settings.PAINMAP_REGION = "us"
    SupportText.objects.create(
        slug="crisis", heading="Ayuda ahora", body="Llama al [024](tel:024) ahora."
    )
    crisis = own(client, crisis_assessment())
    support = client.get(f"/map/{crisis.key}/support/").content.decode()
    assert "Ayuda ahora" in support and 'href="tel:024"' in support
    # The bar's numbers are still the region's, one tap away.
    question = client.get(f"/map/{crisis.key}/q/worry/").content.decode()
    assert "tel:988" in support_bar_links(question)
