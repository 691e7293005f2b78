"""The evidence scale for templates that are not given it by their view (summary, PDF)."""

from django import template

from content import evidence

register = template.Library()


@register.simple_tag
def evidence_scale():
    return evidence.SCALE
