"""How every format words a verdict, a time, a kappa and the options: one place, so the formats agree."""

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsdiff.models import Verdict
from newsdiff.reasons import reason_text

LABELS = {
    Verdict.MATCHING: gettext_lazy("Matching"),
    Verdict.CONFLICTING: gettext_lazy("Conflicting"),
    Verdict.UNIQUE: gettext_lazy("Unique"),
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
        suggested = {"match": _("matching"), "conflict": _("possible conflict")}.get(claim["suggested_label"], "")
        if claim.get("evidence"):
            suggested += " — " + "; ".join(reason_text(reason) for reason in claim["evidence"])
        if claim["kind"] == "unique":
            suggested = _("unique") if claim["suggested_unique"] else ""
        if suggested:
            return _("Suggestion, untagged (engine: %(suggested)s)") % {"suggested": suggested}
        return _("Suggestion, untagged")
    if claim["disputed"]:
        return _("Disputed")
    label = str(LABELS.get(claim["label"], _("No verdict")))
    return _("%(label)s (final)") % {"label": label} if claim["final"] and claim["final"]["label"] else label


def options_text(options: dict) -> str:
    only = {"conflicts": _("only conflicts"), "final": _("only final verdicts")}.get(options.get("only") or "",
                                                                                   _("all claims"))
    if options.get("suggestions"):
        return _("%(only)s; untagged suggestions included") % {"only": only}
    return _("%(only)s; untagged suggestions left out") % {"only": only}


def accounts_by_ref(model: dict) -> dict[str, dict]:
    return {account["ref"]: account for account in model["accounts"]}
