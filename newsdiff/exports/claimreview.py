"""schema.org ClaimReview (JSON-LD): one review for every claim an editor gave a final verdict.

What fact-checkers' tools read (Google's Fact Check tools among them): `claimReviewed` (the claim's text),
`itemReviewed` a `Claim` whose `appearance` lists the accounts as `CreativeWork`s (url, datePublished,
author), `reviewRating` a `Rating` whose `alternateName` is the verdict, `author` the newsroom
(NEWSDIFF_ORGANIZATION, NEWSDIFF_ORGANIZATION_URL), `datePublished` the day of the final verdict, and `url`
when NEWSDIFF_CLAIMREVIEW_URL says where the fact check is published. See docs/export-format.md.
"""

import json

from django.conf import settings

from newsdiff.exports.wording import LABELS, accounts_by_ref

CONTEXT = "https://schema.org"


def render_claimreview(model: dict) -> str:
    """A JSON-LD document whose @graph holds a ClaimReview per claim with a final verdict."""
    accounts = accounts_by_ref(model)
    reviews = [
        _review(model, claim, [accounts[ref] for ref in refs])
        for claim, refs in _final_claims(model)
    ]
    document = {"@context": CONTEXT, "@graph": reviews}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _final_claims(model: dict):
    """Every claim shown in the export whose final verdict has a label, with the accounts it appears in."""
    for pair in model["pairs"]:
        for claim in pair["links"]:
            if claim["final"] and claim["final"]["label"]:
                yield claim, [pair["a"], pair["b"]]
    for account in model["accounts"]:
        for claim in account["unique"]:
            if claim["final"] and claim["final"]["label"]:
                yield claim, [account["ref"]]


def _review(model: dict, claim: dict, accounts: list[dict]) -> dict:
    final = claim["final"]
    verdict = str(LABELS.get(final["label"], final["label"]))
    rating = {"@type": "Rating", "alternateName": verdict}
    if final["note"]:
        rating["ratingExplanation"] = final["note"]
    review = {
        "@type": "ClaimReview",
        "claimReviewed": " ".join(p["text"] for p in claim["a"]),
        "itemReviewed": {
            "@type": "Claim",
            "author": _claim_author(accounts[0]),
            "appearance": [_appearance(account) for account in accounts],
        },
        "reviewRating": rating,
        "author": _organization(),
        "datePublished": final["at"][:10],
        "reviewBody": _body(claim, accounts, verdict),
        "identifier": f"{model['comparison']['slug']}/{claim['key']}",
    }
    first = min((a for a in accounts if a["published_at"]), key=lambda a: a["published_at"], default=None)
    if first is not None:
        review["itemReviewed"]["firstAppearance"] = _appearance(first)
    template = getattr(settings, "NEWSDIFF_CLAIMREVIEW_URL", "")
    if template:
        review["url"] = template.format(slug=model["comparison"]["slug"], claim=claim["key"])
    return review


def _appearance(account: dict) -> dict:
    """An account as the CreativeWork in which the claim appears."""
    work = {"@type": "CreativeWork", "headline": account["title"]}
    if account["url"]:
        work["url"] = account["url"]
    if account["published_at"]:
        work["datePublished"] = account["published_at"]
    work["author"] = (
        {"@type": "Person", "name": account["author"]} if account["author"]
        else {"@type": "Organization", "name": account["outlet"] or account["source"]}
    )
    if account["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": account["outlet"]}
    if account["language"]:
        work["inLanguage"] = account["language"]
    return work


def _claim_author(account: dict) -> dict:
    """Whom the claim is attributed to: the account's source ("Mexican presidency")."""
    return {"@type": "Organization", "name": account["source"]}


def _organization() -> dict:
    organization = {"@type": "Organization", "name": getattr(settings, "NEWSDIFF_ORGANIZATION", "") or "newsdiff"}
    url = getattr(settings, "NEWSDIFF_ORGANIZATION_URL", "")
    if url:
        organization["url"] = url
    return organization


def _body(claim: dict, accounts: list[dict], verdict: str) -> str:
    if len(accounts) == 2:
        other = " ".join(p["text"] for p in claim["b"])
        return f"{verdict}: {accounts[0]['source']} and {accounts[1]['source']}. {accounts[1]['source']} says: {other}"
    return f"{verdict}: only {accounts[0]['source']} says this."
