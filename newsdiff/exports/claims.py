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


def claim_rows(model: dict) -> list[dict]:
    """The claims as rows for the reports: one cell per account ('' when it does not report the claim)."""
    texts = {
        passage["ref"]: passage["text"]
        for account in model["accounts"]
        for version in account.get("versions", [])
        for passage in version.get("passages", [])
    }
    names = {account["ref"]: account["source"] for account in model["accounts"]}
    rows = []
    for claim in model.get("claims", []):
        verdict = claim["verdict"] or {}
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
                        "odd": ref in claim["odd"],
                        "texts": [texts.get(r, r) for r in refs],
                    }
                    for ref, refs in claim["members"].items()
                ],
            }
        )
    return rows
