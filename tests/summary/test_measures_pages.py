"""PEG, PHQ-2 and GAD-2 on the results page (plain words) and on the method page (why each
version-2 weight is what it is, beside the live weights)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from assessment.data.seed_map import seed_spec
from assessment.journey import presenters
from assessment.rules import measures, scoring
from assessment.rules.flow import relevant_answers
from tests.support import FULL_ANSWERS, FULL_ANSWERS_V2, claim, make_finished

V1, V2 = seed_spec(1), seed_spec(2)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def views_for(spec, answers):
    return presenters.measure_views(spec, scoring.score(spec, relevant_answers(spec, answers)))


def test_a_positive_screen_is_worded_as_something_to_talk_about_never_a_diagnosis():
    views = {view.code: view for view in views_for(V2, FULL_ANSWERS_V2)}
    assert [views[code].value for code in ("peg", "phq2", "gad2")] == [7.0, 3, 5]
    assert views["phq2"].positive and views["gad2"].positive and not views["peg"].positive
    for view in views.values():
        words = f"{view.words} {view.positive_words}".lower()
        assert "you have" not in words and "you are depressed" not in words
    assert "worth talking to your clinician about" in views["phq2"].positive_words
    assert "30%" in views["peg"].words


def test_a_measure_with_a_skipped_item_says_not_worked_out_never_zero():
    answers = {**FULL_ANSWERS_V2, "little_interest": None}
    views = {view.code: view for view in views_for(V2, answers)}
    assert views["phq2"].value is None and not views["phq2"].positive
    assert "skipped" in views["phq2"].not_answered
    assert views["gad2"].value == 5


def test_version_1_shows_no_measures():
    assert views_for(V1, FULL_ANSWERS) == []


@pytest.mark.django_db
def test_the_results_page_shows_the_measures_in_plain_words(client):
    assessment = make_finished({**FULL_ANSWERS_V2, "uncontrolled_worry": None}, version=2)
    claim(client, assessment)
    html = client.get(reverse("assessment:results", args=[assessment.key])).content.decode()
    text = text_of(html)
    assert "Scores clinicians already use" in text
    assert "PEG 7.0 out of 10" in text
    assert "PHQ-2 3 out of 6" in text
    assert "worth talking to your clinician about" in text
    gad2 = text_of(html.split('data-measure="gad2"')[1].split("</dd>")[0])
    assert "Not worked out" in gad2 and "out of 6" not in gad2
    section = text_of(html.split('class="map-measures"')[1].split("</section>")[0]).lower()
    assert "you have" not in section
    assert not re.search(
        r"you (have|are|may have) (depression|anxiety|depressed|anxious)", text.lower()
    )


@pytest.mark.django_db
def test_the_method_page_justifies_each_v2_weight_beside_the_live_weights(client):
    from assessment.data.seed_map import seed_all

    seed_all()
    html = client.get("/map/how-it-works/").content.decode()
    for code in measures.WEIGHT_REASONS:
        section = html.split(f'data-item="{code}"')[1].split("</section>")[0]
        item = V2.by_code[code]
        assert item.wording in section
        for option in item.options:
            stress = option.weights.get("stress_driven")
            assert (f"stress-driven +{stress}" if stress else option.label) in section
        assert str(measures.WEIGHT_REASONS[code])[:40] in section
    for measure in measures.MEASURES:
        assert measure.source in html


def test_the_justification_holds_version_2_splits_version_1_mood_weight_between_phq2_items():
    def most(spec, code, type_code):
        return max(o.weights.get(type_code, 0) for o in spec.by_code[code].options)

    for type_code in ("stress_driven", "central"):
        v2 = most(V2, "little_interest", type_code) + most(V2, "mood", type_code)
        assert v2 == most(V1, "mood", type_code)
    anxiety = most(V2, "nervous", "stress_driven")
    assert anxiety < min(
        most(V2, code, "stress_driven") for code in ("stress_level", "stress_pain_link")
    )
