"""Summary, PDF, FHIR and share routes under /map/ (included from assessment/journey/urls.py)."""

from django.urls import path

from . import views

# No app_name: these join the `assessment` namespace of the file that includes them.
urlpatterns = [
    path("questionnaire/<int:version>/fhir/", views.fhir_questionnaire, name="fhir_questionnaire"),
    path("<mapkey:key>/summary/", views.summary, name="summary"),
    path("<mapkey:key>/summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("<mapkey:key>/fhir/", views.fhir_response, name="fhir_response"),
    path("<mapkey:key>/share/", views.share, name="share"),
    path("<mapkey:key>/share/<int:link_id>/revoke/", views.share_revoke, name="share_revoke"),
]
