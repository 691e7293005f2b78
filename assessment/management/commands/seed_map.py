from django.core.management.base import BaseCommand

from assessment.data.seed_map import LATEST_VERSION, seed_all


class Command(BaseCommand):
    help = (
        "Create and publish every seeded MAP questionnaire version that is not there yet "
        "(idempotent); the newest goes live unless a newer version is already published."
    )

    def handle(self, *args, **options):
        created = seed_all()
        if created:
            self.stdout.write(f"MAP versions created: {', '.join(map(str, created))}")
        else:
            self.stdout.write(f"MAP versions 1 to {LATEST_VERSION} already there")
