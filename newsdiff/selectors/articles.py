"""Reads for the article page: what changed between versions, and which verdicts need another look."""

from dataclasses import dataclass, field

from django.db.models import Q

from newsdiff.models import Annotation, AnnotationEvent, ArticleVersion, Article, Link, Passage
from newsdiff.text.versiondiff import DiffChunk, diff_counts, pair_passages, word_diff


def article_needs_rereview(article: Article) -> list[Annotation]:
    """Verdicts left on older versions' passages (or links into them), not dismissed: the text they judged is gone."""
    old = Passage.objects.filter(article=article).exclude(version_id=article.current_version_id)
    stale_links = Link.objects.filter(Q(a_passages__in=old) | Q(b_passages__in=old)).values("pk")
    dismissed = AnnotationEvent.objects.filter(action=AnnotationEvent.Action.DISMISS, annotation__isnull=False).values(
        "annotation_id"
    )
    return list(
        Annotation.objects.filter(Q(passage__in=old) | Q(link__in=stale_links))
        .exclude(pk__in=dismissed)
        .select_related("reviewer", "passage", "passage__version", "link")
        .prefetch_related("link__a_passages__version", "link__b_passages__version")
        .order_by("pk")
    )


def article_changed_since_review(article: Article) -> list[Annotation]:
    """Verdicts carried to the current text from a passage that was edited since the reviewer saw it."""
    current = Passage.objects.filter(version_id=article.current_version_id)
    links = Link.objects.filter(Q(a_passages__in=current) | Q(b_passages__in=current)).values("pk")
    return list(
        Annotation.objects.filter(changed_since_review=True)
        .filter(Q(passage__in=current) | Q(link__in=links))
        .select_related("reviewer", "passage", "link")
        .prefetch_related("link__a_passages", "link__b_passages")
        .order_by("pk")
    )


@dataclass
class PassageChange:
    """One row of "what changed": a passage pair of two versions and the verdicts now on either side."""

    status: str  # same | edited | removed | added
    old: Passage | None
    new: Passage | None
    score: float
    chunks: list[DiffChunk] = field(default_factory=list)  # word diff, for edited passages
    verdicts: list[Annotation] = field(default_factory=list)


@dataclass
class VersionChanges:
    old: ArticleVersion
    new: ArticleVersion
    chunks: list[DiffChunk]
    words: dict[str, int]
    passages: list[PassageChange]

    @property
    def counts(self) -> dict[str, int]:
        counts = {"same": 0, "edited": 0, "removed": 0, "added": 0}
        for change in self.passages:
            counts[change.status] += 1
        return counts

    @property
    def changed_passages(self) -> list[PassageChange]:
        return [change for change in self.passages if change.status != "same"]


def article_versions_compare(*, old: ArticleVersion, new: ArticleVersion) -> VersionChanges:
    """Say what changed from one version to another: word by word, and passage by passage with their verdicts."""
    old_passages = list(Passage.objects.filter(version=old).order_by("index"))
    new_passages = list(Passage.objects.filter(version=new).order_by("index"))
    verdicts = _verdicts_by_passage([p.pk for p in old_passages + new_passages])
    changes = []
    for pair in pair_passages([p.text for p in old_passages], [p.text for p in new_passages]):
        before = old_passages[pair.old] if pair.old is not None else None
        after = new_passages[pair.new] if pair.new is not None else None
        on_either = [a for p in (before, after) if p is not None for a in verdicts.get(p.pk, [])]
        changes.append(
            PassageChange(
                status=pair.status,
                old=before,
                new=after,
                score=pair.score,
                chunks=word_diff(before.text, after.text) if pair.status == "edited" else [],
                verdicts=sorted(set(on_either), key=lambda a: a.pk),
            )
        )
    chunks = word_diff(old.text, new.text)
    return VersionChanges(old=old, new=new, chunks=chunks, words=diff_counts(chunks), passages=changes)


def _verdicts_by_passage(passage_ids: list[int]) -> dict[int, list[Annotation]]:
    """Verdicts on these passages, directly or through a link they belong to, in three queries."""
    by_passage: dict[int, list[Annotation]] = {}
    for annotation in Annotation.objects.filter(passage_id__in=passage_ids).select_related("reviewer"):
        by_passage.setdefault(annotation.passage_id, []).append(annotation)
    members: dict[int, list[int]] = {}
    for through in (Link.a_passages.through, Link.b_passages.through):
        for link_id, passage_id in through.objects.filter(passage_id__in=passage_ids).values_list("link_id", "passage_id"):
            members.setdefault(link_id, []).append(passage_id)
    for annotation in Annotation.objects.filter(link_id__in=list(members)).select_related("reviewer", "link"):
        for passage_id in members[annotation.link_id]:
            by_passage.setdefault(passage_id, []).append(annotation)
    return by_passage
