import re

import pytest
from django.urls import reverse

from content.models import (
    Article,
    CautionRule,
    PresentationType,
    Question,
    Reference,
    Status,
    ToolkitItem,
)
from content.seeding import seed_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    seed_content()


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def one_h1(page):
    return len(re.findall(r"<h1[\s>]", page)) == 1


PAGES = [
    "/",
    "/guide/central-sensitisation/",
    "/types/neuropathic/",
    "/toolkit/",
    "/toolkit/magnesium/",
    "/questions/",
    "/privacy/",
]


@pytest.mark.parametrize("url", PAGES)
def test_it_renders_each_page_with_one_h1_and_a_title(client, seeded, url):
    response = client.get(url)
    page = response.content.decode()

    assert response.status_code == 200
    assert one_h1(page)
    assert response.context["title"]
    assert f"<title>{response.context['title']}" in page.replace("&#x27;", "'")
    assert "style=" not in page
    assert "<script" not in page


def test_it_tells_the_story_on_the_home_page_in_order(client, seeded):
    page = html(client, "/")
    ids = ['id="why"', 'id="care"', 'id="types"', 'id="toolkit"', 'id="questions"', 'id="start"']
    positions = [page.index(marker) for marker in ids]

    assert positions == sorted(positions)
    assert reverse("assessment:start") in page[page.index('id="start"') :]
    for slug in ("peripheral-sensitisation", "allostatic-load", "nsaids-and-the-gut"):
        assert f"/guide/{slug}/" in page
    for code in ("peripheral", "central", "stress_driven", "neuropathic"):
        assert f"/types/{code}/" in page
    toolkit = page[page.index('id="toolkit"') : page.index('id="questions"')]
    for item in ToolkitItem.objects.all():
        assert item.get_absolute_url() in toolkit
    assert toolkit.count("Needs a prescription") == 1
    assert "/questions/#opioid-taper" in page


def test_it_shows_an_article_with_its_review_date_references_and_links(client, seeded):
    page = html(client, "/guide/imaging-findings/")

    assert "Scan findings" in page
    assert "Last reviewed 24 November 2026" in page
    assert "PainMap editorial team" in page
    assert 'class="lead"' in page and "About 80% of people over 50" in page
    assert "<h2>What this means for you</h2>" in page
    assert "Brinjikji W" in page
    assert "/types/central/" in page
    assert "/questions/#surgery-and-disc-findings" in page


def test_it_shows_a_type_with_drivers_help_and_the_items_that_serve_it(client, seeded):
    page = html(client, "/types/neuropathic/")

    assert "Neuropathic (nerve) pain" in page
    assert "punch biopsy" in page
    assert "/toolkit/alpha-lipoic-acid/" in page
    assert "/toolkit/blood-sugar-control/" in page
    assert "/toolkit/low-dose-naltrexone/" not in page
    assert "/questions/#neuropathy-in-the-feet" in page
    assert "not a diagnosis" in page


def test_it_lists_the_whole_toolkit_with_the_prescription_tag(client, seeded):
    page = html(client, "/toolkit/")

    for item in ToolkitItem.objects.all():
        assert item.get_absolute_url() in page
    assert page.count("Needs a prescription</span>") == 1
    assert "taking blood thinners" in page


def test_it_says_low_dose_naltrexone_needs_a_prescription_and_not_with_opioids(client, seeded):
    page = html(client, "/toolkit/low-dose-naltrexone/")
    dose = page.index("1.5 to 4.5 mg")
    cautions = page.index('id="cautions-heading"')
    mechanism = page.index("What it does and why")

    assert "Needs a prescription" in page
    assert "does not mix with opioid medicines" in page
    assert "This needs a prescription" in page
    # The caution panel sits right after the dose, before the explanation.
    assert dose < cautions < mechanism


def test_it_shows_every_caution_on_the_item_page(client, seeded):
    for caution in CautionRule.objects.prefetch_related("items"):
        for item in caution.items.all():
            page = html(client, item.get_absolute_url())
            assert caution.patient_text.replace("'", "&#x27;") in page


def test_it_anchors_each_answer_on_its_slug(client, seeded):
    page = html(client, "/questions/")

    for question in Question.objects.all():
        assert f'<h2 id="{question.slug}">' in page
        assert f'href="#{question.slug}"' in page
    assert "opioid-induced hyperalgesia" in page


def test_it_states_the_retention_period_from_settings(client, settings):
    settings.PAINMAP_RETENTION_DAYS = 45
    page = html(client, "/privacy/")

    assert "kept for 45 days after you last change them" in page
    assert "no analytics" in page
    assert "strictly necessary" in page


@pytest.mark.parametrize(
    ("model", "lookup", "url"),
    [
        (Article, {"slug": "fibromyalgia"}, "/guide/fibromyalgia/"),
        (PresentationType, {"code": "central"}, "/types/central/"),
        (ToolkitItem, {"slug": "curcumin"}, "/toolkit/curcumin/"),
    ],
)
def test_it_hides_drafts_from_the_public(client, seeded, model, lookup, url):
    model.objects.filter(**lookup).update(status=Status.DRAFT)

    html(client, url, status=404)
    assert url not in html(client, "/")


def test_it_leaves_draft_questions_and_links_out_of_lists(client, seeded):
    Question.objects.filter(slug="opioid-taper").update(status=Status.DRAFT)
    Article.objects.filter(slug="opioids-and-hyperalgesia").update(status=Status.DRAFT)
    ToolkitItem.objects.filter(slug="somatic-therapy").update(status=Status.DRAFT)

    assert 'id="opioid-taper"' not in html(client, "/questions/")
    assert "/toolkit/somatic-therapy/" not in html(client, "/toolkit/")
    assert "/toolkit/somatic-therapy/" not in html(client, "/types/stress_driven/")
    assert "/guide/opioids-and-hyperalgesia/" not in html(client, "/types/central/")
    assert "/questions/#opioid-taper" not in html(client, "/types/central/")


def test_it_sanitises_markdown_an_editor_types(client):
    Article.objects.create(
        slug="xss",
        title="Safe",
        summary="s",
        status=Status.PUBLISHED,
        body=(
            "Hello <script>alert(1)</script>\n\n"
            '<img src=x onerror="alert(2)">\n\n'
            "[click](javascript:alert(3))\n\n"
            '<a href="https://example.org" onclick="alert(4)">ok</a>'
        ),
    )
    page = html(client, "/guide/xss/")

    assert "<script>alert" not in page
    assert "onerror" not in page
    assert "javascript:" not in page
    assert "onclick" not in page
    assert 'href="https://example.org"' in page


def add_more_content():
    """A second helping of rows, so a query inside a loop would show up as a higher count."""
    central = PresentationType.objects.get(code="central")
    for n in range(3):
        item = ToolkitItem.objects.create(
            slug=f"extra-{n}", name=f"Extra {n}", summary="s", what_it_does="w", dose="d",
            time_to_effect="t", status=Status.PUBLISHED,
        )  # fmt: skip
        item.types.add(central)
        CautionRule.objects.get(code="pregnancy").items.add(item)
        article = Article.objects.create(
            slug=f"extra-{n}", title=f"Extra {n}", summary="s", body="b",
            section="mechanism", status=Status.PUBLISHED,
        )  # fmt: skip
        article.types.add(central)
        question = Question.objects.create(
            slug=f"extra-{n}", question=f"Extra {n}?", answer="a", status=Status.PUBLISHED
        )
        question.articles.add(article)
        question.types.add(central)
    for slug in ("magnesium", "central-sensitisation"):
        owner = {"item": ToolkitItem.objects.filter(slug=slug).first()}
        if owner["item"] is None:
            owner = {"article": Article.objects.get(slug=slug)}
        for n in range(3):
            Reference.objects.create(**owner, citation=f"Extra {n}", url="https://example.org/")


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/", 4),  # articles, types, toolkit, questions
        ("/toolkit/", 3),  # items, cautions, types
        ("/questions/", 3),  # questions, articles, types
        ("/types/central/", 5),  # type, items, their cautions, articles, questions
        ("/toolkit/magnesium/", 4),  # item, cautions, types, references
        ("/guide/central-sensitisation/", 4),  # article, types, questions, references
        ("/privacy/", 0),
    ],
)
def test_it_uses_a_fixed_number_of_queries(client, seeded, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        client.get(url)
    add_more_content()
    with django_assert_num_queries(queries):
        client.get(url)
