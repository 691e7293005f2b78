"""Load the guide's starting text into the database, safely and more than once.

The rule is simple: create what is missing (matched by slug or code), never touch what is there.
An editor may have rewritten an article or unpublished a toolkit item; running `make install`
again must not undo that. Relations (types, related articles) are set only on rows this run
created, for the same reason. Cautions are an exception, topped up: a missing caution rule, or a
seeded rule no longer riding on an item it was seeded for, is a safety gap and is put back
(assessment/rules/cautions.py holds the seed). Existing caution text is never changed. The strength of evidence is topped up
the same way: an ungraded item or article gets the seeded grade, and one with no references gets
the seeded references; a grade or reference an editor has set is never changed. Text that was
reworded to match its evidence (seed_reworded) replaces the old seeded text only where a row still
holds that old text word for word.
"""

import hashlib

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from . import seed_data, seed_evidence
from .models import (
    Article,
    CautionRule,
    PresentationType,
    Question,
    Reference,
    SupportText,
    ToolkitItem,
)
from .seed_reworded import REWORDED


def _new(model, key: str, row: dict, skip: tuple[str, ...]):
    """Create `row` unless a row with the same key exists. Returns the new object or None."""
    if model.objects.filter(**{key: row[key]}).exists():
        return None
    fields = {name: value for name, value in row.items() if name not in skip}
    obj = model(**seed_data.REVIEW, **fields)
    obj.save()
    return obj


SEEDS = {
    "TYPES": (PresentationType, "code"),
    "ARTICLES": (Article, "slug"),
    "TOOLKIT": (ToolkitItem, "slug"),
    "QUESTIONS": (Question, "slug"),
}


def _reword(created: list[str]) -> None:
    """Bring reworded seed text to rows that still hold the old seeded text, untouched."""
    for kind, (model, key) in SEEDS.items():
        rows = {row[key]: row for row in getattr(seed_data, kind)}
        wanted = {}
        for name, old_hash in REWORDED.items():
            seed, slug, field = name.split(":")
            if seed == kind and slug in rows:
                wanted.setdefault(slug, []).append((field, old_hash))
        for obj in model.objects.filter(**{f"{key}__in": wanted}):
            changed = [
                field
                for field, old_hash in wanted[getattr(obj, key)]
                if hashlib.sha256(getattr(obj, field).encode()).hexdigest() == old_hash
            ]
            if changed:
                for field in changed:
                    setattr(obj, field, rows[getattr(obj, key)][field])
                obj._change_reason = "Reworded so it says no more than its evidence (issue 16)"
                obj.save()
                created.append(f"{getattr(obj, key)}: {', '.join(changed)}")


def _graded(row: dict, evidence: dict) -> dict:
    """The seed row with its grade, so a new row is created graded (one history entry)."""
    graded = evidence.get(row["slug"])
    if graded is None:
        return row
    return {**row, "evidence_strength": graded["strength"], "evidence_claim": graded["claim"]}


def _grade(objects: dict, evidence: dict, owner: str, created: list[str]) -> None:
    """Give ungraded rows their seeded grade, and rows with no references their references."""
    referenced = set(
        Reference.objects.filter(**{f"{owner}__in": objects.values()}).values_list(owner, flat=True)
    )
    new_refs = []
    for slug, row in evidence.items():
        obj = objects.get(slug)
        if obj is None:
            continue
        if not obj.evidence_strength:
            obj.evidence_strength = row["strength"]
            obj.evidence_claim = obj.evidence_claim or row["claim"]
            obj._change_reason = "Seeded strength of evidence"
            obj.save()
            created.append(slug)
        if obj.pk not in referenced:
            new_refs += [
                Reference(**{owner: obj}, order=order, **ref)
                for order, ref in enumerate(row["references"])
            ]
    # One insert (with its history rows), not a query per reference.
    bulk_create_with_history(new_refs, Reference)


@transaction.atomic
def seed_content() -> dict[str, list[str]]:
    """Create the seeded guide rows that are missing. Returns what was created, by kind."""
    created: dict[str, list[str]] = {
        "types": [],
        "articles": [],
        "toolkit": [],
        "cautions": [],
        "questions": [],
        "support texts": [],
        "evidence grades": [],
        "rewordings": [],
    }
    _reword(created["rewordings"])

    for row in seed_data.TYPES:
        if _new(PresentationType, "code", row, skip=()):
            created["types"].append(row["code"])
    types = {t.code: t for t in PresentationType.objects.all()}

    for row in seed_data.ARTICLES:
        article = _new(Article, "slug", _graded(row, seed_evidence.ARTICLES), skip=("types",))
        if article:
            article.types.set([types[code] for code in row["types"] if code in types])
            created["articles"].append(row["slug"])
    articles = {a.slug: a for a in Article.objects.all()}
    _grade(articles, seed_evidence.ARTICLES, "article", created["evidence grades"])

    for row in seed_data.TOOLKIT:
        item = _new(ToolkitItem, "slug", _graded(row, seed_evidence.TOOLKIT), skip=("types",))
        if item:
            item.types.set([types[code] for code in row["types"] if code in types])
            created["toolkit"].append(row["slug"])
    items = {i.slug: i for i in ToolkitItem.objects.all()}
    _grade(items, seed_evidence.TOOLKIT, "item", created["evidence grades"])
    _seed_cautions(items, created["cautions"])

    for row in seed_data.QUESTIONS:
        question = _new(Question, "slug", row, skip=("articles", "types"))
        if question:
            question.articles.set([articles[s] for s in row["articles"] if s in articles])
            question.types.set([types[code] for code in row["types"] if code in types])
            created["questions"].append(row["slug"])

    for row in seed_data.SUPPORT_TEXTS:
        defaults = {name: value for name, value in row.items() if name != "slug"}
        if SupportText.objects.get_or_create(slug=row["slug"], defaults=defaults)[1]:
            created["support texts"].append(row["slug"])

    return created


def _seed_cautions(items: dict, created: list) -> None:
    """The caution rulebook from its seed (assessment/rules/cautions.py). A missing rule, or a
    contract rule no longer riding on an item it was seeded for, is a safety gap: it is put
    back. Editors' wording and their own rules are never changed."""
    from assessment.rules.cautions import CAUTIONS, format_triggers

    existing = {rule.code: rule for rule in CautionRule.objects.prefetch_related("items")}
    for order, seed in enumerate(CAUTIONS):
        rule = existing.get(seed.code)
        if rule is None:
            rule = CautionRule.objects.create(
                code=seed.code,
                kind=seed.kind,
                label=str(seed.label or seed.code),
                patient_text=str(seed.patient),
                clinician_text=str(seed.clinician),
                triggers=format_triggers(seed.when),
                shown_when=str(seed.shown_when),
                rank_factor=seed.rank_factor,
                order=order,
            )
            created.append(seed.code)
            riding = set()
        else:
            riding = {item.slug for item in rule.items.all()}
        missing = [items[slug] for slug in seed.rides_on if slug in items and slug not in riding]
        if missing:
            rule.items.add(*missing)
