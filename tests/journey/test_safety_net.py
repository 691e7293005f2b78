"""Safety-netting and humility: every result and summary without a red flag lists the new
symptoms that mean urgent or emergency care, from the questionnaire's own red-flag list; an
empty `primary` is said plainly, with what to do next, and no type is named as leading."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from assessment.journey import services
from assessment.rules import safety
from assessment.spec_loader import spec_for
from tests.support import FULL_ANSWERS, claim, pdf_text, squash
from tests.support import make_finished as make_assessment

pytestmark = pytest.mark.django_db


def get(client, name, assessment):
    return client.get(reverse(f"assessment:{name}", args=[assessment.key]))


@pytest.fixture
def calm(client):
    made = make_assessment(FULL_ANSWERS)
    claim(client, made)
    return made


def red_flag_labels(assessment):
    item = spec_for(assessment.questionnaire).by_code["red_flags"]
    return {option.code: option.label for option in item.options}


def test_the_net_is_the_red_flag_list_split_by_how_soon(calm):
    labels = red_flag_labels(calm)
    net = safety.safety_net(spec_for(calm.questionnaire))
    assert set(net.emergency) == {
        labels[code]
        for code in ("bladder_bowel", "saddle_numbness", "progressive_weakness", "chest_pain")
    }
    assert net.same_day == (labels["fever_unwell"],)
    assert labels["weight_loss"] in net.soon and labels["none"] not in net.soon
    # Every flag but "none", once: nothing copied, nothing left out.
    assert sorted(net.emergency + net.same_day + net.soon) == sorted(
        label for code, label in labels.items() if code != "none"
    )


def test_results_and_summary_carry_the_net(client, calm):
    labels = red_flag_labels(calm)
    html = get(client, "results", calm).content.decode()
    net = html[html.index("data-safety-net") :]
    net = net[: net.index("</section>")]
    for code in ("saddle_numbness", "chest_pain", "fever_unwell", "weight_loss"):
        assert labels[code] in net.replace("&#x27;", "'"), code
    # The clinician reads the same list in short clinical names, on page 1 (Safety).
    html = get(client, "summary", calm).content.decode()
    section = html[html.index("cs-safety-heading") : html.index("cs-profile-heading")]
    net = section[section.index("data-safety-net") :]
    net = net[: net.index("</span>")]
    for code in ("saddle_numbness", "chest_pain", "fever_unwell", "weight_loss"):
        assert str(safety.CLINICIAN_FLAG_NAMES[code]) in net, code
    results = get(client, "results", calm).content.decode()
    net = results[results.index("data-safety-net") :]
    assert 'href="tel:999"' in net[: net.index("</section>")]
    _pages, text, _meta = pdf_text(get(client, "summary_pdf", calm).content)
    assert "Safety-netting given: emergency care for new" in squash(text)


def test_no_net_where_a_red_flag_already_says_what_to_do(client):
    made = make_assessment({**FULL_ANSWERS, "red_flags": ["weight_loss"]})
    claim(client, made)
    for name in ("results", "summary"):
        assert "data-safety-net" not in get(client, name, made).content.decode()


def test_an_empty_primary_names_no_type_and_says_what_next(client, calm, monkeypatch):
    # The revised contract gives an empty primary when no type reaches moderate.
    real = services.stored_result
    monkeypatch.setattr(
        services,
        "stored_result",
        lambda assessment: dataclasses.replace(real(assessment), primary=()),
    )
    html = get(client, "results", calm).content.decode()
    assert "data-no-pattern" in html and "do not point to one single pattern" in html
    assert "What to do next" in html
    assert "share most features with" not in html
    assert "Questions people with similar answers ask" not in html
    summary = get(client, "summary", calm).content.decode()
    assert "data-no-pattern" in summary and "Shares most features with" not in summary
