"""Roles are Django groups; this module says which permissions each one holds."""

from django.utils.translation import gettext_noop

# The group names, marked for translation: the header shows them with {% translate group.name %}.
REVIEWER = gettext_noop("reviewer")
EDITOR = gettext_noop("editor")
ADMIN = gettext_noop("admin")

REVIEW = "newsdiff.review_comparison"
EXPORT = "newsdiff.export_comparison"
FINALIZE = "newsdiff.finalize_comparison"
START = "newsdiff.add_comparison"  # start a comparison from the app (/c/new/)
ADD_ACCOUNT = "newsdiff.add_article"  # add an account to a comparison
ADD_VERSION = "newsdiff.add_articleversion"  # fetch an account's web address again

_REVIEWER_PERMS = ["review_comparison", "view_comparison", "view_article", "view_passage", "view_link", "view_annotation"]
_EDITOR_PERMS = _REVIEWER_PERMS + ["export_comparison", "finalize_comparison", "view_exportrecord"]
# Editors start comparisons and bring accounts in from the app (migration 0003_start_comparisons_and_export_formats).
_EDITOR_PERMS += ["add_comparison", "add_article", "add_articleversion"]
_ADMIN_MODELS = ["comparison", "article", "articleversion", "passage", "link", "annotation", "alignmentrun"]
_ADMIN_PERMS = sorted(
    set(_EDITOR_PERMS)
    | {f"{action}_{model}" for model in _ADMIN_MODELS for action in ("add", "change", "delete", "view")}
    | {"view_annotationevent", "view_exportrecord"}
)

# The admin role also holds django-axes' view/delete permissions (to lift login lockouts): migration 0004.
AXES_ADMIN_PERMS = ["view_accessattempt", "delete_accessattempt", "view_accesslog", "view_accessfailurelog"]

# group name -> codenames of newsdiff permissions
GROUP_PERMISSIONS: dict[str, list[str]] = {
    REVIEWER: _REVIEWER_PERMS,
    EDITOR: _EDITOR_PERMS,
    ADMIN: _ADMIN_PERMS,
}


def ensure_groups() -> None:
    """Create the role groups with their permissions if something removed them (the migration creates them first)."""
    from django.contrib.auth.models import Group, Permission

    for name, codenames in GROUP_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=name)
        if created or not group.permissions.exists():
            group.permissions.set(Permission.objects.filter(content_type__app_label="newsdiff", codename__in=codenames))
            if name == ADMIN:
                group.permissions.add(
                    *Permission.objects.filter(content_type__app_label="axes", codename__in=AXES_ADMIN_PERMS)
                )
