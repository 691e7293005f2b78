"""Issue 2's promise, page by page: each of the 13 toolkit items shows what it does, its dose,
its time to effect and its cautions."""

import pytest
from django.utils.html import escape

from assessment.rules.codes import TOOLKIT_SLUGS
from content.models import ToolkitItem
from content.seeding import seed_content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", TOOLKIT_SLUGS)
def test_it_shows_what_it_does_dose_time_and_cautions(client, slug):
    seed_content()
    item = ToolkitItem.objects.prefetch_related("cautions").get(slug=slug)
    page = client.get(f"/toolkit/{slug}/").content.decode()
    assert item.what_it_does_html in page
    assert escape(item.dose) in page
    assert escape(item.time_to_effect) in page
    for caution in item.cautions.all():
        assert escape(caution.text) in page


def test_it_has_exactly_the_thirteen_contract_slugs():
    seed_content()
    assert sorted(ToolkitItem.objects.values_list("slug", flat=True)) == sorted(TOOLKIT_SLUGS)
