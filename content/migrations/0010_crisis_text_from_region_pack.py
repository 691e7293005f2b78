"""The crisis text now comes from the region pack (PAINMAP_REGION) unless an editor wrote one.

The old seed stored British numbers as the crisis text on every site. A row still exactly as
seeded is removed, so the region pack's numbers (as tap-to-call links) show instead; a row an
editor changed is kept, and still overrides the built-in text. Editors may now add the row.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OLD_HEADING = "If you are thinking about harming yourself, help is there now"
OLD_BODY = (
    "You told us you have had thoughts that you would be better off dead, or of "
    "hurting yourself. You do not have to wait, and you do not have to cope with this "
    "alone.\n\n"
    "- If you might act on these thoughts, or you have hurt yourself: **call your "
    "emergency number (999 in the UK, 112 in Europe, 911 in the US) or go to an "
    "emergency department now.**\n"
    "- To talk to someone today: call a crisis line, for example Samaritans on "
    "116 123 (UK and Ireland, free, any time) or 988 (US). Or contact your doctor and "
    "ask for an urgent appointment."
)


def forward(apps, schema_editor):
    SupportText = apps.get_model("content", "SupportText")
    SupportText.objects.filter(slug="crisis", heading=OLD_HEADING, body=OLD_BODY).delete()
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editor")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content", codename="add_supporttext"
        )
    )


def backward(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Editor"):
        group.permissions.remove(*Permission.objects.filter(codename="add_supporttext"))


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0009_toolkit_time_to_effect_weeks"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forward, backward)]
