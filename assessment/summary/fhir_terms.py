"""MAP's FHIR CodeSystems and ValueSets, built from the same sources the exports code with.

Every `system` an export writes (fhir.py) resolves here: the item and answer codes from the
questionnaire versions, the types, levels, measures, result codes, urgencies, cautions and
toolkit slugs from the rules. Plain functions of the specs; no ORM and no request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.html import format_html, format_html_join

from content import evidence

from ..rules import cautions, measures
from ..rules.codes import TOOLKIT_SLUGS
from ..rules.spec import TYPES, QuestionnaireSpec
from . import fhir

Concepts = list[tuple[str, str, str]]  # (code, display, definition)


def _items(specs: Sequence[QuestionnaireSpec]) -> Concepts:
    # Codes are never changed or removed in a published version, so the union over versions,
    # newest wording last, is every item code an export can carry.
    found: dict[str, str] = {}
    for spec in specs:
        for item in spec.items:
            found[item.code] = item.wording
    return [(code, wording, wording) for code, wording in found.items()]


def _answers(specs: Sequence[QuestionnaireSpec], item_code: str) -> Concepts:
    found: dict[str, str] = {}
    for spec in specs:
        item = spec.by_code.get(item_code)
        for option in item.options if item else ():
            found[option.code] = option.label
    return [(code, label, label) for code, label in found.items()]


def _fixed(names: dict[str, str], order=None) -> Callable[[Sequence[QuestionnaireSpec]], Concepts]:
    return lambda _specs: [(code, names[code], names[code]) for code in (order or names)]


def _cautions(_specs) -> Concepts:
    return [(c.code, str(c.clinician), str(c.patient)) for c in cautions.CAUTIONS]


def _measures(_specs) -> Concepts:
    return [
        (m.code, fhir.MEASURE_DISPLAY[m.code], f"{m.name}, as published: {m.source}")
        for m in measures.MEASURES
    ]


# name -> (title, description, concepts)
CODE_SYSTEMS: dict[str, tuple[str, str, Callable[[Sequence[QuestionnaireSpec]], Concepts]]] = {
    "map-items": (
        "MAP items",
        "The questions of the MAP self-assessment; each code is a Questionnaire linkId.",
        _items,
    ),
    "map-scores": (
        "MAP type scores",
        "The four presentation types MAP scores (0-100). Feature profiles, not diagnoses.",
        _fixed(fhir.TYPE_DISPLAY, TYPES),
    ),
    "map-levels": (
        "MAP score levels",
        "The level of a MAP type score.",
        _fixed(fhir.LEVEL_DISPLAY),
    ),
    "map-measures": (
        "MAP measures",
        "The published measures MAP scores: PEG, PHQ-2, GAD-2 and the Widespread Pain Index.",
        _measures,
    ),
    "map-results": (
        "MAP result codes",
        "What each safety and result Observation of a MAP Bundle reports, and the values of "
        "the leading-types Observation when it names no type.",
        _fixed(fhir.RESULT_CODES),
    ),
    "map-urgency": (
        "MAP red-flag urgency",
        "How urgently the red flags a person reported need a clinician.",
        _fixed(fhir.URGENCY_DISPLAY),
    ),
    "map-cautions": (
        "MAP cautions",
        "Cautions MAP raises: on a suggestion it qualifies, or about the person's own "
        "medicines and conditions. Display: the clinician's line; definition: the person's.",
        _cautions,
    ),
    "evidence-strength": (
        "Strength of evidence",
        "How strong the evidence is for a toolkit item's claim, as graded by PainMap's editors "
        "(content/evidence.py; explained on the site's evidence page).",
        lambda _specs: [(g.code, str(g.label), str(g.definition)) for g in evidence.SCALE],
    ),
    "map-toolkit": (
        "MAP toolkit",
        "The self-care options MAP may suggest, by their guide slug.",
        lambda _specs: [(slug, slug, slug) for slug in TOOLKIT_SLUGS],
    ),
}


def answer_item_codes(specs: Sequence[QuestionnaireSpec]) -> list[str]:
    """The items that have answer codes (and so an answer code system)."""
    codes: dict[str, None] = {}
    for spec in specs:
        for item in spec.items:
            if item.options:
                codes[item.code] = None
    return list(codes)


def _concepts_for(name: str, specs) -> tuple[str, str, Concepts] | None:
    if name in CODE_SYSTEMS:
        title, description, concepts = CODE_SYSTEMS[name]
        return title, description, concepts(specs)
    prefix = "map-answers/"
    if name.startswith(prefix) and name.removeprefix(prefix) in answer_item_codes(specs):
        item_code = name.removeprefix(prefix)
        return (
            f"MAP answers to {item_code}",
            f"The answer codes of the MAP item {item_code}; unique within that item only.",
            _answers(specs, item_code),
        )
    return None


def _id(name: str) -> str:
    # A resource id may not contain "/"; the canonical URL may.
    return name.replace("/", "-").replace("_", "-")


def _version(specs) -> str:
    return str(max((spec.version for spec in specs), default=0))


def build_code_system(name: str, specs: Sequence[QuestionnaireSpec], base: str) -> dict | None:
    """The CodeSystem at `<base>/CodeSystem/<name>`, or None when there is no such system."""
    found = _concepts_for(name, specs)
    if found is None:
        return None
    title, description, concepts = found
    rows = format_html_join(
        "", "<tr><td>{}</td><td>{}</td></tr>", ((code, display) for code, display, _d in concepts)
    )
    return {
        "resourceType": "CodeSystem",
        "id": _id(name),
        "text": fhir.narrative(
            format_html(
                "<p><b>{}</b>: {}</p><table><tr><th>Code</th><th>Display</th></tr>{}</table>",
                title,
                description,
                rows,
            )
        ),
        "url": fhir.code_system(name, base),
        "version": _version(specs),
        "name": "".join(part.capitalize() for part in _id(name).split("-")),
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": "PainMap",
        "description": description,
        "caseSensitive": True,
        "valueSet": fhir.value_set(name, base),
        "content": "complete",
        "count": len(concepts),
        "concept": [
            {"code": code, "display": display, "definition": definition}
            for code, display, definition in concepts
        ],
    }


def build_value_set(name: str, specs: Sequence[QuestionnaireSpec], base: str) -> dict | None:
    """The ValueSet of every code of one MAP CodeSystem, at `<base>/ValueSet/<name>`."""
    found = _concepts_for(name, specs)
    if found is None:
        return None
    title, _description, _concepts = found
    system = fhir.code_system(name, base)
    return {
        "resourceType": "ValueSet",
        "id": _id(name),
        "text": fhir.narrative(
            format_html("<p><b>{}</b>: every code of <code>{}</code>.</p>", title, system)
        ),
        "url": fhir.value_set(name, base),
        "version": _version(specs),
        "name": "".join(part.capitalize() for part in _id(name).split("-")),
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": "PainMap",
        "description": f"Every code of the {title} code system.",
        "compose": {"include": [{"system": system}]},
    }


def system_names(specs: Sequence[QuestionnaireSpec]) -> list[str]:
    """Every MAP code system name, answer systems included."""
    return [*CODE_SYSTEMS, *(f"map-answers/{code}" for code in answer_item_codes(specs))]
