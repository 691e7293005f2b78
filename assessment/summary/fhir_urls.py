"""/fhir/: MAP's public FHIR definitions at their canonical URLs (see docs/fhir.md)."""

from django.urls import path

from . import fhir_views

app_name = "fhir"

urlpatterns = [
    path("Questionnaire/map", fhir_views.questionnaire, name="questionnaire"),
    path("CodeSystem/<path:name>", fhir_views.code_system, name="code_system"),
    path("ValueSet/<path:name>", fhir_views.value_set, name="value_set"),
]
