"""W3C Web Annotation Data Model (JSON-LD): every verdict and note as an Annotation on the passages it is about.

One AnnotationCollection (the spec's way to publish a set of annotations together) whose `first` page holds
them all. Each reviewer's verdict or note on a claim is one Annotation: a tagging body (TextualBody with
purpose "tagging", the verdict's name) and a commenting body (TextualBody, the note); motivation
"assessing" when there is a verdict, else "commenting". Its targets are the claim's passages, each a
SpecificResource whose source is the article version and whose selector list holds a TextPositionSelector
(start/end in code points into that version's text, so text[start:end] is the passage) and a
TextQuoteSelector (exact, with up to 32 characters of prefix and suffix). Versions and people have stable
`urn:uuid:` identifiers derived from the comparison's slug and the export's references. docs/export-format.md.
"""

import json
import uuid

from newsdiff.exports.wording import LABELS, accounts_by_ref

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector


def stable_iri(slug: str, ref: str) -> str:
    """A stable, globally unique IRI for something a comparison's export names by reference."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"newsdiff:{slug}:{ref}").urn


def render_webannotation(model: dict) -> str:
    """An AnnotationCollection with one page holding every verdict and note of the claims shown."""
    slug = model["comparison"]["slug"]
    passages = _passages(model)
    items = []
    for claim in _claims(model):
        entries = [(entry, False) for entry in claim["verdicts"]]
        if claim["final"]:
            entries.append((claim["final"], True))
        for entry, final in entries:
            if entry["label"] or entry["note"]:
                items.append(_annotation(slug, claim, entry, final, passages, number=len(items) + 1))
    collection_id = stable_iri(slug, "annotations")
    document = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Verdicts and notes: {model['comparison']['title']}",
        "total": len(items),
        "first": {
            "id": stable_iri(slug, "annotations/page1"),
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _claims(model: dict):
    for pair in model["pairs"]:
        yield from pair["links"]
    for account in model["accounts"]:
        yield from account["unique"]


def _passages(model: dict) -> dict[str, tuple[dict, dict, dict]]:
    """Passage reference → (account, version, passage)."""
    found = {}
    for account in accounts_by_ref(model).values():
        for version in account["versions"]:
            for passage in version["passages"]:
                found[passage["ref"]] = (account, version, passage)
    return found


def _annotation(slug: str, claim: dict, entry: dict, final: bool, passages: dict, *, number: int) -> dict:
    bodies = []
    if entry["label"]:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": str(LABELS.get(entry["label"], entry["label"]))})
    if entry["note"]:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": entry["note"], "format": "text/plain"})
    annotation = {
        "@context": CONTEXT,
        "id": stable_iri(slug, f"annotation/{claim['key']}/{entry['reviewer']}{'/final' if final else ''}"),
        "type": "Annotation",
        "motivation": "assessing" if entry["label"] else "commenting",
        "creator": {"id": stable_iri(slug, f"user/{entry['reviewer']}"), "type": "Person", "nickname": entry["reviewer"]},
        "modified": entry["at"],
        "body": bodies,
        "target": [_target(slug, passages[p["ref"]]) for p in claim["a"] + claim["b"] if p["ref"] in passages],
    }
    if final:
        annotation["body"].append({"type": "TextualBody", "purpose": "tagging", "value": "final verdict"})
    return annotation


def _target(slug: str, found: tuple[dict, dict, dict]) -> dict:
    account, version, passage = found
    text, start, end = version["text"], passage["start"], passage["end"]
    source = {
        "id": stable_iri(slug, f"{account['ref']}.v{version['number']}"),
        "type": "Text",
        "format": "text/plain",
        "title": account["title"],
    }
    if account["language"]:
        source["language"] = account["language"]
    target = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": text[start:end],
                "prefix": text[max(start - QUOTE_CONTEXT, 0):start],
                "suffix": text[end:end + QUOTE_CONTEXT],
            },
        ],
    }
    if account["url"].lower().startswith(("http://", "https://")):
        # The web page the version was taken from: the context of the text the selectors point into.
        target["scope"] = account["url"]
    return target
