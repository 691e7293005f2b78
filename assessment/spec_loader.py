"""A questionnaire version's spec, read from the database.

The rules (assessment/rules/) work on an immutable QuestionnaireSpec and never query; this is
where a Questionnaire row becomes one. Published versions never change, so their spec is built
once per process and reused; a draft is rebuilt from the database each time.
"""

from __future__ import annotations

from .models import AnswerOption, Item, OptionWeight
from .rules.spec import ItemSpec, OptionSpec, QuestionnaireSpec

_published_cache: dict[tuple[int, str], QuestionnaireSpec] = {}


def spec_for(questionnaire) -> QuestionnaireSpec:
    """The spec of a Questionnaire row: four queries the first time, none after (unless draft)."""
    cache_key = (questionnaire.pk, questionnaire.updated_at.isoformat())
    if questionnaire.is_locked and cache_key in _published_cache:
        return _published_cache[cache_key]
    spec = build_spec(questionnaire)
    if questionnaire.is_locked:
        _published_cache[cache_key] = spec
    return spec


def build_spec(questionnaire) -> QuestionnaireSpec:
    weights: dict[int, dict[str, int]] = {}
    for option_id, type_code, points in OptionWeight.objects.filter(
        option__item__questionnaire=questionnaire
    ).values_list("option_id", "type", "points"):
        weights.setdefault(option_id, {})[type_code] = points

    options: dict[int, list[OptionSpec]] = {}
    for row in (
        AnswerOption.objects.filter(item__questionnaire=questionnaire)
        .order_by("item_id", "order", "pk")
        .values("pk", "item_id", "code", "label", "hint", "exclusive")
    ):
        options.setdefault(row["item_id"], []).append(
            OptionSpec(
                code=row["code"],
                label=row["label"],
                hint=row["hint"],
                exclusive=row["exclusive"],
                weights=weights.get(row["pk"], {}),
            )
        )

    items = []
    for item in (
        Item.objects.filter(questionnaire=questionnaire)
        .select_related("section")
        .order_by("section__order", "order", "pk")
    ):
        show_when = (item.show_when_item, item.show_when_option) if item.show_when_item else None
        items.append(
            ItemSpec(
                code=item.code,
                kind=item.kind,
                section=item.section.code,
                section_title=item.section.title,
                wording=item.wording,
                hint=item.hint,
                why_we_ask=item.why_we_ask,
                optional=item.optional,
                show_when=show_when,
                min_value=item.min_value,
                max_value=item.max_value,
                min_label=item.min_label,
                max_label=item.max_label,
                options=tuple(options.get(item.pk, ())),
            )
        )
    return QuestionnaireSpec(
        version=questionnaire.version,
        label=questionnaire.label,
        status=questionnaire.status,
        items=tuple(items),
    )


def rulebook() -> tuple:
    """The caution table editors manage (content.CautionRule), as scoring reads it: two
    queries. Contract cautions missing from it come from the built-in seed."""
    from content.models import CautionRule

    return CautionRule.objects.rulebook()
