"""Scoring contract 2: an emergency names no pain type, and an urgent result may name none.

Test-bench stories that expected "any of the four types" for an emergency now expect none to be
named, and urgent ones also accept "no single pattern" (`none`). A story a clinician has edited
to expect something narrower is left as it is.
"""

from django.db import migrations, models

ALL_TYPES = {"peripheral", "central", "stress_driven", "neuropathic"}


def forwards(apps, schema_editor):
    TestStory = apps.get_model("assessment", "TestStory")
    for story in TestStory.objects.filter(expected_urgency__in=["emergency", "urgent"]):
        if set(story.expected_leading or ()) != ALL_TYPES:
            continue
        if story.expected_urgency == "emergency":
            story.expected_leading = []
        else:
            story.expected_leading = [*story.expected_leading, "none"]
        story.save(update_fields=["expected_leading"])


def backwards(apps, schema_editor):
    TestStory = apps.get_model("assessment", "TestStory")
    for story in TestStory.objects.filter(expected_urgency__in=["emergency", "urgent"]):
        leading = set(story.expected_leading or ())
        if not leading or leading == ALL_TYPES | {"none"}:
            story.expected_leading = sorted(ALL_TYPES)
            story.save(update_fields=["expected_leading"])


class Migration(migrations.Migration):
    dependencies = [("assessment", "0005_question_error_counts")]

    operations = [
        *(
            migrations.AlterField(
                model_name=model_name,
                name="expected_leading",
                field=models.JSONField(
                    blank=True,
                    help_text='For example ["central", "stress_driven"]',
                    verbose_name="expected leading type (any of)",
                ),
            )
            for model_name in ("historicalteststory", "teststory")
        ),
        migrations.RunPython(forwards, backwards),
    ]
