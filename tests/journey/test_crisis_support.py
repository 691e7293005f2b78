"""Crisis support that helps without burying the questionnaire (ITEMS.md: self_harm)."""

from __future__ import annotations

import pytest
from django.urls import reverse

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

UP_TO_MOOD = {code: CALM_ANSWERS[code] for code in list(CALM_ANSWERS)[:21]}


def url(name, assessment, *args):
    return reverse(f"assessment:{name}", args=[assessment.key, *args])


@pytest.fixture
def at_self_harm(client):
    return own(client, answered(make_questionnaire(), UP_TO_MOOD))


def post_answer(client, assessment, value):
    return client.post(url("question", assessment, "self_harm"), {"answer": value})


def test_a_double_post_of_yes_still_shows_the_support_page(client, at_self_harm):
    support = url("support", at_self_harm)
    assert post_answer(client, at_self_harm, "yes")["Location"] == support
    assert post_answer(client, at_self_harm, "yes")["Location"] == support  # the retry
    client.get(support)  # looking at the page changes nothing
    assert post_answer(client, at_self_harm, "yes")["Location"] == support
    at_self_harm.refresh_from_db()
    assert at_self_harm.support_seen == ""
    assert client.post(support)["Location"] == url("question", at_self_harm, "worry")
    at_self_harm.refresh_from_db()
    assert at_self_harm.support_seen == "yes"
    assert post_answer(client, at_self_harm, "yes")["Location"] == url(
        "question", at_self_harm, "worry"
    )


def test_a_changed_answer_gets_its_page_again(client, at_self_harm):
    post_answer(client, at_self_harm, "yes")
    client.post(url("support", at_self_harm))
    post_answer(client, at_self_harm, "no")
    assert post_answer(client, at_self_harm, "yes")["Location"] == url("support", at_self_harm)


def test_the_support_page_has_a_back_link_and_the_numbers_as_links(client, at_self_harm):
    post_answer(client, at_self_harm, "yes")
    html = client.get(url("support", at_self_harm)).content.decode()
    assert (
        f'class="back-link" href="{url("question", at_self_harm, "self_harm")}?change=0' in html
        or (f'class="back-link" href="{url("question", at_self_harm, "self_harm")}"' in html)
    )
    hrefs = {href for href, _text in call_links(html)}
    assert {"tel:116123", "sms:85258", "tel:999"} <= hrefs
    assert "data-support-bar" not in html  # the page is the full text, not the bar


def test_later_pages_show_a_compact_bar_not_the_whole_panel(client, at_self_harm):
    post_answer(client, at_self_harm, "yes")
    client.post(url("support", at_self_harm))
    html = client.get(url("question", at_self_harm, "worry")).content.decode()
    bar = html[html.index("data-support-bar") :]
    bar = bar[: bar.index("</section>", bar.index("</details>"))]
    assert "Get support now" in bar and "<details" in bar and "<script" not in bar
    links = support_bar_links(html)  # outside the fold: one tap away
    assert {"tel:116123", "sms:85258", "tel:999"} <= {href for href, _ in call_links(links)}
    # The full text is folded away inside the bar, once.
    assert html.count("data-crisis-panel") == 1
    assert html.index("data-crisis-panel") > html.index("<details")


def test_prefer_not_to_say_offers_support_gently_once(client, at_self_harm):
    support = url("support", at_self_harm)
    assert post_answer(client, at_self_harm, "prefer_not_to_say")["Location"] == support
    html = client.get(support).content.decode()
    assert "If you ever need it, help is there" in html and "Thank you for telling us" not in html
    client.post(support)
    assert post_answer(client, at_self_harm, "prefer_not_to_say")["Location"] == url(
        "question", at_self_harm, "worry"
    )
    at_self_harm.refresh_from_db()
    assert not at_self_harm.crisis
    # No bar on later pages: no crisis was reported.
    assert (
        "data-support-bar"
        not in client.get(url("question", at_self_harm, "worry")).content.decode()
    )


def test_prefer_not_to_say_is_on_the_results_and_flagged_on_the_summary(client):
    assessment = own(
        client,
        answered(
            make_questionnaire(), {**CALM_ANSWERS, "self_harm": "prefer_not_to_say"}, complete=True
        ),
    )
    results = client.get(url("results", assessment)).content.decode()
    offer = between(results, "data-support-offer", "</details>")
    assert {"tel:116123", "sms:85258"} <= {href for href, _ in call_links(offer)}
    summary = client.get(url("summary", assessment)).content.decode()
    assert "data-self-harm-declined" in summary and "Please ask about it" in summary


def test_no_support_page_or_offer_after_no(client, at_self_harm):
    assert post_answer(client, at_self_harm, "no")["Location"] == url(
        "question", at_self_harm, "worry"
    )
    assert client.get(url("support", at_self_harm)).status_code == 302
