"""The workbench in the admin: read-only published versions, the buttons, and the whole flow."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from assessment.journey.services import stored_answers
from assessment.models import (
    AnswerOption,
    Item,
    OptionWeight,
    PublishRecord,
    Questionnaire,
)
from assessment.models import TestStory as Story
from assessment.rules.scoring import score
from assessment.spec_loader import spec_for
from assessment.workbench import versions
from tests.support import CALM_HIP, clinical_lead, editor, make_assessment, sign_in, v1

pytestmark = pytest.mark.django_db

BANNER = "is published and cannot be changed. Clone it to make a new draft."


def admin_url(name, *args):
    return reverse(f"admin:assessment_{name}", args=args)


@pytest.fixture
def lead_client(client):
    sign_in(client, clinical_lead())
    return client


def weight_form(option, weights):
    """POST data for an answer's change page with its weights inline."""
    data = {
        "item": option.item_id,
        "code": option.code,
        "label": option.label,
        "hint": option.hint,
        "order": option.order,
        "weights-TOTAL_FORMS": len(weights),
        "weights-INITIAL_FORMS": len(weights),
        "weights-MIN_NUM_FORMS": 0,
        "weights-MAX_NUM_FORMS": 1000,
    }
    if option.exclusive:
        data["exclusive"] = "on"
    for i, weight in enumerate(weights):
        data.update(
            {
                f"weights-{i}-id": weight.pk,
                f"weights-{i}-option": option.pk,
                f"weights-{i}-type": weight.type,
                f"weights-{i}-points": weight.points,
            }
        )
    return data


def test_it_shows_a_published_version_read_only_under_a_banner(lead_client):
    questionnaire = v1()
    page = lead_client.get(admin_url("questionnaire_change", questionnaire.pk))
    html = page.content.decode()
    assert page.status_code == 200
    assert f"Version 1 {BANNER}" in html
    assert 'name="_save"' not in html
    assert "Clone to a new draft" in html and "Test this version" in html
    assert "Preview as a patient" in html
    assert admin_url("questionnaire_publish", questionnaire.pk) not in html
    # Items list with their answers and compact weights, linking on to each item.
    item = Item.objects.get(questionnaire=questionnaire, code="movement_link")
    assert admin_url("item_change", item.pk) in html
    assert re.search(r"<code>clear_pattern</code> \(P\+\d+", html)

    item_page = lead_client.get(admin_url("item_change", item.pk)).content.decode()
    assert f"Version 1 {BANNER}" in item_page and 'name="_save"' not in item_page
    option = item.options.get(code="clear_pattern")
    option_page = lead_client.get(admin_url("answeroption_change", option.pk)).content.decode()
    assert f"Version 1 {BANNER}" in option_page and 'name="_save"' not in option_page


def test_it_refuses_a_change_to_a_published_version_without_an_error_page(lead_client):
    questionnaire = v1()
    option = AnswerOption.objects.get(
        item__questionnaire=questionnaire, item__code="movement_link", code="clear_pattern"
    )
    weights = list(option.weights.all())
    before = [(w.type, w.points) for w in weights]
    weights[0].points = 99
    response = lead_client.post(
        admin_url("answeroption_change", option.pk), weight_form(option, weights)
    )
    assert response.status_code in (302, 403)
    assert [(w.type, w.points) for w in option.weights.all()] == before


def test_it_turns_a_lock_refusal_into_a_message(lead_client, monkeypatch):
    # A version published between loading and saving a page: the model refuses, the admin says so.
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    item = Item.objects.get(questionnaire=draft, code="duration")
    page = lead_client.get(admin_url("item_change", item.pk))
    assert 'name="_save"' in page.content.decode()
    Questionnaire.objects.filter(pk=draft.pk).update(status="published")
    from assessment.workbench.admin import ItemAdmin

    monkeypatch.setattr(ItemAdmin, "has_change_permission", lambda self, request, obj=None: True)
    data = {
        "questionnaire": draft.pk,
        "section": item.section_id,
        "order": item.order,
        "code": item.code,
        "kind": item.kind,
        "wording": "Changed after publishing",
        "options-TOTAL_FORMS": 0,
        "options-INITIAL_FORMS": 0,
        "options-MIN_NUM_FORMS": 0,
        "options-MAX_NUM_FORMS": 1000,
    }
    response = lead_client.post(admin_url("item_change", item.pk), data, follow=True)
    assert response.status_code == 200
    assert "cannot be changed" in response.content.decode()
    assert Item.objects.get(pk=item.pk).wording != "Changed after publishing"


def test_it_clones_from_the_admin(lead_client):
    questionnaire = v1()
    url = admin_url("questionnaire_clone", questionnaire.pk)
    assert lead_client.get(url).status_code == 200
    response = lead_client.post(url, {"label": "Autumn review"})
    draft = Questionnaire.objects.get(version=2)
    assert response.url == admin_url("questionnaire_change", draft.pk)
    assert draft.label == "Autumn review" and draft.items.count() == questionnaire.items.count()
    page = lead_client.get(response.url).content.decode()
    assert BANNER not in page and 'name="_save"' in page
    assert admin_url("questionnaire_publish", draft.pk) in page


def test_it_previews_every_question_in_order_without_saving(lead_client):
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    spec = spec_for(draft)
    url = admin_url("questionnaire_preview", draft.pk)
    from assessment.models import Answer, Assessment

    counts = (Assessment.objects.count(), Answer.objects.count())
    first = lead_client.get(url)
    html = first.content.decode()
    assert first.status_code == 200
    assert spec.items[0].wording in html and "Nothing you choose here is saved" in html
    assert "question 1 of" in html
    response = lead_client.post(f"{url}?step=0", {"answer": "none", "action": "continue"})
    assert response.url == f"{url}?step=1"
    second = lead_client.get(response.url).content.decode()
    assert spec.items[1].wording in second
    opioid_step = next(i for i, item in enumerate(spec.items) if item.code == "opioid_taper")
    branch = lead_client.get(f"{url}?step={opioid_step}").content.decode()
    assert "only when “medications” has the answer “opioids”" in branch
    end = lead_client.get(f"{url}?step={len(spec.items)}").content.decode()
    assert "That was the last question" in end
    assert (Assessment.objects.count(), Answer.objects.count()) == counts


def test_it_shows_the_test_bench_with_reasons(lead_client):
    Story.objects.create(
        title="Wrong on purpose", story="s", answers=CALM_HIP, expected_leading=["central"]
    )
    html = lead_client.get(admin_url("questionnaire_test", v1().pk)).content.decode()
    assert "Wrong on purpose" in html
    assert "leading type is &quot;peripheral&quot;, expected one of &quot;central&quot;" in html
    assert "Night-time hand tingling" in html  # a seeded clinical case, passing
    assert "passes every contract and consistency check" in html


def test_it_shows_validation_problems_by_name_before_publishing(lead_client):
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    Item.objects.get(questionnaire=draft, code="worry").delete()
    html = lead_client.get(admin_url("questionnaire_publish", draft.pk)).content.decode()
    assert "Item “worry” is missing. It is part of the MAP contract (ITEMS.md)." in html
    assert 'type="submit"' not in html.split("Problems to fix")[1]


def test_it_requires_the_confirmation_box_when_stories_fail(lead_client):
    Story.objects.create(
        title="Wrong on purpose", story="s", answers=CALM_HIP, expected_leading=["central"]
    )
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    url = admin_url("questionnaire_publish", draft.pk)
    page = lead_client.get(url).content.decode()
    assert "Wrong on purpose" in page and 'name="confirm_failures"' in page

    refused = lead_client.post(url, {"changelog": "Weights reviewed."})
    assert refused.status_code == 200
    assert "Tick the box to publish anyway" in refused.content.decode()
    assert Questionnaire.objects.get(pk=draft.pk).status == "draft"

    done = lead_client.post(url, {"confirm_failures": "on", "changelog": "Weights reviewed."})
    assert done.status_code == 302
    record = PublishRecord.objects.get(questionnaire=draft)
    assert record.confirmed_despite_failures
    assert [f["title"] for f in record.failing_stories] == ["Wrong on purpose"]
    shown = lead_client.get(admin_url("publishrecord_change", record.pk)).content.decode()
    assert "Wrong on purpose" in shown


def test_it_retires_a_draft_from_the_admin(lead_client):
    draft = versions.questionnaire_clone(source=v1(), label="Abandoned")
    url = admin_url("questionnaire_retire", draft.pk)
    assert "but never published" in lead_client.get(url).content.decode()
    lead_client.post(url)
    assert Questionnaire.objects.get(pk=draft.pk).status == "retired"


def test_it_shows_story_answers_as_readable_json_and_checks_cautions(lead_client):
    story = Story.objects.get(title="Night-time hand tingling")
    html = lead_client.get(admin_url("teststory_change", story.pk)).content.decode()
    assert "{\n  &quot;red_flags&quot;: [\n    &quot;none&quot;\n  ]" in html
    data = {
        "title": "Bad caution",
        "story": "s",
        "active": "on",
        "answers": json.dumps(CALM_HIP),
        "expected_leading": ["peripheral"],
        "expected_urgency": "",
        "expected_acute": "unknown",
        "required_cautions": json.dumps({"omega-3": "moonlight"}),
    }
    response = lead_client.post(admin_url("teststory_add"), data)
    assert "Unknown caution code “moonlight” for “omega-3”." in response.content.decode()
    data["required_cautions"] = json.dumps({"omega-3": "anticoagulant"})
    assert lead_client.post(admin_url("teststory_add"), data).status_code == 302
    assert Story.objects.get(title="Bad caution").required_cautions == {"omega-3": "anticoagulant"}


def test_it_keeps_history_of_stories_and_reverts(lead_client):
    story = Story.objects.get(title="Heel pain on the first steps")
    original = story.story
    story.story = "Edited by mistake"
    story.save()
    history = lead_client.get(admin_url("teststory_history", story.pk)).content.decode()
    assert "Changed" in history or "Created" in history
    first = story.history.order_by("history_date").first()
    revert_url = admin_url("teststory_simple_history", story.pk, first.history_id)
    form = lead_client.get(revert_url)
    assert form.status_code == 200
    data = {
        "title": story.title,
        "story": original,
        "active": "on",
        "answers": json.dumps(first.answers),
        "expected_leading": first.expected_leading,
        "expected_urgency": first.expected_urgency,
        "expected_acute": "false",
        "required_suggestions": first.required_suggestions,
    }
    assert lead_client.post(revert_url, data).status_code == 302
    story.refresh_from_db()
    assert story.story == original


def test_it_counts_overdue_guide_content_on_the_admin_index(client):
    from content.models import Article

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Article.objects.all().delete()
    for n, due in enumerate([yesterday, yesterday, timezone.localdate()]):
        Article.objects.create(title=f"A{n}", slug=f"a{n}", summary="s", body="b", review_due=due)
    client.force_login(editor())
    html = client.get(reverse("admin:index")).content.decode()
    match = re.search(
        r'<a href="(/[^"]*content/article/\?overdue=yes)">articles overdue for review</a>'
        r"</th><td>(\d+)</td>",
        html,
    )
    assert match, html[:2000]
    assert match.group(2) == "2"
    listing = client.get(match.group(1)).content.decode()
    assert "A0" in listing and "A1" in listing and ">A2<" not in listing


def test_done_when_scenario(client):
    """A clinical lead clones v1, breaks a weight, sees the failing story named, fixes it and
    publishes v2; an assessment taken before keeps its v1 result; an editor cannot publish."""
    old = v1()
    before = make_assessment(old, CALM_HIP, complete=True)
    before_result = before.result
    sign_in(client, clinical_lead())

    response = client.post(admin_url("questionnaire_clone", old.pk), {"label": "v2 draft"})
    draft = Questionnaire.objects.get(version=2)
    assert response.url == admin_url("questionnaire_change", draft.pk)

    option = AnswerOption.objects.get(
        item__questionnaire=draft, item__code="conditions", code="diabetes"
    )
    weights = list(option.weights.all())
    neuropathic = next(w for w in weights if w.type == "neuropathic")
    good_points = neuropathic.points
    neuropathic.points = -good_points  # a slipped minus sign
    saved = client.post(admin_url("answeroption_change", option.pk), weight_form(option, weights))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    assert OptionWeight.objects.get(pk=neuropathic.pk).points == -good_points

    bench = client.get(admin_url("questionnaire_test", draft.pk)).content.decode()
    failing = "Burning feet and calves, diabetes and tramadol"
    row = bench.split(failing)[1].split("</tr>")[0]
    assert "Fail" in row
    assert "expected one of &quot;neuropathic&quot;" in row

    publish_page = client.get(admin_url("questionnaire_publish", draft.pk)).content.decode()
    assert failing in publish_page and 'name="confirm_failures"' in publish_page

    neuropathic.points = good_points
    client.post(admin_url("answeroption_change", option.pk), weight_form(option, weights))
    bench = client.get(admin_url("questionnaire_test", draft.pk)).content.decode()
    assert "Fail" not in bench.split(failing)[1].split("</tr>")[0]

    published = client.post(
        admin_url("questionnaire_publish", draft.pk), {"changelog": "Nerve weights corrected."}
    )
    assert published.status_code == 302
    draft.refresh_from_db()
    old.refresh_from_db()
    assert (draft.status, old.status) == ("published", "retired")
    assert Questionnaire.objects.live() == draft
    record = PublishRecord.objects.get(questionnaire=draft)
    assert not record.confirmed_despite_failures and record.failing_stories == []

    before.refresh_from_db()
    assert before.questionnaire == old and before.result == before_result
    rescored = score(spec_for(before.questionnaire), stored_answers(before)).to_record()
    assert rescored == before_result

    client.force_login(editor())
    another = versions.questionnaire_clone(source=draft, label="v3 draft")
    assert client.post(admin_url("questionnaire_publish", another.pk), {}).status_code == 403
    assert Questionnaire.objects.get(pk=another.pk).status == "draft"


@pytest.mark.django_db(transaction=True)
def test_it_previews_an_accessible_question_page_in_a_browser(live_server, page):
    from axe_playwright_python.sync_playwright import Axe
    from django.contrib.auth.models import User

    questionnaire = v1()
    User.objects.create_superuser("root", "", "a-long-test-password")
    page.goto(f"{live_server.url}{reverse('admin:login')}")
    page.fill("#id_username", "root")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}{admin_url('questionnaire_preview', questionnaire.pk)}")
    assert page.locator("h1").count() == 1
    assert page.locator(".map-resume-note").is_hidden()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.click("button[value=continue]")
    assert "step=1" in page.url
    assert page.locator("h1").inner_text() == spec_for(questionnaire).items[1].wording


def test_the_test_bench_shows_what_a_weight_change_does_before_publishing(lead_client):
    """A draft's changed weight shows as score shifts per story, and as counts over the
    recent completed assessments it would change; nothing is saved to them."""
    from assessment.models import Assessment
    from assessment.workbench import versions
    from tests.support import CALM_HIP, make_assessment, v1

    live = v1()
    people = [make_assessment(live, CALM_HIP, complete=True) for _ in range(6)]
    records = {a.pk: a.result for a in Assessment.objects.filter(pk__in=[p.pk for p in people])}
    draft = versions.questionnaire_clone(source=live, label="Heavier movement")
    option = AnswerOption.objects.get(
        item__questionnaire=draft, item__code="movement_link", code="clear_pattern"
    )
    weight = option.weights.get(type="peripheral")
    weight.points += 6
    weight.save()

    page = lead_client.get(admin_url("questionnaire_test", draft.pk)).content.decode()
    assert "What version 2 changes, compared with the live version 1" in page
    assert "<mark>" in page and "scores" in page
    # The calm person's peripheral score moves: six recent assessments would change scores.
    assert 'data-change="scores"><th scope="row">Scores</th><td>6</td>' in page
    assert 'data-change="urgency"><th scope="row">Urgency</th><td>0</td>' in page
    for assessment in Assessment.objects.filter(pk__in=records):
        assert assessment.result == records[assessment.pk]  # never saved

    publish = lead_client.get(admin_url("questionnaire_publish", draft.pk)).content.decode()
    assert "What version 2 changes" in publish and 'name="changelog"' in publish
