"""The strength of evidence where people read about the tools: each toolkit card and page, each
article, and a public page that explains the scale (linked from the toolkit and the footer)."""

import re

import pytest
from django.utils.html import escape

from assessment.rules.codes import TOOLKIT_SLUGS
from content import evidence
from content.models import Article, ToolkitItem
from content.seeding import seed_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    seed_content()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_scale_page_explains_every_grade_in_plain_words_from_the_one_definition(client):
    page = client.get("/evidence/").content.decode()

    for grade in evidence.SCALE:
        assert f'id="grade-{grade.code}"' in page
        assert escape(str(grade.definition)) in page
        assert escape(str(grade.meaning)) in page
    assert "NICE NG193" in page and "NICE NG59" in page and "CDC" in page
    assert "Does the grade change the order of my suggestions?" in page


def test_the_scale_page_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/evidence/").status_code == 200


def test_the_footer_toolkit_and_method_page_link_to_the_scale(client, seeded):
    for path in ("/", "/toolkit/", "/map/how-it-works/", "/privacy/"):
        assert 'href="/evidence/"' in client.get(path).content.decode(), path


def test_each_toolkit_card_says_its_grade_in_words(client, seeded):
    page = client.get("/toolkit/").content.decode()
    cards = page.split('<li class="card toolkit-card">')[1:]

    assert len(cards) == len(TOOLKIT_SLUGS)
    for card in cards:
        slug = re.search(r'href="/toolkit/([^/]+)/"', card).group(1)
        grade = ToolkitItem.objects.get(slug=slug).grade
        assert f"Evidence: {grade.label}" in text(card), slug
        assert f'href="/evidence/#grade-{grade.code}"' in card


def test_low_dose_naltrexone_does_not_read_like_graded_movement(client, seeded):
    ldn = text(client.get("/toolkit/low-dose-naltrexone/").content.decode())
    movement = text(client.get("/toolkit/graded-movement/").content.decode())

    assert "Evidence: Limited" in ldn and "Off-label" in ldn
    assert "Evidence: Strong" in movement


@pytest.mark.parametrize("slug", TOOLKIT_SLUGS)
def test_each_toolkit_page_shows_grade_claim_and_checkable_references(client, seeded, slug):
    item = ToolkitItem.objects.prefetch_related("sources").get(slug=slug)
    page = client.get(f"/toolkit/{slug}/").content.decode()

    assert f"Evidence: {item.grade.label}" in text(page)
    assert escape(item.evidence_claim) in page
    for ref in item.sources.all():
        assert escape(ref.citation) in page
        assert f'href="{escape(ref.href)}"' in page


def test_an_article_shows_its_claim_grade_and_whether_guidelines_agree(client, seeded):
    article = Article.objects.get(slug="opioids-and-hyperalgesia")
    page = client.get(article.get_absolute_url()).content.decode()

    assert "Evidence: Strong" in text(page)
    assert escape(article.evidence_claim) in page
    assert "(Clinical guideline: agrees)" in text(page)
    assert 'href="https://doi.org/10.15585/mmwr.rr7103a1"' in page


def test_the_dots_are_hidden_from_screen_readers_and_never_stand_alone(client, seeded):
    page = client.get("/toolkit/").content.decode()
    meters = re.findall(r"<span class=\"evidence__meter\"[^>]*>", page)

    assert meters and all('aria-hidden="true"' in m for m in meters)
    assert page.count("evidence__meter") == page.count("Evidence:")
