"""HTML: a self-contained, printable report (templates/newsdiff/export_report.html)."""

from django.template.loader import render_to_string

from newsdiff.exports.claims import claim_rows, grid_report
from newsdiff.alignmap import LEGEND, map_from_export, map_layout
from newsdiff.exports.wording import LABELS, human_time, kappa_text, options_text, verdict_text


def _safe_url(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else ""


def _claim_view(claim: dict) -> dict:
    final = claim["final"]
    return {
        **claim,
        "verdict_text": verdict_text(claim),
        "css": "suggestion" if claim["suggestion"] else ("disputed" if claim["disputed"] else (claim["label"] or "none")),
        "decided": human_time(claim["decided_at"]),
        "entries": [
            {**entry, "when": human_time(entry["at"]), "verdict": LABELS.get(entry["label"], "untagged")}
            for entry in claim["verdicts"]
        ]
        + (
            [{**final, "when": human_time(final["at"]), "verdict": LABELS.get(final["label"], "untagged"), "final": True}]
            if final
            else []
        ),
    }


def render_html(model: dict) -> str:
    """A self-contained, printable HTML report (inline CSS, no external request, autoescaped)."""
    accounts = [
        {
            **account,
            "published": human_time(account["published_at"]),
            "safe_url": _safe_url(account["url"]),
            "unique_claims": [_claim_view(claim) for claim in account["unique"]],
        }
        for account in model["accounts"]
    ]
    by_ref = {account["ref"]: account for account in accounts}
    model_accounts = {account["ref"]: account for account in model["accounts"]}
    pairs = [
        {
            **pair,
            "account_a": by_ref[pair["a"]],
            "account_b": by_ref[pair["b"]],
            "kappa": kappa_text(pair["agreement"]["kappa"]),
            "claims": [_claim_view(claim) for claim in pair["links"]],
            "alignment_map": map_layout(*map_from_export(pair, model_accounts)),
        }
        for pair in model["pairs"]
        if not grid_report(model)
    ]
    context = {
        "model": model,
        "comparison": model["comparison"],
        "accounts": accounts,
        "pairs": pairs,
        "counts": model["counts"],
        "kappa": kappa_text(model["agreement"]["kappa"]),
        "kappa_pairs": [{**p, "kappa_text": kappa_text(p["kappa"])} for p in model["agreement"]["pairs"]],
        "exported": human_time(model["exported_at"]),
        "options_text": options_text(model["options"]),
        "claim_rows": claim_rows(model),
        "grid_report": grid_report(model),
        "map_legend": LEGEND,
    }
    return render_to_string("newsdiff/export_report.html", context)
