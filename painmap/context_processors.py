"""Template context every page needs: the care services of the country the site serves."""

from django.conf import settings

from assessment.rules.regions import pack_for


def care(request):
    """`region`: the region pack (numbers, care words); templates never name a number."""
    return {"region": pack_for(getattr(settings, "PAINMAP_REGION", None))}
