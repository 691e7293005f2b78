"""The clinician summary, its PDF and FHIR exports, and the share links that open them.

Views stay thin: `summary.build_summary` and `fhir.*` decide what is shown, `sharing` decides
whether a link still works. Every page about one person's answers is private: never cached,
never indexed, and a 404 for anyone who may not read it.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from painmap import ratelimit

from ..journey import services
from ..journey.access import owned_assessment_or_404, private_page
from ..journey.presenters import medicine_caution_views, toolkit_suggestions
from ..models import Assessment, Questionnaire
from ..rules import safety
from ..rules.scoring import result_for
from ..spec_loader import rulebook, spec_for
from . import fhir, pdf, progress_section, sharing
from .builder import build_summary, reference_for
from .progress_section import change_over_time

BODY_DIAGRAM_TEMPLATE = "assessment/_body_diagram.html"
FHIR_CONTENT_TYPE = "application/fhir+json; charset=utf-8"


def _parts(assessment: Assessment):
    # A finished assessment shows the result stored at completion, as its results page does;
    # an unfinished one (marked "Not finished") shows what its answers give so far.
    spec = spec_for(assessment.questionnaire)
    stored = services.stored_answers(assessment)
    if assessment.is_complete:
        return spec, stored, services.stored_result(assessment)
    return spec, stored, result_for(spec, stored, rulebook())


def _body_diagram_template() -> str | None:
    # The body diagram belongs to another part of the site; the summary reads well without it.
    try:
        get_template(BODY_DIAGRAM_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return BODY_DIAGRAM_TEMPLATE


def _summary_context(request, assessment: Assessment, *, signed: str | None, as_pdf: bool):
    spec, stored, result = _parts(assessment)
    summary = build_summary(
        spec,
        stored,
        result,
        toolkit_suggestions(spec, result),
        reference=reference_for(assessment.key),
        date=assessment.completed_at or assessment.updated_at,
        complete=assessment.is_complete,
        medicine_cautions=medicine_caution_views(result, "clinician"),
    )
    if signed:
        links = {
            "pdf": reverse("shared:summary_pdf", args=[signed]),
            "fhir": reverse("shared:fhir", args=[signed]),
        }
    else:
        links = {
            "pdf": reverse("assessment:summary_pdf", args=[assessment.key]),
            "fhir": reverse("assessment:fhir_response", args=[assessment.key]),
            "share": reverse("assessment:share", args=[assessment.key]),
        }
    return {
        "title": _("Clinician summary %(reference)s") % {"reference": summary.reference},
        "summary": summary,
        "links": links,
        "shared": bool(signed),
        "pdf": as_pdf,
        # The patient-facing crisis panel, on the person's own screen only; the summary itself
        # tells the clinician what was reported.
        "show_crisis": summary.crisis and not signed and not as_pdf,
        "marked_regions": summary.marked_regions,
        "safety_net": safety.safety_net(spec, clinician=True),
        "body_diagram_template": _body_diagram_template(),
        "change_over_time": change_over_time(assessment, spec),
    }


def _summary_response(request, assessment, signed=None):
    context = _summary_context(request, assessment, signed=signed, as_pdf=False)
    return render(request, "summary/summary.html", context)


def _pdf_response(request, assessment, signed=None):
    context = _summary_context(request, assessment, signed=signed, as_pdf=True)
    html = render_to_string("summary/summary.html", context, request=request)
    response = HttpResponse(pdf.html_to_pdf(html), content_type="application/pdf")
    filename = f"painmap-summary-{context['summary'].reference}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _fhir_json(resource: dict, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(resource, indent=2, ensure_ascii=False), content_type=FHIR_CONTENT_TYPE
    )
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _fhir_response(request, assessment):
    """The assessment as a FHIR Bundle: answers, safety results, measures and scores."""
    spec, stored, result = _parts(assessment)
    reference = reference_for(assessment.key)
    bundle = fhir.build_bundle(
        spec,
        stored,
        result,
        key=assessment.key,
        reference=reference,
        authored=assessment.completed_at or assessment.updated_at,
        complete=assessment.is_complete,
        base=fhir.base_url(request),
        # The same suggestions, cautions and grades as the summary, in one query.
        suggestions=toolkit_suggestions(spec, result) if result else (),
        check_ins=progress_section.check_in_facts(assessment),
    )
    return _fhir_json(bundle, f"painmap-{reference}.fhir.json")


# The person's own pages -----------------------------------------------------------------


@private_page
@require_GET
def summary(request, key):
    return _summary_response(request, owned_assessment_or_404(request, key))


@private_page
@ratelimit.at_most_at_once("pdf")  # a busy worker says so at once; guide pages keep a thread
@ratelimit.rate_limited("pdf", methods=("GET",))
@require_GET
def summary_pdf(request, key):
    return _pdf_response(request, owned_assessment_or_404(request, key))


@private_page
@require_GET
def fhir_response(request, key):
    return _fhir_response(request, owned_assessment_or_404(request, key))


@private_page
@require_http_methods(["GET", "POST"])
def share(request, key):
    assessment = owned_assessment_or_404(request, key)
    if request.method == "POST":
        link = sharing.create_link(assessment)
        messages.success(
            request, _("Share link created. Copy it below and send it to your clinician.")
        )
        return redirect(reverse("assessment:share", args=[key]) + f"#link-{link.pk}")
    now = timezone.now()
    rows = []
    for link in sharing.links_for(assessment):
        active = link.is_active(now)
        rows.append(
            {
                "link": link,
                "active": active,
                "url": request.build_absolute_uri(
                    reverse("shared:summary", args=[sharing.sign(link)])
                )
                if active
                else "",
            }
        )
    return render(
        request,
        "summary/share.html",
        {
            "title": _("Share your summary with a clinician"),
            "assessment": assessment,
            "rows": rows,
            "share_days": sharing.share_days(),
            "summary_url": reverse("assessment:summary", args=[key]),
        },
    )


@private_page
@require_http_methods(["GET", "HEAD", "POST"])
def share_revoke(request, key, link_id):
    """GET asks first (a revoked link cannot be brought back); the POST revokes."""
    assessment = owned_assessment_or_404(request, key)
    link = get_object_or_404(assessment.share_links, pk=link_id)
    if request.method != "POST":
        return render(
            request,
            "summary/revoke.html",
            {
                "title": _("Are you sure you want to revoke this share link?"),
                "link": link,
                "back_url": reverse("assessment:share", args=[key]) + f"#link-{link.pk}",
            },
        )
    sharing.revoke(link)
    messages.success(request, _("Share link revoked. It no longer opens your summary."))
    return redirect("assessment:share", key=key)


# What a clinician opens -----------------------------------------------------------------


def _shared_assessment(signed: str) -> Assessment:
    link = sharing.active_link(signed)
    if link is None:
        raise Http404("No summary here")
    return link.assessment


@private_page
@ratelimit.limit_failures("share")  # wrong links count; right ones never do
@require_GET
def shared_summary(request, signed):
    return _summary_response(request, _shared_assessment(signed), signed=signed)


@private_page
@ratelimit.at_most_at_once("pdf")
@ratelimit.limit_failures("share")
@ratelimit.rate_limited("pdf", methods=("GET",))
@require_GET
def shared_pdf(request, signed):
    return _pdf_response(request, _shared_assessment(signed), signed=signed)


@private_page
@ratelimit.limit_failures("share")
@require_GET
def shared_fhir(request, signed):
    return _fhir_response(request, _shared_assessment(signed))


# Public ---------------------------------------------------------------------------------


@require_GET
def fhir_questionnaire(request, version):
    # Drafts are work in progress and never published as a definition.
    questionnaire = get_object_or_404(
        Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT), version=version
    )
    resource = fhir.build_questionnaire(
        spec_for(questionnaire), base=fhir.base_url(request), date=questionnaire.published_at
    )
    response = _fhir_json(resource, f"painmap-map-v{version}.fhir.json")
    # A published version never changes, so anyone may cache its definition.
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response
