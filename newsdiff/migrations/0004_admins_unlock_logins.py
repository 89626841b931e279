"""Let the admin role see and lift login lockouts in django-axes' admin (an unlock deletes the access attempt)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AXES_PERMISSIONS = ["view_accessattempt", "delete_accessattempt", "view_accesslog", "view_accessfailurelog"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure axes' exist now.
    app_config = apps.get_app_config("axes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="admin")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="axes", codename__in=AXES_PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="admin"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="axes", codename__in=AXES_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("newsdiff", "0003_private_comparisons"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
