"""The MAP journey: start, one question per page, check answers, results, resume, delete.

Views are thin: routing is `flow`, checking is `forms`/`answers`, writing is `services`,
wording is `presenters`. GET never changes anything; every POST that saves redirects (PRG),
so refresh, back, a second tab and a double submit are all harmless.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from painmap import ratelimit

from ..models import Assessment, Questionnaire
from ..rules import flow, safety
from ..rules.codes import RED_FLAGS, SELF_HARM
from ..spec_loader import rulebook, spec_for
from . import access, explain, presenters, services
from .forms import AnswerForm, ResumeForm, scale_values

# The start page's time: one short question a page, a tap or two and Continue.
SECONDS_PER_QUESTION = 15

# The real question about opioid tapers (seeded by content.seed_data), linked from opioid notes.
TAPER_FAQ_SLUG = "opioid-taper"


# ---------------------------------------------------------------- helpers


def _question_url(key: str, code: str, change: bool = False) -> str:
    url = reverse("assessment:question", args=[key, code])
    return f"{url}?change=1" if change else url


def _after(key: str, spec, answers: dict, code: str | None, change: bool = False) -> str:
    """Where Continue goes: the next question not yet seen, else check answers.

    After a Change from check answers this is check answers again, unless the change opened
    a question that has no answer yet: that one is asked first.
    """
    following = flow.next_item(spec, answers, after=code)
    if following is not None:
        return _question_url(key, following.code, change)
    return reverse("assessment:check", args=[key])


def _continue_after(assessment: Assessment, spec, answers: dict, code: str, change: bool) -> str:
    """Where an interruption page (red flags, crisis support) lets the person go on to."""
    if assessment.is_complete:
        return reverse("assessment:results", args=[assessment.key])
    return _after(assessment.key, spec, answers, code, change)


def _stop_url(assessment: Assessment) -> str:
    return reverse("assessment:stop", args=[assessment.key])


def _resume_target(assessment: Assessment) -> str:
    """Where someone lands when they come back: results, or the first unanswered question.

    After an emergency flag that is always the stop page: the journey has ended.
    """
    if safety.ends_journey(assessment.urgency):
        return _stop_url(assessment)
    if assessment.is_complete:
        return reverse("assessment:results", args=[assessment.key])
    spec = spec_for(assessment.questionnaire)
    return _after(assessment.key, spec, services.stored_answers(assessment), None)


def _page_context(assessment: Assessment, answers: dict | None = None, **extra) -> dict:
    """What every page of one assessment shows: support bar, red-flag banner, resume code.

    `answers` (the stored answers, when the view has them) say how soon care is needed; a
    page without them reads them only when there is a red flag to word.
    """
    care = None
    if assessment.urgency:
        if answers is None:
            answers = services.stored_answers(assessment)
        care = safety.care_level(answers.get(RED_FLAGS))
    return {
        "assessment": assessment,
        "key": assessment.key,
        "show_crisis": assessment.crisis,
        "urgency": assessment.urgency,
        "care": care,
        "resume_code": services.format_code(assessment.resume_code),
        **extra,
    }


def _not_here(request, pending: dict | None = None):
    """This browser does not hold that assessment: offer the resume code, status 404.

    The same page whether or not the key exists, so it tells a stranger nothing. A POSTed
    answer rides along in hidden fields and is saved once the code is right.
    """
    return render(
        request,
        "assessment/not_here.html",
        {
            "title": _("We could not find your answers in this browser"),
            "form": ResumeForm(),
            "pending": pending,
        },
        status=404,
    )


def expired_question(request, key: str, code: str):
    """A question's POST failed its CSRF check (cookies lost, or the page was open too long).

    The typed answer is kept in hidden fields, as on the not-here page. If this browser still
    holds the assessment, one press saves it; if not, the resume code comes first and saves it.
    Status 403, like any CSRF failure; nothing is stored until a valid POST arrives.
    """
    assessment = access.owned_assessment(request, key)
    return render(
        request,
        "403_csrf.html",
        {
            "title": _("This page has expired"),
            "pending": _pending_from(code, request.POST),
            "save_url": _question_url(key, code) if assessment is not None else None,
            "form": ResumeForm(),
        },
        status=403,
    )


def _pending_from(code: str, data) -> dict:
    return {
        "item": code,
        "answers": [value for value in data.getlist("answer") if isinstance(value, str)],
        "action": data.get("action", "continue"),
        "change": data.get("change", ""),
    }


def _render_question(request, assessment, spec, answers, item, form, change, status=200):
    previous = flow.previous_item(spec, answers, item.code)
    previous_code = previous.code if previous else None
    if change and flow.next_item(spec, answers) is None:
        back_url = reverse("assessment:check", args=[assessment.key])
    elif change and previous:
        # A Change opened a question with no answer yet (opioids ticked: how long?). Check
        # answers would send the person straight back here, so Back goes to the question
        # before it, still as a change: never a loop.
        back_url = _question_url(assessment.key, previous.code, change=True)
    else:
        back_url = (
            _question_url(assessment.key, previous.code)
            if previous
            else reverse("assessment:start")
        )
    options = [
        {
            "code": option.code,
            "label": option.label,
            "hint": option.hint,
            "exclusive": option.exclusive,
            "checked": option.code in form.selected,
        }
        for option in item.options
    ]
    scale = scale_values(item)
    context = _page_context(
        assessment,
        answers,
        title=item.wording,
        item=item,
        form=form,
        change=change,
        back_url=back_url,
        options=[option for option in options if not option.get("exclusive")],
        exclusive_options=[option for option in options if option.get("exclusive")],
        scale=[{"value": n, "checked": str(n) in form.selected} for n in scale or []],
        scale_ends=presenters.scale_ends(item) if scale else None,
        action_url=_question_url(assessment.key, item.code, change),
        errors=[(form.error, form.error_anchor)] if form.error else [],
        is_body_map=item.code == "body_regions",
        # The resume code shows on the first question (where it is new) and at stop points;
        # other questions link to it ("Stop and come back later").
        is_first=previous_code is None and not change,
    )
    return render(request, "assessment/question.html", context, status=status)


def _save_and_route(request, assessment, spec, answers, item, data, change):
    """Check a question's POST; on success save it and redirect, else show the page again."""
    if safety.ends_journey(assessment.urgency) and item.code != RED_FLAGS:
        # An emergency ends the journey: only the red-flag answer may still change.
        return redirect(_stop_url(assessment))
    form = AnswerForm(item, data=data)
    if not form.is_valid():
        services.count_error(assessment, item.code)
        return _render_question(
            request, assessment, spec, answers, item, form, change, status=form.status
        )
    try:
        answers = services.save_answer(assessment, item.code, form.value, answers)
    except services.AssessmentClosed:
        # Finished (or deleted) in another tab meanwhile: its result is a record now.
        return redirect("assessment:carry_on", assessment.key)
    suffix = "?change=1" if change else ""
    if item.code == RED_FLAGS and assessment.urgency:
        return redirect(reverse("assessment:stop", args=[assessment.key]) + suffix)
    if item.code == SELF_HARM and safety.support_page_due(form.value, assessment.support_seen):
        return redirect(reverse("assessment:support", args=[assessment.key]) + suffix)
    return redirect(_after(assessment.key, spec, answers, item.code, change))


# ---------------------------------------------------------------- start


@never_cache
@require_http_methods(["GET", "HEAD"])
def start(request):
    keys = request.session.get(access.SESSION_KEY, [])
    unfinished = None
    if keys:
        unfinished = (
            Assessment.objects.filter(key__in=keys, completed_at__isnull=True)
            .order_by("-updated_at")
            .first()
        )
    questionnaire = Questionnaire.objects.live()
    fewest = most = minutes = None
    if questionnaire is not None:
        fewest, most = flow.question_range(spec_for(questionnaire))
        minutes = max(1, math.ceil(most * SECONDS_PER_QUESTION / 60))
    return render(
        request,
        "assessment/start.html",
        {
            "title": _("Your MAP: map your pain"),
            "unfinished": unfinished,
            "available": questionnaire is not None,
            "retention_days": settings.PAINMAP_RETENTION_DAYS,
            "fewest": fewest,
            "most": most,
            "minutes": minutes,
        },
    )


@access.private_page
@require_POST
@ratelimit.rate_limited("start")
def begin(request):
    questionnaire = Questionnaire.objects.live()
    if questionnaire is None:
        return render(
            request,
            "assessment/unavailable.html",
            {"title": _("MAP is not available at the moment")},
            status=503,
        )
    assessment = services.start_assessment(questionnaire)
    access.remember(request, assessment)
    spec = spec_for(questionnaire)
    return redirect(_after(assessment.key, spec, {}, None))


def how_it_works(request):
    questionnaire = Questionnaire.objects.live()
    context = explain.how_it_works_context(
        spec_for(questionnaire) if questionnaire else None, rulebook()
    )
    return render(request, "assessment/how_it_works.html", {"title": _("How MAP works"), **context})


@access.private_page
@require_http_methods(["GET", "HEAD"])
def carry_on(request, key):
    """`/map/<key>/`: straight to where this person left off."""
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    return redirect(_resume_target(assessment))


# ---------------------------------------------------------------- questions


@access.private_page
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def question(request, key, code):
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        pending = _pending_from(code, request.POST) if request.method == "POST" else None
        return _not_here(request, pending)
    if assessment.is_complete:
        # A finished assessment shows its results, never a form.
        return redirect("assessment:results", key)
    spec = spec_for(assessment.questionnaire)
    answers = services.stored_answers(assessment)
    item = spec.by_code.get(code)
    if item is None or not flow.is_shown(item, answers):
        raise Http404("No such question here")
    if safety.ends_journey(assessment.urgency) and code != RED_FLAGS:
        return redirect(_stop_url(assessment))
    if request.method == "POST":
        change = request.POST.get("change") == "1" or request.GET.get("change") == "1"
        return _save_and_route(request, assessment, spec, answers, item, request.POST, change)
    change = request.GET.get("change") == "1"
    form = AnswerForm(item, initial=answers.get(code))
    return _render_question(request, assessment, spec, answers, item, form, change)


@access.private_page
@require_http_methods(["GET", "HEAD"])
def stop(request, key):
    """Red flags: stop-and-act advice on a care card, before anything else.

    An emergency ends the journey here: the page lists the flags for the emergency team and
    offers only "I ticked this by mistake". Urgent flags may go on to finish.
    """
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    spec = spec_for(assessment.questionnaire)
    answers = services.stored_answers(assessment)
    if not assessment.urgency:
        return redirect(_resume_target(assessment))
    change = request.GET.get("change") == "1"
    ends = safety.ends_journey(assessment.urgency)
    continue_url = None if ends else _continue_after(assessment, spec, answers, RED_FLAGS, change)
    # A finished assessment keeps its answers: there is nothing left to change.
    change_url = None if assessment.is_complete else _question_url(key, RED_FLAGS, change)
    return render(
        request,
        "assessment/stop.html",
        _page_context(
            assessment,
            answers,
            title=_("Get help now") if ends else _("Get medical advice about these symptoms"),
            flags=presenters.flag_labels(spec, answers.get(RED_FLAGS) or []),
            continue_url=continue_url,
            change_url=change_url,
            heading_level="h1",
            now=timezone.localtime(),
        ),
    )


@access.private_page
@require_http_methods(["GET", "HEAD", "POST"])
def support(request, key):
    """Support after the self-harm question: in full after `yes`, gently after "rather not say".

    Shown at once, and again for every save of that answer until the person moves on with
    the Continue button (a POST, so GET changes nothing); after that a compact support bar
    (after `yes`) stands in for it on every page.
    """
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    spec = spec_for(assessment.questionnaire)
    answers = services.stored_answers(assessment)
    answer = answers.get(SELF_HARM)
    if answer not in safety.SUPPORT_ANSWERS:
        return redirect(_resume_target(assessment))
    change = (request.POST if request.method == "POST" else request.GET).get("change") == "1"
    continue_url = _continue_after(assessment, spec, answers, SELF_HARM, change)
    if request.method == "POST":
        services.mark_support_seen(assessment, answer)
        return redirect(continue_url)
    context = _page_context(
        assessment,
        answers,
        title=_("Help is there for you now")
        if answer == safety.CRISIS_ANSWER
        else _("If you ever need it, help is there"),
        gentle=answer == safety.DECLINED_ANSWER,
        change=change,
        back_url=_question_url(key, SELF_HARM, change),
        continue_url=continue_url,
    )
    # This page shows the full support text as its main content, not the bar above it.
    context["show_crisis"] = False
    return render(request, "assessment/support.html", context)


@access.private_page
@require_http_methods(["GET", "HEAD"])
def later(request, key):
    """Stop and come back later: the resume code, shown where a person chooses to stop.

    Question pages link here instead of printing the code at the foot of every page.
    """
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    return render(
        request,
        "assessment/later.html",
        _page_context(
            assessment,
            title=_("Come back to your MAP later"),
            continue_url=_resume_target(assessment),
            retention_days=settings.PAINMAP_RETENTION_DAYS,
        ),
    )


# ---------------------------------------------------------------- check and complete


@access.private_page
@require_http_methods(["GET", "HEAD", "POST"])
def check(request, key):
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    if safety.ends_journey(assessment.urgency):
        return redirect(_stop_url(assessment))
    if assessment.is_complete:
        return redirect("assessment:results", key)
    spec = spec_for(assessment.questionnaire)
    answers = services.stored_answers(assessment)
    missing = flow.next_item(spec, answers)
    if missing is not None:
        # Every question that applies is answered or skipped before the map is drawn.
        return redirect(_question_url(key, missing.code))
    if request.method == "POST":
        services.complete(assessment, spec)
        return redirect("assessment:results", key)
    last = flow.visible_items(spec, answers)[-1]
    sections = presenters.check_answer_sections(spec, answers)
    return render(
        request,
        "assessment/check.html",
        _page_context(
            assessment,
            answers,
            title=_("Check your answers before you see your map"),
            sections=sections,
            # A tap that did not register looks like a skip: list them where they are seen.
            # An empty "anything else?" box is not a gap worth pointing out.
            skipped=[
                row
                for section in sections
                for row in section.rows
                if row.skipped and row.item.kind != "text"
            ],
            back_url=_question_url(key, last.code),
        ),
    )


# ---------------------------------------------------------------- results


@access.private_page
@require_http_methods(["GET", "HEAD"])
def results(request, key):
    from content.models import Question

    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    if safety.ends_journey(assessment.urgency):
        # No pain type or score while emergency care is needed, whatever the URL.
        return redirect(_stop_url(assessment))
    if not assessment.is_complete:
        return redirect("assessment:check", key)
    spec = spec_for(assessment.questionnaire)
    # The result stored at completion: what this person was told, whatever the rules say now.
    result = services.stored_result(assessment)
    # The answers, for how soon care is needed, the support offer and what was left unanswered.
    answers = services.stored_answers(assessment)
    rows = presenters.type_rows(spec, result)
    bars, chart_height = presenters.chart_bars(rows)
    headline, also = presenters.leading_sentence(result)

    suggestions = presenters.toolkit_suggestions(spec, result)
    answer_rows = presenters.answer_status_rows(spec, answers)

    faqs = list(
        Question.objects.published().filter(types__code__in=list(result.primary)).distinct()[:6]
    )
    notes = [
        {"text": note.text, "taper": "opioid" in note.code or "taper" in note.code}
        for note in result.notes
        if note.code != "acute"  # the recent-pain panel already says this
    ]
    taper_faq = None
    if any(note["taper"] for note in notes):
        taper_faq = Question.objects.published().filter(slug=TAPER_FAQ_SLUG).first()

    return render(
        request,
        "assessment/results.html",
        _page_context(
            assessment,
            answers,
            title=_("Your map: what your answers point to"),
            result=result,
            rows=rows,
            bars=bars,
            chart_height=chart_height,
            headline=headline,
            also=also,
            flags=presenters.flag_labels(spec, result.red_flags),
            suggestions=suggestions,
            medicine_cautions=presenters.medicine_caution_views(result),
            measures=presenters.measure_views(spec, result),
            faqs=faqs,
            notes=notes,
            taper_faq=taper_faq,
            summary_url=reverse("assessment:summary", args=[key]),
            heading_level="h2",
            support_offer=answers.get(SELF_HARM) == safety.DECLINED_ANSWER,
            safety_net=safety.safety_net(spec),
            answer_rows=answer_rows,
            skipped_count=presenters.skipped_count(answer_rows),
        ),
    )


# ---------------------------------------------------------------- delete


@access.private_page
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request, key):
    assessment = access.owned_assessment(request, key)
    if assessment is None:
        return _not_here(request)
    if request.method == "POST":
        services.delete_assessment(assessment)
        access.forget(request, key)
        response = redirect("assessment:deleted")
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
    return render(
        request,
        "assessment/delete.html",
        _page_context(
            assessment,
            title=_("Are you sure you want to delete your answers?"),
            back_url=(
                reverse("assessment:results", args=[key])
                if assessment.is_complete
                else reverse("assessment:check", args=[key])
            ),
        ),
    )


@access.private_page
def deleted(request):
    response = render(request, "assessment/deleted.html", {"title": _("Your answers are deleted")})
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


# ---------------------------------------------------------------- resume


@access.private_page
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def resume(request):
    if request.method != "POST":
        return render(
            request,
            "assessment/resume.html",
            {"title": _("Continue your MAP"), "form": ResumeForm()},
        )
    # Every try is counted before the code is looked up, so a burst of concurrent guesses
    # cannot all be judged; a right code is given back below.
    if not ratelimit.attempt(request, "resume"):
        ratelimit.refund(request, "resume")
        return ratelimit.too_many_requests(request, "resume")
    form = ResumeForm(request.POST)
    pending = None
    if request.POST.get("pending_item"):
        pending = {
            "item": request.POST["pending_item"],
            "answers": request.POST.getlist("pending_answer"),
            "action": request.POST.get("pending_action", "continue"),
            "change": request.POST.get("pending_change", ""),
        }
    if not form.is_valid():
        return render(
            request,
            "assessment/resume.html",
            {
                "title": _("Continue your MAP"),
                "form": form,
                "pending": pending,
                "errors": [(form.errors["code"][0], "id_code")],
            },
        )
    ratelimit.refund(request, "resume")  # a right code never slows its owner down
    assessment = form.assessment
    access.remember(request, assessment)
    if pending and not assessment.is_complete:
        # Nothing typed is ever lost: the answer posted before the session was found.
        spec = spec_for(assessment.questionnaire)
        answers = services.stored_answers(assessment)
        item = spec.by_code.get(pending["item"])
        if item is not None and flow.is_shown(item, answers):
            data = QueryDict(mutable=True)
            data.setlist("answer", pending["answers"])
            data["action"] = pending["action"]
            return _save_and_route(
                request, assessment, spec, answers, item, data, pending["change"] == "1"
            )
    return redirect(_resume_target(assessment))


@access.private_page
@require_http_methods(["GET", "HEAD"])
def resume_link(request, code):
    """A bookmarkable `/map/resume/<code>/`: confirm with a button, since GET changes nothing."""
    return render(
        request,
        "assessment/resume_link.html",
        {
            "title": _("Continue your MAP"),
            "code": services.format_code(services.normalise_code(code)[:16]),
        },
    )
