"""Score answer files with the MAP rules, exactly as the web results page does.

    python manage.py map_score FILE [FILE ...] [--questionnaire N]

Each FILE is {"id": "...", "answers": {item_code: answer}}. One JSON object per file is printed,
one a line, in order. Unknown item or answer codes are an error naming them (exit status 2).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from assessment.models import Questionnaire
from assessment.rules.answers import AnswerError, clean_answers, require_safety_screen
from assessment.rules.scoring import result_for
from assessment.spec_loader import rulebook as load_rulebook
from assessment.spec_loader import spec_for


class Command(BaseCommand):
    help = "Score MAP answer files (JSON) and print one result per line."
    # Scoring needs the questionnaire, not the web site's secrets: it runs wherever the
    # database is, debug or not.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument(
            "--questionnaire",
            type=int,
            dest="qversion",
            help="Questionnaire version (default: the published one)",
        )

    def handle(self, *args, files, qversion=None, **options):
        try:
            spec, rulebook = self._from_database(qversion)
        except DatabaseError:
            # No database set up (a fresh clone, before `make install`): score with the seeded
            # MAP and the seeded caution table, which is what `seed_map` would publish.
            from assessment.data.seed_map import LATEST_VERSION, seed_spec
            from assessment.rules.cautions import CAUTIONS

            spec, rulebook = seed_spec(qversion or LATEST_VERSION), CAUTIONS

        lines, problems = [], []
        for path in files:
            try:
                with open(path, encoding="utf-8") as handle:
                    document = json.load(handle)
                answers = document.get("answers") or {}
                if not isinstance(answers, dict):
                    raise AnswerError("answers must be an object of item code to answer")
                answers = clean_answers(spec, answers)
                require_safety_screen(answers)
            except (OSError, json.JSONDecodeError, AttributeError) as exc:
                problems.append(f"{path}: cannot read: {exc}")
                continue
            except AnswerError as exc:
                problems.append(f"{path}: {exc}")
                continue
            result = result_for(spec, answers, rulebook)
            lines.append(json.dumps(result.to_dict(id=document.get("id")), ensure_ascii=False))
        if problems:
            raise CommandError("\n".join(problems), returncode=2)
        for line in lines:
            self.stdout.write(line)

    def _from_database(self, qversion):
        if qversion is not None:
            questionnaire = Questionnaire.objects.filter(version=qversion).first()
        else:
            questionnaire = Questionnaire.objects.live()
        if questionnaire is None:
            raise CommandError("No questionnaire to score with: run `manage.py seed_map` first.")
        # The editors' caution table (with the contract cautions as a floor), as the site uses.
        return spec_for(questionnaire), load_rulebook()
