"""Tests for newsdiff/settings.py: production settings come from the environment and pass Django's deploy checks."""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(env_changes: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(env_changes)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def test_check_deploy_reports_nothing_in_production():
    result = run(
        {"DEBUG": "0", "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-0123456789", "ALLOWED_HOSTS": "news.example.org"},
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run({"DEBUG": "0"}, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_security_settings_follow_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.DEBUG)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG",)}
    env.update(DEBUG="0", SECRET_KEY="k" * 50, DJANGO_SETTINGS_MODULE="newsdiff.settings", SECURE_HSTS_SECONDS="60",
               SESSION_COOKIE_SECURE="0")
    out = subprocess.run([sys.executable, "-c", "import django;django.setup();" + code], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True", "60", "('HTTP_X_FORWARDED_PROTO',", "'https')", "False"], out.stderr


@pytest.mark.django_db
def test_sqlite_runs_with_wal_and_immediate_transactions(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL


@pytest.mark.django_db
def test_pages_are_compressed_when_the_browser_accepts_gzip(client):
    """HTML goes out gzipped (GZipMiddleware), with Vary: Accept-Encoding; without the header it is plain."""
    from tests import factories

    client.force_login(factories.reviewer("gzip"))
    response = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).lstrip().lower().startswith(b"<!doctype html>")
    assert "Content-Encoding" not in client.get("/").headers
