"""Share links: let a clinician read one summary for a limited time, until the person revokes it.

The URL carries the link's random token signed with the site's secret key (with its own salt,
so no other signed value on the site can stand in for it). The signature means a guessed or
edited URL is rejected before the database is asked; the row decides whether the link is still
active. Every failure looks the same to the caller: no link.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from ..journey.services import AssessmentGone
from ..models import Assessment, ShareLink

SALT = "painmap.assessment.share-link"


def share_days() -> int:
    return getattr(settings, "PAINMAP_SHARE_DAYS", 14)


def create_link(assessment: Assessment, now: datetime | None = None) -> ShareLink:
    now = now or timezone.now()
    link = None
    with transaction.atomic(savepoint=False):
        # Locks the assessment row, so a delete in another tab cannot leave a link to nothing.
        if Assessment.objects.select_for_update().filter(pk=assessment.pk).exists():
            link = ShareLink.objects.create(
                assessment=assessment, expires_at=now + timedelta(days=share_days())
            )
    if link is None:
        raise AssessmentGone("deleted while sharing")
    return link


def sign(link: ShareLink) -> str:
    """The value that goes in the URL. Signing again later gives a different, equally valid
    value (it holds a timestamp), so the person can copy a link again from the share page."""
    return signing.dumps(link.token, salt=SALT)


def active_link(signed: str, now: datetime | None = None) -> ShareLink | None:
    """The active share link behind a signed value, or None (bad signature, unknown, revoked
    or expired: the caller cannot tell which)."""
    try:
        token = signing.loads(signed, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(token, str):
        return None
    link = ShareLink.objects.select_related("assessment__questionnaire").filter(token=token).first()
    if link is None or not link.is_active(now):
        return None
    return link


def revoke(link: ShareLink, now: datetime | None = None) -> None:
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])


def links_for(assessment: Assessment) -> list[ShareLink]:
    return list(assessment.share_links.order_by("-created_at"))
