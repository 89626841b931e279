"""Property-based fuzzing of the whole import (decode, extract, sanitise, segment, align) with hostile markup.

Every input imports with passages that slice their text, or is refused with a one-line message and no row
written. The suite runs a small budget (profile "suite"); bench/fuzz_import.py --minutes N runs the same
property for longer.
"""

import pytest
from hypothesis import given, settings

from tests import factories
from tests.hardening.hostile import import_and_roll_back, uploads

pytestmark = pytest.mark.django_db

OTHER_ACCOUNT = """Ministers met on Tuesday to discuss the tariff.
The tariff rose 25% in one year, officials said.
“We will not accept it,” Señor Peña said.
"""


@pytest.fixture
def comparison(db):
    comparison = factories.ComparisonFactory()
    factories.article(comparison, OTHER_ACCOUNT, source="Wire")
    return comparison


@settings(settings.get_profile("suite"))
@given(upload=uploads())
def test_any_upload_imports_cleanly_or_is_refused_in_one_line(comparison, upload):
    import_and_roll_back(comparison, upload)


def test_every_xss_payload_line_imports_or_is_refused(comparison, data_dir):
    """The public XSS list, one line per upload, read as HTML (bench/fuzz_import.py also reads it as text)."""
    lines = (data_dir / "xss-payload-list.sample300.txt").read_bytes().splitlines()
    outcomes = [import_and_roll_back(comparison, {"data": line, "filename": "payload.html"}) for line in lines]
    assert outcomes.count("imported") > len(lines) // 3
