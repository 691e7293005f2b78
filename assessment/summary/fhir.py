"""FHIR R4 exports: the MAP Questionnaire, and one assessment as a Bundle, as dicts.

Plain functions of the spec, the answers and the scoring result; no ORM and no request. See
docs/fhir.md for the identifiers and the choices made (why each item has its own answer code
system, why the safety results are Observations and DetectedIssues, which LOINC codes are used).
The MAP code systems and value sets these point at are built in `fhir_terms.py`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils.html import format_html, format_html_join

from content import evidence

from ..rules import cautions, flow, measures, safety
from ..rules.codes import EMERGENCY_FLAGS
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
EXT_ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
EXT_DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
DATA_ABSENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
URI_IDENTIFIER = "urn:ietf:rfc:3986"
XHTML = "http://www.w3.org/1999/xhtml"

# A fixed namespace for PainMap's name-based (version 5) UUIDs. Never change it: every UUID
# PainMap has exported is derived from it.
UUID_NAMESPACE = uuid.UUID("5b0c1f0e-8a51-4d3e-9c39-6a2f0d1e7c4b")

# LOINC codes used, each checked against its LOINC page (cited in docs/fhir.md). Everything
# else is coded in MAP's own code systems, which resolve at their canonical URLs.
LOINC_CODES = {
    "phq2": ("55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]"),
    "gad2": ("70272-0", "Generalized anxiety disorder 2 item (GAD-2) total score [Reported.PHQ]"),
}

# One home for the names (rules/labels.py).
TYPE_DISPLAY = TYPE_FHIR_DISPLAY
LEVEL_DISPLAY = LEVEL_FHIR_DISPLAY
MEASURE_DISPLAY = {
    "peg": "PEG 3-item pain intensity and interference score (0-10)",
    "phq2": "PHQ-2 total score (0-6)",
    "gad2": "GAD-2 total score (0-6)",
    "wpi": "Widespread Pain Index: painful regions of 19 (0-19)",
}
# The observation codes of map-results: what each safety and result Observation reports.
RESULT_CODES = {
    "urgency": "Red-flag urgency",
    "red-flag": "Red flag reported",
    "self-harm": "Thoughts of being better off dead or of self-harm, past 2 weeks",
    "primary": "Types the answers share most features with, leading first",
    "suggestion": "Self-care suggestion shown to the person",
    "suggestion-caution": "Caution shown with a suggestion",
    # Values of `primary` when it names no type.
    "no-type-emergency": "No type named: emergency care comes first",
    "no-clear-pattern": "No type named: the answers point clearly to no one pattern",
}
URGENCY_DISPLAY = {
    "emergency": "Emergency: call emergency services or go to an emergency department now",
    "urgent": "Urgent: see a clinician within a day or two",
    "none": "No red flag reported (not a reassurance)",
}
INTERPRETATION = {
    "AA": "Critical abnormal",
    "A": "Abnormal",
    "POS": "Positive",
    "NEG": "Negative",
}
ABSENT_DISPLAY = {"asked-declined": "Asked But Declined", "not-asked": "Not Asked"}


# Addresses -------------------------------------------------------------------------------


def base_url(request=None) -> str:
    """Where the definitions are published: the setting, else this site's own /fhir."""
    configured = getattr(settings, "PAINMAP_FHIR_BASE", "")
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/fhir").rstrip("/")
    return DEFAULT_BASE


def questionnaire_url(base: str | None = None) -> str:
    return f"{base or base_url()}/Questionnaire/{QUESTIONNAIRE_NAME}"


def canonical(spec: QuestionnaireSpec, base: str | None = None) -> str:
    return f"{questionnaire_url(base)}|{spec.version}"


def code_system(name: str, base: str | None = None) -> str:
    return f"{base or base_url()}/CodeSystem/{name}"


def value_set(name: str, base: str | None = None) -> str:
    return f"{base or base_url()}/ValueSet/{name}"


def item_system(base: str | None = None) -> str:
    """The code system of MAP item codes (the same strings as `linkId`)."""
    return code_system("map-items", base)


def answer_system(item_code: str, base: str | None = None) -> str:
    """The code system of one item's answer codes.

    Answer codes are unique only within their item (`none`, `no`, `yes` recur), so each item
    has its own system; the code itself is exactly the ITEMS.md answer code.
    """
    return code_system(f"map-answers/{item_code}", base)


def score_system(base: str | None = None) -> str:
    return code_system("map-scores", base)


def level_system(base: str | None = None) -> str:
    return code_system("map-levels", base)


def measure_system(base: str | None = None) -> str:
    return code_system("map-measures", base)


def result_system(base: str | None = None) -> str:
    return code_system("map-results", base)


def urgency_system(base: str | None = None) -> str:
    return code_system("map-urgency", base)


def caution_system(base: str | None = None) -> str:
    return code_system("map-cautions", base)


def toolkit_system(base: str | None = None) -> str:
    return code_system("map-toolkit", base)


def evidence_system(base: str | None = None) -> str:
    """The code system of the evidence scale (content.evidence: strong ... expert_opinion)."""
    return code_system("evidence-strength", base)


def evidence_extension(base: str | None = None) -> str:
    return f"{base or base_url()}/StructureDefinition/evidence-strength"


def response_uuid(key: str) -> str:
    """A globally unique, stable identifier of one assessment's response.

    Name-based (UUID version 5) from the assessment key: the same export always carries the
    same identifier, nothing new is stored, and the key cannot be recovered from it.
    """
    return str(uuid.uuid5(UUID_NAMESPACE, f"response:{key}"))


def _part_uuid(response_id: str, part: str) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, f"{response_id}/{part}"))


# Small builders --------------------------------------------------------------------------


def narrative(html) -> dict:
    """A generated narrative: `html` is already escaped (format_html)."""
    return {"status": "generated", "div": f'<div xmlns="{XHTML}">{html}</div>'}


def _coding(item: ItemSpec, code: str, base: str) -> dict:
    option = item.options_by_code.get(code)
    coding = {"system": answer_system(item.code, base), "code": code}
    if option is not None:
        coding["display"] = option.label
    return coding


def _concept(system: str, code: str, display: str) -> dict:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def _interpretation(code: str) -> list[dict]:
    return [_concept(INTERPRETATION_SYSTEM, code, INTERPRETATION[code])]


def _absent(reason: str) -> dict:
    return _concept(DATA_ABSENT_SYSTEM, reason, ABSENT_DISPLAY[reason])


def _section_link_id(section_code: str) -> str:
    # Prefixed so a section can never share a linkId with an item of the same name.
    return f"section-{section_code}"


# Questionnaire ---------------------------------------------------------------------------


def _display_item(link_id: str, text: str, control: str, display: str) -> dict:
    """An SDC display item: help text, or a scale's end label, under its question."""
    return {
        "linkId": link_id,
        "text": text,
        "type": "display",
        "extension": [
            {
                "url": EXT_ITEM_CONTROL,
                "valueCodeableConcept": {
                    "coding": [{"system": ITEM_CONTROL_SYSTEM, "code": control, "display": display}]
                },
            }
        ],
    }


def _help_items(item: ItemSpec) -> list[dict]:
    # "Why we ask" goes last: LHC-Forms shows only one display child per question as its help
    # and takes the last, and that is the text worth having one click away.
    children = []
    if item.hint:
        children.append(_display_item(f"{item.code}-hint", item.hint, "flyover", "Fly-over"))
    if item.min_label:
        children.append(_display_item(f"{item.code}-lower", item.min_label, "lower", "Lower-bound"))
    if item.max_label:
        children.append(_display_item(f"{item.code}-upper", item.max_label, "upper", "Upper-bound"))
    if item.why_we_ask:
        children.append(
            _display_item(
                f"{item.code}-why", f"Why we ask: {item.why_we_ask}", "help", "Help-Button"
            )
        )
    return children


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
    children = _help_items(item)
    if children:
        entry["item"] = children
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


def _asks_measures(spec: QuestionnaireSpec) -> list[measures.Measure]:
    return [
        measure
        for measure in measures.MEASURES
        if measure.code in measures.SCREENS and all(code in spec.by_code for code in measure.items)
    ]


def build_questionnaire(
    spec: QuestionnaireSpec, *, base: str | None = None, date: datetime | None = None
) -> dict:
    """The MAP questionnaire version as a FHIR R4 Questionnaire."""
    base = base or base_url()
    asked = _asks_measures(spec)
    copyright_text = "Original PainMap items, except the published measures named here."
    if asked:
        copyright_text += (
            " "
            + ", ".join(measure.name for measure in asked)
            + " are asked in their published wording and scored as published ("
            + "; ".join(measure.source for measure in asked)
            + "); they are free to use without permission."
        )
    title = f"PainMap MAP self-assessment, version {spec.version}"
    resource = {
        "resourceType": "Questionnaire",
        "id": f"map-v{spec.version}",
        "text": narrative(
            format_html(
                "<p><b>{}</b></p><p>{} questions in {} sections. Self-reported; not a "
                "diagnosis.</p>",
                title,
                len(spec.items),
                len({item.section for item in spec.items}),
            )
        ),
        "url": questionnaire_url(base),
        "identifier": [{"system": item_system(base), "value": f"map-v{spec.version}"}],
        "version": str(spec.version),
        "name": "PainMapMAP",
        "title": title,
        "status": STATUS_FOR_QUESTIONNAIRE.get(spec.status, "unknown"),
        "experimental": False,
        "subjectType": ["Patient"],
        "publisher": "PainMap",
        "description": (
            "A self-assessment that maps which pain mechanisms an adult's chronic pain shares "
            "features with (peripheral, central, neuropathic, stress-driven). Self-reported; "
            "not a diagnosis. MAP's own scores are not validated instruments."
        ),
        "copyright": copyright_text,
        "item": _grouped(
            spec.items, lambda item: _questionnaire_item(spec, item, base), type="group"
        ),
    }
    if date is not None:
        resource["date"] = date.replace(microsecond=0).isoformat()
    return resource


# QuestionnaireResponse -------------------------------------------------------------------


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


def _answer_text(item: ItemSpec, answers: list[dict]) -> str:
    return "; ".join(
        str(a.get("valueCoding", {}).get("display") or next(iter(a.values()))) for a in answers
    )


def build_questionnaire_response(
    spec: QuestionnaireSpec,
    stored: Mapping[str, object],
    result: MapResult | None = None,
    *,
    reference: str,
    authored: datetime,
    complete: bool,
    base: str | None = None,
    identifier: str | None = None,
    suggestions: Sequence = (),
) -> dict:
    """One person's answers as a FHIR R4 QuestionnaireResponse.

    A question the person was shown and skipped is present with no answer and a
    `data-absent-reason` of `asked-declined`; a question never asked (not reached, or on a
    branch that does not apply) is absent. `identifier` is the response's UUID; the short
    reference is for people, in the narrative. The suggestions shown, if any, travel as a
    contained RequestGroup whose actions carry their cautions and strength of evidence.
    """
    base = base or base_url()
    stored = dict(stored)
    relevant = flow.relevant_answers(spec, stored)
    visible = {item.code for item in flow.visible_items(spec, stored)}
    authored_text = authored.replace(microsecond=0).isoformat()
    rows = []

    def response_item(item: ItemSpec):
        if item.code not in visible or item.code not in stored:
            return None  # not asked: never reached, or a branch that does not apply
        answers = _answers(item, relevant[item.code], base) if item.code in relevant else []
        if not answers:
            rows.append(format_html("<li>{}: <i>skipped</i></li>", item.wording))
            return {
                "linkId": item.code,
                "text": item.wording,
                "extension": [{"url": EXT_DATA_ABSENT, "valueCode": "asked-declined"}],
            }
        rows.append(format_html("<li>{}: {}</li>", item.wording, _answer_text(item, answers)))
        return {"linkId": item.code, "text": item.wording, "answer": answers}

    response_id = identifier or str(uuid.uuid5(UUID_NAMESPACE, f"reference:{reference}"))
    items = _grouped(spec.items, response_item)
    state = "completed" if complete else "in progress"
    resource: dict = {
        "resourceType": "QuestionnaireResponse",
        "id": response_id,
        "text": narrative(
            format_html(
                "<p><b>PainMap MAP version {} answers, {}</b> (reference {}, {})</p><ul>{}</ul>",
                spec.version,
                state,
                reference,
                authored_text,
                format_html_join("", "{}", ((row,) for row in rows)),
            )
        ),
        "identifier": {"system": URI_IDENTIFIER, "value": f"urn:uuid:{response_id}"},
        "questionnaire": canonical(spec, base),
        "status": "completed" if complete else "in-progress",
        "authored": authored_text,
        "item": items,
    }
    if suggestions:
        resource["contained"] = [_suggestions_group(suggestions, authored_text, base)]
    return resource


# Observations and DetectedIssues ---------------------------------------------------------


class _Entries:
    """The Bundle's resources after the response, each with its urn:uuid full URL."""

    def __init__(self, response_id: str, authored: str, final: bool, base: str):
        self.response_id = response_id
        self.response_ref = {"reference": f"urn:uuid:{response_id}"}
        self.authored = authored
        self.final = final
        self.base = base
        self.resources: list[dict] = []

    def observation(
        self, part: str, code: dict, summary_html, *, derived: bool = True, **fields
    ) -> dict:
        resource_id = _part_uuid(self.response_id, part)
        resource = {
            "resourceType": "Observation",
            "id": resource_id,
            "text": narrative(summary_html),
            "status": "final" if self.final else "preliminary",
            "category": [
                {
                    "coding": [
                        {"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}
                    ]
                }
            ],
            "code": code,
            "effectiveDateTime": self.authored,
            **fields,
        }
        if derived:
            resource["derivedFrom"] = [self.response_ref]
        self.resources.append(resource)
        return resource

    def detected_issue(self, part: str, code: dict, detail: str) -> dict:
        resource_id = _part_uuid(self.response_id, part)
        resource = {
            "resourceType": "DetectedIssue",
            "id": resource_id,
            "text": narrative(format_html("<p><b>Caution:</b> {}</p>", detail)),
            "status": "final" if self.final else "preliminary",
            "code": code,
            "identifiedDateTime": self.authored,
            "evidence": [{"detail": [self.response_ref]}],
            "detail": detail,
        }
        self.resources.append(resource)
        return resource


def _result_code(code: str, base: str) -> dict:
    return _concept(result_system(base), code, RESULT_CODES[code])


def _safety(entries: _Entries, spec: QuestionnaireSpec, stored: dict, result: MapResult):
    base = entries.base
    screened = "red_flags" in flow.relevant_answers(spec, stored)
    urgency = result.urgency or "none"
    fields: dict = {}
    if screened:
        fields["valueCodeableConcept"] = _concept(
            urgency_system(base), urgency, URGENCY_DISPLAY[urgency]
        )
        if result.urgency:
            fields["interpretation"] = _interpretation(
                "AA" if result.urgency == "emergency" else "A"
            )
        if safety.care_level(result.red_flags) == safety.SAME_DAY:
            # Fever or feeling very unwell with the pain: the person was told the same day.
            fields["note"] = [{"text": "Advised to get medical advice the same day."}]
    else:
        fields["dataAbsentReason"] = _absent("not-asked")
    entries.observation(
        "urgency",
        _result_code("urgency", base),
        format_html(
            "<p>Red-flag urgency: <b>{}</b></p>",
            URGENCY_DISPLAY[urgency] if screened else "red flags not screened",
        ),
        **fields,
    )
    for flag in result.red_flags:
        _red_flag_observation(entries, spec, flag, f"red-flag/{flag}", "")
    self_harm = spec.by_code.get("self_harm")
    if self_harm is not None and self_harm.code in stored:
        answer = flow.relevant_answers(spec, stored).get("self_harm")
        fields = {}
        if answer is None:
            fields["dataAbsentReason"] = _absent("asked-declined")
            shown = "skipped"
        else:
            coding = _coding(self_harm, answer, base)
            fields["valueCodeableConcept"] = {"coding": [coding], "text": coding.get("display")}
            shown = coding.get("display", answer)
        if result.crisis:
            fields["interpretation"] = _interpretation("AA")
            fields["note"] = [{"text": "Crisis: crisis support was shown to the person."}]
        entries.observation(
            "self-harm",
            _result_code("self-harm", base),
            format_html(
                "<p>{}: <b>{}</b>{}</p>",
                RESULT_CODES["self-harm"],
                shown,
                " (crisis: please ask about it)" if result.crisis else "",
            ),
            **fields,
        )
    for code in result.medicine_cautions:
        caution = cautions.BY_CODE[code]
        entries.detected_issue(
            f"medicine-caution/{code}",
            _concept(caution_system(base), code, str(caution.clinician)),
            str(caution.clinician),
        )


def _measure_observations(entries: _Entries, spec: QuestionnaireSpec, result: MapResult):
    base = entries.base
    for measure in measures.MEASURES:
        if not all(code in spec.by_code for code in measure.items):
            continue
        value = result.measures.get(measure.code)
        display = MEASURE_DISPLAY[measure.code]
        fields: dict = {}
        if value is None:
            fields["dataAbsentReason"] = _absent("asked-declined")
            shown = "not answered (a question was skipped)"
        else:
            if measure.code == "peg":
                fields["valueQuantity"] = _score_quantity(value)
            else:
                fields["valueInteger"] = value
            shown = f"{value} of {measure.maximum}"
            if measure.cut_off is not None:
                positive = measures.screens_positive(measure.code, value)
                fields["interpretation"] = _interpretation("POS" if positive else "NEG")
                shown += " (positive screen)" if positive else " (negative screen)"
        fields["method"] = {"text": f"As published: {measure.source}"}
        entries.observation(
            f"measure/{measure.code}",
            _measure_code(measure.code, base),
            format_html("<p>{}: <b>{}</b></p>", display, shown),
            **fields,
        )


def _measure_code(code: str, base: str) -> dict:
    """A measure's code: LOINC where it has one, and PainMap's own. A check-in's PEG carries the
    same code as the MAP's, so a record system can trend them as one series."""
    codings = []
    if code in LOINC_CODES:
        loinc, display = LOINC_CODES[code]
        codings.append({"system": LOINC, "code": loinc, "display": display})
    display = MEASURE_DISPLAY[code]
    codings.append({"system": measure_system(base), "code": code, "display": display})
    return {"coding": codings, "text": display}


def _score_quantity(value: float) -> dict:
    # PEG is a mean of three 0-10 items, so a Quantity (R4 Observation has no decimal value).
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


@dataclass(frozen=True)
class CheckInFacts:
    """What the Bundle carries of one submitted check-in (issue 15)."""

    day: date
    peg: float | None
    red_flags: tuple[str, ...] = ()
    crisis: bool = False


def _red_flag_observation(entries: _Entries, spec, flag: str, part: str, when: str, **fields):
    """One reported red flag, coded with the MAP's answer and alerting as its urgency."""
    flags_item = spec.by_code.get("red_flags")
    coding = (
        _coding(flags_item, flag, entries.base)
        if flags_item is not None
        else {"system": answer_system("red_flags", entries.base), "code": flag}
    )
    emergency = flag in EMERGENCY_FLAGS
    entries.observation(
        part,
        _result_code("red-flag", entries.base),
        format_html(
            "<p>Red flag reported{} ({}): <b>{}</b></p>",
            when,
            "emergency" if emergency else "urgent",
            coding.get("display", flag),
        ),
        valueCodeableConcept={"coding": [coding], "text": coding.get("display", flag)},
        interpretation=_interpretation("AA" if emergency else "A"),
        **fields,
    )


def _check_in_observations(
    entries: _Entries, spec: QuestionnaireSpec, check_ins: Sequence[CheckInFacts]
):
    """Each check-in after the MAP, dated to its day: its PEG (coded as the MAP's, which is the
    measure above and not repeated here), any red flag and a crisis answer, coded as the MAP's
    own safety results so a record system alerts on them the same way."""
    base = entries.base
    for n, check_in in enumerate(check_ins, start=1):
        day = check_in.day.isoformat()
        dated = {"derived": False, "effectiveDateTime": day}  # its own answers, not the MAP's
        if check_in.peg is not None:
            entries.observation(
                f"check-in/{n}/peg",
                _measure_code("peg", base),
                format_html("<p>PEG at a check-in on {}: <b>{} of 10</b></p>", day, check_in.peg),
                valueQuantity=_score_quantity(check_in.peg),
                method={"text": CHECK_IN_METHOD},
                **dated,
            )
        for flag in check_in.red_flags:
            _red_flag_observation(
                entries,
                spec,
                flag,
                f"check-in/{n}/red-flag/{flag}",
                f" at a check-in on {day}",
                method={"text": "A PainMap check-in"},
                **dated,
            )
        if check_in.crisis:
            self_harm = spec.by_code.get("self_harm")
            coding = (
                _coding(self_harm, "yes", base)
                if self_harm is not None and "yes" in self_harm.options_by_code
                else {"system": answer_system("self_harm", base), "code": "yes"}
            )
            entries.observation(
                f"check-in/{n}/self-harm",
                _result_code("self-harm", base),
                format_html(
                    "<p>{} at a check-in on {}: <b>{}</b> (crisis: please ask about it)</p>",
                    RESULT_CODES["self-harm"],
                    day,
                    coding.get("display", "yes"),
                ),
                valueCodeableConcept={"coding": [coding], "text": coding.get("display", "yes")},
                interpretation=_interpretation("AA"),
                note=[{"text": "Crisis: crisis support was shown to the person."}],
                method={"text": "A PainMap check-in"},
                **dated,
            )


CHECK_IN_METHOD = "Mean of three 0-10 items (Krebs et al. 2009), at a PainMap check-in"


def _type_observations(entries: _Entries, spec: QuestionnaireSpec, result: MapResult):
    base = entries.base
    for code in TYPES if safety.shows_profile(result.urgency) else ():
        part = result.types.get(code)
        if part is None:
            continue
        fields: dict = {
            "valueInteger": part.score,
            "interpretation": [
                _concept(level_system(base), part.level, LEVEL_DISPLAY.get(part.level, part.level))
            ],
            "method": {"text": f"PainMap scoring {result.scoring_version}; 0-100 scale"},
        }
        if part.because:
            fields["note"] = [
                {"text": "Answers that moved this score most: " + ", ".join(map(str, part.because))}
            ]
        entries.observation(
            f"score/{code}",
            _concept(score_system(base), code, TYPE_DISPLAY[code]),
            format_html(
                "<p>{}: <b>{}</b>/100 ({})</p>",
                TYPE_DISPLAY[code],
                part.score,
                LEVEL_DISPLAY.get(part.level, part.level),
            ),
            **fields,
        )
    if result.primary:
        names = [TYPE_DISPLAY[code] for code in result.primary]
        entries.observation(
            "primary",
            _result_code("primary", base),
            format_html("<p>Shares most features with: <b>{}</b></p>", "; ".join(names)),
            component=[
                {
                    "code": _result_code("primary", base),
                    "valueCodeableConcept": _concept(score_system(base), code, TYPE_DISPLAY[code]),
                }
                for code in result.primary
            ],
        )
    else:
        none = "no-type-emergency" if result.urgency == "emergency" else "no-clear-pattern"
        entries.observation(
            "primary",
            _result_code("primary", base),
            format_html("<p>{}</p>", RESULT_CODES[none]),
            valueCodeableConcept=_result_code(none, base),
        )


def _suggestion_observations(entries: _Entries, result: MapResult):
    base = entries.base
    for rank, suggestion in enumerate(result.suggestions, start=1):
        caution_texts = [str(cautions.BY_CODE[code].clinician) for code in suggestion.cautions]
        fields: dict = {
            "valueCodeableConcept": _concept(toolkit_system(base), suggestion.slug, suggestion.slug)
        }
        if suggestion.cautions:
            fields["component"] = [
                {
                    "code": _result_code("suggestion-caution", base),
                    "valueCodeableConcept": _concept(caution_system(base), code, text),
                }
                for code, text in zip(suggestion.cautions, caution_texts, strict=True)
            ]
        entries.observation(
            f"suggestion/{suggestion.slug}",
            _result_code("suggestion", base),
            format_html(
                "<p>Suggestion {}: <b>{}</b>{}</p>",
                rank,
                suggestion.slug,
                format_html(". Cautions: {}", "; ".join(caution_texts)) if caution_texts else "",
            ),
            **fields,
        )


# The Bundle ------------------------------------------------------------------------------


def build_bundle(
    spec: QuestionnaireSpec,
    stored: Mapping[str, object],
    result: MapResult,
    *,
    key: str,
    reference: str,
    authored: datetime,
    complete: bool,
    base: str | None = None,
    suggestions: Sequence = (),
    check_ins: Sequence[CheckInFacts] = (),
) -> dict:
    """One assessment as a FHIR R4 `collection` Bundle: the QuestionnaireResponse first, then
    the safety results (urgency, each red flag, the self-harm answer as Observations; each
    medicine caution as a DetectedIssue), the measures, the four type scores and the leading
    types, and each suggestion with its cautions; then each later check-in's PEG, red flags and
    crisis answer (`check_ins`). Every resource but the check-ins' is derived from the response.
    """
    base = base or base_url()
    stored = dict(stored)
    response_id = response_uuid(key)
    authored_text = authored.replace(microsecond=0).isoformat()
    response = build_questionnaire_response(
        spec,
        stored,
        result,
        reference=reference,
        authored=authored,
        complete=complete,
        base=base,
        identifier=response_id,
        suggestions=suggestions,
    )
    entries = _Entries(response_id, authored_text, complete, base)
    _safety(entries, spec, stored, result)
    # No pain type, score or measure while emergency care is needed (ITEMS.md: emergency ends
    # the journey); the leading-types Observation then says why none is named.
    if safety.shows_profile(result.urgency):
        _measure_observations(entries, spec, result)
    _type_observations(entries, spec, result)
    _suggestion_observations(entries, result)
    _check_in_observations(entries, spec, check_ins)
    bundle_id = _part_uuid(response_id, "bundle")
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "identifier": {"system": URI_IDENTIFIER, "value": f"urn:uuid:{bundle_id}"},
        "type": "collection",
        "timestamp": authored_text,
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in (response, *entries.resources)
        ],
    }
