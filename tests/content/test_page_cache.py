"""Guide pages come from a cache that any change to the guide clears."""

import pytest

from content.models import Article, CautionRule, Status, ToolkitItem
from content.seeding import seed_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    seed_content()


def test_it_serves_a_repeat_visit_without_touching_the_database(
    client, guide, django_assert_num_queries
):
    first = client.get("/").content
    with django_assert_num_queries(0):
        again = client.get("/")
    assert again.status_code == 200 and again.content == first


def test_it_shows_an_editors_change_on_the_next_request(client, guide):
    article = Article.objects.get(slug="central-sensitisation")
    client.get(article.get_absolute_url())
    article.title = "Central sensitisation, explained again"
    article.save()
    assert "explained again" in client.get(article.get_absolute_url()).content.decode()
    assert "explained again" in client.get("/").content.decode()


def test_it_hides_an_unpublished_article_at_once(client, guide):
    article = Article.objects.get(slug="imaging-findings")
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_it_shows_a_changed_caution_on_the_toolkit_page(client, guide):
    item = ToolkitItem.objects.get(slug="magnesium")
    client.get(item.get_absolute_url())
    caution = CautionRule.objects.get(code="kidney")
    caution.patient_text = "Kidney disease: ask your kidney team first."
    caution.save()
    assert "ask your kidney team first" in client.get(item.get_absolute_url()).content.decode()


def test_it_never_caches_a_not_found_page(client, guide):
    assert client.get("/guide/not-yet/").status_code == 404
    Article.objects.create(
        title="Not yet", slug="not-yet", summary="s", body="b", status=Status.PUBLISHED
    )
    assert client.get("/guide/not-yet/").status_code == 200


def test_it_sends_every_security_header_on_a_cached_page(client, guide):
    fresh = client.get("/toolkit/")
    cached = client.get("/toolkit/")
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Permissions-Policy",
        "Cross-Origin-Resource-Policy",
    ):
        assert cached[header] == fresh[header], header


def test_it_renders_afresh_when_there_is_a_query_string(client, guide, django_assert_num_queries):
    client.get("/questions/")
    with django_assert_num_queries(0):
        client.get("/questions/")
    response = client.get("/questions/?utm=x")
    assert response.status_code == 200
    from django.core.cache import caches

    assert not any("utm" in key for key in caches["pages"]._cache)


def test_it_never_caches_a_persons_pages(client, guide):
    from django.core.cache import caches

    from assessment.data.seed_map import seed_map

    seed_map()
    client.get("/map/")
    client.post("/map/start/")
    assert not any("/map/" in key and "how-it-works" not in key for key in caches["pages"]._cache)
