"""How every format words a verdict, a time, a kappa and the options: one place, so the formats agree."""

from datetime import datetime

from newsdiff.models import Verdict

LABELS = {
    Verdict.MATCHING: "Matching",
    Verdict.CONFLICTING: "Conflicting",
    Verdict.UNIQUE: "Unique",
}


def human_time(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC")


def kappa_text(kappa) -> str:
    return "—" if kappa is None else f"{kappa:.2f}"


def verdict_text(claim: dict) -> str:
    """What the report says about a claim's verdict."""
    if claim["suggestion"]:
        suggested = {"match": "matching", "conflict": "possible conflict"}.get(claim["suggested_label"], "")
        if claim.get("evidence"):
            suggested += " — " + "; ".join(claim["evidence"])
        if claim["kind"] == "unique":
            suggested = "unique" if claim["suggested_unique"] else ""
        return f"Suggestion, untagged{f' (engine: {suggested})' if suggested else ''}"
    if claim["disputed"]:
        return "Disputed"
    label = LABELS.get(claim["label"], "No verdict")
    return f"{label} (final)" if claim["final"] and claim["final"]["label"] else label


def options_text(options: dict) -> str:
    only = {"conflicts": "only conflicts", "final": "only final verdicts"}.get(options.get("only") or "", "all claims")
    return f"{only}; untagged suggestions {'included' if options.get('suggestions') else 'left out'}"


def accounts_by_ref(model: dict) -> dict[str, dict]:
    return {account["ref"]: account for account in model["accounts"]}
