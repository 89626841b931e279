"""JSON: the export model itself, complete and re-importable (docs/export-format.md)."""

import json


def render_json(model: dict) -> str:
    """The model as JSON; every string kept exactly as stored."""
    # Compact (no indent) so that the C encoder runs: several times faster on large comparisons.
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be written as UTF-8: fall back to \\u escapes, which keep it intact.
        text = json.dumps(model, ensure_ascii=True, separators=(",", ":"))
    return text + "\n"
