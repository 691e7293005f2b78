"""Questionnaire versions: clone, validate, publish, retire. Plain services, no web code.

A version is a draft until it is published; from then on it never changes (the models refuse),
so every assessment reproduces its result on the version it was answered on. Exactly one version
is published at a time: new assessments start on it; existing ones keep theirs.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from ..models import (
    AnswerOption,
    Item,
    OptionWeight,
    PublishApproval,
    PublishRecord,
    Questionnaire,
    Section,
)
from ..rules.codes import NUMBER_RANGES, REQUIRED_ITEMS, REQUIRED_SHOW_WHEN, TYPE_CODES
from ..rules.spec import QuestionnaireSpec
from ..spec_loader import build_spec
from .testbench import BenchReport, run_bench

PUBLISH_PERMISSION = "assessment.publish_questionnaire"


class VersionError(Exception):
    """A version operation that cannot go ahead; `messages` say why, naming what is wrong."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


class AwaitingApproval(VersionError):
    """This clinical lead's approval is recorded; more are needed before the draft goes live."""

    def __init__(self, approvals: int, required: int):
        self.approvals, self.required = approvals, required
        super().__init__(
            [
                _(
                    "Your approval is recorded (%(have)s of %(need)s). Another clinical lead "
                    "must now publish the same, unchanged draft."
                )
                % {"have": approvals, "need": required}
            ]
        )


class StoriesFailing(VersionError):
    """Publishing would ship a version whose test stories fail; needs explicit confirmation."""

    def __init__(self, report: BenchReport):
        self.report = report
        super().__init__(
            [
                _("Test story “%(title)s” fails: %(problems)s")
                % {"title": v.title, "problems": "; ".join(v.problems)}
                for v in report.failures
            ]
        )


def _copy(instance, **overrides):
    """An unsaved copy of a row: every concrete field but the primary key, with overrides."""
    values = {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if not f.primary_key
    }
    values.update(overrides)
    return type(instance)(**values)


@transaction.atomic
def questionnaire_clone(*, source: Questionnaire, label: str, user=None) -> Questionnaire:
    """A new draft with everything of `source`: sections, items, options, weights.

    Four bulk inserts, whatever the size of the questionnaire. History rows are written too,
    so the history of every copied row starts at the clone.
    """
    next_version = (Questionnaire.objects.aggregate(top=Max("version"))["top"] or 0) + 1
    draft = Questionnaire.objects.create(
        version=next_version,
        label=label,
        status=Questionnaire.Status.DRAFT,
        cloned_from=source,
        changelog="",
    )
    sections = list(Section.objects.filter(questionnaire=source).order_by("pk"))
    new_sections = bulk_create_with_history(
        [_copy(s, questionnaire_id=draft.pk) for s in sections], Section, default_user=user
    )
    section_map = {old.pk: new.pk for old, new in zip(sections, new_sections, strict=True)}

    items = list(Item.objects.filter(questionnaire=source).order_by("pk"))
    new_items = bulk_create_with_history(
        [_copy(i, questionnaire_id=draft.pk, section_id=section_map[i.section_id]) for i in items],
        Item,
        default_user=user,
    )
    item_map = {old.pk: new.pk for old, new in zip(items, new_items, strict=True)}

    options = list(AnswerOption.objects.filter(item__questionnaire=source).order_by("pk"))
    new_options = bulk_create_with_history(
        [_copy(o, item_id=item_map[o.item_id]) for o in options], AnswerOption, default_user=user
    )
    option_map = {old.pk: new.pk for old, new in zip(options, new_options, strict=True)}

    weights = OptionWeight.objects.filter(option__item__questionnaire=source).order_by("pk")
    bulk_create_with_history(
        [_copy(w, option_id=option_map[w.option_id]) for w in weights],
        OptionWeight,
        default_user=user,
    )
    return draft


def validate_spec(spec: QuestionnaireSpec) -> list[str]:
    """Everything that would make a version unsafe to publish, one message per problem."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(spec.items):
        if item.code in seen:
            problems.append(_("Item code “%(code)s” is used twice.") % {"code": item.code})
        seen.setdefault(item.code, index)

    for index, item in enumerate(spec.items):
        option_codes = [o.code for o in item.options]
        for code in sorted({c for c in option_codes if option_codes.count(c) > 1}):
            problems.append(
                _("Item “%(item)s”: answer code “%(option)s” is used twice.")
                % {"item": item.code, "option": code}
            )
        if item.kind in ("single", "multi") and not item.options:
            problems.append(
                _("Item “%(item)s” is a choice question with no answers.") % {"item": item.code}
            )
        if item.kind in ("number", "text") and item.options:
            problems.append(
                _("Item “%(item)s” is a %(kind)s question, so it cannot have answer options.")
                % {"item": item.code, "kind": item.kind}
            )
        if (
            item.kind == "number"
            and item.min_value is not None
            and item.max_value is not None
            and item.min_value > item.max_value
        ):
            problems.append(
                _("Item “%(item)s”: the lowest number is above the highest.") % {"item": item.code}
            )
        for option in item.options:
            for type_code in option.weights:
                if type_code not in TYPE_CODES:
                    problems.append(
                        _(
                            "Item “%(item)s”, answer “%(option)s”: weight for “%(type)s”, "
                            "which is not one of the four presentation types."
                        )
                        % {"item": item.code, "option": option.code, "type": type_code}
                    )
        problems.extend(_show_when_problems(spec, index, item, seen))

    for code, (kind, answer_codes) in REQUIRED_ITEMS.items():
        item = spec.by_code.get(code)
        if item is None:
            problems.append(
                _("Item “%(item)s” is missing. It is part of the MAP contract (ITEMS.md).")
                % {"item": code}
            )
            continue
        if item.kind != kind:
            problems.append(
                _("Item “%(item)s” must be a %(want)s question, not %(got)s.")
                % {"item": code, "want": kind, "got": item.kind}
            )
        missing = [a for a in answer_codes if a not in item.options_by_code]
        if missing:
            problems.append(
                _("Item “%(item)s” is missing the answer codes %(codes)s (ITEMS.md).")
                % {"item": code, "codes": ", ".join(f"“{a}”" for a in missing)}
            )
        if code in REQUIRED_SHOW_WHEN and item.show_when != REQUIRED_SHOW_WHEN[code]:
            want_item, want_option = REQUIRED_SHOW_WHEN[code]
            problems.append(
                _("Item “%(item)s” must be asked only when “%(when)s” has “%(option)s”.")
                % {"item": code, "when": want_item, "option": want_option}
            )
        if code in NUMBER_RANGES and (item.min_value, item.max_value) != NUMBER_RANGES[code]:
            low, high = NUMBER_RANGES[code]
            problems.append(
                _("Item “%(item)s” must run from %(low)s to %(high)s.")
                % {"item": code, "low": low, "high": high}
            )
    return problems


def _show_when_problems(spec, index, item, seen) -> list[str]:
    if item.show_when is None:
        return []
    when_item, when_option = item.show_when
    if not when_option:
        return [
            _("Item “%(item)s”: its show-when rule names item “%(when)s” but no answer.")
            % {"item": item.code, "when": when_item}
        ]
    if when_item not in seen:
        return [
            _("Item “%(item)s”: its show-when rule points at “%(when)s”, which does not exist.")
            % {"item": item.code, "when": when_item}
        ]
    if seen[when_item] >= index:
        return [
            _(
                "Item “%(item)s”: its show-when rule points at “%(when)s”, which is asked after "
                "it. A rule may only point at an earlier question."
            )
            % {"item": item.code, "when": when_item}
        ]
    if when_option not in spec.by_code[when_item].options_by_code:
        return [
            _(
                "Item “%(item)s”: its show-when rule needs answer “%(option)s”, which “%(when)s” does not have."
            )
            % {"item": item.code, "option": when_option, "when": when_item}
        ]
    return []


def questionnaire_validate(questionnaire: Questionnaire) -> list[str]:
    problems = validate_spec(build_spec(questionnaire))
    # A rule with an answer but no item is invisible to the spec (show_when is None): catch it.
    for code in Item.objects.filter(
        questionnaire=questionnaire, show_when_item="", show_when_option__gt=""
    ).values_list("code", flat=True):
        problems.append(
            _("Item “%(item)s”: its show-when rule names an answer but no item.") % {"item": code}
        )
    return problems


def spec_fingerprint(questionnaire: Questionnaire) -> str:
    """A digest of everything the draft asks and scores: an approval holds for this only."""
    spec = build_spec(questionnaire)
    return hashlib.sha256(repr(spec.items).encode()).hexdigest()


def questionnaire_publish(
    *, questionnaire: Questionnaire, user, confirm_failures=False, changelog=None
):
    """Publish a draft: validate, run the test bench, retire the live version, record it.

    "What changed" is required (the `changelog`, or the one the draft already has). With
    PAINMAP_PUBLISH_APPROVALS above 1, each clinical lead's publish is an approval of the draft
    as it stands, and it goes live only at the one that completes the count.

    Raises PermissionDenied without the publish permission, VersionError when the version is
    not a valid draft or says nothing of what changed, StoriesFailing when stories fail and
    `confirm_failures` is not set, and AwaitingApproval when more approvals are needed.
    Returns the PublishRecord.
    """
    if user is None or not user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("You do not have permission to publish questionnaire versions."))
    questionnaire.refresh_from_db()
    if questionnaire.status != Questionnaire.Status.DRAFT:
        raise VersionError(
            [
                _("Version %(version)s is %(status)s; only a draft can be published.")
                % {"version": questionnaire.version, "status": questionnaire.get_status_display()}
            ]
        )
    problems = questionnaire_validate(questionnaire)
    if problems:
        raise VersionError(problems)
    changelog = (changelog if changelog is not None else questionnaire.changelog).strip()
    if not changelog:
        raise VersionError([_("Say what changed in this version before publishing it.")])
    report = run_bench(questionnaire)
    if report.failures and not confirm_failures:
        raise StoriesFailing(report)

    fingerprint = spec_fingerprint(questionnaire)
    PublishApproval.objects.get_or_create(
        questionnaire=questionnaire,
        approved_by=user,
        fingerprint=fingerprint,
        defaults={"changelog": changelog},
    )
    approvals = (
        PublishApproval.objects.filter(questionnaire=questionnaire, fingerprint=fingerprint)
        .values("approved_by")
        .distinct()
        .count()
    )
    required = settings.PAINMAP_PUBLISH_APPROVALS
    if approvals < required:
        # Kept (outside any transaction that the refusal would roll back) for the next lead.
        Questionnaire.objects.filter(pk=questionnaire.pk).update(changelog=changelog)
        raise AwaitingApproval(approvals, required)

    with transaction.atomic():
        live = list(
            Questionnaire.objects.select_for_update()
            .filter(status=Questionnaire.Status.PUBLISHED)
            .exclude(pk=questionnaire.pk)
        )
        for old in live:
            old.status = Questionnaire.Status.RETIRED
            old._history_user = user
            old.save(update_fields=["status", "updated_at"])
        questionnaire.status = Questionnaire.Status.PUBLISHED
        questionnaire.published_at = timezone.now()
        questionnaire.changelog = changelog
        questionnaire._history_user = user
        questionnaire.save(update_fields=["status", "published_at", "changelog", "updated_at"])
        return PublishRecord.objects.create(
            questionnaire=questionnaire,
            published_by=user,
            failing_stories=report.failures_for_record(),
            confirmed_despite_failures=bool(report.failures),
        )


def questionnaire_retire(*, questionnaire: Questionnaire, user) -> Questionnaire:
    """Retire a draft (abandon it) or the published version (take it out of use).

    Retiring the published version leaves no version to start a new MAP on until another is
    published, so it needs the publish permission, like publishing does.
    """
    questionnaire.refresh_from_db()
    if questionnaire.status == Questionnaire.Status.RETIRED:
        raise VersionError(
            [_("Version %(version)s is already retired.") % {"version": questionnaire.version}]
        )
    if questionnaire.status == Questionnaire.Status.PUBLISHED and not (
        user is not None and user.has_perm(PUBLISH_PERMISSION)
    ):
        raise PermissionDenied(_("You do not have permission to retire a published version."))
    questionnaire.status = Questionnaire.Status.RETIRED
    questionnaire._history_user = user
    questionnaire.save(update_fields=["status", "updated_at"])
    return questionnaire
