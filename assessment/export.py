"""CSV export of completed assessments, for research and service evaluation. Anonymous.

One row per completed assessment: answers by item code, the four type scores, the leading
type, urgency, crisis, version and dates. Free text (notes for the clinician and any other text
question) is never exported. Rows stream: assessments come from the database in chunks through
`.iterator()`, and each chunk's answers arrive in one query, so memory stays flat whatever the
number of rows.
"""

from __future__ import annotations

import csv
from itertools import islice

from django.db.models.fields.json import KT

from .contract import REQUIRED_ITEMS, TEXT_ITEMS, TYPE_CODES
from .flow import relevant_answers
from .models import Answer, Item, Questionnaire
from .spec import spec_for

CHUNK_SIZE = 2000
MULTI_SEPARATOR = "|"

FIXED_COLUMNS = [
    "assessment",
    "version",
    "created_at",
    "completed_at",
    "primary",
    "urgency",
    "crisis",
    *(f"score_{code}" for code in TYPE_CODES),
]


def answer_columns(assessments) -> list[str]:
    """Item codes to export: the contract's, then any added in the exported versions.

    Text items are left out wherever they appear, whatever their code.
    """
    versions = assessments.values("questionnaire_id")
    items = Item.objects.filter(questionnaire_id__in=versions)
    text = set(TEXT_ITEMS) | set(items.filter(kind=Item.Kind.TEXT).values_list("code", flat=True))
    extra = sorted(set(items.values_list("code", flat=True)) - set(REQUIRED_ITEMS))
    return [code for code in [*REQUIRED_ITEMS, *extra] if code not in text]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return MULTI_SEPARATOR.join(str(v) for v in value)
    return str(value)


class _Echo:
    """csv.writer writes into this and gets the line back, so nothing accumulates."""

    def write(self, value):
        return value


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def rows(assessments, chunk_size: int = CHUNK_SIZE):
    """The CSV lines (header first) for the completed assessments among `assessments`."""
    completed = assessments.filter(completed_at__isnull=False)
    columns = answer_columns(completed)
    wanted = set(columns)
    writer = csv.writer(_Echo())
    yield writer.writerow([*FIXED_COLUMNS, *columns])

    fields = (
        "pk",
        "questionnaire_id",
        "questionnaire__version",
        "created_at",
        "completed_at",
        "urgency",
        "crisis",
        "lead",
        *(f"s_{code}" for code in TYPE_CODES),
    )
    stream = (
        completed.select_related(None)
        .annotate(
            lead=KT("result__primary__0"),
            **{f"s_{code}": KT(f"result__types__{code}__score") for code in TYPE_CODES},
        )
        .order_by("pk")
        .values_list(*fields)
        .iterator(chunk_size=chunk_size)
    )
    specs = {}
    for chunk in _chunks(stream, chunk_size):
        answers: dict[int, dict[str, object]] = {}
        for assessment_id, code, value in Answer.objects.filter(
            assessment_id__in=[row[0] for row in chunk], item_code__in=wanted
        ).values_list("assessment_id", "item_code", "value"):
            answers.setdefault(assessment_id, {})[code] = value
        for pk, version_id, version, created, completed_at, urgency, crisis, lead, *scores in chunk:
            if version_id not in specs:
                specs[version_id] = spec_for(Questionnaire.objects.get(pk=version_id))
            # Answers on a branch that no longer applies are kept, but never exported.
            given = relevant_answers(specs[version_id], answers.get(pk, {}))
            yield writer.writerow(
                [
                    pk,
                    version,
                    created.isoformat(),
                    completed_at.isoformat(),
                    lead or "",
                    urgency or "",
                    "yes" if crisis else "no",
                    *(_cell(score) for score in scores),
                    *(_cell(given.get(code)) for code in columns),
                ]
            )
