from django.core.management.base import BaseCommand

from assessment.data.seed_map import seed_map


class Command(BaseCommand):
    help = "Create and publish MAP questionnaire version 1 if it is not there yet (idempotent)."

    def handle(self, *args, **options):
        created = seed_map()
        self.stdout.write("MAP v1 created and published" if created else "MAP v1 already there")
