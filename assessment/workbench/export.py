"""CSV export of completed assessments, for research and service evaluation. Anonymous.

One row per completed assessment: answers by item code, the four type scores, every leading
type (a mixed picture keeps all of them), urgency, crisis, version and the dates (days, not
times). A missing answer says why (`skipped`, `not_asked` for a branch that did not apply,
`not_reached`), never blank like an item not in that version, and an answered "none" is `none`;
after an emergency flag the scores and leading types are empty. No database id: each row gets a
random number, new in every export, so rows cannot be matched to assessments or across exports.
Free text (notes for the clinician and any other text question) is never exported. Rows stream:
assessments come from the database in chunks through `.iterator()`, and each chunk's answers
arrive in one query, so memory stays flat whatever the number of rows.
"""

from __future__ import annotations

import csv
import io
import secrets
from itertools import islice

from django.db.models.fields.json import KT, KeyTransform

from ..models import Answer, Item, Questionnaire
from ..rules import flow, safety
from ..rules.codes import REQUIRED_ITEMS, TEXT_ITEMS, TYPE_CODES
from ..spec_loader import spec_for

CHUNK_SIZE = 2000
MULTI_SEPARATOR = "|"

FIXED_COLUMNS = [
    "row",
    "version",
    "started_on",
    "completed_on",
    "primary",
    "urgency",
    "crisis",
    *(f"score_{code}" for code in TYPE_CODES),
    # The stored result's suggestions and the caution codes the rulebook gave it at completion
    # (content.CautionRule): the same codes as results, summary, PDF and FHIR.
    "suggestions",
    "suggestion_cautions",
    "medicine_cautions",
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


def _suggestion_cells(suggested) -> tuple[str, str]:
    """Suggested slugs in rank order, and every caution code on them, each once."""
    suggested = suggested or []
    slugs = [s.get("slug", "") for s in suggested]
    codes = list(dict.fromkeys(code for s in suggested for code in s.get("cautions") or []))
    return _cell(slugs), _cell(codes)


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Relevance:
    """`flow.relevant_answers` for one version, made cheap enough to run on every row.

    Only items with a show-when rule can drop out, so only those are checked; the rule reads
    the named answer directly, exactly as flow.is_shown does.
    """

    def __init__(self, spec):
        self.known = set(spec.by_code)
        self.rules = {item.code: item.show_when for item in spec.items if item.show_when}

    def __call__(self, answers: dict) -> dict:
        kept = {}
        for code, value in answers.items():
            if value is None or code not in self.known:
                continue
            rule = self.rules.get(code)
            if rule is not None:
                given = answers.get(rule[0])
                if not (rule[1] in given if isinstance(given, list) else given == rule[1]):
                    continue
            kept[code] = value
        return kept

    def missing(self, code: str, answers: dict) -> str:
        """The cell of an item without an exported answer: why it is missing, never "none".

        "" when the item is not in this version; otherwise the flow status code.
        """
        if code not in self.known:
            return ""
        rule = self.rules.get(code)
        if rule is not None:
            given = answers.get(rule[0])
            if not (rule[1] in given if isinstance(given, list) else given == rule[1]):
                return flow.NOT_ASKED
        return flow.SKIPPED if code in answers else flow.NOT_REACHED


def rows(assessments, chunk_size: int = CHUNK_SIZE):
    """CSV text for the completed assessments among `assessments`: the header, then one string
    per chunk of rows (few, larger pieces keep the response machinery's overhead small)."""
    completed = assessments.filter(completed_at__isnull=False)
    columns = answer_columns(completed)
    wanted = set(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([*FIXED_COLUMNS, *columns])
    yield flush()

    fields = (
        "pk",
        "questionnaire_id",
        "questionnaire__version",
        "created_at",
        "completed_at",
        "urgency",
        "crisis",
        "leading",
        "suggested",
        "medicine",
        *(f"s_{code}" for code in TYPE_CODES),
    )
    stream = (
        completed.annotate(
            leading=KeyTransform("primary", "result"),
            suggested=KeyTransform("suggestions", "result"),
            medicine=KeyTransform("medicine_cautions", "result"),
            **{f"s_{code}": KT(f"result__types__{code}__score") for code in TYPE_CODES},
        )
        .order_by("pk")
        .values_list(*fields)
        .iterator(chunk_size=chunk_size)
    )
    relevance: dict[int, _Relevance] = {}
    for chunk in _chunks(stream, chunk_size):
        answers: dict[int, dict[str, object]] = {}
        for assessment_id, code, value in Answer.objects.filter(
            assessment_id__in=[row[0] for row in chunk], item_code__in=wanted
        ).values_list("assessment_id", "item_code", "value"):
            answers.setdefault(assessment_id, {})[code] = value
        for row in chunk:
            pk, version_id, version, created, done, urgency, crisis, leading, suggested, *rest = row
            medicine, scores = rest[0], rest[1:]
            if version_id not in relevance:
                relevance[version_id] = _Relevance(
                    spec_for(Questionnaire.objects.get(pk=version_id))
                )
            # Answers on a branch that no longer applies are kept, but never exported.
            stored = answers.get(pk, {})
            given = relevance[version_id](stored)
            if not safety.shows_profile(urgency):
                # No pain type or score while emergency care is needed (ITEMS.md).
                leading, scores = [], [None] * len(scores)
            writer.writerow(
                [
                    secrets.token_hex(8),  # random, unique in practice (64 bits)
                    version,
                    created.date().isoformat(),  # UTC days: a time could single a person out
                    done.date().isoformat(),
                    _cell(leading or []),
                    urgency or "",
                    "yes" if crisis else "no",
                    *(_cell(score) for score in scores),
                    *_suggestion_cells(suggested),
                    _cell(list(medicine or [])),
                    *(
                        _cell(given[code])
                        if code in given
                        else relevance[version_id].missing(code, stored)
                        for code in columns
                    ),
                ]
            )
        yield flush()
