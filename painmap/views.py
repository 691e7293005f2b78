from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from assessment.journey.views import expired_question


@sensitive_post_parameters()
def csrf_failure(request, reason=""):
    """A plain page instead of Django's technical 403 when a form's security token is missing.

    Most often the form was open a long time or cookies are off. Nothing the person typed on
    earlier pages is lost: every answer was saved when they pressed Continue, and the answer
    on a question page that failed is kept on the page (`expired_question`).
    """
    if request.method == "POST":
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match is not None and match.view_name == "assessment:question":
            return expired_question(request, **match.kwargs)
    return render(
        request,
        "403_csrf.html",
        {"title": _("This page has expired")},
        status=403,
    )
