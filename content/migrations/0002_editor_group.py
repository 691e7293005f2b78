"""The "Editor" group: people who write and publish the guide, and nothing else.

Editors get add/change/delete/view on the guide's models and view on their history. They get no
permission on users, groups or MAP answers, so an editor account cannot reach anyone's data.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editor"
MODELS = ["article", "question", "toolkititem", "caution", "presentationtype"]
HISTORY = [
    "historicalarticle",
    "historicalarticle_types",
    "historicalquestion",
    "historicalquestion_articles",
    "historicalquestion_types",
    "historicaltoolkititem",
    "historicaltoolkititem_types",
    "historicalcaution",
    "historicalpresentationtype",
]


def codenames():
    for model in MODELS:
        for action in ("add", "change", "delete", "view"):
            yield f"{action}_{model}"
    for model in HISTORY:
        yield f"view_{model}"


def create_group(apps, schema_editor):
    # Permissions are normally made after `migrate` finishes; make them now so the group can
    # hold them on a fresh database.
    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = list(codenames())
    perms = Permission.objects.filter(content_type__app_label="content", codename__in=wanted)
    group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("content", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
