"""Failed logins lock an account and address pair for a while (django-axes), on the app's and the admin's login."""

import logging

import pytest
from axes.models import AccessAttempt
from django.http import HttpRequest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


def attempt(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, url, username, times, address="203.0.113.7"):
    """Fail times; each answer is the form again ("didn't match"), or the lockout page once the limit is reached."""
    for n in range(1, times + 1):
        response = attempt(client, url, username, "wrong-password", address)
        assert response.status_code == (429 if n >= 5 else 200)


def test_limit_and_lockout_come_from_settings(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_a_locked_account_and_address_pair_is_told_when_to_retry(client, caplog):
    """After the limit, even the right password is refused, with a clear message and the time to retry."""
    factories.reviewer("rita")
    fail(client, LOGIN, "rita", 4)
    with caplog.at_level(logging.WARNING, logger="newsdiff.security"):
        response = attempt(client, LOGIN, "rita", "wrong-password")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins for this account from your address" in page
    assert "locked for 15 minutes: try again after" in page and "<time datetime=" in page
    logged = [r.getMessage() for r in caplog.records if r.name == "newsdiff.security"]
    assert len(logged) == 1 and "Login locked out: account 'rita' from 203.0.113.7 after 5 failed" in logged[0]

    right = attempt(client, LOGIN, "rita", factories.PASSWORD)
    assert right.status_code == 429 and "_auth_user_id" not in client.session


def test_the_lock_holds_only_that_pair(client):
    factories.reviewer("rita")
    factories.reviewer("rob")
    fail(client, LOGIN, "rita", 5)
    assert attempt(client, LOGIN, "rob", factories.PASSWORD).status_code == 302  # another account, same address
    client.logout()
    other_address = attempt(client, LOGIN, "rita", factories.PASSWORD, address="198.51.100.9")
    assert other_address.status_code == 302  # the same account from another address


def test_a_success_before_the_limit_resets_the_count(client):
    factories.reviewer("rita")
    fail(client, LOGIN, "rita", 4)
    assert attempt(client, LOGIN, "rita", factories.PASSWORD).status_code == 302
    client.logout()
    fail(client, LOGIN, "rita", 4)
    assert attempt(client, LOGIN, "rita", factories.PASSWORD).status_code == 302


def test_the_admin_login_locks_too(client):
    factories.admin("ada")
    fail(client, ADMIN_LOGIN, "ada", 4)
    response = attempt(client, ADMIN_LOGIN, "ada", "wrong-password")
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert attempt(client, ADMIN_LOGIN, "ada", factories.PASSWORD).status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_an_admin_unlocks_in_the_admin(client):
    """Deleting the access attempt in django-axes' admin lifts the lock at once."""
    factories.reviewer("rita")
    fail(client, LOGIN, "rita", 5)
    locked = AccessAttempt.objects.get(username="rita")
    admin_client = client.__class__()
    admin_client.force_login(factories.admin("ada"))
    listing = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "rita" in listing.content.decode()
    response = admin_client.post(reverse("admin:axes_accessattempt_delete", args=[locked.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert attempt(client, LOGIN, "rita", factories.PASSWORD).status_code == 302


def test_force_login_and_client_login_still_work(client):
    """The suite's own shortcuts: force_login skips authentication; client.login passes no request."""
    user = factories.reviewer("rita")
    client.force_login(user)
    assert client.get(reverse("comparison-list")).status_code == 200
    client.logout()
    # Django's client.login() calls authenticate() without a request, which django-axes refuses; pass one.
    assert client.login(request=HttpRequest(), username="rita", password=factories.PASSWORD)
