"""Suite-wide set-up: development settings and shared fixtures."""

from pathlib import Path

import pytest


SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (CI lays shared/ beside the checkout)")
    return SEEDS


@pytest.fixture
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"test material not found at {DATA} (CI lays shared/ beside the checkout)")
    return DATA


@pytest.fixture(autouse=True)
def fetch_from_loopback(settings):
    """Tests serve their web pages from 127.0.0.1, which production refuses to fetch (see test_fetch)."""
    settings.NEWSDIFF_FETCH_ALLOW_PRIVATE = True


@pytest.fixture(autouse=True)
def _interface_language_reset():
    """A request in Spanish leaves Spanish active in the thread (LocaleMiddleware); later tests expect English."""
    yield
    from django.utils import translation

    translation.deactivate()
