"""Registers the workbench's admin classes (Django looks for them in assessment.admin)."""

from .workbench import admin  # noqa: F401
