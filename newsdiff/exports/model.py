"""The export model: a comparison as one plain dict, which every format renders and JSON writes as is.

`comparison_export()` builds the model from the selectors (`comparison_side_by_side` for every pair of
accounts) plus a fixed number of queries for the complete record (versions, passages, links, verdicts,
history). The model *is* the JSON document described in docs/export-format.md. References inside the model
are stable across instances: accounts are `a1, a2, …` in position order, passages `a1.v2.p14` (account,
version number, passage index), links `L1, L2, …`, annotations `n1, …`, events `e1, …`, alignment runs
`r1, …`, all numbered in the order they were created, and people are named by username.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations

from django.utils import timezone

from newsdiff.exports.claims import claims_section
from newsdiff.models import (
    AlignmentRun,
    Annotation,
    AnnotationEvent,
    Article,
    ArticleVersion,
    Comparison,
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


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="microseconds") if moment else None


def _username(user) -> str | None:
    return user.get_username() if user is not None else None


@dataclass
class Stored:
    """Every row the export reads, loaded in a fixed number of queries, each with its stable reference."""

    comparison: Comparison
    articles: list[Article]
    versions: list[ArticleVersion]
    passages: list[dict]
    runs: list[AlignmentRun]
    run_uniques: dict[int, list[int]]
    links: list[Link]
    members: dict[str, dict[int, list[int]]]
    annotations: list[Annotation]
    events: list[AnnotationEvent]
    account_ref: dict[int, str] = field(default_factory=dict)
    version_number: dict[int, int] = field(default_factory=dict)
    passage_ref: dict[int, str] = field(default_factory=dict)
    run_ref: dict[int, str] = field(default_factory=dict)
    link_ref: dict[int, str] = field(default_factory=dict)
    annotation_ref: dict[int, str] = field(default_factory=dict)
    event_ref: dict[int, str] = field(default_factory=dict)
    # Everyone the model names, collected as it is built, for the "users" list.
    people: dict[str, object] = field(default_factory=dict)

    def __post_init__(self):
        self.account_ref = {article.pk: f"a{number}" for number, article in enumerate(self.articles, 1)}
        self.version_number = {version.pk: version.number for version in self.versions}
        self.passage_ref = {
            p["pk"]: f"{self.account_ref[p['article_id']]}.v{self.version_number[p['version_id']]}.p{p['index']}"
            for p in self.passages
        }
        self.run_ref = {run.pk: f"r{number}" for number, run in enumerate(self.runs, 1)}
        self.link_ref = {link.pk: f"L{number}" for number, link in enumerate(self.links, 1)}
        self.annotation_ref = {a.pk: f"n{number}" for number, a in enumerate(self.annotations, 1)}
        self.event_ref = {event.pk: f"e{number}" for number, event in enumerate(self.events, 1)}

    def who(self, person) -> str | None:
        """A person's username, noted for the model's list of users."""
        if person is not None:
            self.people.setdefault(person.get_username(), person)
        return _username(person)

    def passage_refs(self, ids) -> list[str]:
        return sorted((self.passage_ref[i] for i in ids if i in self.passage_ref), key=_ref_order)


# Building the model, in the order the data flows -----------------------------


def comparison_export(comparison: Comparison, *, options: ExportOptions = ExportOptions(), user=None, now=None) -> dict:
    """Build the export model of a comparison, in a fixed number of queries per pair of accounts."""
    stored = stored_load(comparison)
    pairs, all_rows = _pairs(stored, options)
    counts_by_account, unique_by_account = _account_summaries(
        stored.articles, stored.account_ref, stored.passages, all_rows, options
    )
    accounts = _accounts(stored, counts_by_account, unique_by_account)
    agreement = _overall_agreement(all_rows)
    record = _record(stored)
    about = _comparison_dict(stored)
    claims = claims_section(stored)
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "exported_at": _iso(now or timezone.now()),
        "exported_by": _username(user),
        "options": options.as_dict(),
        "comparison": about,
        "counts": _overall_counts(pairs, counts_by_account),
        "agreement": agreement,
        "accounts": accounts,
        "pairs": pairs,
        "claims": claims,
        "record": record,
        "users": _users(stored.people),
    }


def stored_load(comparison: Comparison) -> Stored:
    """Load the comparison's accounts, versions, passages, runs, links, verdicts and history."""
    comparison = Comparison.objects.select_related("created_by").get(pk=comparison.pk)
    runs = list(AlignmentRun.objects.filter(comparison=comparison).select_related("created_by").order_by("pk"))
    run_uniques: dict[int, list[int]] = defaultdict(list)
    for run_id, passage_id in AlignmentRun.unique_passages.through.objects.filter(
        alignmentrun_id__in=[run.pk for run in runs]
    ).values_list("alignmentrun_id", "passage_id"):
        run_uniques[run_id].append(passage_id)
    members: dict[str, dict[int, list[int]]] = {"a": defaultdict(list), "b": defaultdict(list)}
    for side, through in (("a", Link.a_passages.through), ("b", Link.b_passages.through)):
        for link_id, passage_id in through.objects.filter(link__comparison=comparison).values_list(
            "link_id", "passage_id"
        ):
            members[side][link_id].append(passage_id)
    return Stored(
        comparison=comparison,
        articles=list(comparison.articles.select_related("created_by").order_by("position", "pk")),
        versions=list(
            ArticleVersion.objects.filter(article__comparison=comparison)
            .select_related("created_by")
            .order_by("article_id", "number")
        ),
        # Plain rows, not model instances: a large comparison has thousands of passages per version.
        passages=list(
            Passage.objects.filter(article__comparison=comparison)
            .order_by("article_id", "version_id", "index")
            .values("pk", "article_id", "version_id", "index", "start", "end", "paragraph", "kind", "text")
        ),
        runs=runs,
        run_uniques=run_uniques,
        links=list(Link.objects.filter(comparison=comparison).select_related("created_by").order_by("pk")),
        members=members,
        annotations=list(
            Annotation.objects.filter(comparison=comparison).select_related("reviewer").order_by("pk")
        ),
        events=list(AnnotationEvent.objects.filter(comparison=comparison).select_related("actor").order_by("pk")),
    )


def _pairs(stored: Stored, options: ExportOptions) -> tuple[list[dict], list[tuple[str, str, list[Row]]]]:
    """The report: one side-by-side per pair of accounts, with the claims the options keep."""
    pairs, all_rows = [], []
    for article_a, article_b in combinations(stored.articles, 2):
        view = comparison_side_by_side(stored.comparison, a_id=article_a.pk, b_id=article_b.pk)
        # comparison_pair puts the earlier account on the left; keep the refs in that order.
        a_ref, b_ref = stored.account_ref[view.article_a.pk], stored.account_ref[view.article_b.pk]
        rows = view.reviewable_rows
        all_rows.append((a_ref, b_ref, rows))
        for row in rows:
            for annotation in row.annotations + ([row.final] if row.final else []):
                stored.who(annotation.reviewer)
        pairs.append(
            {
                "a": a_ref,
                "b": b_ref,
                "counts": view.counts,
                "agreement": _agreement_dict(view.kappa, view.reviewers, view.kappa_pairs),
                "links": [
                    _claim(row, stored.passage_ref, stored.link_ref)
                    for row in rows
                    if row.kind == "pair" and _wanted(row, options)
                ],
            }
        )
    return pairs, all_rows


def _overall_agreement(all_rows) -> dict:
    """Reviewer agreement over the whole comparison (every pair's verdicts, each counted once)."""
    seen: dict[int, Annotation] = {}
    for _, _, rows in all_rows:
        for row in rows:
            for annotation in row.annotations:
                seen.setdefault(annotation.pk, annotation)
    reviewers, kappa, kappa_pairs = reviewer_agreement([seen[pk] for pk in sorted(seen)])
    return _agreement_dict(kappa, reviewers, kappa_pairs)


def _accounts(stored: Stored, counts_by_account: dict, unique_by_account: dict) -> list[dict]:
    """Each account: who published it, its counts, its unique claims and every version with its passages."""
    passages_of_version: dict[int, list[dict]] = defaultdict(list)
    for passage in stored.passages:
        passages_of_version[passage["version_id"]].append(passage)
    accounts = []
    for article in stored.articles:
        ref = stored.account_ref[article.pk]
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
                "created_by": stored.who(article.created_by),
                "current_version": stored.version_number.get(article.current_version_id),
                "counts": counts_by_account[ref],
                "unique": [_claim(row, stored.passage_ref, stored.link_ref) for row in unique_by_account[ref]],
                "versions": [
                    _version_dict(version, passages_of_version[version.pk], stored.passage_ref, stored.who)
                    for version in stored.versions
                    if version.article_id == article.pk
                ],
            }
        )
    return accounts


def _record(stored: Stored) -> dict:
    """The complete record: alignment runs, links, verdicts and their history, by reference."""
    return {
        "alignment_runs": [
            {
                "ref": stored.run_ref[run.pk],
                "a": stored.account_ref[run.article_a_id],
                "b": stored.account_ref[run.article_b_id],
                "unique_passages": stored.passage_refs(stored.run_uniques[run.pk]),
                "links_suggested": run.links_suggested,
                "links_kept": run.links_kept,
                "created_at": _iso(run.created_at),
                "created_by": stored.who(run.created_by),
            }
            for run in stored.runs
        ],
        "links": [
            {
                "ref": stored.link_ref[link.pk],
                "a": stored.account_ref[link.article_a_id],
                "b": stored.account_ref[link.article_b_id],
                "a_passages": stored.passage_refs(stored.members["a"][link.pk]),
                "b_passages": stored.passage_refs(stored.members["b"][link.pk]),
                "origin": link.origin,
                "status": link.status,
                "score": link.score,
                "suggested_label": link.suggested_label,
                "reasons": link.reasons,
                "alignment_run": stored.run_ref.get(link.alignment_run_id),
                "created_at": _iso(link.created_at),
                "created_by": stored.who(link.created_by),
            }
            for link in stored.links
        ],
        "annotations": [
            {
                "ref": stored.annotation_ref[annotation.pk],
                "link": stored.link_ref.get(annotation.link_id),
                "passage": stored.passage_ref.get(annotation.passage_id),
                "reviewer": stored.who(annotation.reviewer),
                "label": annotation.label,
                "note": annotation.note,
                "is_final": annotation.is_final,
                "changed_since_review": annotation.changed_since_review,
                "created_at": _iso(annotation.created_at),
                "updated_at": _iso(annotation.updated_at),
            }
            for annotation in stored.annotations
        ],
        "events": [
            {
                "ref": stored.event_ref[event.pk],
                "at": _iso(event.at),
                "actor": stored.who(event.actor),
                "action": event.action,
                "annotation": stored.annotation_ref.get(event.annotation_id),
                "link": stored.link_ref.get(event.link_id),
                "passage": stored.passage_ref.get(event.passage_id),
                "before": _event_payload(event.before, stored.passage_ref, stored.link_ref),
                "after": _event_payload(event.after, stored.passage_ref, stored.link_ref),
                "undoes": stored.event_ref.get(event.undoes_id),
            }
            for event in stored.events
        ],
    }


def _comparison_dict(stored: Stored) -> dict:
    comparison = stored.comparison
    return {
        "slug": comparison.slug,
        "title": comparison.title,
        "description": comparison.description,
        "status": comparison.status,
        "created_at": _iso(comparison.created_at),
        "last_activity_at": _iso(comparison.last_activity_at),
        "created_by": stored.who(comparison.created_by),
    }


def _users(people: dict[str, object]) -> list[dict]:
    return [
        {"username": name, "first_name": people[name].first_name, "last_name": people[name].last_name}
        for name in sorted(people)
    ]


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
