"""The caution rulebook: every caution MAP raises, in one table that every output reads.

Two kinds, as in the ITEMS.md contract:

- **Suggestion cautions** ride on the toolkit suggestions they qualify (low-dose naltrexone
  with opioids, omega-3 with blood thinners, ...). They are shown wherever the suggestion is
  shown and lower its rank; they never hide it.
- **Medicine cautions** are about the person's own medicines and conditions, whatever is
  suggested (regular anti-inflammatory painkillers with a blood thinner, ...).

The table itself is data that editors manage in the admin (`content.Caution`: code, words for
the person and the clinician, triggers, the toolkit items it rides on, rank factor). `CAUTIONS`
below is its seed and the built-in floor: a contract caution missing from the database is
taken from here, so a caution can never go missing. Scoring takes the table as a `rulebook`
argument; results, the clinician summary, the PDF, FHIR, `map_score`, the test
bench and the "How MAP works" page all read that one table. Plain Python: no ORM, no request.

Triggers, for the clinician reviewing this file (and as editors write them, one per line:
`medications=anticoagulant`, `medications=nsaids_regular & conditions=kidney_disease`,
`conditions skipped`, `always`):

- `ticked(item, answer)` holds when the person chose that answer.
- `unknown(item)` holds when the person skipped the question: not knowing whether someone takes
  a blood thinner is not the same as knowing they do not, so a suggestion caution is shown
  when the question that would rule it out was skipped.
- A medicine caution needs every part ticked ("raised only from what the person ticked"):
  it warns about a combination the person actually reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SUPPLEMENTS = (
    "magnesium",
    "palmitoylethanolamide",
    "omega-3",
    "curcumin",
    "alpha-lipoic-acid",
    "methylcobalamin",
)

# The sleep-restoration card recommends magnesium glycinate before bed, so it carries
# magnesium's cautions too (ITEMS.md): it is listed among the items those cautions ride on.
MAGNESIUM_AND_SLEEP = ("magnesium", "sleep-restoration")


@dataclass(frozen=True)
class Condition:
    """One part of a trigger: an answer ticked, or a question left unanswered."""

    item: str
    answer: str | None = None  # None: the question was skipped

    def holds(self, answers: dict) -> bool:
        if self.answer is None:
            return self.item not in answers
        value = answers.get(self.item)
        if isinstance(value, list):
            return self.answer in value
        return value == self.answer

    def __str__(self) -> str:
        return f"{self.item}={self.answer}" if self.answer else f"{self.item} skipped"

    @property
    def items(self) -> tuple[str, ...]:
        return (self.item,)


def ticked(item: str, answer: str) -> Condition:
    return Condition(item, answer)


def unknown(item: str) -> Condition:
    return Condition(item, None)


class TriggerError(ValueError):
    """A trigger line that cannot be read; the message names the line."""


def parse_triggers(text: str) -> tuple[tuple[Condition, ...], ...]:
    """Editors' trigger lines -> the `when` of a caution. Raises TriggerError."""
    groups = []
    for number, raw in enumerate(str(text).splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.lower() == "always":
            groups.append(())
            continue
        parts = []
        for piece in line.split("&"):
            piece = piece.strip()
            skipped = re.fullmatch(r"([a-z0-9_]+)\s+skipped", piece)
            ticked_ = re.fullmatch(r"([a-z0-9_]+)\s*=\s*([a-z0-9_]+)", piece)
            if skipped:
                parts.append(Condition(skipped.group(1)))
            elif ticked_:
                parts.append(Condition(ticked_.group(1), ticked_.group(2)))
            else:
                raise TriggerError(
                    f"line {number}: “{piece}” is not item=answer, “item skipped” or “always”"
                )
        groups.append(tuple(parts))
    if not groups:
        raise TriggerError("a caution needs at least one trigger line (or “always”)")
    return tuple(groups)


def format_triggers(when) -> str:
    """The `when` of a caution as editors' trigger lines (the inverse of parse_triggers)."""
    return "\n".join(" & ".join(map(str, group)) if group else "always" for group in when)


@dataclass(frozen=True)
class Caution:
    code: str
    kind: str  # "suggestion" or "medicine"
    patient: str  # plain words for the person
    clinician: str  # one line for the clinician summary, PDF and exports
    # Any of these sets of conditions raises the caution; () inside means "always".
    when: tuple[tuple[Condition, ...], ...]
    rides_on: tuple[str, ...] = ()  # toolkit slugs, for suggestion cautions
    rank_factor: float = 1.0  # how much it lowers a suggestion's fit (never removes it)
    shown_when: str = ""  # the trigger in plain words, for the method page
    label: str = ""  # a short name ("Taking blood thinners") for toolkit cards

    def applies(self, answers: dict) -> bool:
        return any(all(part.holds(answers) for part in group) for group in self.when)


CAUTIONS: tuple[Caution, ...] = (
    Caution(
        "prescription",
        "suggestion",
        _("This needs a prescription. Ask your doctor whether it is right for you."),
        _("Low-dose naltrexone: off-label, needs a prescriber."),
        when=((),),
        rides_on=("low-dose-naltrexone",),
        shown_when=_("Always"),
        label=_("Needs a prescriber"),
    ),
    Caution(
        "opioids",
        "suggestion",
        _(
            "This does not mix with opioid medicines. Do not start it while you take opioids: "
            "talk to your prescriber first."
        ),
        _("Low-dose naltrexone: not compatible with opioid therapy."),
        when=((ticked("medications", "opioids"),), (unknown("medications"),)),
        rides_on=("low-dose-naltrexone",),
        rank_factor=0.5,
        shown_when=_("Opioids ticked, or the medicines question skipped"),
        label=_("Taking opioids"),
    ),
    Caution(
        "anticoagulant",
        "suggestion",
        _(
            "This can raise the risk of bleeding if you take blood thinners. Check with your "
            "doctor or pharmacist before you start."
        ),
        _("Omega-3, curcumin: bleeding risk with anticoagulants."),
        when=((ticked("medications", "anticoagulant"),), (unknown("medications"),)),
        rides_on=("omega-3", "curcumin"),
        rank_factor=0.7,
        shown_when=_("A blood thinner ticked, or the medicines question skipped"),
        label=_("Taking blood thinners"),
    ),
    Caution(
        "kidney",
        "suggestion",
        _(
            "This can build up in your body if your kidneys do not work well. Check with your "
            "doctor before you start."
        ),
        _("Magnesium: use with caution in kidney disease."),
        when=((ticked("conditions", "kidney_disease"),), (unknown("conditions"),)),
        rides_on=MAGNESIUM_AND_SLEEP,
        rank_factor=0.5,
        shown_when=_("Kidney disease ticked, or the conditions question skipped"),
        label=_("Kidney disease"),
    ),
    Caution(
        "pregnancy",
        "suggestion",
        _(
            "If you are pregnant or breastfeeding, check with your doctor or midwife before "
            "you start."
        ),
        _("Supplements and low-dose naltrexone: pregnancy or breastfeeding; check safety first."),
        when=((ticked("conditions", "pregnancy"),), (unknown("conditions"),)),
        rides_on=(*SUPPLEMENTS, "low-dose-naltrexone", "sleep-restoration"),
        rank_factor=0.6,
        shown_when=_("Pregnancy or breastfeeding ticked, or the conditions question skipped"),
        label=_("Pregnant or breastfeeding"),
    ),
    Caution(
        "blood_sugar",
        "suggestion",
        _(
            "This can lower blood sugar. With diabetes, especially if you take medicine for it, "
            "check your glucose more often and talk to your doctor first."
        ),
        _("Alpha-lipoic acid: can lower blood glucose; monitor with diabetes medicines."),
        when=(
            (ticked("conditions", "diabetes"),),
            (ticked("conditions", "prediabetes"),),
            (unknown("conditions"),),
        ),
        rides_on=("alpha-lipoic-acid",),
        rank_factor=0.9,
        shown_when=_("Diabetes or prediabetes ticked, or the conditions question skipped"),
        label=_("Diabetes or prediabetes"),
    ),
    Caution(
        "nsaid_anticoagulant",
        "medicine",
        _(
            "Taking anti-inflammatory painkillers most days together with a blood thinner "
            "raises the risk of bleeding. Talk to your doctor or pharmacist soon."
        ),
        _("Regular NSAIDs with an anticoagulant: bleeding risk."),
        when=((ticked("medications", "nsaids_regular"), ticked("medications", "anticoagulant")),),
        shown_when=_("Regular anti-inflammatory painkillers and a blood thinner both ticked"),
    ),
    Caution(
        "nsaid_kidney",
        "medicine",
        _(
            "Anti-inflammatory painkillers taken most days can harm kidneys that already do "
            "not work well. Talk to your doctor or pharmacist soon."
        ),
        _("Regular NSAIDs with kidney disease: risk of further kidney harm."),
        when=((ticked("medications", "nsaids_regular"), ticked("conditions", "kidney_disease")),),
        shown_when=_("Regular anti-inflammatory painkillers and kidney disease both ticked"),
    ),
    Caution(
        "nsaid_pregnancy",
        "medicine",
        _(
            "Anti-inflammatory painkillers are not usually advised in pregnancy. Talk to your "
            "doctor or midwife before taking more."
        ),
        _("Regular NSAIDs in pregnancy or breastfeeding: review."),
        when=((ticked("medications", "nsaids_regular"), ticked("conditions", "pregnancy")),),
        shown_when=_("Regular anti-inflammatory painkillers and pregnancy both ticked"),
    ),
    Caution(
        "opioid_gabapentinoid",
        "medicine",
        _(
            "Opioids taken with gabapentin or pregabalin can make you very drowsy and slow your "
            "breathing. Do not change either on your own: talk to your prescriber."
        ),
        _("Opioid with a gabapentinoid: sedation and respiratory depression risk."),
        when=((ticked("medications", "opioids"), ticked("medications", "gabapentinoid")),),
        shown_when=_("Opioids and gabapentin or pregabalin both ticked"),
    ),
)

BY_CODE = {caution.code: caution for caution in CAUTIONS}
# The codes ITEMS.md names: editors may reword or extend these, never remove them.
CONTRACT_CODES = tuple(BY_CODE)
SUGGESTION_CAUTIONS = tuple(c for c in CAUTIONS if c.kind == "suggestion")
MEDICINE_CAUTIONS = tuple(c for c in CAUTIONS if c.kind == "medicine")
CAUTION_CODES = tuple(c.code for c in SUGGESTION_CAUTIONS)
MEDICINE_CAUTION_CODES = tuple(c.code for c in MEDICINE_CAUTIONS)
# A caution that rides on a suggestion whenever it is made, whatever the answers.
ALWAYS_CAUTIONS = {
    slug: caution.code
    for caution in SUGGESTION_CAUTIONS
    if caution.when == ((),)
    for slug in caution.rides_on
}


def complete(rulebook) -> tuple[Caution, ...]:
    """The editors' table, with any contract caution it lacks taken from the built-in floor."""
    rulebook = tuple(rulebook)
    have = {caution.code for caution in rulebook}
    return rulebook + tuple(c for c in CAUTIONS if c.code not in have)


def cautions_for(slug: str, answers: dict, rulebook=CAUTIONS) -> tuple[str, ...]:
    """The suggestion-caution codes that qualify `slug` for this person, in table order."""
    return tuple(
        caution.code
        for caution in rulebook
        if caution.kind == "suggestion" and slug in caution.rides_on and caution.applies(answers)
    )


def rank_factor(codes, rulebook=CAUTIONS) -> float:
    factors = {caution.code: caution.rank_factor for caution in rulebook}
    factor = 1.0
    for code in codes:
        factor *= factors.get(code, 1.0)
    return factor


def medicine_cautions(answers: dict, rulebook=CAUTIONS) -> tuple[str, ...]:
    """The person's own medicine-and-condition cautions, raised only from what they ticked."""
    return tuple(
        caution.code
        for caution in rulebook
        if caution.kind == "medicine" and caution.applies(answers)
    )
