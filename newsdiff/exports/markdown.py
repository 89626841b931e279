"""Markdown: the report as text, with every piece of user text escaped."""

import re
from django.utils.translation import gettext as _

from newsdiff.exports.claims import claim_rows, grid_report
from newsdiff.exports.wording import LABELS, accounts_by_ref, human_time, kappa_text, options_text, verdict_text
from newsdiff.models import Link

# Markdown: user text is escaped so that it can never become a link, an image, markup or raw HTML.
_MD_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&!#@"})
_MD_LINE_START = ("-", "+", "=", ">")
_WWW = re.compile(r"(?i)\b(www)\.")
_NUMBERED = re.compile(r"^(\d+)[.)]")


def md_escape(text: str) -> str:
    """One line of user text, safe to put anywhere in a Markdown line."""
    text = text.replace("\r", " ").replace("\n", " ")
    escaped = text.translate(_MD_INLINE)
    # Bare-URL autolinks (GitHub Flavored Markdown): break "://" and "www." apart.
    escaped = escaped.replace("://", "\\:\\/\\/")
    escaped = _WWW.sub(lambda m: m.group(1) + "\\.", escaped)
    if escaped.startswith(_MD_LINE_START):
        escaped = "\\" + escaped
    numbered = _NUMBERED.match(escaped)
    if numbered:
        escaped = numbered.group(1) + "\\" + escaped[numbered.end(1):]
    return escaped


def md_lines(text: str) -> list[str]:
    """Multi-line user text as escaped lines (blank lines dropped)."""
    return [md_escape(line.strip()) for line in text.splitlines() if line.strip()]



def _md_passages(passages: list[dict]) -> str:
    parts = []
    for passage in passages:
        text = "".join(
            f"**{md_escape(f['text'])}**" if f["differs"] and f["text"].strip() else md_escape(f["text"])
            for f in _spaced(passage["fragments"])
        )
        parts.append(text)
    return " ".join(parts)


def _spaced(fragments: list[dict]) -> list[dict]:
    """Keep the spaces around a marked run outside the ** markers (Markdown needs that)."""
    result = []
    for fragment in fragments:
        text = fragment["text"]
        if not fragment["differs"]:
            result.append({"text": text, "differs": False})
            continue
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        if lead:
            result.append({"text": " ", "differs": False})
        result.append({"text": core, "differs": True})
        if trail:
            result.append({"text": " ", "differs": False})
    return result


def _md_claim(claim: dict, number: int, accounts: dict, a_ref: str, b_ref: str | None) -> list[str]:
    heading = f"{number}. **{verdict_text(claim)}** — {claim['key']}"
    if claim["status"]:
        heading += f" ({'suggestion' if claim['status'] == Link.Status.PENDING else claim['status']})"
    lines = [heading]
    refs_a = ", ".join(p["ref"] for p in claim["a"])
    lines.append(f"   - *{md_escape(accounts[a_ref]['label'])}* ({refs_a}): {_md_passages(claim['a'])}")
    if b_ref:
        refs_b = ", ".join(p["ref"] for p in claim["b"])
        lines.append(f"   - *{md_escape(accounts[b_ref]['label'])}* ({refs_b}): {_md_passages(claim['b'])}")
    if claim["decided_by"]:
        lines.append(
            f"   - Decided by {', '.join(md_escape(name) for name in claim['decided_by'])}"
            f" at {human_time(claim['decided_at'])}"
        )
    entries = list(claim["verdicts"]) + ([{**claim["final"], "final": True}] if claim["final"] else [])
    for entry in entries:
        verdict = LABELS.get(entry["label"], "untagged")
        who = f"{md_escape(entry['reviewer'])}{' (final)' if entry.get('final') else ''}"
        lines.append(f"   - {who}: {verdict}, {human_time(entry['at'])}")
        for line in md_lines(entry["note"]):
            lines.append(f"     > {line}")
    return lines + [""]


def render_markdown(model: dict) -> str:
    """The report as Markdown: every piece of user text escaped."""
    comparison = model["comparison"]
    accounts = accounts_by_ref(model)
    out = [f"# {md_escape(comparison['title'])}", ""]
    out.append(
        f"Comparison {md_escape(comparison['slug'])} ({comparison['status']}), exported"
        f" {human_time(model['exported_at'])}"
        + (f" by {md_escape(model['exported_by'])}" if model["exported_by"] else "")
        + f" — {options_text(model['options'])}."
    )
    out.append("")
    for line in md_lines(comparison["description"]):
        out.append(line)
    out += ["", "## " + _("Accounts"), ""]
    for account in model["accounts"]:
        details = [f"**{account['ref']} · {md_escape(account['label'])}**", md_escape(account["title"])]
        if account["author"]:
            details.append(f"by {md_escape(account['author'])}")
        if account["published_at"]:
            details.append(human_time(account["published_at"]))
        if account["url"]:
            details.append(md_escape(account["url"]))
        out.append("- " + " — ".join(details))
    counts = model["counts"]
    out += ["", "## " + _("Counts"), ""]
    out.append(
        f"Matching: {counts['matching']} · Conflicting: {counts['conflicting']} · Unique: {counts['unique']}"
        f" · Disputed: {counts['disputed']} · Untagged suggestions: {counts['suggestions']}"
    )
    out += ["", "| Account | Claims | Matching | Conflicting | Unique | No verdict |", "|---|---:|---:|---:|---:|---:|"]
    for account in model["accounts"]:
        c = account["counts"]
        out.append(
            f"| {md_escape(account['label'])} | {c['claims']} | {c['matching']} | {c['conflicting']}"
            f" | {c['unique']} | {c['without_verdict']} |"
        )
    agreement = model["agreement"]
    out += ["", "## " + _("Reviewer agreement"), ""]
    out.append(f"Cohen's kappa: {kappa_text(agreement['kappa'])}")
    for pair in agreement["pairs"]:
        names = " & ".join(md_escape(name) for name in pair["reviewers"])
        out.append(f"- {names}: {kappa_text(pair['kappa'])} over {pair['shared']} shared verdicts")
    if grid_report(model):
        return "\n".join(out + _md_grid(model)).rstrip() + "\n"
    for pair in model["pairs"]:
        a, b = accounts[pair["a"]], accounts[pair["b"]]
        out += ["", "## " + _("%(a)s vs %(b)s") % {"a": md_escape(a["label"]), "b": md_escape(b["label"])}, ""]
        c = pair["counts"]
        out.append(
            f"Matching: {c['matching']} · Conflicting: {c['conflicting']} · Disputed: {c['disputed']}"
            f" · Kappa: {kappa_text(pair['agreement']['kappa'])} · Links shown: {len(pair['links'])}"
        )
        out.append("")
        if not pair["links"]:
            out += ["No links to show.", ""]
        for number, claim in enumerate(pair["links"], 1):
            out += _md_claim(claim, number, accounts, pair["a"], pair["b"])
    for account in model["accounts"]:
        out += ["", "## " + _("Unique claims — %(account)s") % {"account": md_escape(account["label"])}, ""]
        if not account["unique"]:
            out += ["None to show.", ""]
        for number, claim in enumerate(account["unique"], 1):
            out += _md_claim(claim, number, accounts, account["ref"], None)
    return "\n".join(out).rstrip() + "\n"


def _md_grid(model: dict) -> list[str]:
    """Claims × accounts: one table row per claim, '— not reported' where an account leaves it out."""
    rows = claim_rows(model)
    names = [md_escape(account["source"]) for account in model["accounts"]]
    out = ["", "## Claims across all accounts", "", "| # | " + " | ".join(names) + " | Suggested | Verdict |",
           "|---:|" + "---|" * len(names) + "---|---|"]
    for number, row in enumerate(rows, 1):
        cells = []
        for cell in row["cells"]:
            text = " / ".join(md_escape(t).replace("\n", " ") for t in cell["texts"]) or "— not reported"
            cells.append(("**ODD ONE OUT** " if cell["odd"] else "") + text)
        odd = f" (odd: {md_escape(', '.join(row['odd']))})" if row["odd"] else ""
        verdict = row["verdict"] + (f" ({md_escape(', '.join(row['verdict_odd']))})" if row["verdict_odd"] else "")
        verdict = ("★ " if row["final"] else "") + (verdict or ("⚠ disputed" if row["disputed"] else "—"))
        out.append(f"| {number} | " + " | ".join(cells) + f" | {row['label']}{odd} | {verdict} |")
    if not rows:
        out += ["", "No claims to show."]
    return out
