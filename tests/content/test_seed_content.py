import pytest
from django.core.management import call_command

from assessment.rules.codes import TOOLKIT_SLUGS
from content import seed_data, seed_evidence
from content.models import (
    Article,
    CautionRule,
    PresentationType,
    Question,
    Status,
    ToolkitItem,
)
from content.seeding import seed_content

pytestmark = pytest.mark.django_db

MECHANISMS = [
    "peripheral-sensitisation",
    "central-sensitisation",
    "brain-changes",
    "allostatic-load",
]
CARE_GAPS = [
    "opioids-and-hyperalgesia",
    "imaging-findings",
    "fibromyalgia",
    "nsaids-and-the-gut",
    "trauma-and-aces",
]


def cautions_of(slug):
    return dict(CautionRule.objects.filter(items__slug=slug).values_list("code", "patient_text"))


def test_it_creates_every_type_article_toolkit_item_and_question():
    seed_content()

    assert sorted(PresentationType.objects.values_list("code", flat=True)) == sorted(
        ["peripheral", "central", "stress_driven", "neuropathic"]
    )
    assert set(Article.objects.filter(section="mechanism").values_list("slug", flat=True)) == set(
        MECHANISMS
    )
    assert set(Article.objects.filter(section="care_gap").values_list("slug", flat=True)) == set(
        CARE_GAPS
    )
    assert sorted(ToolkitItem.objects.values_list("slug", flat=True)) == sorted(TOOLKIT_SLUGS)
    assert Question.objects.count() == 6
    assert set(Question.objects.values_list("slug", flat=True)) >= {
        "surgery-and-disc-findings",
        "opioid-taper",
        "pain-in-my-head",
    }


def test_it_publishes_everything_with_review_dates():
    seed_content()
    for model in (PresentationType, Article, ToolkitItem, Question):
        assert not model.objects.exclude(status=Status.PUBLISHED).exists()
        assert not model.objects.filter(last_reviewed__isnull=True).exists()
        assert not model.objects.filter(review_due__isnull=True).exists()


def test_it_keeps_the_guides_doses_and_timelines():
    seed_content()
    item = {i.slug: i for i in ToolkitItem.objects.all()}

    assert "300 to 600 mg" in item["magnesium"].dose
    assert "glycinate or malate" in item["magnesium"].dose
    assert "600 mg to 1,200 mg" in item["palmitoylethanolamide"].dose
    assert "4 to 8 weeks" in item["palmitoylethanolamide"].time_to_effect
    assert "1.5 to 4.5 mg" in item["low-dose-naltrexone"].dose
    assert "50 mg" in item["low-dose-naltrexone"].dose
    assert "2 to 4 g" in item["omega-3"].dose
    assert "8 to 12 weeks" in item["omega-3"].time_to_effect
    assert "500 to 1,000 mg" in item["curcumin"].dose
    assert "6 to 8 weeks" in item["anti-inflammatory-diet"].time_to_effect
    assert "600 mg" in item["alpha-lipoic-acid"].dose
    assert "1,000 to 5,000 mcg" in item["methylcobalamin"].dose
    assert "80%" in Article.objects.get(slug="imaging-findings").body


def test_it_seeds_low_dose_naltrexone_as_prescription_only_and_not_with_opioids():
    seed_content()
    ldn = ToolkitItem.objects.get(slug="low-dose-naltrexone")
    cautions = cautions_of("low-dose-naltrexone")

    assert ldn.needs_prescription
    assert list(ToolkitItem.objects.filter(needs_prescription=True)) == [ldn]
    assert set(cautions) == {"prescription", "opioids", "pregnancy"}
    assert "does not mix with opioid medicines" in cautions["opioids"]
    assert "prescription" in cautions["prescription"]


def test_it_attaches_the_safety_cautions_to_the_supplements():
    seed_content()

    assert set(cautions_of("omega-3")) == {"anticoagulant", "pregnancy"}
    assert set(cautions_of("curcumin")) == {"anticoagulant", "pregnancy"}
    assert set(cautions_of("magnesium")) == {"kidney", "pregnancy"}
    assert set(cautions_of("alpha-lipoic-acid")) == {"blood_sugar", "pregnancy"}
    # Sleep restoration recommends magnesium, so it carries magnesium's cautions (ITEMS.md).
    assert set(cautions_of("sleep-restoration")) == {"kidney", "pregnancy"}
    for slug in ("palmitoylethanolamide", "methylcobalamin"):
        assert set(cautions_of(slug)) == {"pregnancy"}
    assert cautions_of("graded-movement") == {}


def test_it_links_questions_articles_and_types():
    seed_content()
    taper = Question.objects.get(slug="opioid-taper")
    feet = Question.objects.get(slug="neuropathy-in-the-feet")

    assert list(taper.articles.values_list("slug", flat=True)) == ["opioids-and-hyperalgesia"]
    assert list(feet.types.values_list("code", flat=True)) == ["neuropathic"]
    assert set(
        ToolkitItem.objects.filter(types__code="neuropathic").values_list("slug", flat=True)
    ) >= {"alpha-lipoic-acid", "methylcobalamin", "blood-sugar-control"}


def test_it_changes_nothing_when_run_twice():
    first = seed_content()
    counts = [
        m.objects.count() for m in (PresentationType, Article, ToolkitItem, CautionRule, Question)
    ]

    second = seed_content()

    # No crisis text: the built-in words name the region pack's services (rules/regions.py).
    assert sum(len(v) for v in first.values()) == 4 + 10 + 13 + 10 + 6  # 10 caution rules
    assert all(names == [] for names in second.values())
    assert [
        m.objects.count() for m in (PresentationType, Article, ToolkitItem, CautionRule, Question)
    ] == counts


def test_it_never_overwrites_an_editors_changes():
    seed_content()
    article = Article.objects.get(slug="fibromyalgia")
    article.title = "Fibromyalgia, rewritten by an editor"
    article.status = Status.DRAFT
    article.save()
    article.types.clear()
    caution = CautionRule.objects.get(code="kidney")
    caution.patient_text = "Edited caution text"
    caution.save()

    seed_content()

    article.refresh_from_db()
    assert article.title == "Fibromyalgia, rewritten by an editor"
    assert article.status == Status.DRAFT
    assert article.types.count() == 0
    assert CautionRule.objects.get(code="kidney").patient_text == "Edited caution text"


def test_it_recreates_only_what_is_missing():
    seed_content()
    Question.objects.filter(slug="stress-and-pain").delete()
    CautionRule.objects.filter(code="anticoagulant").delete()
    # A contract caution no longer riding on an item it was seeded for is a safety gap too.
    CautionRule.objects.get(code="kidney").items.remove(ToolkitItem.objects.get(slug="magnesium"))

    created = seed_content()

    assert created["questions"] == ["stress-and-pain"]
    assert created["cautions"] == ["anticoagulant"]
    assert set(cautions_of("omega-3")) >= {"anticoagulant"}
    assert "kidney" in cautions_of("magnesium")
    assert created["articles"] == [] and created["toolkit"] == []


def test_it_prints_what_the_command_created(capsys):
    call_command("seed_content")
    first = capsys.readouterr().out
    call_command("seed_content")
    second = capsys.readouterr().out

    assert "Created 13 toolkit" in first
    assert "low-dose-naltrexone" in first
    assert "nothing to create" in second


def test_it_renders_the_seeded_markdown():
    seed_content()
    article = Article.objects.get(slug="central-sensitisation")

    assert "<h2>What this means for you</h2>" in article.body_html


def test_every_seeded_article_has_a_what_this_means_for_you_part_and_references():
    for row in seed_data.ARTICLES:
        assert "## What this means for you" in row["body"], row["slug"]
        assert seed_evidence.ARTICLES[row["slug"]]["references"], row["slug"]
        assert 1 <= row["summary"].count(".") <= 3, row["slug"]
