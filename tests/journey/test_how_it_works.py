import pytest

from assessment.data.seed_map import seed_map
from assessment.rules import scoring


@pytest.mark.django_db
def test_it_publishes_the_live_weights_and_rules(client):
    seed_map()
    html = client.get("/map/how-it-works/").content.decode()
    assert "<h1>How MAP works</h1>" in html
    assert "does not diagnose" in html
    # A weight from the published version, with its question and answer wording.
    assert "Far more, or far wider, than the injury would explain" in html
    assert "<td>+4</td>" in html
    assert f"{scoring.HIGH} and above is high" in html
    assert scoring.SCORING_VERSION in html


@pytest.mark.django_db
def test_it_explains_the_method_before_any_version_is_published(client):
    response = client.get("/map/how-it-works/")
    assert response.status_code == 200
    assert "Safety comes first" in response.content.decode()
