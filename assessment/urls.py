from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("", views.start, name="start"),
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("resume/", views.resume, name="resume"),
]
