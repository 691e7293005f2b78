import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

from content.models import Article, Status

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.ADMIN_PATH


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="not-used-here", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    # force_login: the axes backend needs a request, which client.login() does not give it.
    client.force_login(user)
    return user


def article_form(**overrides):
    data = {
        "title": "Pacing",
        "slug": "pacing",
        "section": "mechanism",
        "order": "5",
        "summary": "Doing a little, often.",
        "body": "## Why\n\nBecause.",
        "evidence_strength": "expert_opinion",
        "evidence_claim": "Pacing helps.",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "status": "draft",
        "last_reviewed": "",
        "review_due": "",
        "reviewed_by": "",
    }
    data.update(overrides)
    return data


def test_it_gives_the_editor_group_guide_permissions_only():
    perms = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))

    for model in (
        "article",
        "question",
        "toolkititem",
        "cautionrule",
        "presentationtype",
        "reference",
    ):
        for action in ("add", "change", "delete", "view"):
            assert f"{action}_{model}" in perms
    assert "view_historicalarticle" in perms
    assert "view_historicalreference" in perms
    assert not {p for p in perms if p.endswith("_user") or p.endswith("_group")}
    assert (
        not Group.objects.get(name="Editor")
        .permissions.exclude(content_type__app_label="content")
        .exists()
    )


def test_it_lets_an_editor_create_edit_publish_and_unpublish_an_article(client, editor):
    response = client.post(f"{ADMIN}content/article/add/", article_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="pacing")
    assert article.status == Status.DRAFT

    response = client.post(
        f"{ADMIN}content/article/{article.pk}/change/", article_form(title="Pacing, gently")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Pacing, gently"
    assert client.get("/guide/pacing/").status_code == 404

    changelist = f"{ADMIN}content/article/"
    response = client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert client.get("/guide/pacing/").status_code == 200

    client.post(changelist, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert client.get("/guide/pacing/").status_code == 404
    # Each change went through save(), so the history shows all four versions.
    assert article.history.count() == 4


def test_it_keeps_editors_out_of_user_accounts(client, editor):
    assert client.get(f"{ADMIN}auth/user/").status_code == 403
    assert client.get(f"{ADMIN}auth/user/add/").status_code == 403
    response = client.post(
        f"{ADMIN}auth/user/add/",
        {"username": "intruder", "password1": "Sturdy-pass-1234", "password2": "Sturdy-pass-1234"},
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="intruder").exists()


def test_it_shows_the_admin_lists_with_filters_and_history(client, editor):
    from content.seeding import seed_content

    seed_content()
    Article.objects.filter(slug="fibromyalgia").update(review_due="2000-01-01")

    overdue = client.get(f"{ADMIN}content/article/?overdue=yes").content.decode()
    assert "Fibromyalgia" in overdue
    assert "Brain changes" not in overdue
    for model in (
        "article",
        "question",
        "toolkititem",
        "cautionrule",
        "presentationtype",
        "reference",
    ):
        assert client.get(f"{ADMIN}content/{model}/").status_code == 200
    ldn = client.get(f"{ADMIN}content/toolkititem/?needs_prescription__exact=1").content.decode()
    assert "Low-dose naltrexone" in ldn
    assert "Magnesium" not in ldn
    article = Article.objects.get(slug="fibromyalgia")
    assert client.get(f"{ADMIN}content/article/{article.pk}/history/").status_code == 200
    item_page = client.get(f"{ADMIN}content/toolkititem/").content.decode()
    assert "Publish selected items" in item_page


def test_it_lets_an_editor_grade_an_article_with_a_reference(client, editor):
    form = article_form(
        evidence_strength="limited",
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-citation": "Smith J. Pacing for chronic pain. 2020.",
            "sources-0-kind": "trial",
            "sources-0-doi": "10.1000/xyz123",
            "sources-0-url": "",
            "sources-0-guideline_stance": "",
            "sources-0-note": "",
            "sources-0-order": "0",
        },
    )
    response = client.post(f"{ADMIN}content/article/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="pacing")
    assert article.evidence_strength == "limited"
    assert [ref.href for ref in article.sources.all()] == ["https://doi.org/10.1000/xyz123"]


def test_it_refuses_a_reference_without_a_link_or_a_published_article_without_a_grade(
    client, editor
):
    form = article_form(
        status="published",
        evidence_strength="",
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-citation": "Smith J. Pacing. 2020.",
            "sources-0-kind": "study",
            "sources-0-doi": "",
            "sources-0-url": "",
            "sources-0-order": "0",
        },
    )
    response = client.post(f"{ADMIN}content/article/add/", form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Set the strength of evidence before publishing" in page
    assert "Give a DOI or a link" in page
    assert not Article.objects.exists()


def test_the_publish_action_skips_an_ungraded_article(client, editor):
    article = Article.objects.create(
        title="Ungraded", slug="ungraded", summary="s", body="b", status=Status.DRAFT
    )
    response = client.post(
        f"{ADMIN}content/article/",
        {"action": "publish", "_selected_action": [article.pk]},
        follow=True,
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert "set the strength of evidence first: Ungraded" in response.content.decode()
