"""Who may open an assessment: the browser session that started or resumed it.

The key in a URL is unguessable, but it is not enough on its own: an assessment opens only
from a session that holds its key (added when the person starts, or types their resume code).
Anything else is a plain 404, so a stranger cannot even tell whether a key exists.
"""

from functools import wraps

from django.http import Http404
from django.views.decorators.cache import never_cache

from painmap.middleware import ROBOTS

from ..models import Assessment

SESSION_KEY = "painmap_assessments"
MAX_REMEMBERED = 20


def remember(request, assessment: Assessment) -> None:
    keys = [k for k in request.session.get(SESSION_KEY, []) if k != assessment.key]
    request.session[SESSION_KEY] = [assessment.key, *keys][:MAX_REMEMBERED]


def forget(request, key: str) -> None:
    keys = request.session.get(SESSION_KEY, [])
    if key in keys:
        request.session[SESSION_KEY] = [k for k in keys if k != key]


def owns(request, key: str) -> bool:
    return key in request.session.get(SESSION_KEY, [])


def owned_assessment(request, key: str) -> Assessment | None:
    """The assessment with this key if this session owns it; one query, questionnaire joined."""
    if not owns(request, key):
        return None
    assessment = Assessment.objects.select_related("questionnaire").filter(key=key).first()
    if assessment is None:
        forget(request, key)  # deleted elsewhere (another tab, or the retention purge)
    return assessment


def owned_assessment_or_404(request, key: str) -> Assessment:
    assessment = owned_assessment(request, key)
    if assessment is None:
        raise Http404("No assessment here")
    return assessment


def private_page(view):
    """A page that holds one person's answers: never cached, never indexed.

    The middleware says the same for every /map/ and /shared/ URL; saying it here too keeps a
    view safe if it is ever mounted elsewhere.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = ROBOTS
        return response

    return never_cache(wrapper)
