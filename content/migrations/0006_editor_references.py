"""Editors set the strength of evidence and its references, so they may edit references."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_reference",
    "change_reference",
    "delete_reference",
    "view_reference",
    "view_historicalreference",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editor")
    perms = Permission.objects.filter(content_type__app_label="content", codename__in=CODENAMES)
    group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Editor"):
        group.permissions.remove(*Permission.objects.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("content", "0005_evidence_strength")]

    operations = [migrations.RunPython(grant, revoke)]
