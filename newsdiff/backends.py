"""An authentication backend that reads a user's permissions for Django's ModelBackend in one query, not two."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


@cache
def _permissions_sql() -> str:
    """(source, app label, codename) of a user's own permissions ('user') and their groups' ('group')."""
    quote = connection.ops.quote_name
    user_model = get_user_model()
    own = user_model._meta.get_field("user_permissions")
    groups = user_model._meta.get_field("groups")
    group_perms = groups.related_model._meta.get_field("permissions")
    permission = (
        f"{quote('app_label')}, p.{quote('codename')} FROM {quote(Permission._meta.db_table)} p"
        f" JOIN {quote(ContentType._meta.db_table)} ct ON ct.{quote('id')} = p.{quote('content_type_id')}"
    )
    return (
        f"SELECT 'user', ct.{permission}"
        f" JOIN {quote(own.m2m_db_table())} up ON up.{quote(own.m2m_reverse_name())} = p.{quote('id')}"
        f" WHERE up.{quote(own.m2m_column_name())} = %s"
        f" UNION ALL SELECT 'group', ct.{permission}"
        f" JOIN {quote(group_perms.m2m_db_table())} gp ON gp.{quote(group_perms.m2m_reverse_name())} = p.{quote('id')}"
        f" JOIN {quote(groups.m2m_db_table())} ug ON ug.{quote(groups.m2m_reverse_name())} = gp.{quote(group_perms.m2m_column_name())}"
        f" WHERE ug.{quote(groups.m2m_column_name())} = %s"
    )


class PermissionCacheBackend:
    """Fill ModelBackend's per-request permission caches with one query; listed just before ModelBackend.

    Every page of the workspace asks has_perm() once or more. Django's ModelBackend reads the user's own
    permissions and their groups' with two ORM queries, and building them cost more than running them. This
    backend reads both in one statement into the attributes ModelBackend keeps them in (_user_perm_cache,
    _group_perm_cache, _perm_cache), so that ModelBackend, asked next, finds them there. It answers has_perm()
    from the same set, so a granted permission needs no second backend and a refused one costs ModelBackend
    no query. It never logs anyone in and holds no session: authenticate() gives None and there is no
    get_user(), so logins and sessions stay ModelBackend's (sessions keep its path). Superusers and inactive
    users are left to ModelBackend. tests/test_backends.py checks the answers against ModelBackend's alone.
    """

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or user_obj.is_superuser or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            own, groups = set(), set()
            with connection.cursor() as cursor:
                cursor.execute(_permissions_sql(), [user_obj.pk, user_obj.pk])
                for source, app_label, codename in cursor.fetchall():
                    (own if source == "user" else groups).add(f"{app_label}.{codename}")
            # ModelBackend's own caches: the sets it would have read, under the names it reads them from.
            user_obj._user_perm_cache, user_obj._group_perm_cache = own, groups
            user_obj._perm_cache = own | groups
        return user_obj._perm_cache
