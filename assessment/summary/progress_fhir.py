"""PEG over time as FHIR R4 Observations: one per measurement, with its date (issue 15).

A small function of plain data, kept apart from fhir.py so whoever builds the Bundle can add
these entries with one call: `peg_observations(series, reference=...)`. PEG is the mean of
three 0-10 items (Krebs 2009), so its value is a Quantity (R4 Observation has no decimal).
No LOINC code is claimed: the code is PainMap's own, in the same code system as the MAP scores.
"""

from __future__ import annotations

import datetime as dt

from .fhir import OBSERVATION_CATEGORY, base_url, reference_system, score_system

PEG_CODE = "peg"
PEG_DISPLAY = "PEG 3-item pain scale (pain, enjoyment of life, general activity), 0-10"
UCUM = "http://unitsofmeasure.org"


def peg_observations(
    series: list[tuple[dt.date, float, str]],
    *,
    reference: str,
    base: str | None = None,
) -> list[dict]:
    """One Observation per (date, PEG, source) in `series`; source is `map` or `check-in`.

    Each is `final` (a check-in is stored only once complete), dated to the day it was given,
    and points at the person's anonymous reference, never at a name.
    """
    base = base or base_url()
    observations = []
    for n, (day, value, source) in enumerate(series, start=1):
        observations.append(
            {
                "resourceType": "Observation",
                "id": f"peg-{n}",
                "status": "final",
                "category": [
                    {
                        "coding": [
                            {"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}
                        ]
                    }
                ],
                "code": {
                    "coding": [
                        {"system": score_system(base), "code": PEG_CODE, "display": PEG_DISPLAY}
                    ],
                    "text": PEG_DISPLAY,
                },
                "identifier": [{"system": reference_system(base), "value": f"{reference}-peg-{n}"}],
                "effectiveDateTime": day.isoformat(),
                "valueQuantity": {
                    "value": value,
                    "unit": "score",
                    "system": UCUM,
                    "code": "{score}",
                },
                "method": {
                    "text": "Mean of three 0-10 items (Krebs et al. 2009); "
                    + ("the MAP questionnaire" if source == "map" else "a PainMap check-in")
                },
            }
        )
    return observations
