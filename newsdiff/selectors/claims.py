"""Reads for the claim grid: claims across every account, derived from the links, with reviewers' verdicts.

Claims are computed on read from the pairwise links (the stored truth: reviewers accept, reject and make
links in the pair view), so they are never stale. A claim's key is a hash of its member passage ids; claim
verdicts are stored under that key and follow the claim as long as its members stay the same.
Eight queries whatever the size: articles, passages, links, two link-member tables, link verdicts,
conflict reasons, claim verdicts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import F

from newsdiff.agreement import cohen_kappa
from newsdiff.models import Annotation, Article, ClaimAnnotation, ClaimEvent, Comparison, Link, Passage, Verdict
from newsdiff.text.claims import Claim, PairLink, build_claims

LINK_LABEL = {Verdict.MATCHING: Link.Label.MATCH, Verdict.CONFLICTING: Link.Label.CONFLICT}


def verdict_value(label: str, odd) -> str:
    """The value compared between reviewers: a conflict is only the same verdict with the same odd account(s)."""
    if label == Verdict.CONFLICTING:
        return f"{label}:{','.join(str(pk) for pk in sorted(odd))}"
    return label


@dataclass
class Cell:
    """One account's part of a claim: its passages, or none ("not reported")."""

    article: Article
    passages: list[Passage]
    odd: bool  # this account is the odd one out of the claim

    @property
    def marker(self) -> str:
        return "odd" if self.odd else ("reported" if self.passages else "absent")


@dataclass
class ClaimRow:
    key: str
    claim: Claim
    cells: list[Cell]
    odd_articles: list[Article]
    annotations: list[ClaimAnnotation] = field(default_factory=list)
    final: ClaimAnnotation | None = None
    mine: ClaimAnnotation | None = None

    @property
    def label(self) -> str:
        return self.claim.label

    @property
    def reasons(self) -> list[str]:
        return self.claim.reasons

    @property
    def members(self) -> list[int]:
        return sorted(p.pk for cell in self.cells for p in cell.passages)

    @property
    def reporting(self) -> int:
        return sum(1 for cell in self.cells if cell.passages)

    @property
    def version(self) -> int:
        return sum(a.row_version for a in self.annotations) + (self.final.row_version if self.final else 0)

    @property
    def values(self) -> set[str]:
        return {verdict_value(a.label, a.odd) for a in self.annotations if a.label}

    @property
    def disagreement(self) -> bool:
        return len(self.values) > 1

    @property
    def verdict(self) -> ClaimAnnotation | None:
        """The verdict that stands: the final one, else the reviewers' shared one; None when none or disputed."""
        if self.final and self.final.label:
            return self.final
        labelled = [a for a in self.annotations if a.label]
        return labelled[0] if labelled and not self.disagreement else None

    @property
    def verdict_label(self) -> str:
        return self.verdict.label if self.verdict else ""

    @property
    def notes(self) -> list[ClaimAnnotation]:
        return [a for a in self.annotations + ([self.final] if self.final else []) if a.note]


@dataclass
class Grid:
    comparison: Comparison
    articles: list[Article]
    rows: list[ClaimRow]
    reviewers: list[str]
    kappa: float | None
    kappa_pairs: list[tuple[str, str, float | None, int]]
    orphaned: list[ClaimAnnotation]  # verdicts on claims whose members have changed since

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(row.verdict_label for row in self.rows)
        return {
            "matching": counter[Verdict.MATCHING],
            "conflicting": counter[Verdict.CONFLICTING],
            "unique": counter[Verdict.UNIQUE],
            "disputed": sum(1 for row in self.rows if row.disagreement and not row.final),
            "reviewed": sum(1 for row in self.rows if row.values or row.final),
            "rows": len(self.rows),
            "suggested_conflicts": sum(1 for row in self.rows if row.label == Verdict.CONFLICTING),
        }

    def article_by_id(self, pk) -> Article | None:
        return next((a for a in self.articles if a.pk == pk), None)


def _link_label(pk: int, suggested_label: str, verdicts: dict[int, dict]) -> str:
    """A link's label for clustering: the final verdict, else the reviewers' shared one, else the engine's."""
    entry = verdicts.get(pk)
    if entry:
        if entry["final"] in LINK_LABEL:
            return LINK_LABEL[entry["final"]]
        if len(entry["labels"]) == 1 and next(iter(entry["labels"])) in LINK_LABEL:
            return LINK_LABEL[next(iter(entry["labels"]))]
    return suggested_label or Link.Label.MATCH


def comparison_claims(comparison: Comparison, *, viewer=None) -> Grid:
    """Every claim of the comparison across its accounts, with verdicts and agreement, in 8 queries."""
    articles = list(comparison.articles.order_by("position", "pk"))
    passages = list(
        Passage.objects.filter(
            article__comparison=comparison,
            version_id=F("article__current_version_id"),
            kind__in=[Passage.Kind.CLAIM, Passage.Kind.QUOTE],
        ).order_by("article_id", "index")
    )
    by_id = {p.pk: p for p in passages}
    accounts: dict[int, list[int]] = {a.pk: [] for a in articles}
    for p in passages:
        accounts[p.article_id].append(p.pk)

    active = Link.objects.filter(comparison=comparison, status__in=[Link.Status.PENDING, Link.Status.ACCEPTED])
    # Tuples, not model instances: at 10 accounts of 200 passages there are some 12,000 links.
    links = list(
        active.order_by("pk").values_list(
            "pk", "article_a_id", "article_b_id", "score", "suggested_label", "status", "origin"
        )
    )
    members: dict[tuple[int, str], list[int]] = defaultdict(list)
    for side, through in (("a", Link.a_passages.through), ("b", Link.b_passages.through)):
        for link_id, passage_id in through.objects.filter(link_id__in=active.values("pk")).values_list(
            "link_id", "passage_id"
        ):
            members[(link_id, side)].append(passage_id)
    link_verdicts: dict[int, dict] = defaultdict(lambda: {"labels": set(), "final": ""})
    for link_id, label, is_final in (
        Annotation.objects.filter(link_id__in=active.values("pk"))
        .exclude(label="")
        .values_list("link_id", "label", "is_final")
    ):
        if is_final:
            link_verdicts[link_id]["final"] = label
        else:
            link_verdicts[link_id]["labels"].add(label)
    # The engine's reasons matter to a claim only for conflicts (they say what differs).
    conflict_reasons = dict(active.filter(suggested_label=Link.Label.CONFLICT).values_list("pk", "reasons"))

    pair_links = [
        PairLink(
            id=pk,
            account_a=article_a_id,
            account_b=article_b_id,
            a=tuple(members[(pk, "a")]),
            b=tuple(members[(pk, "b")]),
            label=_link_label(pk, suggested_label, link_verdicts),
            score=score,
            fixed=status == Link.Status.ACCEPTED or origin == Link.Origin.MANUAL,
            reasons=tuple(conflict_reasons.get(pk) or ()),
        )
        for pk, article_a_id, article_b_id, score, suggested_label, status, origin in links
    ]
    names = {a.pk: a.source for a in articles}
    claims = build_claims(accounts, pair_links, names=names)

    article_by_id = {a.pk: a for a in articles}
    rows = []
    for claim in claims:
        odd = set(claim.odd)
        cells = [Cell(a, [by_id[pk] for pk in claim.members[a.pk]], a.pk in odd) for a in articles]
        rows.append(ClaimRow(claim.id, claim, cells, [article_by_id[pk] for pk in claim.odd]))
    grid = Grid(comparison, articles, rows, [], None, [], [])
    return grid_verdicts(grid, viewer=viewer)


def grid_verdicts(grid: Grid, *, viewer=None) -> Grid:
    """(Re)load every claim verdict of the grid, its agreement and orphans: one query (after a write too)."""
    annotations = list(
        ClaimAnnotation.objects.filter(comparison=grid.comparison).select_related("reviewer").order_by("pk")
    )
    by_key: dict[str, list[ClaimAnnotation]] = defaultdict(list)
    for annotation in annotations:
        by_key[annotation.key].append(annotation)
    for row in grid.rows:
        given = by_key.pop(row.key, [])
        row.annotations = [a for a in given if not a.is_final]
        row.final = next((a for a in given if a.is_final), None)
        row.mine = None
        if viewer is not None:
            row.mine = next((a for a in row.annotations if a.reviewer_id == viewer.pk), None)
    grid.orphaned = [a for group in by_key.values() for a in group if a.label]
    grid.reviewers, grid.kappa, grid.kappa_pairs = claim_agreement(annotations)
    return grid


def claim_agreement(annotations: list[ClaimAnnotation]):
    """Cohen's kappa between each pair of reviewers over the claims both gave a verdict on, and overall."""
    labels: dict[int, dict[str, str]] = defaultdict(dict)
    names: dict[int, str] = {}
    for annotation in annotations:
        if annotation.is_final or not annotation.label:
            continue
        labels[annotation.reviewer_id][annotation.key] = verdict_value(annotation.label, annotation.odd)
        names[annotation.reviewer_id] = annotation.reviewer.get_username()
    pairs = []
    for first, second in combinations(sorted(labels), 2):
        kappa, shared = cohen_kappa(labels[first], labels[second])
        pairs.append((names[first], names[second], kappa, shared))
    weighted = [(k, n) for _, _, k, n in pairs if k is not None]
    overall = sum(k * n for k, n in weighted) / sum(n for _, n in weighted) if weighted else None
    return [names[r] for r in sorted(labels)], overall, pairs


def claim_row(comparison: Comparison, *, key: str, viewer=None) -> tuple[Grid, ClaimRow | None]:
    """The grid and the one claim a key names (None when no current claim has that key)."""
    grid = comparison_claims(comparison, viewer=viewer)
    return grid, next((row for row in grid.rows if row.key == key), None)


def claim_history(comparison: Comparison, *, key: str) -> list[ClaimEvent]:
    """Every recorded change to one claim's verdicts, newest first."""
    return list(ClaimEvent.objects.filter(comparison=comparison, key=key).select_related("actor", "undoes"))
