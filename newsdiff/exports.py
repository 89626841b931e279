"""Exports: a comparison becomes one export model (a plain dict) that each format renders.

`comparison_export()` builds the model from the selectors (`comparison_side_by_side` for every pair of
accounts) plus a fixed number of queries for the complete record (versions, passages, links, verdicts,
history). The model *is* the JSON document described in docs/export-format.md; `render_html`,
`render_markdown` and `render_csv` only read it. References inside the model are stable across
instances: accounts are `a1, a2, …` in position order, passages `a1.v2.p14` (account, version number,
passage index), links `L1, L2, …`, annotations `n1, …`, events `e1, …`, alignment runs `r1, …`, all
numbered in the order they were created, and people are named by username.
"""

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone
from itertools import combinations

from django.template.loader import render_to_string
from django.utils import timezone

from newsdiff.models import (
    AlignmentRun,
    Annotation,
    AnnotationEvent,
    ArticleVersion,
    Comparison,
    ExportRecord,
    Link,
    Passage,
    Verdict,
)
from newsdiff.selectors import Row, comparison_side_by_side, reviewer_agreement
from newsdiff.text.cues import CONFLICT_PREFIXES

SCHEMA = "newsdiff.comparison"
VERSION = 1
ONLY_CHOICES = ("conflicts", "final")
# Keys of AnnotationEvent.before/after that hold primary keys, and what they point at.
EVENT_PASSAGE_LISTS = ("a", "b", "passages")
EVENT_PASSAGE_KEYS = ("passage",)
EVENT_LINK_KEYS = ("link",)


@dataclass(frozen=True)
class ExportOptions:
    """What the editor chose: show untagged suggestions or not; all claims, only conflicts or only final verdicts."""

    suggestions: bool = False
    only: str = ""

    def __post_init__(self):
        if self.only not in ("", *ONLY_CHOICES):
            raise ValueError(f"only must be one of {', '.join(ONLY_CHOICES)} (or empty), not {self.only!r}.")

    def as_dict(self) -> dict:
        return {"suggestions": self.suggestions, "only": self.only or None}


@dataclass(frozen=True)
class Format:
    key: str
    extension: str
    content_type: str
    label: str


FORMATS: dict[str, Format] = {
    "html": Format("html", "html", "text/html; charset=utf-8", "HTML report (prints to PDF)"),
    "md": Format("md", "md", "text/markdown; charset=utf-8", "Markdown"),
    "csv": Format("csv", "csv", "text/csv; charset=utf-8", "CSV (one row per claim)"),
    "json": Format("json", "json", "application/json", "JSON (complete, re-importable)"),
}


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(dt_timezone.utc).isoformat(timespec="microseconds") if moment else None


def _username(user) -> str | None:
    return user.get_username() if user is not None else None


# Building the model ---------------------------------------------------------


def comparison_export(comparison: Comparison, *, options: ExportOptions = ExportOptions(), user=None, now=None) -> dict:
    """Build the export model of a comparison, in a fixed number of queries per pair of accounts."""
    comparison = Comparison.objects.select_related("created_by").get(pk=comparison.pk)
    articles = list(comparison.articles.select_related("created_by").order_by("position", "pk"))
    account_ref = {article.pk: f"a{number}" for number, article in enumerate(articles, 1)}
    people: dict[str, object] = {}

    def who(person) -> str | None:
        if person is not None:
            people.setdefault(person.get_username(), person)
        return _username(person)

    versions = list(
        ArticleVersion.objects.filter(article__comparison=comparison)
        .select_related("created_by")
        .order_by("article_id", "number")
    )
    version_number = {version.pk: version.number for version in versions}
    # Plain rows, not model instances: a large comparison has thousands of passages per version.
    passages = list(
        Passage.objects.filter(article__comparison=comparison)
        .order_by("article_id", "version_id", "index")
        .values("pk", "article_id", "version_id", "index", "start", "end", "paragraph", "kind", "text")
    )
    passage_ref = {
        p["pk"]: f"{account_ref[p['article_id']]}.v{version_number[p['version_id']]}.p{p['index']}" for p in passages
    }
    passages_of_version: dict[int, list[dict]] = defaultdict(list)
    for passage in passages:
        passages_of_version[passage["version_id"]].append(passage)

    runs = list(AlignmentRun.objects.filter(comparison=comparison).select_related("created_by").order_by("pk"))
    run_ref = {run.pk: f"r{number}" for number, run in enumerate(runs, 1)}
    run_uniques: dict[int, list[int]] = defaultdict(list)
    for run_id, passage_id in AlignmentRun.unique_passages.through.objects.filter(
        alignmentrun_id__in=run_ref
    ).values_list("alignmentrun_id", "passage_id"):
        run_uniques[run_id].append(passage_id)

    links = list(Link.objects.filter(comparison=comparison).select_related("created_by").order_by("pk"))
    link_ref = {link.pk: f"L{number}" for number, link in enumerate(links, 1)}
    members: dict[str, dict[int, list[int]]] = {"a": defaultdict(list), "b": defaultdict(list)}
    for side, through in (("a", Link.a_passages.through), ("b", Link.b_passages.through)):
        for link_id, passage_id in through.objects.filter(link__comparison=comparison).values_list(
            "link_id", "passage_id"
        ):
            members[side][link_id].append(passage_id)

    annotations = list(Annotation.objects.filter(comparison=comparison).select_related("reviewer").order_by("pk"))
    annotation_ref = {annotation.pk: f"n{number}" for number, annotation in enumerate(annotations, 1)}
    events = list(AnnotationEvent.objects.filter(comparison=comparison).select_related("actor").order_by("pk"))
    event_ref = {event.pk: f"e{number}" for number, event in enumerate(events, 1)}

    def passage_refs(ids) -> list[str]:
        return sorted((passage_ref[i] for i in ids if i in passage_ref), key=_ref_order)

    # The report: one side-by-side per pair of accounts.
    pairs, all_rows = [], []
    for article_a, article_b in combinations(articles, 2):
        view = comparison_side_by_side(comparison, a_id=article_a.pk, b_id=article_b.pk)
        # comparison_pair puts the earlier account on the left; keep the refs in that order.
        a_ref, b_ref = account_ref[view.article_a.pk], account_ref[view.article_b.pk]
        rows = view.reviewable_rows
        all_rows.append((a_ref, b_ref, rows))
        for row in rows:
            for annotation in row.annotations + ([row.final] if row.final else []):
                who(annotation.reviewer)
        pairs.append(
            {
                "a": a_ref,
                "b": b_ref,
                "counts": view.counts,
                "agreement": _agreement_dict(view.kappa, view.reviewers, view.kappa_pairs),
                "links": [
                    _claim(row, passage_ref, link_ref)
                    for row in rows
                    if row.kind == "pair" and _wanted(row, options)
                ],
            }
        )

    # Reviewer agreement over the whole comparison (every pair's verdicts, each counted once).
    seen: dict[int, Annotation] = {}
    for _, _, rows in all_rows:
        for row in rows:
            for annotation in row.annotations:
                seen.setdefault(annotation.pk, annotation)
    reviewers, kappa, kappa_pairs = reviewer_agreement([seen[pk] for pk in sorted(seen)])

    accounts = []
    counts_by_account, unique_by_account = _account_summaries(articles, account_ref, passages, all_rows, options)
    for article in articles:
        ref = account_ref[article.pk]
        accounts.append(
            {
                "ref": ref,
                "position": article.position,
                "label": article.label,
                "title": article.title,
                "source": article.source,
                "outlet": article.outlet,
                "author": article.author,
                "url": article.url,
                "published_at": _iso(article.published_at),
                "language": article.language,
                "created_at": _iso(article.created_at),
                "created_by": who(article.created_by),
                "current_version": version_number.get(article.current_version_id),
                "counts": counts_by_account[ref],
                "unique": [_claim(row, passage_ref, link_ref) for row in unique_by_account[ref]],
                "versions": [
                    _version_dict(version, passages_of_version[version.pk], passage_ref, who)
                    for version in versions
                    if version.article_id == article.pk
                ],
            }
        )

    record = {
        "alignment_runs": [
            {
                "ref": run_ref[run.pk],
                "a": account_ref[run.article_a_id],
                "b": account_ref[run.article_b_id],
                "unique_passages": passage_refs(run_uniques[run.pk]),
                "links_suggested": run.links_suggested,
                "links_kept": run.links_kept,
                "created_at": _iso(run.created_at),
                "created_by": who(run.created_by),
            }
            for run in runs
        ],
        "links": [
            {
                "ref": link_ref[link.pk],
                "a": account_ref[link.article_a_id],
                "b": account_ref[link.article_b_id],
                "a_passages": passage_refs(members["a"][link.pk]),
                "b_passages": passage_refs(members["b"][link.pk]),
                "origin": link.origin,
                "status": link.status,
                "score": link.score,
                "suggested_label": link.suggested_label,
                "reasons": link.reasons,
                "alignment_run": run_ref.get(link.alignment_run_id),
                "created_at": _iso(link.created_at),
                "created_by": who(link.created_by),
            }
            for link in links
        ],
        "annotations": [
            {
                "ref": annotation_ref[annotation.pk],
                "link": link_ref.get(annotation.link_id),
                "passage": passage_ref.get(annotation.passage_id),
                "reviewer": who(annotation.reviewer),
                "label": annotation.label,
                "note": annotation.note,
                "is_final": annotation.is_final,
                "changed_since_review": annotation.changed_since_review,
                "created_at": _iso(annotation.created_at),
                "updated_at": _iso(annotation.updated_at),
            }
            for annotation in annotations
        ],
        "events": [
            {
                "ref": event_ref[event.pk],
                "at": _iso(event.at),
                "actor": who(event.actor),
                "action": event.action,
                "annotation": annotation_ref.get(event.annotation_id),
                "link": link_ref.get(event.link_id),
                "passage": passage_ref.get(event.passage_id),
                "before": _event_payload(event.before, passage_ref, link_ref),
                "after": _event_payload(event.after, passage_ref, link_ref),
                "undoes": event_ref.get(event.undoes_id),
            }
            for event in events
        ],
    }

    return {
        "schema": SCHEMA,
        "version": VERSION,
        "exported_at": _iso(now or timezone.now()),
        "exported_by": _username(user),
        "options": options.as_dict(),
        "comparison": {
            "slug": comparison.slug,
            "title": comparison.title,
            "description": comparison.description,
            "status": comparison.status,
            "created_at": _iso(comparison.created_at),
            "last_activity_at": _iso(comparison.last_activity_at),
            "created_by": who(comparison.created_by),
        },
        "counts": _overall_counts(pairs, counts_by_account),
        "agreement": _agreement_dict(kappa, reviewers, kappa_pairs),
        "accounts": accounts,
        "pairs": pairs,
        "record": record,
        "users": [
            {"username": name, "first_name": people[name].first_name, "last_name": people[name].last_name}
            for name in sorted(people)
        ],
    }


def _ref_order(ref: str) -> tuple[int, ...]:
    """Sort passage refs like a1.v2.p14 numerically."""
    return tuple(int(part[1:]) for part in ref.split("."))


def _version_dict(version: ArticleVersion, passages: list[dict], passage_ref: dict, who) -> dict:
    return {
        "number": version.number,
        "original": version.original,
        "original_filename": version.original_filename,
        "original_format": version.original_format,
        "html": version.html,
        "text": version.text,
        "checksum": version.checksum,
        "fetched_html": version.fetched_html,
        "fetched_at": _iso(version.fetched_at),
        "fetched_checksum": version.fetched_checksum,
        "created_at": _iso(version.created_at),
        "created_by": who(version.created_by),
        "passages": [
            {
                "ref": passage_ref[p["pk"]],
                "index": p["index"],
                "start": p["start"],
                "end": p["end"],
                "paragraph": p["paragraph"],
                "kind": p["kind"],
                "text": p["text"],
            }
            for p in passages
        ],
    }


def _event_payload(payload, passage_ref: dict, link_ref: dict):
    """Replace the primary keys a history entry holds with stable references."""
    if not isinstance(payload, dict):
        return payload
    result = dict(payload)
    for key in EVENT_PASSAGE_LISTS:
        if isinstance(result.get(key), list):
            result[key] = [passage_ref.get(pk) if isinstance(pk, int) else pk for pk in result[key]]
    for key in EVENT_PASSAGE_KEYS:
        if isinstance(result.get(key), int):
            result[key] = passage_ref.get(result[key])
    for key in EVENT_LINK_KEYS:
        if isinstance(result.get(key), int):
            result[key] = link_ref.get(result[key])
    return result


def _agreement_dict(kappa, reviewers, kappa_pairs) -> dict:
    return {
        "kappa": kappa,
        "reviewers": list(reviewers),
        "pairs": [
            {"reviewers": [first, second], "kappa": pair_kappa, "shared": shared}
            for first, second, pair_kappa, shared in kappa_pairs
        ],
    }


def _is_untagged(row: Row) -> bool:
    return not row.labels and not (row.final and row.final.label)


def _is_suggestion(row: Row) -> bool:
    """An untagged suggestion: a pending link, or a lone passage, that no reviewer has given a verdict."""
    if not _is_untagged(row):
        return False
    return row.is_suggestion if row.kind == "pair" else True


def _wanted(row: Row, options: ExportOptions) -> bool:
    suggestion = _is_suggestion(row)
    if suggestion and not options.suggestions:
        return False
    if options.only == "final":
        return bool(row.final and row.final.label)
    if options.only == "conflicts":
        if suggestion:
            return row.link is not None and row.link.suggested_label == Link.Label.CONFLICT
        return row.verdict == Verdict.CONFLICTING or (not row.final and Verdict.CONFLICTING in row.labels)
    return True


def _verdict_dict(annotation: Annotation) -> dict:
    return {
        "reviewer": annotation.reviewer.get_username(),
        "label": annotation.label,
        "note": annotation.note,
        "at": _iso(annotation.updated_at),
        "changed_since_review": annotation.changed_since_review,
    }


def _claim(row: Row, passage_ref: dict, link_ref: dict) -> dict:
    """One reviewable row: a linked pair, or a passage one account alone has."""
    final = row.final if row.final and (row.final.label or row.final.note) else None
    verdicts = [_verdict_dict(a) for a in row.annotations if a.label or a.note]
    deciders = [final] if final and final.label else [a for a in row.annotations if a.label]
    link = row.link
    return {
        "key": link_ref[link.pk] if link else passage_ref[row.passage.pk],
        "kind": row.kind if link else "unique",
        "link": link_ref[link.pk] if link else None,
        "status": link.status if link else None,
        "origin": link.origin if link else None,
        "score": link.score if link else None,
        "suggested_label": link.suggested_label if link else "",
        # The engine's evidence for a possible conflict ("numbers differ: ...").
        "evidence": [r for r in link.reasons if r.startswith(CONFLICT_PREFIXES)]
        if link and link.suggested_label == Link.Label.CONFLICT else [],
        "suggested_unique": row.suggested_unique,
        "suggestion": _is_suggestion(row),
        # A unique claim has its one passage under "a", whichever side of the pair it came from.
        "a": [_passage_view(view, passage_ref) for view in (row.a if link else row.a + row.b)],
        "b": [_passage_view(view, passage_ref) for view in row.b] if link else [],
        "label": row.verdict,
        "disputed": row.disagreement and not (row.final and row.final.label),
        "final": _verdict_dict(final) if final else None,
        "verdicts": verdicts,
        "decided_by": sorted({a.reviewer.get_username() for a in deciders}),
        "decided_at": _iso(max((a.updated_at for a in deciders), default=None)),
    }


def _passage_view(view, passage_ref: dict) -> dict:
    return {
        "ref": passage_ref[view.passage.pk],
        "text": view.passage.text,
        "fragments": [{"text": f.text, "differs": f.differs} for f in view.fragments],
    }


def _account_summaries(articles, account_ref, passages, all_rows, options):
    """Counts per account, and each account's unique claims (a passage alone in every pair it is part of)."""
    current = {article.current_version_id for article in articles}
    claims = defaultdict(set)
    reviewable = (Passage.Kind.CLAIM, Passage.Kind.QUOTE)
    for passage in passages:
        if passage["version_id"] in current and passage["kind"] in reviewable:
            claims[account_ref[passage["article_id"]]].add(passage["pk"])
    labelled: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    lone: dict[int, list[Row]] = defaultdict(list)
    linked: set[int] = set()
    for a_ref, b_ref, rows in all_rows:
        for row in rows:
            if row.kind == "pair":
                for side, ref in (("a", a_ref), ("b", b_ref)):
                    for view in getattr(row, side):
                        linked.add(view.passage.pk)
                        if row.verdict:
                            labelled[ref][row.verdict].add(view.passage.pk)
            else:
                lone[row.passage.pk].append(row)
    unique_by_account: dict[str, list[Row]] = defaultdict(list)
    for passage in passages:  # in reading order
        rows = lone.get(passage["pk"])
        if not rows:
            continue
        ref, row = account_ref[passage["article_id"]], rows[0]
        if row.verdict == Verdict.UNIQUE:
            labelled[ref][Verdict.UNIQUE].add(passage["pk"])
            include = True
        else:
            # Untagged: a suggestion of a unique claim only if no pair links the passage.
            include = _is_untagged(row) and passage["pk"] not in linked
        if include and _wanted(row, options):
            unique_by_account[ref].append(row)
    counts = {}
    for article in articles:
        ref = account_ref[article.pk]
        reviewed = set().union(*labelled[ref].values()) if labelled[ref] else set()
        counts[ref] = {
            "claims": len(claims[ref]),
            "matching": len(labelled[ref][Verdict.MATCHING]),
            "conflicting": len(labelled[ref][Verdict.CONFLICTING]),
            "unique": len(labelled[ref][Verdict.UNIQUE]),
            "without_verdict": len(claims[ref] - reviewed),
        }
    return counts, unique_by_account


def _overall_counts(pairs: list[dict], counts_by_account: dict) -> dict:
    """Links are counted once per pair; unique claims once per account."""
    return {
        "matching": sum(pair["counts"]["matching"] for pair in pairs),
        "conflicting": sum(pair["counts"]["conflicting"] for pair in pairs),
        "unique": sum(counts["unique"] for counts in counts_by_account.values()),
        "disputed": sum(pair["counts"]["disputed"] for pair in pairs),
        "suggestions": sum(pair["counts"]["suggestions"] for pair in pairs),
        "claims": sum(counts["claims"] for counts in counts_by_account.values()),
    }


# Rendering ---------------------------------------------------------------


LABELS = {
    Verdict.MATCHING: "Matching",
    Verdict.CONFLICTING: "Conflicting",
    Verdict.UNIQUE: "Unique",
}


def _human_time(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC")


def _kappa_text(kappa) -> str:
    return "—" if kappa is None else f"{kappa:.2f}"


def _verdict_text(claim: dict) -> str:
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


def _options_text(options: dict) -> str:
    only = {"conflicts": "only conflicts", "final": "only final verdicts"}.get(options.get("only") or "", "all claims")
    return f"{only}; untagged suggestions {'included' if options.get('suggestions') else 'left out'}"


def _accounts_by_ref(model: dict) -> dict[str, dict]:
    return {account["ref"]: account for account in model["accounts"]}


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
    return [csv_cell(row[column]) for column in CSV_COLUMNS]


def render_csv(model: dict) -> str:
    """One row per claim: every link of every pair, then each account's unique claims."""
    accounts = _accounts_by_ref(model)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for pair in model["pairs"]:
        name = f"{pair['a']}-{pair['b']}"
        for claim in pair["links"]:
            writer.writerow(_csv_row(model, claim, name, accounts[pair["a"]], accounts[pair["b"]]))
    for account in model["accounts"]:
        for claim in account["unique"]:
            writer.writerow(_csv_row(model, claim, "", account, None))
    return out.getvalue()


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
    heading = f"{number}. **{_verdict_text(claim)}** — {claim['key']}"
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
            f" at {_human_time(claim['decided_at'])}"
        )
    entries = list(claim["verdicts"]) + ([{**claim["final"], "final": True}] if claim["final"] else [])
    for entry in entries:
        verdict = LABELS.get(entry["label"], "untagged")
        who = f"{md_escape(entry['reviewer'])}{' (final)' if entry.get('final') else ''}"
        lines.append(f"   - {who}: {verdict}, {_human_time(entry['at'])}")
        for line in md_lines(entry["note"]):
            lines.append(f"     > {line}")
    return lines + [""]


def render_markdown(model: dict) -> str:
    """The report as Markdown: every piece of user text escaped."""
    comparison = model["comparison"]
    accounts = _accounts_by_ref(model)
    out = [f"# {md_escape(comparison['title'])}", ""]
    out.append(
        f"Comparison {md_escape(comparison['slug'])} ({comparison['status']}), exported"
        f" {_human_time(model['exported_at'])}"
        + (f" by {md_escape(model['exported_by'])}" if model["exported_by"] else "")
        + f" — {_options_text(model['options'])}."
    )
    out.append("")
    for line in md_lines(comparison["description"]):
        out.append(line)
    out += ["", "## Accounts", ""]
    for account in model["accounts"]:
        details = [f"**{account['ref']} · {md_escape(account['label'])}**", md_escape(account["title"])]
        if account["author"]:
            details.append(f"by {md_escape(account['author'])}")
        if account["published_at"]:
            details.append(_human_time(account["published_at"]))
        if account["url"]:
            details.append(md_escape(account["url"]))
        out.append("- " + " — ".join(details))
    counts = model["counts"]
    out += ["", "## Counts", ""]
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
    out += ["", "## Reviewer agreement", ""]
    out.append(f"Cohen's kappa: {_kappa_text(agreement['kappa'])}")
    for pair in agreement["pairs"]:
        names = " & ".join(md_escape(name) for name in pair["reviewers"])
        out.append(f"- {names}: {_kappa_text(pair['kappa'])} over {pair['shared']} shared verdicts")
    for pair in model["pairs"]:
        a, b = accounts[pair["a"]], accounts[pair["b"]]
        out += ["", f"## {md_escape(a['label'])} vs {md_escape(b['label'])}", ""]
        c = pair["counts"]
        out.append(
            f"Matching: {c['matching']} · Conflicting: {c['conflicting']} · Disputed: {c['disputed']}"
            f" · Kappa: {_kappa_text(pair['agreement']['kappa'])} · Links shown: {len(pair['links'])}"
        )
        out.append("")
        if not pair["links"]:
            out += ["No links to show.", ""]
        for number, claim in enumerate(pair["links"], 1):
            out += _md_claim(claim, number, accounts, pair["a"], pair["b"])
    for account in model["accounts"]:
        out += ["", f"## Unique claims — {md_escape(account['label'])}", ""]
        if not account["unique"]:
            out += ["None to show.", ""]
        for number, claim in enumerate(account["unique"], 1):
            out += _md_claim(claim, number, accounts, account["ref"], None)
    return "\n".join(out).rstrip() + "\n"


def _safe_url(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else ""


def _claim_view(claim: dict) -> dict:
    final = claim["final"]
    return {
        **claim,
        "verdict_text": _verdict_text(claim),
        "css": "suggestion" if claim["suggestion"] else ("disputed" if claim["disputed"] else (claim["label"] or "none")),
        "decided": _human_time(claim["decided_at"]),
        "entries": [
            {**entry, "when": _human_time(entry["at"]), "verdict": LABELS.get(entry["label"], "untagged")}
            for entry in claim["verdicts"]
        ]
        + (
            [{**final, "when": _human_time(final["at"]), "verdict": LABELS.get(final["label"], "untagged"), "final": True}]
            if final
            else []
        ),
    }


def render_html(model: dict) -> str:
    """A self-contained, printable HTML report (inline CSS, no external request, autoescaped)."""
    accounts = [
        {
            **account,
            "published": _human_time(account["published_at"]),
            "safe_url": _safe_url(account["url"]),
            "unique_claims": [_claim_view(claim) for claim in account["unique"]],
        }
        for account in model["accounts"]
    ]
    by_ref = {account["ref"]: account for account in accounts}
    pairs = [
        {
            **pair,
            "account_a": by_ref[pair["a"]],
            "account_b": by_ref[pair["b"]],
            "kappa": _kappa_text(pair["agreement"]["kappa"]),
            "claims": [_claim_view(claim) for claim in pair["links"]],
        }
        for pair in model["pairs"]
    ]
    context = {
        "model": model,
        "comparison": model["comparison"],
        "accounts": accounts,
        "pairs": pairs,
        "counts": model["counts"],
        "kappa": _kappa_text(model["agreement"]["kappa"]),
        "kappa_pairs": [{**p, "kappa_text": _kappa_text(p["kappa"])} for p in model["agreement"]["pairs"]],
        "exported": _human_time(model["exported_at"]),
        "options_text": _options_text(model["options"]),
    }
    return render_to_string("newsdiff/export_report.html", context)


RENDERERS = {"html": render_html, "md": render_markdown, "csv": render_csv, "json": render_json}


# Writing a file and logging it --------------------------------------------


@dataclass(frozen=True)
class ExportFile:
    content: str
    filename: str
    content_type: str


def export_filename(slug: str, fmt: str, options: ExportOptions, day=None) -> str:
    """A meaningful file name: the comparison's slug, the filter if any, the day, the format."""
    day = day or timezone.localdate()
    suffix = f"-{options.only}" if options.only else ""
    return f"{slug}{suffix}-{day.isoformat()}.{FORMATS[fmt].extension}"


def export_create(*, comparison: Comparison, fmt: str, options: ExportOptions, user=None, via: str = "web") -> ExportFile:
    """Build and render an export, and log who made it, how and with which options."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    now = timezone.now()
    model = comparison_export(comparison, options=options, user=user, now=now)
    content = RENDERERS[fmt](model)
    ExportRecord.objects.create(
        comparison=comparison,
        user=user if user is not None and user.is_authenticated else None,
        format=fmt,
        options=options.as_dict(),
        via=via,
    )
    return ExportFile(
        content=content,
        filename=export_filename(comparison.slug, fmt, options, timezone.localdate(now)),
        content_type=FORMATS[fmt].content_type,
    )
