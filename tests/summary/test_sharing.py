"""Share links: signed, expiring, revocable; anything else is a plain 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessment.models import ShareLink
from assessment.summary import sharing
from assessment.summary.builder import reference_for
from tests.support import FULL_ANSWERS, claim, make_assessment, pdf_text, squash, v1


@pytest.fixture
def assessment(db):
    return make_assessment(v1(), FULL_ANSWERS, complete=True)


@pytest.fixture
def owner(client, assessment):
    claim(client, assessment)
    return client


def share_url(assessment):
    return reverse("assessment:share", args=[assessment.key])


def shared_url(link, name="shared:summary"):
    return reverse(name, args=[sharing.sign(link)])


def create_link(owner, assessment) -> ShareLink:
    response = owner.post(share_url(assessment))
    assert response.status_code == 302
    return assessment.share_links.get()


def assert_private(response):
    assert "no-store" in response["Cache-Control"]
    assert {"noindex", "nofollow"} <= set(response["X-Robots-Tag"].replace(",", " ").split())


# Rules --------------------------------------------------------------------------------------


def test_it_expires_a_link_after_the_configured_days(assessment, settings):
    settings.PAINMAP_SHARE_DAYS = 3
    now = timezone.now()
    link = sharing.create_link(assessment, now=now)
    assert link.expires_at == now + timedelta(days=3)
    signed = sharing.sign(link)
    assert sharing.active_link(signed, now=now + timedelta(days=2, hours=23)) == link
    assert sharing.active_link(signed, now=now + timedelta(days=3)) is None


def test_it_rejects_a_token_signed_with_another_salt_or_not_signed(assessment):
    link = sharing.create_link(assessment)
    assert sharing.active_link(link.token) is None
    assert sharing.active_link(signing.dumps(link.token)) is None
    assert sharing.active_link(signing.dumps(link.token, salt="painmap.other")) is None
    assert sharing.active_link(signing.dumps(["list"], salt=sharing.SALT)) is None
    assert sharing.active_link(sharing.sign(link)) == link


def test_it_keeps_the_token_out_of_the_url(assessment):
    link = sharing.create_link(assessment)
    url = shared_url(link)
    assert link.token not in url
    assert assessment.key not in url


# The person's share page ------------------------------------------------------------------


def test_it_creates_a_link_and_lists_it_with_its_expiry(owner, assessment, settings):
    settings.PAINMAP_SHARE_DAYS = 14
    link = create_link(owner, assessment)
    assert timedelta(days=13, hours=23) < link.expires_at - timezone.now() <= timedelta(days=14)
    response = owner.get(share_url(assessment))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Share link created" in html
    assert "/shared/" in html
    assert "Works until" in html
    assert reverse("assessment:share_revoke", args=[assessment.key, link.pk]) in html
    assert_private(response)


def test_it_lets_only_the_owner_create_or_revoke_links(client, assessment):
    assert client.get(share_url(assessment)).status_code == 404
    assert client.post(share_url(assessment)).status_code == 404
    link = sharing.create_link(assessment)
    revoke = reverse("assessment:share_revoke", args=[assessment.key, link.pk])
    assert client.post(revoke).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_it_cannot_revoke_another_persons_link(owner, assessment):
    other = make_assessment(v1(), FULL_ANSWERS, complete=True)
    link = sharing.create_link(other)
    revoke = reverse("assessment:share_revoke", args=[assessment.key, link.pk])
    assert owner.post(revoke).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_it_asks_before_it_revokes_and_only_a_post_revokes(owner, assessment):
    link = sharing.create_link(assessment)
    revoke = reverse("assessment:share_revoke", args=[assessment.key, link.pk])
    share_page = owner.get(share_url(assessment)).content.decode()
    # The share page's "Revoke" is a secondary link to the question, never the red button.
    assert f'class="button button--secondary" href="{revoke}"' in share_page
    response = owner.get(revoke)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Are you sure you want to revoke this share link?" in html
    assert 'class="button button--warning" type="submit"' in html
    assert_private(response)
    link.refresh_from_db()
    assert link.revoked_at is None
    assert owner.post(revoke).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_it_refuses_a_create_without_a_csrf_token(assessment):
    strict = Client(enforce_csrf_checks=True)
    claim(strict, assessment)
    assert strict.post(share_url(assessment)).status_code == 403
    assert not assessment.share_links.exists()


# What the clinician opens -----------------------------------------------------------------


def test_it_opens_the_summary_from_a_share_link_in_a_fresh_browser(owner, assessment):
    link = create_link(owner, assessment)
    clinician = Client()
    signed = sharing.sign(link)
    response = clinician.get(reverse("shared:summary", args=[signed]))
    assert response.status_code == 200
    assert reference_for(assessment.key) in response.content.decode()
    assert_private(response)
    html = response.content.decode()
    assert share_url(assessment) not in html, "the clinician gets no share controls"
    assert assessment.key not in html
    assert reverse("shared:summary_pdf", args=[signed]) in html


@pytest.mark.slow  # renders a PDF
def test_it_serves_the_pdf_and_fhir_from_a_share_link(owner, assessment):
    link = create_link(owner, assessment)
    clinician = Client()
    response = clinician.get(shared_url(link, "shared:summary_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_private(response)
    _pages, text, _meta = pdf_text(response.content)
    assert reference_for(assessment.key) in squash(text)
    fhir = clinician.get(shared_url(link, "shared:fhir"))
    assert fhir.status_code == 200
    assert fhir.json()["resourceType"] == "Bundle"
    assert fhir.json()["entry"][0]["resource"]["resourceType"] == "QuestionnaireResponse"
    assert_private(fhir)


def test_it_is_a_plain_404_once_revoked(owner, assessment):
    link = create_link(owner, assessment)
    url = shared_url(link)
    assert Client().get(url).status_code == 200
    response = owner.post(reverse("assessment:share_revoke", args=[assessment.key, link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    for name in ("shared:summary", "shared:summary_pdf", "shared:fhir"):
        gone = Client().get(shared_url(link, name))
        assert gone.status_code == 404
        assert_private(gone)
    assert "Revoked" in owner.get(share_url(assessment)).content.decode()


def test_it_is_a_plain_404_once_expired(owner, assessment):
    import time_machine

    link = create_link(owner, assessment)
    url = shared_url(link)
    with time_machine.travel(link.expires_at + timedelta(seconds=1)):
        assert Client().get(url).status_code == 404
        assert Client().get(shared_url(link, "shared:summary_pdf")).status_code == 404
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert Client().get(url).status_code == 404


def test_it_is_a_plain_404_for_a_modified_or_made_up_link(owner, assessment):
    link = create_link(owner, assessment)
    signed = sharing.sign(link)
    value, _sep, signature = signed.rpartition(":")
    tampered = [
        value + ":" + ("A" if signature[0] != "A" else "B") + signature[1:],
        signed[:-1],
        signing.dumps("not-a-token", salt=sharing.SALT),
        "nothing-here",
    ]
    wrong = [Client().get(reverse("shared:summary", args=[bad])) for bad in tampered]
    assert [response.status_code for response in wrong] == [404] * len(tampered)
    # No hint: a link that never existed and a revoked one look the same.
    sharing.revoke(link)
    revoked = Client().get(reverse("shared:summary", args=[signed]))
    assert revoked.status_code == 404
    assert revoked.content == wrong[-1].content


def test_it_slows_down_guessing_but_not_the_right_link_elsewhere(owner, assessment, settings):
    settings.PAINMAP_RATE_LIMITS = {**settings.PAINMAP_RATE_LIMITS, "share": "3/10m"}
    link = create_link(owner, assessment)
    guesser = Client()
    for attempt in range(3):
        assert guesser.get(reverse("shared:summary", args=[f"guess-{attempt}"])).status_code == 404
    assert guesser.get(reverse("shared:summary", args=["guess-4"])).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.7").get(shared_url(link)).status_code == 200


def test_it_stops_working_when_the_assessment_is_deleted(owner, assessment):
    link = create_link(owner, assessment)
    url = shared_url(link)
    assessment.delete()
    assert Client().get(url).status_code == 404
