"""The public FHIR definitions, served at their canonical URLs under /fhir/.

The Questionnaire, CodeSystems and ValueSets are public definitions: read-only (GET, HEAD and the
CORS preflight OPTIONS), cacheable, and open to a browser app on any origin. A person's answers
are never served here: their exports stay private pages, with no CORS header.
"""

from __future__ import annotations

import re
from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from ..models import Questionnaire
from ..spec_loader import spec_for
from . import fhir, fhir_terms
from .views import _fhir_json

# How long a shared cache may keep a definition: a published version never changes, but the
# live Questionnaire and the code systems move on when a new version is published.
DEFINITION_MAX_AGE = 60 * 60


def public_definition(view):
    """Read-only, and readable from any origin (CORS), with no credentials."""

    @require_http_methods(["GET", "HEAD", "OPTIONS"])
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, public=True, max_age=DEFINITION_MAX_AGE)
        response["Access-Control-Allow-Origin"] = "*"
        # The site's default keeps its resources same-origin; definitions are meant to be shared.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    return wrapper


def _published_specs():
    """Every version a person can have answered (published or retired), oldest first."""
    return [
        spec_for(questionnaire)
        for questionnaire in Questionnaire.objects.exclude(
            status=Questionnaire.Status.DRAFT
        ).order_by("version")
    ]


@public_definition
def questionnaire(request):
    """The live MAP Questionnaire at its canonical URL; `?version=N` for another version."""
    version = request.GET.get("version")
    if version is None:
        live = Questionnaire.objects.live()
        if live is None:
            raise Http404
    elif not re.fullmatch(r"[0-9]{1,9}", version):  # not isdigit(): "²" is a digit to it
        raise Http404
    else:
        live = get_object_or_404(
            Questionnaire.objects.exclude(status=Questionnaire.Status.DRAFT), version=int(version)
        )
    resource = fhir.build_questionnaire(
        spec_for(live), base=fhir.base_url(request), date=live.published_at
    )
    return _fhir_json(resource)


@public_definition
def code_system(request, name):
    resource = fhir_terms.build_code_system(name, _published_specs(), fhir.base_url(request))
    if resource is None:
        raise Http404
    return _fhir_json(resource)


@public_definition
def value_set(request, name):
    resource = fhir_terms.build_value_set(name, _published_specs(), fhir.base_url(request))
    if resource is None:
        raise Http404
    return _fhir_json(resource)
