"""The registry of export formats: a new format is a module with a `render(model) -> str` and one line here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from newsdiff.exports.claimreview import render_claimreview
from newsdiff.exports.csv import render_csv
from newsdiff.exports.html import render_html
from newsdiff.exports.json import render_json
from newsdiff.exports.markdown import render_markdown
from newsdiff.exports.webannotation import render_webannotation


@dataclass(frozen=True)
class Format:
    key: str
    extension: str
    content_type: str
    label: str  # lazily translated
    render: Callable[[dict], str]


FORMATS: dict[str, Format] = {
    "html": Format("html", "html", "text/html; charset=utf-8", _("HTML report (prints to PDF)"), render_html),
    "md": Format("md", "md", "text/markdown; charset=utf-8", "Markdown", render_markdown),
    "csv": Format("csv", "csv", "text/csv; charset=utf-8", _("CSV (one row per claim)"), render_csv),
    "json": Format("json", "json", "application/json", _("JSON (complete, re-importable)"), render_json),
    "claimreview": Format(
        "claimreview", "claimreview.jsonld", "application/ld+json",
        _("ClaimReview JSON-LD (schema.org, final verdicts, for fact-check tools)"), render_claimreview,
    ),
    "webannotation": Format(
        "webannotation", "annotations.jsonld", 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        _("Web Annotation JSON-LD (W3C, every verdict and note on its passages)"), render_webannotation,
    ),
}

RENDERERS: dict[str, Callable[[dict], str]] = {key: f.render for key, f in FORMATS.items()}
