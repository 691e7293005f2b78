"""The caution table is run in the admin by editors and clinical leads alike."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_cautionrule",
    "change_cautionrule",
    "delete_cautionrule",
    "view_cautionrule",
    "view_historicalcautionrule",
    "view_historicalcautionrule_items",
]
GROUPS = ("Editor", "Clinical lead")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="content", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("content", "0007_caution_rulebook"), ("assessment", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
