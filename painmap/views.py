from django.shortcuts import render
from django.utils.translation import gettext as _


def csrf_failure(request, reason=""):
    """A plain page instead of Django's technical 403 when a form's security token is missing.

    Most often the form was open a long time or cookies are off. Nothing the person typed on
    earlier pages is lost: every answer was saved when they pressed Continue.
    """
    return render(
        request,
        "403_csrf.html",
        {"title": _("This page has expired")},
        status=403,
    )
