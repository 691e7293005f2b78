from django.urls import include, path, register_converter

from . import views


class KeyConverter:
    """An assessment key: long and URL-safe, so it never clashes with `resume/` or `start/`."""

    regex = "[A-Za-z0-9_-]{20,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(KeyConverter, "mapkey")

app_name = "assessment"

urlpatterns = [
    path("", views.start, name="start"),
    path("start/", views.begin, name="begin"),
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("resume/", views.resume, name="resume"),
    path("resume/<str:code>/", views.resume_link, name="resume_link"),
    path("deleted/", views.deleted, name="deleted"),
    path("<mapkey:key>/", views.carry_on, name="carry_on"),
    path("<mapkey:key>/q/<slug:code>/", views.question, name="question"),
    path("<mapkey:key>/stop/", views.stop, name="stop"),
    path("<mapkey:key>/support/", views.support, name="support"),
    path("<mapkey:key>/later/", views.later, name="later"),
    path("<mapkey:key>/check/", views.check, name="check"),
    path("<mapkey:key>/results/", views.results, name="results"),
    path("<mapkey:key>/delete/", views.delete, name="delete"),
    # Plan, check-ins and progress over time (plan_urls.py).
    path("<mapkey:key>/plan/", include("assessment.journey.plan_urls")),
    # Clinician summary, PDF, FHIR and share links (summary_urls.py).
    path("", include("assessment.summary.urls")),
]
