"""Tests for newsdiff.text.pipeline, including properties that must hold for any input."""

import gzip
import json
import random

import pytest

from newsdiff.text.decode import InputRejected
from newsdiff.text.pipeline import SplitDocument, split_content, split_upload
from newsdiff.text.segment import Kind


def assert_lossless(document: SplitDocument) -> None:
    """Segments slice exactly out of the prepared text and, whitespace aside, cover all of it."""
    text = document.prepared.text
    for number, item in enumerate(document.segments):
        assert item.index == number
        assert text[item.start : item.end] == item.text
    covered = "".join("".join(item.text.split()) for item in document.segments)
    assert covered == "".join(text.split())


def naughty_strings(data_dir) -> list[str]:
    """The Big List of Naughty Strings."""
    with gzip.open(data_dir / "blns.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)


def test_split_upload_of_a_seed(seeds_dir):
    """A seed file goes through decode, format detection, preparation and segmentation."""
    data = (seeds_dir / "truth_social_account.txt").read_bytes()
    document = split_upload(data, "truth_social_account.txt")
    assert document.fmt == "text"
    assert document.prepared.text == data.decode("utf-8").strip()
    assert document.segments[-1].kind == Kind.BOILERPLATE
    assert_lossless(document)


def test_split_upload_detects_html_and_uses_heading_spans():
    """An HTML upload is sanitised, its headings come from the markup and its title from <title>."""
    html = (
        "<html><head><title>Call Report</title></head><body><h1>Leaders Talk</h1>"
        "<p>The presidents spoke on Monday. Both called it “productive”.</p>"
        "<script>alert('x')</script></body></html>"
    )
    document = split_upload(html.encode("utf-16"), "report.html")
    assert document.fmt == "html"
    assert document.prepared.title == "Call Report"
    assert [(item.text, item.kind) for item in document.segments] == [
        ("Leaders Talk", Kind.HEADING),
        ("The presidents spoke on Monday.", Kind.CLAIM),
        ("Both called it “productive”.", Kind.QUOTE),
    ]
    assert "alert" not in document.prepared.html


def test_split_upload_of_markdown_by_extension():
    """A .md upload gets Markdown headings."""
    document = split_upload(b"# Heading\n\nSome text here.", "notes.md")
    assert document.fmt == "markdown"
    assert [item.kind for item in document.segments] == [Kind.HEADING, Kind.CLAIM]


def test_split_content_normalises_line_endings():
    """Pasted text with CRLF line endings is normalised before splitting."""
    document = split_content("First line.\r\nSecond line.\r\n")
    assert document.prepared.text == "First line.\nSecond line."
    assert [item.paragraph for item in document.segments] == [0, 1]


@pytest.mark.parametrize("content", ["", "   ", "\n\n", "a\x00b"])
def test_split_content_rejects_empty_and_nul(content):
    """Empty, blank and NUL-carrying content is refused with InputRejected."""
    with pytest.raises(InputRejected):
        split_content(content)


def test_split_upload_rejects_binary():
    """Binary uploads are refused with InputRejected."""
    with pytest.raises(InputRejected, match="binary"):
        split_upload(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "photo.txt")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_naughty_strings_split_losslessly_or_are_rejected(data_dir, fmt):
    """Every naughty string either is rejected with a message or splits with exact, lossless offsets."""
    accepted = 0
    for naughty in naughty_strings(data_dir):
        try:
            document = split_content(naughty, fmt)
        except InputRejected as error:
            assert str(error)
            continue
        accepted += 1
        assert_lossless(document)
    assert accepted > 400


def test_naughty_strings_as_one_article(data_dir):
    """All naughty strings together, one per line, split losslessly."""
    document = split_content("\n".join(naughty_strings(data_dir)))
    assert_lossless(document)


def test_naughty_strings_as_uploads(data_dir):
    """Naughty strings uploaded as UTF-8 and UTF-16 files either decode and split losslessly or are rejected."""
    for naughty in naughty_strings(data_dir):
        for data in (naughty.encode("utf-8"), naughty.encode("utf-16")):
            try:
                document = split_upload(data, "naughty.txt")
            except InputRejected:
                continue
            assert_lossless(document)


def random_article(rng: random.Random) -> str:
    """Build a random messy article from words, punctuation, quotes, abbreviations and odd whitespace."""
    pieces = [
        "word", "Word", "U.S.", "Mr.", "Dr.", "e.g.", "3.14", "a.m.", "“quoted”", '"said"', "«cité»", "—", "...",
        "!", "?", ".", ". ", "\n", "\n\n", "\t", "  ", "\u00a0", "\u2028", "é", "e\u0301", "日本語。", "مرحبا.", "🙂",
        "(aside)", "[1]", "By Jane Doe", "©", "Share this", "‘single’", "'", '"',
    ]  # fmt: skip
    return "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 120)))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_random_articles_split_losslessly(fmt):
    """Many random messy inputs split with exact offsets and no lost characters."""
    rng = random.Random(20260)
    for _ in range(150):
        content = random_article(rng)
        try:
            document = split_content(content, fmt)
        except InputRejected:
            assert not content.strip()
            continue
        assert_lossless(document)
