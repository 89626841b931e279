"""Editors may start comparisons and add accounts from the app (/c/new/): give their group the add permissions.
An export's format key may be longer than ten characters ("claimreview", "webannotation")."""

from django.db import migrations, models

# Frozen here, like 0002_roles.
EDITOR_ADDS = ["add_comparison", "add_article", "add_articleversion"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor = Group.objects.filter(name="editor").first()
    if editor is None:
        return
    permissions = list(Permission.objects.filter(content_type__app_label="newsdiff", codename__in=EDITOR_ADDS))
    if len(permissions) != len(EDITOR_ADDS):
        raise RuntimeError(f"Permissions missing for the editor group: {EDITOR_ADDS}")
    editor.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor = Group.objects.filter(name="editor").first()
    if editor is not None:
        editor.permissions.remove(
            *Permission.objects.filter(content_type__app_label="newsdiff", codename__in=EDITOR_ADDS)
        )


class Migration(migrations.Migration):
    dependencies = [("newsdiff", "0002_roles")]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.AlterField(model_name="exportrecord", name="format", field=models.CharField(max_length=20)),
    ]
