"""Settle a verdict that a new version left behind: dismiss it, or re-anchor it to a passage of the current text.

Both act only on the verdicts selectors.article_needs_rereview lists (on, or linked through, a passage of an
older version of the article, not dismissed yet), write an AnnotationEvent (DISMISS or REANCHOR,
before and after) and run in one transaction. A reviewer settles their own verdicts; an editor (who may record
final verdicts) settles anyone's.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from newsdiff import roles
from newsdiff.models import Annotation, AnnotationEvent, Article, Link, Passage


def annotation_dismiss(*, article: Article, annotation: Annotation, user) -> Annotation:
    """Record that a left-behind verdict no longer needs re-review; it stays with the old text as history."""
    with transaction.atomic():
        annotation = _stale(article=article, annotation=annotation, user=user)
        AnnotationEvent.objects.create(
            comparison_id=annotation.comparison_id,
            actor=user,
            action=AnnotationEvent.Action.DISMISS,
            annotation=annotation,
            link_id=annotation.link_id,
            passage_id=annotation.passage_id,
            before=_where(annotation),
            after={**_where(annotation), "dismissed": True},
        )
    return annotation


def annotation_reanchor(*, article: Article, annotation: Annotation, passage: Passage, user) -> Annotation:
    """Move a left-behind verdict to a passage of the article's current version (for a link: a link from it)."""
    with transaction.atomic():
        annotation = _stale(article=article, annotation=annotation, user=user)
        if passage.article_id != article.pk or passage.version_id != article.current_version_id:
            raise ValidationError(gettext("Choose a passage of this account's current version."))
        before = _where(annotation)
        if annotation.passage_id is not None:
            _refuse_second_verdict(Annotation.objects.filter(passage=passage), annotation)
            annotation.passage = passage
        else:
            annotation.link = _link_from(annotation.link, article=article, passage=passage, user=user)
            _refuse_second_verdict(Annotation.objects.filter(link=annotation.link), annotation)
        annotation.changed_since_review = False
        annotation.save(update_fields=["passage", "link", "changed_since_review", "updated_at"])
        AnnotationEvent.objects.create(
            comparison_id=annotation.comparison_id,
            actor=user,
            action=AnnotationEvent.Action.REANCHOR,
            annotation=annotation,
            link_id=annotation.link_id,
            passage_id=annotation.passage_id,
            before=before,
            after=_where(annotation),
        )
    return annotation


def _stale(*, article: Article, annotation: Annotation, user) -> Annotation:
    """The annotation, locked, if it is one of the article's verdicts needing re-review that user may settle."""
    annotation = Annotation.objects.select_for_update(of=("self",)).select_related("passage", "link").get(pk=annotation.pk)
    if annotation.passage_id is not None:
        judged = [annotation.passage]
    else:
        judged = [*annotation.link.a_passages.all(), *annotation.link.b_passages.all()]
    stale = any(p.article_id == article.pk and p.version_id != article.current_version_id for p in judged)
    if not stale or annotation.events.filter(action=AnnotationEvent.Action.DISMISS).exists():
        raise ValidationError(gettext("This verdict does not need re-review (any more)."))
    if annotation.reviewer_id != user.pk and not user.has_perm(roles.FINALIZE):
        raise PermissionDenied(gettext("Only its reviewer or an editor can settle this verdict."))
    return annotation


def _refuse_second_verdict(existing, annotation: Annotation) -> None:
    clash = existing.filter(reviewer_id=annotation.reviewer_id, is_final=annotation.is_final).exclude(pk=annotation.pk)
    if clash.exists():
        raise ValidationError(gettext("That reviewer already has a verdict there; dismiss this one instead."))


def _link_from(old: Link, *, article: Article, passage: Passage, user) -> Link:
    """A link from passage to the old link's other side (which must be that account's current text)."""
    side = "a" if old.article_a_id == article.pk else "b"
    other_side = "b" if side == "a" else "a"
    others = list(getattr(old, f"{other_side}_passages").select_related("article"))
    if not others or any(p.version_id != p.article.current_version_id for p in others):
        raise ValidationError(gettext("The other account changed too: link the passages again in the workspace."))
    mine_ids, other_ids = {passage.pk}, {p.pk for p in others}
    for candidate in Link.objects.filter(comparison_id=old.comparison_id, **{f"{side}_passages": passage}).exclude(
        status=Link.Status.REJECTED
    ):
        a_ids = set(candidate.a_passages.values_list("pk", flat=True))
        b_ids = set(candidate.b_passages.values_list("pk", flat=True))
        if (a_ids, b_ids) == ((mine_ids, other_ids) if side == "a" else (other_ids, mine_ids)):
            return candidate
    link = Link.objects.create(
        comparison_id=old.comparison_id,
        article_a_id=old.article_a_id,
        article_b_id=old.article_b_id,
        origin=Link.Origin.MANUAL,
        status=Link.Status.ACCEPTED,
        suggested_label=old.suggested_label,
        created_by=user,
    )
    getattr(link, f"{side}_passages").set([passage])
    getattr(link, f"{other_side}_passages").set(others)
    return link


def _where(annotation: Annotation) -> dict:
    where = {**annotation.snapshot(), "passage": annotation.passage_id, "link": annotation.link_id}
    if annotation.passage_id:
        where["text"] = annotation.passage.text
        where["version"] = annotation.passage.version.number
    return where
