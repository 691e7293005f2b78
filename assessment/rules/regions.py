"""Care services per country: who to call, in the words people there use. Pure data.

`settings.PAINMAP_REGION` picks one pack for the whole site; every page, the stop-and-act card
and the crisis support read it (through `painmap.context_processors.care`), so no template
names a number. A region we have no pack for gets the generic pack, which tells people to call
their local emergency number rather than guess one.

Only numbers we are sure of are listed: a wrong crisis number is worse than none, so a service
we could not confirm is left out and the words fall back to "your doctor".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "uk"
GENERIC = "generic"


@dataclass(frozen=True)
class Line:
    """One phone number or text service, shown with its number and tapped to call or text."""

    name: str  # "Samaritans", "" for the bare emergency number
    number: str  # as people read it: "116 123"
    kind: str = "tel"  # "tel" or "sms"
    note: str = ""  # "free, any time", "text SHOUT"

    @property
    def href(self) -> str:
        digits = "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
        return f"{self.kind}:{digits}"

    @property
    def is_text(self) -> bool:
        return self.kind == "sms"


@dataclass(frozen=True)
class RegionPack:
    code: str
    name: str
    # The emergency number(s); empty for the generic pack ("your local emergency number").
    emergency: tuple[Line, ...]
    # Where to go in an emergency, as people there say it: "A&E", "the emergency room".
    emergency_place: str
    # Who to see soon (urgent flags): "your GP practice", "your doctor".
    urgent_care: str
    # A line for medical advice when the doctor is closed; None where we list none.
    out_of_hours: Line | None
    # Crisis lines for thoughts of self-harm: call and text.
    crisis: tuple[Line, ...]

    @property
    def emergency_numbers(self) -> str:
        """The emergency numbers in words: "999", "112 or 999"; "" for the generic pack."""
        return str(_(" or ")).join(line.number for line in self.emergency)

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every number of the pack, for the tests that no template hard-codes one."""
        extra = (self.out_of_hours,) if self.out_of_hours else ()
        return (*self.emergency, *extra, *self.crisis)


PACKS: dict[str, RegionPack] = {
    "uk": RegionPack(
        code="uk",
        name=_("the UK"),
        emergency=(Line("", "999"),),
        emergency_place=_("A&E"),
        urgent_care=_("your GP practice"),
        out_of_hours=Line(_("NHS 111"), "111", note=_("medical help when your GP is closed")),
        crisis=(
            Line(_("Samaritans"), "116 123", note=_("free, any time")),
            Line(_("Shout"), "85258", kind="sms", note=_("text SHOUT, free, any time")),
        ),
    ),
    "ie": RegionPack(
        code="ie",
        name=_("Ireland"),
        emergency=(Line("", "112"), Line("", "999")),
        emergency_place=_("the emergency department"),
        urgent_care=_("your GP"),
        out_of_hours=None,
        crisis=(
            Line(_("Samaritans"), "116 123", note=_("free, any time")),
            Line(_("Text About It"), "50808", kind="sms", note=_("text HELLO, free, any time")),
        ),
    ),
    "us": RegionPack(
        code="us",
        name=_("the US"),
        emergency=(Line("", "911"),),
        emergency_place=_("the emergency room"),
        urgent_care=_("your doctor or an urgent care clinic"),
        out_of_hours=None,
        crisis=(
            Line(_("988 Suicide & Crisis Lifeline"), "988", note=_("call, free, any time")),
            Line(_("988 Suicide & Crisis Lifeline"), "988", kind="sms", note=_("text")),
        ),
    ),
    "ca": RegionPack(
        code="ca",
        name=_("Canada"),
        emergency=(Line("", "911"),),
        emergency_place=_("the emergency department"),
        urgent_care=_("your doctor or a walk-in clinic"),
        out_of_hours=None,
        crisis=(
            Line(_("9-8-8 Suicide Crisis Helpline"), "988", note=_("call, free, any time")),
            Line(_("9-8-8 Suicide Crisis Helpline"), "988", kind="sms", note=_("text")),
        ),
    ),
    "au": RegionPack(
        code="au",
        name=_("Australia"),
        emergency=(Line("", "000"),),
        emergency_place=_("the emergency department"),
        urgent_care=_("your GP"),
        out_of_hours=Line(
            _("healthdirect"), "1800 022 222", note=_("free health advice, any time")
        ),
        crisis=(Line(_("Lifeline"), "13 11 14", note=_("any time")),),
    ),
    "nz": RegionPack(
        code="nz",
        name=_("New Zealand"),
        emergency=(Line("", "111"),),
        emergency_place=_("the emergency department"),
        urgent_care=_("your GP"),
        out_of_hours=Line(_("Healthline"), "0800 611 116", note=_("free, any time")),
        crisis=(
            Line(_("Need to talk? 1737"), "1737", note=_("call, free, any time")),
            Line(_("Need to talk? 1737"), "1737", kind="sms", note=_("text")),
        ),
    ),
    GENERIC: RegionPack(
        code=GENERIC,
        name="",
        emergency=(),
        emergency_place=_("the nearest emergency department"),
        urgent_care=_("your doctor"),
        out_of_hours=None,
        crisis=(),
    ),
}


def pack_for(code: str | None) -> RegionPack:
    """The pack for a region code (case and spaces ignored); the generic pack if unknown."""
    return PACKS.get((code or "").strip().lower(), PACKS[GENERIC])
