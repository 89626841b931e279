"""python manage.py export_comparison and import_comparison."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from newsdiff.models import Comparison, ExportRecord
from tests.test_exports import annotated_comparison


@pytest.fixture
def comparison(db):
    return annotated_comparison()


def run(*args) -> str:
    out = io.StringIO()
    call_command("export_comparison", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_to_stdout(comparison):
    data = json.loads(run(comparison.slug, "--format", "json"))
    assert data["schema"] == "newsdiff.comparison" and data["version"] == 1
    record = ExportRecord.objects.get()
    assert (record.format, record.via, record.user) == ("json", "cli", None)


def test_html_to_a_file(comparison, tmp_path):
    target = tmp_path / "report.html"
    assert run(comparison.slug, "--format", "html", "--output", str(target)) == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Mexican presidency" in html


def test_options_flags(comparison):
    rows = list(csv.DictReader(io.StringIO(run(comparison.slug, "--format", "csv", "--only", "conflicts"))))
    assert rows and all(row["label"] == "conflicting" for row in rows)
    with_suggestions = run(comparison.slug, "--format", "csv", "--suggestions")
    without = run(comparison.slug, "--format", "csv", "--no-suggestions")
    assert len(with_suggestions.splitlines()) > len(without.splitlines())
    assert ExportRecord.objects.filter(options={"suggestions": True, "only": None}).count() == 1
    markdown = run(comparison.slug, "--format", "md", "--only", "final")
    assert markdown.startswith("# ")


def test_user_is_logged(comparison):
    run(comparison.slug, "--format", "md", "--user", "eve")
    assert ExportRecord.objects.get().user.username == "eve"


def test_unknown_comparison_and_format(db):
    with pytest.raises(CommandError, match="No comparison"):
        run("nope", "--format", "json")
    with pytest.raises(CommandError):
        run("nope", "--format", "pdf")


def test_round_trip_through_the_commands(comparison, tmp_path):
    """export_comparison --format json, then import_comparison on an empty instance, gives the same export."""
    path = tmp_path / "call.json"
    run(comparison.slug, "--format", "json", "--output", str(path))
    first = json.loads(path.read_text(encoding="utf-8"))
    Comparison.objects.all().delete()
    get_user_model().objects.all().delete()
    out = io.StringIO()
    call_command("import_comparison", str(path), stdout=out)
    assert "Imported" in out.getvalue() and "sheinbaum-trump-call" in out.getvalue()
    second = json.loads(run(comparison.slug, "--format", "json"))
    for data in (first, second):
        data.pop("exported_at"), data.pop("exported_by")
    assert first == second


def test_import_refuses_an_existing_slug_unless_renamed(comparison, tmp_path):
    path = tmp_path / "call.json"
    run(comparison.slug, "--format", "json", "--output", str(path))
    with pytest.raises(CommandError, match="already exists"):
        call_command("import_comparison", str(path), stdout=io.StringIO())
    call_command("import_comparison", str(path), "--slug", "call-copy", stdout=io.StringIO())
    assert Comparison.objects.filter(slug="call-copy").exists()


def test_import_refuses_a_file_that_is_not_json(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON file"):
        call_command("import_comparison", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_comparison", str(tmp_path / "missing.json"), stdout=io.StringIO())
