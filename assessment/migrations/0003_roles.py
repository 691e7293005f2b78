"""Custom permissions for publishing, insight and export, and the two staff roles.

"Clinical lead" owns the questionnaire, its weights and the scoring test bench, publishes
versions and sees anonymous insight. "Editor" (the guide's editors) gets no questionnaire
permission at all: changing how people are mapped is a clinical decision.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

CLINICAL_LEAD = "Clinical lead"
EDITOR = "Editor"

FULL = ("add", "change", "delete", "view")
CLINICAL_LEAD_PERMISSIONS = [
    *(f"{action}_{model}" for model in (
        "questionnaire", "section", "item", "answeroption", "optionweight", "teststory"
    ) for action in FULL),
    "view_publishrecord",
    "publish_questionnaire",
    "view_insight",
    "export_assessments",
]


def ensure_permissions(apps):
    # Permissions are normally created after migrate finishes; the groups need them now.
    for label in ("assessment",):
        config = apps.get_app_config(label)
        config.models_module = True
        create_contenttypes(config, apps=apps, verbosity=0)
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    lead, _ = Group.objects.get_or_create(name=CLINICAL_LEAD)
    lead.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="assessment", codename__in=CLINICAL_LEAD_PERMISSIONS
        )
    )
    # The content migration creates the Editor group; make sure it holds nothing from this app.
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.remove(
        *Permission.objects.filter(content_type__app_label="assessment")
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CLINICAL_LEAD).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("assessment", "0002_sharing_and_test_bench"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("content", "0002_editor_group"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="assessment",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("view_insight", "Can view anonymous insight"),
                    ("export_assessments", "Can export anonymous assessments"),
                ],
            },
        ),
        migrations.AlterModelOptions(
            name="questionnaire",
            options={
                "ordering": ["-version"],
                "permissions": [("publish_questionnaire", "Can publish a questionnaire version")],
                "verbose_name": "questionnaire version",
            },
        ),
        migrations.RunPython(create_roles, remove_roles),
    ]
