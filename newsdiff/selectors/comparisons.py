"""Reads for the review workspace and exports: aligned rows, verdicts, agreement, summaries."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, F, Max, Q

from newsdiff.agreement import cohen_kappa
from newsdiff.models import (
    AlignmentRun,
    Annotation,
    AnnotationEvent,
    Article,
    Comparison,
    Link,
    Passage,
    Verdict,
)
from newsdiff.text.highlight import highlight_pair


@dataclass
class Fragment:
    """A run of a passage's text, marked when it differs from the other side."""

    text: str
    differs: bool = False


@dataclass
class PassageView:
    passage: Passage
    fragments: list[Fragment]


@dataclass
class Row:
    """One line of the side-by-side page: a linked pair, a passage one account alone has, or a divider."""

    key: str
    kind: str  # pair | a_only | b_only | heading | boilerplate
    a: list[PassageView] = field(default_factory=list)
    b: list[PassageView] = field(default_factory=list)
    link: Link | None = None
    passage: Passage | None = None
    annotations: list[Annotation] = field(default_factory=list)
    final: Annotation | None = None
    mine: Annotation | None = None
    suggested_unique: bool = False

    @property
    def target(self):
        return self.link or self.passage

    @property
    def version(self) -> int:
        return self.target.row_version if self.target else 0

    @property
    def reviewable(self) -> bool:
        return self.kind in ("pair", "a_only", "b_only")

    @property
    def is_suggestion(self) -> bool:
        return self.link is not None and self.link.status == Link.Status.PENDING

    @property
    def my_label(self) -> str:
        """The viewer's own label on the row, '' when none.

        The page's row asks for it (and my_note) seven times: through a missing row.mine each lookup costs
        Django's template engine a chain of caught exceptions, about 8 µs, a few ms on a screen of 50 rows.
        """
        return self.mine.label if self.mine else ""

    @property
    def my_note(self) -> str:
        return self.mine.note if self.mine else ""

    @property
    def labels(self) -> set[str]:
        return {a.label for a in self.annotations if a.label}

    @property
    def disagreement(self) -> bool:
        return len(self.labels) > 1

    @property
    def verdict(self) -> str:
        """The row's verdict: the final one, else the reviewers' shared one; '' when none or disputed."""
        if self.final and self.final.label:
            return self.final.label
        labels = self.labels
        return labels.pop() if len(labels) == 1 else ""

    @property
    def notes(self) -> list[Annotation]:
        return [a for a in self.annotations + ([self.final] if self.final else []) if a.note]


@dataclass
class SideBySide:
    comparison: Comparison
    articles: list[Article]
    article_a: Article | None
    article_b: Article | None
    rows: list[Row]
    reviewers: list
    kappa: float | None
    kappa_pairs: list[tuple[str, str, float | None, int]]

    @property
    def reviewable_rows(self) -> list[Row]:
        return [row for row in self.rows if row.reviewable]

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(row.verdict for row in self.reviewable_rows)
        return {
            "matching": counter[Verdict.MATCHING],
            "conflicting": counter[Verdict.CONFLICTING],
            "unique": counter[Verdict.UNIQUE],
            "disputed": sum(1 for row in self.reviewable_rows if row.disagreement and not row.final),
            "reviewed": sum(1 for row in self.reviewable_rows if row.labels or row.final),
            "rows": len(self.reviewable_rows),
            "suggestions": sum(1 for row in self.reviewable_rows if row.is_suggestion),
        }


@cache
def _ARTICLES_SQL() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in Article._meta.concrete_fields)
    return f"SELECT {columns} FROM {quote(Article._meta.db_table)} WHERE comparison_id = %s ORDER BY position, id"


def comparison_pair(comparison: Comparison, a_id=None, b_id=None) -> tuple[list[Article], Article | None, Article | None]:
    """The comparison's accounts, and the two to put side by side (the first two unless chosen)."""
    # Not select_related("current_version"): callers need its id only, and a version row carries the whole
    # text several times over (original, HTML, plain text, fetched page), read on every request for nothing.
    # Hand-written SQL: every request of the workspace runs this, and building it through the ORM cost
    # more than the query itself.
    articles = list(Article.objects.raw(_ARTICLES_SQL(), [comparison.pk]))
    by_id = {str(article.pk): article for article in articles}
    article_a = by_id.get(str(a_id)) if a_id else None
    article_b = by_id.get(str(b_id)) if b_id else None
    if article_a is None or article_b is None or article_a == article_b:
        article_a, article_b = (articles + [None, None])[:2]
    if article_a and article_b and (article_a.position, article_a.pk) > (article_b.position, article_b.pk):
        article_a, article_b = article_b, article_a
    return articles, article_a, article_b


def _fragments(text: str, spans) -> list[Fragment]:
    fragments, cursor = [], 0
    for span in spans:
        if span.start > cursor:
            fragments.append(Fragment(text[cursor : span.start]))
        fragments.append(Fragment(text[span.start : span.end], differs=span.kind != "same"))
        cursor = span.end
    if cursor < len(text):
        fragments.append(Fragment(text[cursor:]))
    return _merge(fragments)


def _merge(fragments: list[Fragment]) -> list[Fragment]:
    merged: list[Fragment] = []
    for fragment in fragments:
        if merged and (merged[-1].differs == fragment.differs or not fragment.text.strip()):
            merged[-1].text += fragment.text
        else:
            merged.append(Fragment(fragment.text, fragment.differs))
    return merged


def _plain(passage: Passage) -> PassageView:
    return PassageView(passage, [Fragment(passage.text)])


def pair_views(a_passages: list[Passage], b_passages: list[Passage]) -> tuple[list[PassageView], list[PassageView]]:
    """Highlight the words each side of a link shares with the other and the words that differ."""
    if len(a_passages) == len(b_passages) == 1:
        spans_a, spans_b = highlight_pair(a_passages[0].text, b_passages[0].text)
        return [PassageView(a_passages[0], _fragments(a_passages[0].text, spans_a))], [
            PassageView(b_passages[0], _fragments(b_passages[0].text, spans_b))
        ]
    a_text = " ".join(p.text for p in a_passages)
    b_text = " ".join(p.text for p in b_passages)
    views_a = [PassageView(p, _fragments(p.text, highlight_pair(p.text, b_text)[0])) for p in a_passages]
    views_b = [PassageView(p, _fragments(p.text, highlight_pair(a_text, p.text)[1])) for p in b_passages]
    return views_a, views_b


def comparison_side_by_side(
    comparison: Comparison, *, viewer=None, a_id=None, b_id=None, highlight: bool = True
) -> SideBySide:
    """Build the aligned rows of two accounts with every verdict, in a fixed number of queries."""
    articles, article_a, article_b = comparison_pair(comparison, a_id, b_id)
    if article_a is None or article_b is None:
        return SideBySide(comparison, articles, article_a, article_b, [], [], None, [])

    passages = Passage.objects.filter(
        version_id__in=[article_a.current_version_id, article_b.current_version_id]
    ).order_by("index")
    side_a = [p for p in passages if p.version_id == article_a.current_version_id]
    side_b = [p for p in passages if p.version_id == article_b.current_version_id]
    passage_by_id = {p.pk: p for p in side_a + side_b}

    active_links = Link.objects.filter(
        comparison=comparison,
        article_a=article_a,
        article_b=article_b,
        status__in=[Link.Status.PENDING, Link.Status.ACCEPTED],
    )
    links = list(active_links.order_by("pk"))
    # Subqueries, not lists of thousands of ids: binding those parameters cost more than the queries.
    members_a, members_b = _link_members(active_links.values("pk"), passage_by_id)
    versions = [article_a.current_version_id, article_b.current_version_id]

    annotations = list(
        Annotation.objects.filter(comparison=comparison)
        .filter(Q(link_id__in=active_links.values("pk")) | Q(passage__version_id__in=versions))
        .select_related("reviewer")
        .order_by("pk")
    )
    by_target: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        by_target[f"l{annotation.link_id}" if annotation.link_id else f"p{annotation.passage_id}"].append(annotation)

    run = (
        AlignmentRun.objects.filter(comparison=comparison, article_a=article_a, article_b=article_b)
        .order_by("-created_at", "-pk")
        .first()
    )
    unique_ids = set(run.unique_passages.values_list("pk", flat=True)) if run else set()

    rows = _build_rows(side_a, side_b, links, members_a, members_b, highlight)
    for row in rows:
        target_annotations = by_target.get(row.key, [])
        row.annotations = [a for a in target_annotations if not a.is_final]
        row.final = next((a for a in target_annotations if a.is_final), None)
        if viewer is not None:
            row.mine = next((a for a in row.annotations if a.reviewer_id == viewer.pk), None)
        row.suggested_unique = row.passage is not None and row.passage.pk in unique_ids

    reviewers, kappa, kappa_pairs = reviewer_agreement(annotations)
    return SideBySide(comparison, articles, article_a, article_b, rows, reviewers, kappa, kappa_pairs)


def _link_members(link_ids, passage_by_id):
    members_a: dict[int, list[Passage]] = defaultdict(list)
    members_b: dict[int, list[Passage]] = defaultdict(list)
    for through, members in ((Link.a_passages.through, members_a), (Link.b_passages.through, members_b)):
        for link_id, passage_id in through.objects.filter(link_id__in=link_ids).values_list("link_id", "passage_id"):
            if passage_id in passage_by_id:
                members[link_id].append(passage_by_id[passage_id])
    for members in (members_a, members_b):
        for group in members.values():
            group.sort(key=lambda p: p.index)
    return members_a, members_b


def _lone_row(passage: Passage, side: str) -> Row:
    kind = passage.kind if passage.kind in ("heading", "boilerplate") else f"{side}_only"
    row = Row(key=f"p{passage.pk}", kind=kind, passage=passage)
    getattr(row, side).append(_plain(passage))
    return row


def _row_order(side_a, side_b, link_ids, members_a, members_b, index_of) -> list[tuple[str, int]]:
    """The rows of two accounts in page order: ("l", link id) for a pair, ("a" | "b", passage id) for a passage alone.

    Walk account A in order, placing each B passage after the row that holds its predecessor. Over ids only,
    so that the first screen can order every row without building any (rows.comparison_row_keys).
    side_a, side_b: each account's passage ids in reading order; link_ids: the active links by id;
    members_a, members_b: link id -> its passage ids among the two accounts' current passages, in reading
    order; index_of: passage id -> index.
    """
    rows: list[tuple[str, int]] = []
    opens: dict[int, list[int]] = defaultdict(list)  # A passage id -> the pairs it opens
    linked_b: set[int] = set()
    in_some_link_a: set[int] = set()
    for link_id in link_ids:
        a, b = members_a.get(link_id), members_b.get(link_id)
        if a:
            in_some_link_a.update(a)
        if not a or not b:
            continue  # a link into an old version: shown on the article page, not here
        opens[a[0]].append(link_id)
        linked_b.update(b)

    b_row_position: dict[int, int] = {}  # B passage index -> position of the last row holding it
    first_pair = None
    for passage_id in side_a:
        for link_id in opens.get(passage_id, ()):
            if first_pair is None:
                first_pair = len(rows)
            for b in members_b[link_id]:
                b_row_position[index_of[b]] = len(rows)
            rows.append(("l", link_id))
        if passage_id not in in_some_link_a:
            rows.append(("a", passage_id))

    # B passages that stand alone go right after the row holding the nearest earlier B passage.
    inserts: dict[int, list[tuple[str, int]]] = defaultdict(list)  # position of a row -> rows to put after it
    leading: list[tuple[str, int]] = []
    anchor: int | None = None
    for passage_id in side_b:
        if passage_id in linked_b:
            anchor = b_row_position.get(index_of[passage_id], anchor)
        elif anchor is None:
            leading.append(("b", passage_id))
        else:
            inserts[anchor].append(("b", passage_id))
    # B passages before B's first linked passage stand beside A's opening rows (titles face titles),
    # just before the first pair.
    ordered = []
    for i, row in enumerate(rows):
        if i == first_pair:
            ordered.extend(leading)
        ordered.append(row)
        ordered.extend(inserts.get(i, ()))
    if first_pair is None:
        ordered.extend(leading)
    return ordered


def _build_rows(side_a, side_b, links, members_a, members_b, highlight) -> list[Row]:
    """The rows of two accounts in page order (_row_order), each with its passages and link."""
    passage_by_id = {p.pk: p for p in side_a}
    passage_by_id.update((p.pk, p) for p in side_b)
    link_by_id = {link.pk: link for link in links}
    ids_a = {link_id: [p.pk for p in group] for link_id, group in members_a.items()}
    ids_b = {link_id: [p.pk for p in group] for link_id, group in members_b.items()}
    order = _row_order(
        [p.pk for p in side_a], [p.pk for p in side_b], list(link_by_id), ids_a, ids_b,
        {pk: p.index for pk, p in passage_by_id.items()},
    )
    return _rows_in_order(order, passage_by_id, link_by_id, ids_a, ids_b, highlight)


def _rows_in_order(order, passage_by_id, link_by_id, members_a, members_b, highlight) -> list[Row]:
    """The Row of each entry of _row_order(); members_a, members_b: link id -> its passage ids on that side."""
    rows: list[Row] = []
    for side, pk in order:
        if side != "l":
            rows.append(_lone_row(passage_by_id[pk], side))
            continue
        a_passages = [passage_by_id[p] for p in members_a[pk]]
        b_passages = [passage_by_id[p] for p in members_b[pk]]
        if highlight:
            views_a, views_b = pair_views(a_passages, b_passages)
        else:
            views_a, views_b = [_plain(p) for p in a_passages], [_plain(p) for p in b_passages]
        rows.append(Row(key=f"l{pk}", kind="pair", a=views_a, b=views_b, link=link_by_id[pk]))
    return rows


def reviewer_agreement(annotations: list[Annotation]):
    labels: dict[int, dict[str, str]] = defaultdict(dict)
    names: dict[int, str] = {}
    for annotation in annotations:
        if annotation.is_final or not annotation.label:
            continue
        key = f"l{annotation.link_id}" if annotation.link_id else f"p{annotation.passage_id}"
        labels[annotation.reviewer_id][key] = annotation.label
        names[annotation.reviewer_id] = annotation.reviewer.get_username()
    pairs = []
    for first, second in combinations(sorted(labels), 2):
        kappa, shared = cohen_kappa(labels[first], labels[second])
        pairs.append((names[first], names[second], kappa, shared))
    weighted = [(k, n) for _, _, k, n in pairs if k is not None]
    overall = sum(k * n for k, n in weighted) / sum(n for _, n in weighted) if weighted else None
    return [names[r] for r in sorted(labels)], overall, pairs


def highlight_rows(rows: list[Row]) -> list[Row]:
    """Highlight the differing words of the linked pairs among rows built with highlight=False."""
    for row in rows:
        if row.kind == "pair":
            row.a, row.b = pair_views([v.passage for v in row.a], [v.passage for v in row.b])
    return rows


def row_for(comparison: Comparison, *, key: str, viewer=None, a_id=None, b_id=None) -> Row | None:
    """One row of the side-by-side page, for an htmx swap (only that row is highlighted)."""
    view = comparison_side_by_side(comparison, viewer=viewer, a_id=a_id, b_id=b_id, highlight=False)
    row = next((row for row in view.rows if row.key == key), None)
    return highlight_rows([row])[0] if row else None


def row_history(comparison: Comparison, *, link_id=None, passage_id=None) -> list[AnnotationEvent]:
    """Every recorded change to one row, newest first."""
    events = AnnotationEvent.objects.filter(comparison=comparison).select_related("actor", "undoes")
    if link_id:
        return list(events.filter(link_id=link_id))
    return list(events.filter(passage_id=passage_id))


@dataclass
class ComparisonSummary:
    comparison: Comparison
    articles: list[Article]
    reviewable: int
    reviewed: int
    counts: dict[str, int]


def comparison_summaries(comparisons=None) -> list[ComparisonSummary]:
    """Each comparison with its accounts, progress and verdict counts, in a fixed number of queries."""
    comparisons = list(
        (comparisons if comparisons is not None else Comparison.objects.all())
        .prefetch_related("articles")
        .order_by("-last_activity_at", "slug")
    )
    ids = [c.pk for c in comparisons]
    reviewable = dict(
        Passage.objects.filter(
            article__comparison_id__in=ids,
            version_id=F("article__current_version_id"),
            kind__in=[Passage.Kind.CLAIM, Passage.Kind.QUOTE],
        )
        .values_list("article__comparison_id")
        .annotate(n=Count("pk"))
    )
    reviewed_passages = defaultdict(int)
    for comparison_id, n in (
        Passage.objects.filter(article__comparison_id__in=ids, version_id=F("article__current_version_id"))
        .filter(
            Q(annotations__label__gt="")
            | Q(links_as_a__annotations__label__gt="", links_as_a__status__in=["pending", "accepted"])
            | Q(links_as_b__annotations__label__gt="", links_as_b__status__in=["pending", "accepted"])
        )
        .values_list("article__comparison_id")
        .annotate(n=Count("pk", distinct=True))
    ):
        reviewed_passages[comparison_id] = n
    verdicts: dict[tuple, dict] = defaultdict(lambda: {"labels": set(), "final": ""})
    for comparison_id, link_id, passage_id, label, is_final in (
        Annotation.objects.filter(comparison_id__in=ids)
        .exclude(label="")
        .exclude(link__status__in=[Link.Status.REJECTED, Link.Status.UNLINKED])
        .values_list("comparison_id", "link_id", "passage_id", "label", "is_final")
    ):
        entry = verdicts[(comparison_id, link_id, passage_id)]
        if is_final:
            entry["final"] = label
        else:
            entry["labels"].add(label)
    counts: dict[int, Counter] = defaultdict(Counter)
    for (comparison_id, _, _), entry in verdicts.items():
        verdict = entry["final"] or (next(iter(entry["labels"])) if len(entry["labels"]) == 1 else "disputed")
        counts[comparison_id][verdict] += 1
    return [
        ComparisonSummary(
            comparison=c,
            articles=list(c.articles.all()),
            reviewable=reviewable.get(c.pk, 0),
            reviewed=reviewed_passages[c.pk],
            counts={label: counts[c.pk][label] for label in [*Verdict.values, "disputed"]},
        )
        for c in comparisons
    ]


def reviewer_choices(comparison: Comparison) -> list:
    """Users who have tagged something in this comparison, for the reviewer filter."""
    ids = Annotation.objects.filter(comparison=comparison).values("reviewer_id").annotate(m=Max("pk"))
    return list(get_user_model().objects.filter(pk__in=ids.values("reviewer_id")).order_by("username"))
