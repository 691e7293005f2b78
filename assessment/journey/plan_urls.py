"""Plan, check-ins and progress (issue 15), under `/map/<key>/plan/`; included from urls.py."""

from django.urls import path

from . import plan_views

urlpatterns = [
    path("", plan_views.plan, name="plan"),
    path("choose/", plan_views.choose, name="plan_choose"),
    path("check-in/", plan_views.check_in, name="check_in"),
    path("check-in/<int:pk>/stop/", plan_views.check_in_stop, name="check_in_stop"),
    path("check-in/<int:pk>/support/", plan_views.check_in_support, name="check_in_support"),
    path("progress/", plan_views.progress_page, name="progress"),
    path("remap/", plan_views.remap, name="plan_remap"),
    path("check-ins.ics", plan_views.calendar, name="plan_calendar"),
]
