"""Questionnaire versions: clone, validate, publish, retire, and what never changes."""

import pytest
from django.core.exceptions import PermissionDenied

from assessment.journey.services import stored_answers
from assessment.models import (
    AnswerOption,
    Item,
    OptionWeight,
    PublishedQuestionnaireError,
    PublishRecord,
    Questionnaire,
    Section,
)
from assessment.models import (
    TestStory as Story,
)
from assessment.rules.scoring import result_for, score
from assessment.spec_loader import build_spec, spec_for
from assessment.workbench import versions
from tests.support import CALM_HIP, clinical_lead, editor, make_assessment, v1

pytestmark = pytest.mark.django_db

CHANGE = "Reviewed the weights of the nerve items."


def test_it_clones_every_section_item_answer_and_weight():
    source = v1()
    draft = versions.questionnaire_clone(source=source, label="Trial")
    assert draft.status == "draft" and draft.version == 2 and draft.cloned_from == source
    assert draft.label == "Trial"
    assert build_spec(draft).items == build_spec(source).items
    for model, lookup in (
        (Section, "questionnaire"),
        (Item, "questionnaire"),
        (AnswerOption, "item__questionnaire"),
        (OptionWeight, "option__item__questionnaire"),
    ):
        copied = model.objects.filter(**{lookup: draft}).count()
        assert copied == model.objects.filter(**{lookup: source}).count() > 0
    # The copy is its own rows: editing the draft leaves the source alone.
    item = Item.objects.get(questionnaire=draft, code="duration")
    item.wording = "Changed"
    item.save()
    assert Item.objects.get(questionnaire=source, code="duration").wording != "Changed"
    assert Item.objects.get(questionnaire=draft, code="duration").section.questionnaire == draft


def test_it_clones_with_a_fixed_number_of_queries(django_assert_max_num_queries):
    source = v1()
    with django_assert_max_num_queries(30):
        versions.questionnaire_clone(source=source, label="Trial")


def test_it_finds_nothing_wrong_with_the_seeded_version():
    assert versions.questionnaire_validate(v1()) == []


def test_it_names_each_validation_problem():
    draft = versions.questionnaire_clone(source=v1(), label="Broken")
    Item.objects.get(questionnaire=draft, code="surgery").delete()
    AnswerOption.objects.get(item__questionnaire=draft, item__code="swelling", code="yes").delete()
    opioid_taper = Item.objects.get(questionnaire=draft, code="opioid_taper")
    opioid_taper.show_when_item = "notes_for_clinician"
    opioid_taper.save()
    duration = Item.objects.get(questionnaire=draft, code="duration")
    duration.show_when_item, duration.show_when_option = "red_flags", "maybe"
    duration.save()
    option = AnswerOption.objects.get(item__questionnaire=draft, item__code="fatigue", code="mild")
    OptionWeight.objects.create(option=option, type="spiritual", points=2)

    problems = versions.questionnaire_validate(draft)

    assert "Item “surgery” is missing. It is part of the MAP contract (ITEMS.md)." in problems
    assert "Item “swelling” is missing the answer codes “yes” (ITEMS.md)." in problems
    assert any(
        p.startswith(
            "Item “opioid_taper”: its show-when rule points at “notes_for_clinician”, "
            "which is asked after it."
        )
        for p in problems
    )
    assert (
        "Item “duration”: its show-when rule needs answer “maybe”, which “red_flags” does not "
        "have." in problems
    )
    assert any("“fatigue”, answer “mild”: weight for “spiritual”" in p for p in problems)


def test_it_refuses_to_change_a_published_version():
    questionnaire = v1()
    item = Item.objects.get(questionnaire=questionnaire, code="duration")
    item.wording = "Changed"
    with pytest.raises(PublishedQuestionnaireError):
        item.save()
    weight = OptionWeight.objects.filter(option__item__questionnaire=questionnaire).first()
    weight.points += 1
    with pytest.raises(PublishedQuestionnaireError):
        weight.save()
    questionnaire.label = "Renamed"
    with pytest.raises(PublishedQuestionnaireError):
        questionnaire.save()


def test_it_publishes_one_version_at_a_time_and_records_who():
    Story.objects.all().delete()
    lead = clinical_lead()
    old = v1()
    draft = versions.questionnaire_clone(source=old, label="Next")

    record = versions.questionnaire_publish(questionnaire=draft, user=lead, changelog=CHANGE)

    old.refresh_from_db()
    draft.refresh_from_db()
    assert (old.status, draft.status) == ("retired", "published")
    assert draft.published_at is not None
    assert Questionnaire.objects.live() == draft
    assert record == PublishRecord.objects.get()
    assert record.published_by == lead and record.confirmed_despite_failures is False
    assert record.failing_stories == []


def test_it_refuses_to_publish_without_the_permission():
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    with pytest.raises(PermissionDenied):
        versions.questionnaire_publish(questionnaire=draft, user=editor(), changelog=CHANGE)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_it_refuses_to_publish_an_invalid_draft():
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    Item.objects.get(questionnaire=draft, code="mood").delete()
    with pytest.raises(versions.VersionError) as caught:
        versions.questionnaire_publish(questionnaire=draft, user=clinical_lead(), changelog=CHANGE)
    assert (
        "Item “mood” is missing. It is part of the MAP contract (ITEMS.md)."
        in caught.value.messages
    )
    assert Questionnaire.objects.get(pk=draft.pk).status == "draft"


def test_it_needs_confirmation_to_publish_with_failing_stories_and_records_it():
    Story.objects.all().delete()
    story = Story.objects.create(
        title="Expects the impossible",
        story="A calm hip ache that a clinician (wrongly) expects to read as neuropathic.",
        answers=CALM_HIP,
        expected_leading=["neuropathic"],
    )
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    lead = clinical_lead()

    with pytest.raises(versions.StoriesFailing) as caught:
        versions.questionnaire_publish(questionnaire=draft, user=lead, changelog=CHANGE)
    assert "Expects the impossible" in caught.value.messages[0]
    assert Questionnaire.objects.get(pk=draft.pk).status == "draft"
    assert not PublishRecord.objects.exists()

    record = versions.questionnaire_publish(
        questionnaire=draft, user=lead, confirm_failures=True, changelog=CHANGE
    )
    assert record.confirmed_despite_failures is True
    assert record.failing_stories[0]["story"] == story.pk
    assert "leading type is" in record.failing_stories[0]["problems"][0]


def test_it_keeps_an_old_assessment_on_its_version_with_the_same_result():
    old = v1()
    assessment = make_assessment(old, CALM_HIP, complete=True)
    before = result_for(spec_for(old), stored_answers(assessment)).to_record()

    draft = versions.questionnaire_clone(source=old, label="Reweighted")
    weight = OptionWeight.objects.filter(
        option__item__questionnaire=draft, option__item__code="movement_link"
    ).first()
    weight.points += 5
    weight.save()
    Story.objects.all().delete()
    versions.questionnaire_publish(questionnaire=draft, user=clinical_lead(), changelog=CHANGE)

    assessment.refresh_from_db()
    assert assessment.questionnaire == old
    assert assessment.result == before
    rescored = score(spec_for(assessment.questionnaire), stored_answers(assessment)).to_record()
    assert rescored == before
    assert Questionnaire.objects.live() == draft


def test_it_retires_a_draft_or_the_live_version():
    lead = clinical_lead()
    live = v1()
    draft = versions.questionnaire_clone(source=live, label="Abandoned")
    versions.questionnaire_retire(questionnaire=draft, user=lead)
    assert Questionnaire.objects.get(pk=draft.pk).status == "retired"
    with pytest.raises(versions.VersionError):
        versions.questionnaire_retire(questionnaire=draft, user=lead)
    with pytest.raises(PermissionDenied):
        versions.questionnaire_retire(questionnaire=live, user=editor())
    versions.questionnaire_retire(questionnaire=live, user=lead)
    assert Questionnaire.objects.live() is None


def test_it_will_not_publish_without_saying_what_changed():
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    lead = clinical_lead()
    with pytest.raises(versions.VersionError, match="Say what changed"):
        versions.questionnaire_publish(questionnaire=draft, user=lead, changelog="  ")
    assert Questionnaire.objects.get(pk=draft.pk).status == "draft"
    versions.questionnaire_publish(questionnaire=draft, user=lead, changelog=CHANGE)
    assert Questionnaire.objects.get(pk=draft.pk).changelog == CHANGE


def test_a_second_clinical_lead_must_approve_the_same_unchanged_draft(settings):
    settings.PAINMAP_PUBLISH_APPROVALS = 2
    Story.objects.all().delete()
    draft = versions.questionnaire_clone(source=v1(), label="Next")
    first, second = clinical_lead("lead-one"), clinical_lead("lead-two")
    with pytest.raises(versions.AwaitingApproval):
        versions.questionnaire_publish(questionnaire=draft, user=first, changelog=CHANGE)
    assert Questionnaire.objects.get(pk=draft.pk).status == "draft"
    # The same lead again does not count twice.
    with pytest.raises(versions.AwaitingApproval):
        versions.questionnaire_publish(questionnaire=draft, user=first, changelog=CHANGE)
    # An edit after the approval makes it stale: the second lead's publish is only an approval.
    weight = OptionWeight.objects.filter(option__item__questionnaire=draft).first()
    weight.points += 1
    weight.save()
    with pytest.raises(versions.AwaitingApproval):
        versions.questionnaire_publish(questionnaire=draft, user=second, changelog=CHANGE)
    versions.questionnaire_publish(questionnaire=draft, user=first, changelog=CHANGE)
    assert Questionnaire.objects.get(pk=draft.pk).status == "published"
