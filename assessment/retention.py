"""Storage limitation: answers are kept for PAINMAP_RETENTION_DAYS after their last change.

An assessment whose `updated_at` is older than that is deleted with everything hanging off it
(answers and share links, by the foreign keys' CASCADE). Saving an answer touches the
assessment, so anyone still working on theirs keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Answer, Assessment, ShareLink


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime
    assessments: int
    answers: int
    share_links: int


def retention_cutoff(now: datetime | None = None, days: int | None = None) -> datetime:
    days = settings.PAINMAP_RETENTION_DAYS if days is None else days
    if days < 1:
        raise ValueError("the retention period must be at least one day")
    return (now or timezone.now()) - timezone.timedelta(days=days)


def purge_expired(
    *, now: datetime | None = None, days: int | None = None, dry_run: bool = False
) -> PurgeResult:
    """Delete every assessment untouched since the cutoff; return what went (or would go)."""
    cutoff = retention_cutoff(now, days)
    expired = Assessment.objects.filter(updated_at__lt=cutoff)
    with transaction.atomic():
        counts = {
            "assessments": expired.count(),
            "answers": Answer.objects.filter(assessment__in=expired).count(),
            "share_links": ShareLink.objects.filter(assessment__in=expired).count(),
        }
        if not dry_run:
            # Delete in batches of ids so a large backlog does not build one huge statement.
            ids = list(expired.values_list("pk", flat=True))
            for start in range(0, len(ids), 500):
                Assessment.objects.filter(pk__in=ids[start : start + 500]).delete()
    return PurgeResult(cutoff=cutoff, **counts)
