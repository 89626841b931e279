"""Exports: a comparison becomes one export model (a plain dict, `model.py`) that each format renders.

One module per format (`html`, `markdown`, `csv`, `json`, `claimreview`, `webannotation`), registered in `formats.py`; `wording.py` holds
the phrases they share; `files.py` names the file and logs the export. Callers import from here.
"""

from newsdiff.exports.claimreview import render_claimreview
from newsdiff.exports.csv import CSV_COLUMNS, csv_cell, render_csv
from newsdiff.exports.files import ExportFile, export_create, export_filename
from newsdiff.exports.formats import FORMATS, RENDERERS, Format
from newsdiff.exports.html import render_html
from newsdiff.exports.json import render_json
from newsdiff.exports.markdown import md_escape, md_lines, render_markdown
from newsdiff.exports.model import (
    EVENT_LINK_KEYS,
    EVENT_PASSAGE_KEYS,
    EVENT_PASSAGE_LISTS,
    ONLY_CHOICES,
    SCHEMA,
    VERSION,
    ExportOptions,
    comparison_export,
)
from newsdiff.exports.webannotation import render_webannotation
from newsdiff.exports.wording import LABELS

__all__ = [
    "CSV_COLUMNS",
    "EVENT_LINK_KEYS",
    "EVENT_PASSAGE_KEYS",
    "EVENT_PASSAGE_LISTS",
    "FORMATS",
    "LABELS",
    "ONLY_CHOICES",
    "RENDERERS",
    "SCHEMA",
    "VERSION",
    "ExportFile",
    "ExportOptions",
    "Format",
    "comparison_export",
    "csv_cell",
    "export_create",
    "export_filename",
    "md_escape",
    "md_lines",
    "render_claimreview",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_webannotation",
]
