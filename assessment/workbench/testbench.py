"""The scoring test bench: run clinicians' test stories against one questionnaire version.

Each story holds a person's answers and what a clinician expects MAP to say. The checks mirror
shared/map/check-vignettes, so a story that passes here passes there too. Plain functions: the
admin, publishing and tests all call `run_bench`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .. import spec_loader
from ..rules.answers import AnswerError, clean_answers
from ..rules.cautions import ALWAYS_CAUTIONS, CAUTIONS
from ..rules.codes import TYPE_CODES
from ..rules.compare import KINDS, ScoreShift, changes, score_shifts
from ..rules.scoring import MapResult, result_for
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


def run_one(
    spec: QuestionnaireSpec, *, title, answers, expect, story_id=None, rulebook=CAUTIONS
) -> Verdict:
    try:
        cleaned = clean_answers(spec, answers or {})
    except AnswerError as exc:
        # A story written for another version can name a code this version no longer has.
        message = _("its answers do not fit version %(version)s: %(problem)s") % {
            "version": spec.version,
            "problem": exc,
        }
        return Verdict(title=title, problems=(message,), story_id=story_id)
    result = result_for(spec, cleaned, rulebook)
    return Verdict(
        title=title,
        problems=tuple(check_result(expect, result)),
        story_id=story_id,
        result=result.to_dict(),
    )


def run_bench(questionnaire, stories=None) -> BenchReport:
    """Run every active story (or the given ones) against one version; one query for stories."""
    from ..models import TestStory
    from ..spec_loader import spec_for

    spec = spec_for(questionnaire)
    if stories is None:
        stories = TestStory.objects.filter(active=True).order_by("title", "pk")
    rulebook = spec_loader.rulebook()
    verdicts = tuple(
        run_one(
            spec,
            title=story.title,
            answers=story.answers,
            expect=Expectation.from_story(story),
            story_id=story.pk,
            rulebook=rulebook,
        )
        for story in stories
    )
    return BenchReport(version=questionnaire.version, verdicts=verdicts)


@dataclass(frozen=True)
class StoryComparison:
    """One story scored on the published version and on the draft, side by side."""

    title: str
    story_id: int | None
    live: dict | None  # the published version's result (None: no published version)
    draft: dict | None  # None: the answers do not fit the draft
    changes: tuple[str, ...] = ()
    shifts: tuple[ScoreShift, ...] = ()
    added: tuple[str, ...] = ()  # suggestions the draft adds
    removed: tuple[str, ...] = ()  # suggestions the draft drops

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def scores(self) -> list[tuple[str, int | None, int | None, int]]:
        """(type, live score, draft score, difference) for every type."""
        live = {c: p["score"] for c, p in ((self.live or {}).get("types") or {}).items()}
        draft = {c: p["score"] for c, p in ((self.draft or {}).get("types") or {}).items()}
        return [
            (code, live.get(code), draft.get(code), (draft.get(code) or 0) - (live.get(code) or 0))
            for code in TYPE_CODES
        ]


def compare_bench(draft, live, stories=None) -> tuple[StoryComparison, ...]:
    """Every active story's result on `live` and on `draft`, with what differs."""
    from ..models import TestStory
    from ..spec_loader import spec_for

    draft_spec = spec_for(draft)
    live_spec = spec_for(live) if live is not None else None
    if stories is None:
        stories = TestStory.objects.filter(active=True).order_by("title", "pk")
    rulebook = spec_loader.rulebook()
    found = []
    for story in stories:
        expect = Expectation.from_story(story)
        kwargs = {
            "title": story.title,
            "answers": story.answers,
            "expect": expect,
            "rulebook": rulebook,
        }
        new = run_one(draft_spec, **kwargs).result
        old = run_one(live_spec, **kwargs).result if live_spec is not None else None
        both = old is not None and new is not None
        old_slugs = [s["slug"] for s in (old or {}).get("suggestions", ())]
        new_slugs = [s["slug"] for s in (new or {}).get("suggestions", ())]
        found.append(
            StoryComparison(
                title=story.title,
                story_id=story.pk,
                live=old,
                draft=new,
                changes=changes(old, new) if both else (),
                shifts=tuple(score_shifts(old, new)) if both else (),
                added=tuple(slug for slug in new_slugs if slug not in old_slugs) if both else (),
                removed=tuple(slug for slug in old_slugs if slug not in new_slugs) if both else (),
            )
        )
    return tuple(found)


# Counts below this are shown as "fewer than 5": a count of 1 can single a person out.
SMALL_COUNT = 5


@dataclass(frozen=True)
class RecentImpact:
    """How the draft would change the results of the last N completed assessments: counts only."""

    looked_at: int
    do_not_fit: int
    counts: dict[str, int]

    def shown(self) -> list[tuple[str, str]]:
        return [(kind, shown_count(count)) for kind, count in self.counts.items()]


def shown_count(count: int) -> str:
    if 0 < count < SMALL_COUNT:
        return str(_("fewer than %(n)s") % {"n": SMALL_COUNT})
    return str(count)


def recent_impact(draft, limit: int) -> RecentImpact:
    """Re-score the last `limit` completed assessments' answers on `draft` (in memory, never
    saved) and count how many would change urgency, leading type, cautions, suggestions or
    scores compared with the result they were given. Two queries, whatever `limit` is."""
    from ..models import Answer, Assessment
    from ..spec_loader import spec_for

    spec = spec_for(draft)
    recent = list(
        Assessment.objects.filter(completed_at__isnull=False, result__isnull=False)
        .order_by("-completed_at")
        .values_list("pk", "result")[:limit]
    )
    answers: dict[int, dict] = {pk: {} for pk, _result in recent}
    for assessment_id, code, value in Answer.objects.filter(
        assessment_id__in=list(answers)
    ).values_list("assessment_id", "item_code", "value"):
        if value is not None:
            answers[assessment_id][code] = value
    counts = dict.fromkeys(KINDS, 0)
    unfit = 0
    rulebook = spec_loader.rulebook()
    for pk, stored in recent:
        try:
            cleaned = clean_answers(spec, answers[pk])
        except AnswerError:
            unfit += 1
            continue
        new = result_for(spec, cleaned, rulebook).to_dict()
        for kind in changes(stored, new):
            counts[kind] += 1
    return RecentImpact(looked_at=len(recent), do_not_fit=unfit, counts=counts)


def _quoted(codes) -> str:
    return ", ".join(f'"{code}"' for code in codes)


def _label(urgency) -> str:
    return f'"{urgency}"' if urgency else _("none")


def _onoff(value: bool) -> str:
    return _("on") if value else _("off")
