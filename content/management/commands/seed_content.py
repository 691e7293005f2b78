from django.core.management.base import BaseCommand

from content.seeding import seed_content


class Command(BaseCommand):
    help = (
        "Load the guide's starting articles, types, toolkit and questions. Safe to run again: "
        "it only creates what is missing and never changes a row an editor may have edited."
    )

    def handle(self, *args, **options):
        created = seed_content()
        total = sum(len(names) for names in created.values())
        if not total:
            self.stdout.write("Guide content is up to date: nothing to create.")
            return
        for kind, names in created.items():
            if names:
                self.stdout.write(f"Created {len(names)} {kind}: {', '.join(names)}")
        self.stdout.write(self.style.SUCCESS(f"Seeded {total} new rows."))
