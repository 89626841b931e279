"""An editor downloads the HTML report and Chromium prints it to PDF, on A4 and on Letter."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from django.utils import timezone

from newsdiff.exports import ExportOptions, comparison_export
from newsdiff.models import ExportRecord
from tests import factories
from tests.test_exports import XSS_NOTE, annotated_comparison

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    return " ".join(text.split())


def bare(text: str) -> str:
    """Text without any whitespace: a PDF's word spacing is not the HTML's."""
    return "".join(text.split())


def test_editor_downloads_the_report_and_prints_it_on_a4_and_letter(live_server, page, login, output_dir):
    comparison = annotated_comparison()
    factories.editor("printer")
    login(page, "printer")

    # From the comparison page's Export link to the options form, then the download.
    page.goto(f"{live_server.url}{comparison.get_absolute_url()}")
    page.click("a:text-is('Export')")
    page.wait_for_url("**/export/")
    page.check("input[name=format][value=html]")
    page.check("input[name=suggestions]")
    with page.expect_download() as info:
        page.click("form.export-form button[type=submit]")
    download = info.value
    assert download.suggested_filename == f"{comparison.slug}-{timezone.localdate().isoformat()}.html"
    html = Path(download.path()).read_text(encoding="utf-8")
    record = ExportRecord.objects.get()
    assert (record.user.username, record.format, record.via) == ("printer", "html", "web")
    assert record.options == {"suggestions": True, "only": None}

    # Open the report with every request recorded and refused: a self-contained file asks for nothing.
    requests, dialogs = [], []
    page.route("**/*", lambda route: (requests.append(route.request.url), route.abort()))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(html, wait_until="load")
    assert requests == []
    assert dialogs == []  # the XSS note did not run

    model = comparison_export(comparison, options=ExportOptions(suggestions=True))
    claims = [claim for pair in model["pairs"] for claim in pair["links"]] + [
        claim for account in model["accounts"] for claim in account["unique"]
    ]
    page.screenshot(path=output_dir / "export-report.png", full_page=True)
    shown = squash(page.inner_text("body"))
    for claim in claims:
        for passage in claim["a"] + claim["b"]:
            assert squash(passage["text"]) in shown
    assert squash(XSS_NOTE) in shown
    assert "Fifteen minutes vs ten." in shown
    assert page.locator("mark").count() > 0

    # Print rules: each claim and table row is kept whole.
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(".claim, tr", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}

    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        (output_dir / f"export-report-{paper}.pdf").write_bytes(pdf)
        assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
        pages = pdf_pages(pdf)
        assert len(pages) >= 1
        pages = [bare(text) for text in pages]
        every_page = "".join(pages)
        assert bare("Sheinbaum–Trump phone call: two readouts") in every_page
        assert bare("Fifteen minutes vs ten.") in every_page
        for claim in claims:
            passages = claim["a"] + claim["b"]
            # No cut rows: one page holds the whole claim, every passage and every passage reference.
            assert any(
                all(p["ref"] in text and bare(p["text"]) in text for p in passages) for text in pages
            ), f"claim {claim['key']} is split across pages or missing ({paper})"
