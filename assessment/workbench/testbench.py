"""The scoring test bench: run clinicians' test stories against one questionnaire version.

Each story holds a person's answers and what a clinician expects MAP to say. The checks mirror
shared/map/check-vignettes, so a story that passes here passes there too. Plain functions: the
admin, publishing and tests all call `run_bench`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..rules.answers import AnswerError, clean_answers
from ..rules.cautions import ALWAYS_CAUTIONS
from ..rules.codes import TYPE_CODES
from ..rules.flow import relevant_answers
from ..rules.scoring import MapResult, score
from ..rules.spec import QuestionnaireSpec

# In an expected-leading list: the answers may point to no single pattern (`primary` empty).
NO_PATTERN = "none"


@dataclass(frozen=True)
class Expectation:
    """What a clinician expects, in the vignette vocabulary (`expect` of a vignette file)."""

    leading_any: tuple[str, ...]
    urgency: str | None = None
    crisis: bool = False
    acute: bool | None = None
    suggest_all: tuple[str, ...] = ()
    not_suggested: tuple[str, ...] = ()
    cautions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_vignette(cls, expect: dict) -> Expectation:
        """From the `expect` object of a vignette or clinical-case file."""
        return cls(
            leading_any=tuple(expect["primary_any"]),
            urgency=expect.get("urgency"),
            crisis=bool(expect.get("crisis", False)),
            acute=expect.get("acute"),
            suggest_all=tuple(expect.get("suggest_all", ())),
            not_suggested=tuple(expect.get("not_suggested", ())),
            cautions=dict(expect.get("cautions", {})),
        )

    @classmethod
    def from_story(cls, story) -> Expectation:
        return cls(
            leading_any=tuple(story.expected_leading or ()),
            urgency=story.expected_urgency or None,
            crisis=bool(story.expected_crisis),
            acute=story.expected_acute,
            suggest_all=tuple(story.required_suggestions or ()),
            not_suggested=tuple(story.forbidden_suggestions or ()),
            cautions=dict(story.required_cautions or {}),
        )


@dataclass(frozen=True)
class Verdict:
    title: str
    problems: tuple[str, ...]
    story_id: int | None = None
    result: dict | None = None

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class BenchReport:
    version: int
    verdicts: tuple[Verdict, ...]

    @property
    def failures(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if not v.passed)

    @property
    def passed_count(self) -> int:
        return sum(v.passed for v in self.verdicts)

    @property
    def all_passed(self) -> bool:
        return not self.failures

    def failures_for_record(self) -> list[dict]:
        """What PublishRecord keeps: enough to know later which stories were overridden."""
        return [
            {"story": v.story_id, "title": v.title, "problems": list(v.problems)}
            for v in self.failures
        ]


def check_result(expect: Expectation, result: MapResult) -> list[str]:
    """Every way `result` differs from what the clinician expects; empty when it matches."""
    problems = []
    primary = list(result.primary)
    # As in check-vignettes: no expected type means none may be named (an emergency);
    # NO_PATTERN among them allows "the answers point to no single pattern".
    if not expect.leading_any:
        if primary:
            problems.append(
                _("names the type %(got)s where none may be named") % {"got": _quoted(primary[:1])}
            )
    elif not primary:
        if NO_PATTERN not in expect.leading_any:
            problems.append(
                _("names no type, expected one of %(want)s") % {"want": _quoted(expect.leading_any)}
            )
    elif primary[0] not in expect.leading_any:
        problems.append(
            _("leading type is %(got)s, expected one of %(want)s")
            % {"got": _quoted(primary[:1]), "want": _quoted(expect.leading_any)}
        )
    unknown = [code for code in primary if code not in TYPE_CODES]
    if unknown:
        problems.append(_("unknown type in primary: %(codes)s") % {"codes": _quoted(unknown)})
    if result.urgency != expect.urgency:
        problems.append(
            _("urgency is %(got)s, expected %(want)s")
            % {"got": _label(result.urgency), "want": _label(expect.urgency)}
        )
    if result.crisis != expect.crisis:
        problems.append(
            _("crisis support is %(got)s, expected %(want)s")
            % {"got": _onoff(result.crisis), "want": _onoff(expect.crisis)}
        )
    if expect.acute is not None and result.acute != expect.acute:
        problems.append(
            _("acute is %(got)s, expected %(want)s")
            % {"got": _onoff(result.acute), "want": _onoff(expect.acute)}
        )
    suggested = {s.slug: set(s.cautions) for s in result.suggestions}
    if expect.urgency:
        if not result.red_flags:
            problems.append(_("urgent without naming its red flags"))
        if suggested:
            problems.append(
                _("urgent, yet suggests %(slugs)s") % {"slugs": _quoted(sorted(suggested))}
            )
    for slug in expect.suggest_all:
        if slug not in suggested:
            problems.append(_('"%(slug)s" is not suggested') % {"slug": slug})
    for slug in expect.not_suggested:
        if slug in suggested:
            problems.append(_('"%(slug)s" is suggested but must not be') % {"slug": slug})
    for slug, code in {**ALWAYS_CAUTIONS, **expect.cautions}.items():
        if slug in suggested and code not in suggested[slug]:
            problems.append(
                _('"%(slug)s" is suggested without its "%(code)s" caution')
                % {"slug": slug, "code": code}
            )
    if set(result.types) != set(TYPE_CODES):
        problems.append(_("types are %(codes)s") % {"codes": _quoted(sorted(result.types))})
    for code, part in result.types.items():
        if not 0 <= part.score <= 100:
            problems.append(
                _("%(code)s score %(score)s is outside 0-100") % {"code": code, "score": part.score}
            )
    return problems


def run_one(spec: QuestionnaireSpec, *, title, answers, expect, story_id=None) -> Verdict:
    try:
        cleaned = clean_answers(spec, answers or {})
    except AnswerError as exc:
        # A story written for another version can name a code this version no longer has.
        message = _("its answers do not fit version %(version)s: %(problem)s") % {
            "version": spec.version,
            "problem": exc,
        }
        return Verdict(title=title, problems=(message,), story_id=story_id)
    result = score(spec, relevant_answers(spec, cleaned))
    return Verdict(
        title=title,
        problems=tuple(check_result(expect, result)),
        story_id=story_id,
        result=result.to_dict(),
    )


def run_bench(questionnaire, stories=None) -> BenchReport:
    """Run every active story (or the given ones) against one version; one query for stories."""
    from ..models import TestStory
    from ..rules.spec import spec_for

    spec = spec_for(questionnaire)
    if stories is None:
        stories = TestStory.objects.filter(active=True).order_by("title", "pk")
    verdicts = tuple(
        run_one(
            spec,
            title=story.title,
            answers=story.answers,
            expect=Expectation.from_story(story),
            story_id=story.pk,
        )
        for story in stories
    )
    return BenchReport(version=questionnaire.version, verdicts=verdicts)


def _quoted(codes) -> str:
    return ", ".join(f'"{code}"' for code in codes)


def _label(urgency) -> str:
    return f'"{urgency}"' if urgency else _("none")


def _onoff(value: bool) -> str:
    return _("on") if value else _("off")
