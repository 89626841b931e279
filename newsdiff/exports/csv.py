"""CSV: one row per claim, every cell neutralised against formula injection."""

import csv
import io

from newsdiff.exports.claims import claim_rows, grid_report
from newsdiff.exports.wording import accounts_by_ref

# CSV: a cell a spreadsheet would read as a formula gets a leading apostrophe (OWASP's advice).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "comparison",
    "pair",
    "kind",
    "claim",
    "status",
    "suggestion",
    "account_a",
    "passages_a",
    "text_a",
    "account_b",
    "passages_b",
    "text_b",
    "label",
    "disputed",
    "final_label",
    "final_by",
    "final_at",
    "reviewers",
    "notes",
    "decided_by",
    "decided_at",
    "suggested_label",
    "score",
    "odd_accounts",
]


def csv_cell(value) -> str:
    """A cell as text, neutralised against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _notes_text(claim: dict) -> str:
    entries = list(claim["verdicts"]) + ([{**claim["final"], "reviewer": f"{claim['final']['reviewer']} (final)"}] if claim["final"] else [])
    return "\n".join(f"{entry['reviewer']}: {entry['note']}" for entry in entries if entry["note"])


def _csv_row(model: dict, claim: dict, pair: str, account_a: dict, account_b: dict | None) -> list[str]:
    final = claim["final"] or {}
    row = {
        "comparison": model["comparison"]["slug"],
        "pair": pair,
        "kind": claim["kind"],
        "claim": claim["key"],
        "status": claim["status"] or "",
        "suggestion": claim["suggestion"],
        "account_a": account_a["label"],
        "passages_a": " ".join(p["ref"] for p in claim["a"]),
        "text_a": " ".join(p["text"] for p in claim["a"]),
        "account_b": account_b["label"] if account_b else "",
        "passages_b": " ".join(p["ref"] for p in claim["b"]),
        "text_b": " ".join(p["text"] for p in claim["b"]),
        "label": claim["label"],
        "disputed": claim["disputed"],
        "final_label": final.get("label", ""),
        "final_by": final.get("reviewer", "") if final.get("label") else "",
        "final_at": final.get("at", "") if final.get("label") else "",
        "reviewers": "; ".join(f"{v['reviewer']}={v['label'] or 'untagged'}" for v in claim["verdicts"]),
        "notes": _notes_text(claim),
        "decided_by": " ".join(claim["decided_by"]),
        "decided_at": claim["decided_at"] or "",
        "suggested_label": claim["suggested_label"],
        "score": claim["score"],
    }
    return [csv_cell(row.get(column, "")) for column in CSV_COLUMNS]


def render_csv(model: dict) -> str:
    """One row per claim: every link of every pair, then each account's unique claims (two accounts);
    one row per claim across all accounts (three or more)."""
    accounts = accounts_by_ref(model)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for pair in [] if grid_report(model) else model["pairs"]:
        name = f"{pair['a']}-{pair['b']}"
        for claim in pair["links"]:
            writer.writerow(_csv_row(model, claim, name, accounts[pair["a"]], accounts[pair["b"]]))
    for account in [] if grid_report(model) else model["accounts"]:
        for claim in account["unique"]:
            writer.writerow(_csv_row(model, claim, "", account, None))
    # Three or more accounts: one row per claim across all accounts (pair "all", kind "claim") instead.
    title = model["comparison"]["title"]
    for row in claim_rows(model):
        values = dict.fromkeys(CSV_COLUMNS, "")
        values.update(
            comparison=title,
            pair="all",
            kind="claim",
            claim=row["id"],
            account_a="; ".join(cell["account"] for cell in row["cells"] if cell["texts"]),
            text_a=" || ".join(
                f"{cell['account']}: {' / '.join(cell['texts']) or '— not reported'}" for cell in row["cells"]
            ),
            label=row["verdict"],
            disputed="yes" if row["disputed"] else "",
            final_label=row["verdict"] if row["final"] else "",
            suggested_label=row["label"],
            odd_accounts="; ".join(row["verdict_odd"] or row["odd"]),
        )
        writer.writerow([csv_cell(values[column]) for column in CSV_COLUMNS])
    return out.getvalue()
