"""Writes that store the alignment engine's suggestions without touching reviewers' work."""

from itertools import combinations

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from newsdiff.models import AlignmentRun, Annotation, AnnotationEvent, Article, Comparison, Link, Passage


def current_passages(article: Article) -> list[Passage]:
    return list(Passage.objects.filter(version_id=article.current_version_id).order_by("index"))


def comparison_align(*, comparison: Comparison, user=None) -> list[AlignmentRun]:
    """Run the engine over every pair of accounts in the comparison."""
    articles = list(comparison.articles.exclude(current_version=None).order_by("position", "pk"))
    return [
        comparison_align_pair(article_a=a, article_b=b, user=user) for a, b in combinations(articles, 2)
    ]


def comparison_align_article(*, article: Article, user=None) -> list[AlignmentRun]:
    """Align a newly imported account with each account already in its comparison."""
    others = article.comparison.articles.exclude(pk=article.pk).exclude(current_version=None)
    runs = []
    for other in others.order_by("position", "pk"):
        a, b = (other, article) if (other.position, other.pk) < (article.position, article.pk) else (article, other)
        runs.append(comparison_align_pair(article_a=a, article_b=b, user=user))
    return runs


def links_touched(links):
    """Links a reviewer has acted on: never replaced by a re-run."""
    has_annotation = Exists(Annotation.objects.filter(link=OuterRef("pk")))
    has_event = Exists(AnnotationEvent.objects.filter(link=OuterRef("pk")))
    return links.filter(~Q(status=Link.Status.PENDING) | ~Q(origin=Link.Origin.SUGGESTED) | has_annotation | has_event)


def comparison_align_pair(*, article_a: Article, article_b: Article, user=None) -> AlignmentRun:
    """Store fresh suggestions for one pair; links a reviewer touched stay exactly as they are."""
    passages_a = current_passages(article_a)
    passages_b = current_passages(article_b)
    # Imported here: the aligner (rapidfuzz, cue lists, lexicons) is a tenth of a second of start-up that
    # every command and server process would pay without aligning anything.
    from newsdiff.text.align import align
    from newsdiff.text.semantic import scorer_for_pair

    result = align(passages_a, passages_b, language_a=article_a.language, language_b=article_b.language,
                   scorer=scorer_for_pair(settings.NEWSDIFF_EMBEDDING_MODEL_DIR, article_a.language,
                                          article_b.language, shipped=settings.NEWSDIFF_SHIPPED_EMBEDDING_MODEL))

    with transaction.atomic():
        pair_links = Link.objects.filter(
            comparison=article_a.comparison_id, article_a=article_a, article_b=article_b
        )
        kept = links_touched(pair_links)
        kept_ids = set(kept.values_list("pk", flat=True))
        pair_links.exclude(pk__in=kept_ids).delete()
        kept_keys = {
            _key(link.a_passages.all(), link.b_passages.all())
            for link in Link.objects.filter(pk__in=kept_ids).prefetch_related("a_passages", "b_passages")
        }

        run = AlignmentRun.objects.create(
            comparison_id=article_a.comparison_id, article_a=article_a, article_b=article_b, created_by=user
        )
        new_links = []
        for suggestion in result.links:
            members_a = [passages_a[i] for i in suggestion.a]
            members_b = [passages_b[i] for i in suggestion.b]
            if _key(members_a, members_b) in kept_keys:
                continue
            new_links.append(
                (
                    Link(
                        comparison_id=article_a.comparison_id,
                        article_a=article_a,
                        article_b=article_b,
                        origin=Link.Origin.SUGGESTED,
                        status=Link.Status.PENDING,
                        score=suggestion.score,
                        suggested_label=suggestion.label,
                        reasons=list(suggestion.reasons),
                        alignment_run=run,
                    ),
                    members_a,
                    members_b,
                )
            )
        Link.objects.bulk_create([link for link, _, _ in new_links])
        Link.a_passages.through.objects.bulk_create(
            Link.a_passages.through(link_id=link.pk, passage_id=p.pk) for link, members, _ in new_links for p in members
        )
        Link.b_passages.through.objects.bulk_create(
            Link.b_passages.through(link_id=link.pk, passage_id=p.pk) for link, _, members in new_links for p in members
        )
        run.unique_passages.set(
            [passages_a[i] for i in result.unique_a] + [passages_b[i] for i in result.unique_b]
        )
        run.links_suggested = len(new_links)
        run.links_kept = len(kept_ids)
        run.save(update_fields=["links_suggested", "links_kept"])
    return run


def _key(passages_a, passages_b) -> tuple[frozenset[int], frozenset[int]]:
    return frozenset(p.pk for p in passages_a), frozenset(p.pk for p in passages_b)
