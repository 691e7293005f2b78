"""FHIR R4 exports: the MAP Questionnaire and one person's QuestionnaireResponse, as dicts.

Plain functions of the spec, the answers, the scoring result and the suggestions already paired
with their cautions (`presenters.toolkit_suggestions`); no ORM and no request. See docs/fhir.md
for the identifiers and the choices made (why scores are contained Observations, why each item
has its own answer code system, why suggestions are a contained RequestGroup).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from django.conf import settings

from content import evidence

from ..rules import flow
from ..rules.labels import LEVEL_FHIR_DISPLAY, TYPE_FHIR_DISPLAY
from ..rules.scoring import MapResult
from ..rules.spec import TYPES, ItemSpec, QuestionnaireSpec

DEFAULT_BASE = "https://painmap.example/fhir"
QUESTIONNAIRE_NAME = "map"
TEXT_MAX_LENGTH = 1000

STATUS_FOR_QUESTIONNAIRE = {"draft": "draft", "published": "active", "retired": "retired"}
KIND_TO_TYPE = {"single": "choice", "multi": "choice", "number": "integer", "text": "text"}

EXT_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
EXT_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
EXT_OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"


def base_url() -> str:
    return getattr(settings, "PAINMAP_FHIR_BASE", DEFAULT_BASE).rstrip("/")


def questionnaire_url(base: str | None = None) -> str:
    return f"{base or base_url()}/Questionnaire/{QUESTIONNAIRE_NAME}"


def canonical(spec: QuestionnaireSpec, base: str | None = None) -> str:
    return f"{questionnaire_url(base)}|{spec.version}"


def item_system(base: str | None = None) -> str:
    """The code system of MAP item codes (the same strings as `linkId`)."""
    return f"{base or base_url()}/CodeSystem/map-items"


def answer_system(item_code: str, base: str | None = None) -> str:
    """The code system of one item's answer codes.

    Answer codes are unique only within their item (`none`, `no`, `yes` recur), so each item
    has its own system; the code itself is exactly the ITEMS.md answer code.
    """
    return f"{base or base_url()}/CodeSystem/map-answers/{item_code}"


def score_system(base: str | None = None) -> str:
    return f"{base or base_url()}/CodeSystem/map-scores"


def level_system(base: str | None = None) -> str:
    return f"{base or base_url()}/CodeSystem/map-levels"


def toolkit_system(base: str | None = None) -> str:
    """The code system of toolkit items (the ITEMS.md toolkit slugs)."""
    return f"{base or base_url()}/CodeSystem/map-toolkit"


def evidence_system(base: str | None = None) -> str:
    """The code system of the evidence scale (content.evidence: strong ... expert_opinion)."""
    return f"{base or base_url()}/CodeSystem/evidence-strength"


def evidence_extension(base: str | None = None) -> str:
    return f"{base or base_url()}/StructureDefinition/evidence-strength"


def reference_system(base: str | None = None) -> str:
    return f"{base or base_url()}/NamingSystem/map-reference"


def _coding(item: ItemSpec, code: str, base: str) -> dict:
    option = item.options_by_code.get(code)
    coding = {"system": answer_system(item.code, base), "code": code}
    if option is not None:
        coding["display"] = option.label
    return coding


def _section_link_id(section_code: str) -> str:
    # Prefixed so a section can never share a linkId with an item of the same name.
    return f"section-{section_code}"


def _questionnaire_item(spec: QuestionnaireSpec, item: ItemSpec, base: str) -> dict:
    entry: dict = {
        "linkId": item.code,
        "code": [{"system": item_system(base), "code": item.code}],
        "text": item.wording,
        "type": KIND_TO_TYPE[item.kind],
        "required": not item.optional,
    }
    if item.kind == "multi":
        entry["repeats"] = True
    if item.kind in ("single", "multi"):
        options = []
        for option in item.options:
            answer_option: dict = {"valueCoding": _coding(item, option.code, base)}
            if option.exclusive:
                answer_option["extension"] = [{"url": EXT_OPTION_EXCLUSIVE, "valueBoolean": True}]
            options.append(answer_option)
        entry["answerOption"] = options
    if item.kind == "number":
        extensions = []
        if item.min_value is not None:
            extensions.append({"url": EXT_MIN_VALUE, "valueInteger": item.min_value})
        if item.max_value is not None:
            extensions.append({"url": EXT_MAX_VALUE, "valueInteger": item.max_value})
        if extensions:
            entry["extension"] = extensions
    if item.kind == "text":
        entry["maxLength"] = TEXT_MAX_LENGTH
    if item.show_when is not None:
        item_code, option_code = item.show_when
        source = spec.by_code.get(item_code)
        answer = (
            _coding(source, option_code, base)
            if source is not None
            else {"system": answer_system(item_code, base), "code": option_code}
        )
        entry["enableWhen"] = [{"question": item_code, "operator": "=", "answerCoding": answer}]
    return entry


def _grouped(items, make_child, **group_fields) -> list[dict]:
    """Items grouped by section, in questionnaire order; empty sections are left out."""
    groups: list[dict] = []
    for item in items:
        child = make_child(item)
        if child is None:
            continue
        link_id = _section_link_id(item.section)
        if not groups or groups[-1]["linkId"] != link_id:
            groups.append(
                {"linkId": link_id, "text": item.section_title, **group_fields, "item": []}
            )
        groups[-1]["item"].append(child)
    return groups


def build_questionnaire(
    spec: QuestionnaireSpec, *, base: str | None = None, date: datetime | None = None
) -> dict:
    """The MAP questionnaire version as a FHIR R4 Questionnaire."""
    base = base or base_url()
    resource = {
        "resourceType": "Questionnaire",
        "id": f"map-v{spec.version}",
        "url": questionnaire_url(base),
        "identifier": [{"system": item_system(base), "value": f"map-v{spec.version}"}],
        "version": str(spec.version),
        "name": "PainMapMAP",
        "title": f"PainMap MAP self-assessment, version {spec.version}",
        "status": STATUS_FOR_QUESTIONNAIRE.get(spec.status, "unknown"),
        "experimental": False,
        "subjectType": ["Patient"],
        "publisher": "PainMap",
        "description": (
            "A self-assessment that maps which pain mechanisms an adult's chronic pain shares "
            "features with (peripheral, central, neuropathic, stress-driven). Self-reported; "
            "not a diagnosis."
        ),
        "copyright": (
            "Original PainMap items. No wording is taken from a licensed instrument, and no "
            "instrument's validated cut-offs apply."
        ),
        "item": _grouped(
            spec.items, lambda item: _questionnaire_item(spec, item, base), type="group"
        ),
    }
    if date is not None:
        resource["date"] = date.replace(microsecond=0).isoformat()
    return resource


def _answers(item: ItemSpec, value, base: str) -> list[dict]:
    if item.kind == "single":
        return [{"valueCoding": _coding(item, value, base)}]
    if item.kind == "multi":
        return [{"valueCoding": _coding(item, code, base)} for code in value]
    if item.kind == "number":
        return [{"valueInteger": int(value)}]
    if item.kind == "text":
        return [{"valueString": value}] if str(value).strip() else []
    return []


def _score_observation(code: str, part, result: MapResult, authored: str, final: bool, base: str):
    observation = {
        "resourceType": "Observation",
        "id": f"score-{code.replace('_', '-')}",
        "status": "final" if final else "preliminary",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": {
            "coding": [
                {"system": score_system(base), "code": code, "display": TYPE_FHIR_DISPLAY[code]}
            ],
            "text": TYPE_FHIR_DISPLAY[code],
        },
        "effectiveDateTime": authored,
        "valueInteger": part.score,
        "interpretation": [
            {
                "coding": [
                    {
                        "system": level_system(base),
                        "code": part.level,
                        "display": LEVEL_FHIR_DISPLAY.get(part.level, part.level),
                    }
                ]
            }
        ],
        "method": {"text": f"PainMap scoring {result.scoring_version}; 0-100 scale"},
        # A contained resource must point back at its container (FHIR invariant dom-3).
        "derivedFrom": [{"reference": "#"}],
    }
    if part.because:
        observation["note"] = [
            {"text": "Answers that moved this score most: " + ", ".join(map(str, part.because))}
        ]
    return observation


def _evidence(item, base: str) -> dict:
    """The strength of evidence for one suggestion, as an extension on its action."""
    grade = evidence.grade(item.evidence_strength)
    concept: dict = {}
    if grade is not None:
        concept["coding"] = [
            {"system": evidence_system(base), "code": grade.code, "display": str(grade.label)}
        ]
    claim = (item.evidence_claim or "").strip()
    concept["text"] = claim or (str(grade.label) if grade else "Not yet graded")
    return {"url": evidence_extension(base), "valueCodeableConcept": concept}


def _suggestions_group(suggestions: Sequence, authored: str, base: str) -> dict:
    """The self-care options shown to the person, in rank order, each with its cautions and how
    strong its evidence is: a proposal to discuss, not an order."""
    actions = []
    for rank, suggestion in enumerate(suggestions, start=1):
        item = suggestion.item
        description = item.summary
        if suggestion.cautions:
            description += " " + " ".join(f"Caution: {c.text}" for c in suggestion.cautions)
        actions.append(
            {
                "extension": [_evidence(item, base)],
                "prefix": f"{rank}.",
                "title": item.name,
                "description": description,
                "code": [
                    {
                        "coding": [
                            {
                                "system": toolkit_system(base),
                                "code": item.slug,
                                "display": item.name,
                            }
                        ]
                    }
                ],
            }
        )
    return {
        "resourceType": "RequestGroup",
        "id": "suggestions",
        "status": "draft",
        "intent": "proposal",
        "authoredOn": authored,
        # A contained resource must point back at its container (FHIR invariant dom-3): these
        # options rest on the answers in this response.
        "basedOn": [{"reference": "#"}],
        "note": [
            {
                "text": "Self-care options shown to the person, best fit first, to discuss with "
                "a clinician. Each carries its cautions and its strength of evidence."
            }
        ],
        "action": actions,
    }


def build_questionnaire_response(
    spec: QuestionnaireSpec,
    stored: Mapping[str, object],
    result: MapResult | None,
    *,
    reference: str,
    authored: datetime,
    complete: bool,
    base: str | None = None,
    suggestions: Sequence = (),
) -> dict:
    """One person's answers as a FHIR R4 QuestionnaireResponse.

    Skipped items and answers on branches that do not apply are absent. The four scores travel
    as contained Observations, each derived from this response; the suggestions shown, if any,
    as a contained RequestGroup whose actions carry their strength of evidence.
    """
    base = base or base_url()
    relevant = flow.relevant_answers(spec, dict(stored))
    authored_text = authored.replace(microsecond=0).isoformat()

    def response_item(item: ItemSpec):
        if item.code not in relevant:
            return None
        answers = _answers(item, relevant[item.code], base)
        if not answers:
            return None
        return {"linkId": item.code, "text": item.wording, "answer": answers}

    resource: dict = {
        "resourceType": "QuestionnaireResponse",
        "id": reference,
        "identifier": {"system": reference_system(base), "value": reference},
        "questionnaire": canonical(spec, base),
        "status": "completed" if complete else "in-progress",
        "authored": authored_text,
    }
    if result is not None:
        resource["contained"] = [
            _score_observation(code, result.types[code], result, authored_text, complete, base)
            for code in TYPES
            if code in result.types
        ]
        if suggestions:
            resource["contained"].append(_suggestions_group(suggestions, authored_text, base))
    resource["item"] = _grouped(spec.items, response_item)
    return resource
