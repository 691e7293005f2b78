from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Placeholder until the seed lands."

    def handle(self, *args, **options):
        self.stdout.write("nothing to seed yet")
