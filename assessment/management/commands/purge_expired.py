"""Delete assessments older than the retention period. Schedule daily (see docs/deploy.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessment.retention import purge_expired
from painmap import ratelimit


class Command(BaseCommand):
    help = (
        "Delete assessments not changed for PAINMAP_RETENTION_DAYS days, with their answers "
        "and share links. Prints how many went."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Override the retention period (now {settings.PAINMAP_RETENTION_DAYS} days).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        try:
            result = purge_expired(days=days, dry_run=dry_run)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {result.assessments} assessment(s) last changed before "
            f"{result.cutoff:%Y-%m-%d %H:%M} UTC, with {result.answers} answer(s) and "
            f"{result.share_links} share link(s)."
        )
        if not dry_run:
            # Rate-limit counters of ended windows: no longer needed, and they would only grow.
            ratelimit.prune()
