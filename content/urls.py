from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/<slug:slug>/", views.article, name="article"),
    path("types/<str:code>/", views.presentation_type, name="type"),
    path("toolkit/", views.toolkit, name="toolkit"),
    path("toolkit/<slug:slug>/", views.toolkit_item, name="toolkit_item"),
    path("questions/", views.questions, name="questions"),
    path("evidence/", views.evidence_scale, name="evidence"),
    path("privacy/", views.privacy, name="privacy"),
]
