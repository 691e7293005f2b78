"""The names people read for each presentation type and level: one place for every audience.

Patients see `TYPE_NAMES` (and `TYPE_PHRASES` inside a sentence) and `LEVEL_WORDS`; clinicians
see `TYPE_CLINICIAN_NAMES` and `LEVEL_NAMES` on the summary and PDF; FHIR carries the English
`TYPE_FHIR_DISPLAY` and `LEVEL_FHIR_DISPLAY` whatever the page's language; the workbench uses
`TYPE_SHORT_NAMES` (the weight's choices) and `TYPE_LETTERS`. The codes are in `codes`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy, gettext_noop

from .codes import LEVEL_CODES, TYPE_CODES

# The short names, in English: the workbench's choices and the base of the other names.
_SHORT = {
    "peripheral": gettext_noop("Peripheral"),
    "central": gettext_noop("Central"),
    "stress_driven": gettext_noop("Stress-driven"),
    "neuropathic": gettext_noop("Neuropathic"),
}
TYPE_SHORT_NAMES = {code: gettext_lazy(_SHORT[code]) for code in TYPE_CODES}
TYPE_LETTERS = {"peripheral": "P", "central": "C", "stress_driven": "S", "neuropathic": "N"}

# The person's results page.
TYPE_NAMES = {**TYPE_SHORT_NAMES, "central": gettext_lazy("Central sensitisation")}
# How the four types read inside a sentence ("share most features with …").
TYPE_PHRASES = {
    "peripheral": gettext_lazy("peripheral pain (pain driven by the tissues)"),
    "central": gettext_lazy("central sensitisation"),
    "stress_driven": gettext_lazy("stress-driven pain"),
    "neuropathic": gettext_lazy("nerve (neuropathic) pain"),
}

# The clinician summary and its PDF.
TYPE_CLINICIAN_NAMES = {
    "peripheral": gettext_lazy("Peripheral (nociceptive)"),
    "central": gettext_lazy("Central sensitisation (nociplastic features)"),
    "stress_driven": gettext_lazy("Stress-driven (psychosocial load)"),
    "neuropathic": TYPE_SHORT_NAMES["neuropathic"],
}

# FHIR Observation.code display: English, never translated.
TYPE_FHIR_DISPLAY = {
    "peripheral": "MAP peripheral (nociceptive) features score",
    "central": "MAP central (nociplastic) features score",
    "stress_driven": "MAP stress-driven features score",
    "neuropathic": "MAP neuropathic features score",
}

_LEVELS = {
    "low": gettext_noop("Low"),
    "moderate": gettext_noop("Moderate"),
    "high": gettext_noop("High"),
}
LEVEL_NAMES = {code: gettext_lazy(_LEVELS[code]) for code in LEVEL_CODES}
LEVEL_FHIR_DISPLAY = {code: _LEVELS[code] for code in LEVEL_CODES}
# The person's results page says what a level means rather than naming it.
LEVEL_WORDS = {
    "low": gettext_lazy("Few shared features"),
    "moderate": gettext_lazy("Some shared features"),
    "high": gettext_lazy("Many shared features"),
}
