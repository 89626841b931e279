"""PermissionCacheBackend: the same permissions as Django's ModelBackend alone, read in one query."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsdiff import roles
from tests import factories

pytestmark = pytest.mark.django_db

ASKED = [roles.REVIEW, roles.FINALIZE, roles.EXPORT, roles.START, "auth.add_user", "axes.view_accessattempt"]


def _users():
    own = factories.UserFactory(username="own-perm")
    own.user_permissions.add(Permission.objects.get(codename="export_comparison"))
    both = factories.reviewer("both")
    both.user_permissions.add(Permission.objects.get(codename="finalize_comparison"))
    two_groups = factories.reviewer("two-groups")
    two_groups.groups.add(Group.objects.get(name=roles.EDITOR))
    inactive = factories.editor("inactive")
    inactive.is_active = False
    inactive.save()
    superuser = factories.UserFactory(username="root", is_superuser=True)
    return [
        factories.UserFactory(username="norole"), factories.reviewer(), factories.editor(), factories.admin(),
        own, both, two_groups, inactive, superuser,
    ]


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # no permission caches yet


def test_every_kind_of_user_has_the_permissions_model_backend_alone_gives(settings):
    """Own, group, both, two groups, none, inactive, superuser: has_perm and the permission sets agree."""
    users = _users()
    expected = {}
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
    for user in users:
        fresh = _fresh(user)
        expected[user.username] = (
            [fresh.has_perm(perm) for perm in ASKED], fresh.get_all_permissions(),
            fresh.get_user_permissions(), fresh.get_group_permissions(),
        )
    assert expected["both"][0][:2] == [True, True] and expected["norole"][0] == [False] * len(ASKED)
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "newsdiff.backends.PermissionCacheBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    for user in users:
        fresh = _fresh(user)
        got = (
            [fresh.has_perm(perm) for perm in ASKED], fresh.get_all_permissions(),
            fresh.get_user_permissions(), fresh.get_group_permissions(),
        )
        assert got == expected[user.username], user.username


def test_a_reviewer_asked_for_granted_and_refused_permissions_costs_one_query():
    """Review (granted) and finalize (refused, so ModelBackend is asked too): one query in all."""
    user = _fresh(factories.reviewer())
    with CaptureQueriesContext(connection) as queries:
        assert user.has_perm(roles.REVIEW) and not user.has_perm(roles.FINALIZE) and user.has_perm(roles.REVIEW)
    assert len(queries) == 1


def test_logins_and_sessions_stay_model_backends(client):
    """The backend logs no one in: a password login is ModelBackend's and its session names ModelBackend."""
    user = factories.reviewer("login-user")
    user.set_password("a long passphrase")
    user.save()
    response = client.post(reverse("login"), {"username": "login-user", "password": "a long passphrase"})
    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "django.contrib.auth.backends.ModelBackend"
    assert ModelBackend().get_user(user.pk) == user
