"""A test-only page: the body map over the body_regions checkboxes, as the question page has them.

Used with @pytest.mark.urls("tests.browser.urls_body_map"). The site's own URLs are kept so that
base.html's links resolve; the page's markup follows the flow engineer's contract (a fieldset of
checkboxes name="answer" id="answer-<code>", the map included right before it, bodymap.js deferred).
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from assessment.rules.codes import REQUIRED_ITEMS
from painmap.urls import urlpatterns as site_urlpatterns

REGION_CODES = REQUIRED_ITEMS["body_regions"][1]

PAGE = """{% extends "base.html" %}{% load i18n static %}
{% block content %}
<form method="get" action="" novalidate>
  <h1 class="question-heading" id="question">Where have you had pain in the past week?</h1>
  {% include "assessment/_body_map.html" %}
  <fieldset class="form-group" aria-labelledby="question">
    <div class="choices">
      {% for code in codes %}
      <div class="choice choice--checkbox">
        <input type="checkbox" name="answer" value="{{ code }}" id="answer-{{ code }}"
          {% if code in checked %}checked{% endif %}>
        <label for="answer-{{ code }}">{% include "assessment/_body_region_name.html" %}</label>
      </div>
      {% endfor %}
    </div>
  </fieldset>
  <button class="button" type="submit">Continue</button>
</form>
{% endblock %}
{% block scripts %}<script src="{% static 'js/bodymap.js' %}" defer></script>{% endblock %}
"""

DIAGRAM_PAGE = """{% extends "base.html" %}
{% block content %}<h1>Summary</h1>{% include "assessment/_body_diagram.html" %}{% endblock %}
"""


def body_map_page(request):
    template = engines["django"].from_string(PAGE)
    # ?omit=<code> leaves an option out, as an editor may in a later questionnaire version.
    omitted = request.GET.getlist("omit")
    context = {
        "title": "Body map",
        "codes": [code for code in REGION_CODES if code not in omitted],
        "checked": request.GET.getlist("answer"),
    }
    return HttpResponse(template.render(context, request))


def body_diagram_page(request):
    template = engines["django"].from_string(DIAGRAM_PAGE)
    context = {"title": "Summary", "marked_regions": set(request.GET.getlist("marked"))}
    return HttpResponse(template.render(context, request))


urlpatterns = [
    path("test/body-map/", body_map_page, name="test_body_map"),
    path("test/body-diagram/", body_diagram_page, name="test_body_diagram"),
    *site_urlpatterns,
]
