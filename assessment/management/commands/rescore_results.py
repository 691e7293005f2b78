"""Score completed assessments again under today's rules, explicitly, keeping the old results.

    python manage.py rescore_results [--dry-run] [--limit N]

A stored result is a record of what a person was told; nothing changes it silently. After a
scoring change a clinical lead may choose to re-score: each new record keeps the old one as
`previous`, and the command prints only counts (how many changed leading type, urgency or
cautions), never an answer.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from assessment.journey import services
from assessment.models import Assessment
from assessment.rules.compare import KINDS, changes
from assessment.rules.scoring import result_for
from assessment.spec_loader import rulebook, spec_for


class Command(BaseCommand):
    help = "Re-score completed assessments under today's rules, keeping each old result."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--limit", type=int, default=None)

    def handle(self, *args, dry_run=False, limit=None, **options):
        assessments = (
            Assessment.objects.filter(completed_at__isnull=False)
            .select_related("questionnaire")
            .order_by("pk")
        )
        if limit:
            assessments = assessments[:limit]
        counts = dict.fromkeys(KINDS, 0)
        total = 0
        for assessment in assessments.iterator(chunk_size=200):
            spec = spec_for(assessment.questionnaire)
            if dry_run:
                old = assessment.result
                new = result_for(spec, services.stored_answers(assessment), rulebook()).to_record()
            else:
                with transaction.atomic():
                    old, new = services.rescore(assessment, spec)
            total += 1
            for change in changes(old, new):
                counts[change] += 1
        verb = "would change" if dry_run else "changed"
        self.stdout.write(
            f"{total} completed assessments re-scored ({'dry run' if dry_run else 'saved'})"
        )
        for name, count in counts.items():
            self.stdout.write(f"  {verb} {name}: {count}")
