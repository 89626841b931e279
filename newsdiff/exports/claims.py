"""The grid section of every export: claims × accounts (selectors/claims.py), by stable reference.

A claim's id here is a hash of its member passage references (a1.v1.p3), not of database ids, so it is
the same after an export is imported elsewhere. Reasons that name a link by its id name it by its
reference (L7). Verdicts given on claims whose members have changed since are not exported.
"""

import re

from newsdiff.selectors.claims import comparison_claims
from newsdiff.text.claims import claim_key

_LINK_ID = re.compile(r"\blink (\d+) \(")


def claims_section(stored) -> list[dict]:
    """Every claim: its members per account, the derived label, odd account(s), reasons and verdicts."""
    grid = comparison_claims(stored.comparison)
    account = stored.account_ref
    claims = []
    for row in grid.rows:
        members = {account[cell.article.pk]: stored.passage_refs([p.pk for p in cell.passages]) for cell in row.cells}
        verdict = row.verdict
        claims.append(
            {
                "id": claim_key(ref for refs in members.values() for ref in refs),
                "members": members,
                "label": row.label,
                "odd": [account[pk] for pk in row.claim.odd],
                "reasons": [
                    _LINK_ID.sub(lambda m: f"link {stored.link_ref.get(int(m[1]), m[1])} (", reason) for reason in row.reasons
                ],
                "verdict": {
                    "label": verdict.label,
                    "odd": [account[pk] for pk in verdict.odd if pk in account],
                    "final": verdict.is_final,
                }
                if verdict
                else None,
                "disputed": row.disagreement and not row.final,
                "verdicts": [
                    {
                        "reviewer": stored.who(a.reviewer),
                        "label": a.label,
                        "odd": [account[pk] for pk in a.odd if pk in account],
                        "note": a.note,
                        "final": a.is_final,
                    }
                    for a in row.annotations + ([row.final] if row.final else [])
                ],
            }
        )
    return claims


def grid_report(model: dict) -> bool:
    """Three or more accounts: the reports show the claim grid instead of every pair and unique list, so they
    grow with claims, not with pairs of accounts (JSON keeps both). Two accounts: the pair is the grid."""
    return len(model["accounts"]) > 2


def _wanted(claim: dict, options: dict) -> bool:
    verdict = claim["verdict"] or {}
    if options.get("only") == "conflicts":
        return verdict.get("label") == "conflicting" or (not verdict and claim["label"] == "conflicting")
    if options.get("only") == "final":
        return bool(verdict.get("final"))
    return options.get("suggestions", True) or bool(verdict) or claim["disputed"]


def claim_rows(model: dict) -> list[dict]:
    """The claims as rows for the reports (only with three or more accounts), filtered by the export options:
    one cell per account, its passages' texts or none when it does not report the claim."""
    if not grid_report(model):
        return []
    texts = {
        passage["ref"]: passage["text"]
        for account in model["accounts"]
        for version in account.get("versions", [])
        for passage in version.get("passages", [])
    }
    names = {account["ref"]: account["source"] for account in model["accounts"]}
    rows = []
    for claim in model.get("claims", []):
        if not _wanted(claim, model.get("options", {})):
            continue
        verdict = claim["verdict"] or {}
        # The odd account a reviewer named wins over the one the links suggest.
        odd_refs = verdict["odd"] if verdict.get("odd") else ([] if verdict.get("label") == "matching" else claim["odd"])
        rows.append(
            {
                "id": claim["id"],
                "label": claim["label"],
                "odd": [names.get(ref, ref) for ref in claim["odd"]],
                "verdict": verdict.get("label", ""),
                "verdict_odd": [names.get(ref, ref) for ref in verdict.get("odd", [])],
                "final": verdict.get("final", False),
                "disputed": claim["disputed"],
                "cells": [
                    {
                        "account": names[ref],
                        "odd": ref in odd_refs,
                        "texts": [texts.get(r, r) for r in refs],
                    }
                    for ref, refs in claim["members"].items()
                ],
            }
        )
    return rows
