"""Create the reviewer, editor and admin groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: later changes to roles go in new migrations.
GROUP_PERMISSIONS = {
    "reviewer": [
        "review_comparison",
        "view_comparison",
        "view_article",
        "view_passage",
        "view_link",
        "view_annotation",
    ],
    "editor": [
        "review_comparison",
        "view_comparison",
        "view_article",
        "view_passage",
        "view_link",
        "view_annotation",
        "export_comparison",
        "finalize_comparison",
        "view_exportrecord",
    ],
    "admin": [
        "add_alignmentrun",
        "add_annotation",
        "add_article",
        "add_articleversion",
        "add_comparison",
        "add_link",
        "add_passage",
        "change_alignmentrun",
        "change_annotation",
        "change_article",
        "change_articleversion",
        "change_comparison",
        "change_link",
        "change_passage",
        "delete_alignmentrun",
        "delete_annotation",
        "delete_article",
        "delete_articleversion",
        "delete_comparison",
        "delete_link",
        "delete_passage",
        "export_comparison",
        "finalize_comparison",
        "review_comparison",
        "view_alignmentrun",
        "view_annotation",
        "view_annotationevent",
        "view_article",
        "view_articleversion",
        "view_comparison",
        "view_exportrecord",
        "view_link",
        "view_passage",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="newsdiff", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for group {name}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsdiff", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
