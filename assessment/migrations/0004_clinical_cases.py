"""Seed the scoring test bench with PainMap's own clinical cases (assessment/data/clinical_cases.py).

Idempotent by title, so a clinician's later edits to a seeded story are never overwritten.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from assessment.data.clinical_cases import CASES, story_fields

    TestStory = apps.get_model("assessment", "TestStory")
    for case in CASES:
        fields = story_fields(case)
        TestStory.objects.get_or_create(title=fields.pop("title"), defaults=fields)


def unseed(apps, schema_editor):
    from assessment.data.clinical_cases import CASES

    TestStory = apps.get_model("assessment", "TestStory")
    TestStory.objects.filter(title__in=[case["title"] for case in CASES]).delete()


class Migration(migrations.Migration):

    dependencies = [("assessment", "0003_roles")]

    operations = [migrations.RunPython(seed, unseed)]
