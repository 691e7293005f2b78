"""What a clinician opens from a share link, under /shared/ (included from painmap/urls.py)."""

from django.urls import path

from . import views

app_name = "shared"

urlpatterns = [
    path("<str:signed>/", views.shared_summary, name="summary"),
    path("<str:signed>/summary.pdf", views.shared_pdf, name="summary_pdf"),
    path("<str:signed>/fhir/", views.shared_fhir, name="fhir"),
]
