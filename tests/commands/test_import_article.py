"""Tests for the import_article command."""

import pytest
from django.core.management import CommandError, call_command

from newsdiff.models import Article, Comparison

pytestmark = pytest.mark.django_db


def test_import_creates_the_comparison_and_the_article(seeds_dir, capsys):
    call_command(
        "import_article",
        str(seeds_dir / "truth_social_account.txt"),
        "--comparison", "call",
        "--source", "Truth Social",
        "--outlet", "Newsmax",
        "--url", "https://example.org/story",
        "--published", "2026-01-15",
    )
    comparison = Comparison.objects.get(slug="call")
    article = comparison.articles.get()
    assert article.source == "Truth Social" and article.outlet == "Newsmax"
    assert article.published_at.isoformat().startswith("2026-01-15")
    assert "Imported" in capsys.readouterr().out


def test_refused_import_exits_non_zero_with_one_line_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n ")
    with pytest.raises(CommandError) as error:
        call_command("import_article", str(empty), "--comparison", "call", "--source", "X")
    assert "\n" not in str(error.value) and "empty" in str(error.value).lower()
    assert Article.objects.count() == 0 and Comparison.objects.count() == 0


def test_missing_file_and_bad_date_are_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_article", str(tmp_path / "nope.txt"), "--comparison", "call", "--source", "X")
    good = tmp_path / "a.txt"
    good.write_text("A claim.")
    with pytest.raises(CommandError, match="ISO date"):
        call_command("import_article", str(good), "--comparison", "call", "--source", "X", "--published", "yesterday")


@pytest.mark.parametrize("payload", ["<![foo[<script>alert(1)</script>]]><p>Ministers met.</p>",
                                     "<p>Ministers met.</p><![ onload=alert(1)>"])
def test_hostile_markup_declaration_imports(tmp_path, payload, capsys):
    """A marked section html.parser does not know used to raise inside sanitising; it imports like any page."""
    path = tmp_path / "hostile.html"
    path.write_text(payload, encoding="utf-8")
    call_command("import_article", str(path), "--comparison", "call", "--source", "X", "--no-align")
    version = Article.objects.get().current_version
    assert "Ministers met." in version.text and "<script" not in version.html
    assert "Imported" in capsys.readouterr().out


def test_background_imports_now_and_leaves_the_alignment_to_a_job(seeds_dir, capsys):
    """--background: the passages are there when the command returns; a job aligns them (tests run jobs at once)."""
    from newsdiff.models import Job

    call_command("import_article", str(seeds_dir / "truth_social_account.txt"), "--comparison", "call", "--source", "Truth")
    call_command(
        "import_article", str(seeds_dir / "mexican_presidency_account.txt"), "--comparison", "call",
        "--source", "Presidencia", "--background",
    )
    out = capsys.readouterr().out
    comparison = Comparison.objects.get(slug="call")
    second = comparison.articles.get(source="Presidencia")
    job = Job.objects.get(kind=Job.Kind.ALIGN, article=second)
    assert f"job {job.pk}" in out and second.passages.exists()
    assert job.status == Job.Status.DONE and comparison.links.exists()
    call_command("import_article", str(seeds_dir / "truth_social_account.txt"), "--comparison", "solo", "--source", "T")
    assert not Job.objects.filter(comparison__slug="solo").exists()  # without --background nothing is queued
