from django import template

from content.models import SupportText

register = template.Library()


@register.simple_tag
def support_text(slug: str) -> SupportText | None:
    """The editors' version of a safety text, or None to use the template's default."""
    return SupportText.objects.filter(slug=slug).first()
