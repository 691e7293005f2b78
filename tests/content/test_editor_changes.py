"""Issue 10, editors: a save records only what someone changed, a draft can be previewed by
signed-in staff (and never cached), and the save message tells when visitors see the change."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import override_settings

from content.caching import PAGES, is_guide_page
from content.models import Article, CautionRule, Status, SupportText
from tests.content.test_editor_admin import ADMIN, article_form, editor  # noqa: F401

pytestmark = pytest.mark.django_db

CRLF_BODY = "## Why\r\n\r\nBecause.\r\nAnd more."
LF_BODY = "## Why\n\nBecause.\nAnd more."


@pytest.fixture
def draft(client, editor):  # noqa: F811
    response = client.post(f"{ADMIN}content/article/add/", article_form(body=LF_BODY))
    assert response.status_code == 302
    return Article.objects.get(slug="pacing")


def change(client, article, **fields):
    return client.post(f"{ADMIN}content/article/{article.pk}/change/", article_form(**fields))


def test_saving_a_form_nobody_changed_records_no_new_version(client, draft):
    # Browsers send a textarea's line breaks as CRLF; the stored text has LF.
    versions = draft.history.count()
    assert change(client, draft, body=CRLF_BODY).status_code == 302
    draft.refresh_from_db()
    assert draft.body == LF_BODY
    assert draft.history.count() == versions
    # A real edit is still recorded, with plain line endings.
    assert change(client, draft, body=CRLF_BODY + "\r\nA new line.").status_code == 302
    assert draft.history.count() == versions + 1
    assert draft.history.first().body == LF_BODY + "\nA new line."


def test_every_text_field_is_stored_with_plain_line_endings():
    article = Article.objects.create(
        title="T", slug="t", section="mechanism", summary="a\r\nb", body="x\ry\r\nz"
    )
    article.refresh_from_db()
    assert (article.summary, article.body) == ("a\nb", "x\ny\nz")
    assert article.body_html == "<p>x\ny\nz</p>"
    support = SupportText.objects.create(slug="crisis", heading="H", body="one\r\ntwo")
    assert SupportText.objects.get(pk=support.pk).body == "one\ntwo"
    rule = CautionRule.objects.create(
        code="t_rule", kind="medicine", label="T", triggers="a=b\r\nc=d", patient_text="p"
    )
    assert CautionRule.objects.get(pk=rule.pk).triggers == "a=b\nc=d"


def test_a_signed_in_editor_previews_a_draft_that_visitors_cannot_see(client, draft):
    preview = f"{ADMIN}content/article/{draft.pk}/preview/"
    response = client.get(preview)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Pacing</h1>" in body and "Because." in body
    assert "This article is a draft: visitors cannot see it" in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not is_guide_page(preview)  # the guide page cache never sees this address
    # "View on site" on the draft's admin page opens the preview, not a 404.
    change_page = client.get(f"{ADMIN}content/article/{draft.pk}/change/").content.decode()
    assert preview in change_page

    client.logout()
    assert client.get("/guide/pacing/").status_code == 404
    signed_out = client.get(preview)
    assert signed_out.status_code == 302 and "/login/" in signed_out["Location"]


def test_staff_without_the_view_permission_cannot_preview(client, draft):
    nobody = User.objects.create_user("nobody", password="not-used-here", is_staff=True)
    client.force_login(nobody)
    assert client.get(f"{ADMIN}content/article/{draft.pk}/preview/").status_code == 403


def test_an_unknown_article_preview_is_a_404(client, editor):  # noqa: F811
    assert client.get(f"{ADMIN}content/article/999999/preview/").status_code == 404


@override_settings(DEBUG=False)
def test_previewing_a_published_article_leaves_the_public_page_cache_alone(client, draft):
    Article.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)
    caches[PAGES].clear()
    body = client.get(f"{ADMIN}content/article/{draft.pk}/preview/").content.decode()
    assert "Preview for editors." in body
    client.logout()
    public = client.get("/guide/pacing/").content.decode()
    assert "Preview for editors." not in public


def test_the_save_message_says_visitors_may_see_the_change_a_minute_later(client, draft):
    response = change(client, draft, title="Pacing, gently")
    page = client.get(response["Location"]).content.decode()
    assert "Visitors may see this change up to a minute later" in page


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 300},
    }
)
def test_the_save_message_follows_the_page_cache_setting(client, draft):
    response = change(client, draft, title="Pacing, gently")
    page = client.get(response["Location"]).content.decode()
    assert "Visitors may see this change up to 5 minutes later" in page
