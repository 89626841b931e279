"""Writes for claim verdicts: a reviewer's verdict per claim, the editor's final one, and undo; all recorded.

A claim is derived from the links (selectors/claims.py); its verdict is keyed by the claim's id (a hash of the
member passages) and keeps the members the reviewer saw. Verdicts use the pair vocabulary: matching (all agree),
conflicting (with the odd account(s) named), unique (reported by only some).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from newsdiff.models import ClaimAnnotation, ClaimEvent, Comparison, Verdict
from newsdiff.services.annotations import MAX_NOTE_CHARS


def _check(*, comparison: Comparison, label, odd, note, reporting, members) -> None:
    if comparison.is_closed:
        raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))
    if not members:
        raise ValidationError(gettext("This claim has no passages."))
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise ValidationError(
            gettext("A note is at most %(limit)s characters; this one has %(length)s.")
            % {"limit": f"{MAX_NOTE_CHARS:,}", "length": f"{len(note):,}"}
        )
    if note is not None and "\x00" in note:
        raise ValidationError(gettext("A note cannot contain NUL characters."))
    if label is None or label == "":
        return
    if label not in Verdict.values:
        raise ValidationError(
            gettext("'%(label)s' is not a verdict: use matching, conflicting or unique.") % {"label": label}
        )
    if label in (Verdict.MATCHING, Verdict.CONFLICTING) and len(reporting) < 2:
        raise ValidationError(gettext("Only one account reports this claim: it can only be unique."))
    if label == Verdict.CONFLICTING:
        if not odd:
            raise ValidationError(gettext("Say which account conflicts with the others."))
        if not set(odd) <= set(reporting):
            raise ValidationError(gettext("The conflicting account must be one that reports this claim."))


def claim_verdict_set(
    *,
    comparison: Comparison,
    reviewer,
    key: str,
    members: list[int],
    reporting: list[int],
    label: str | None = None,
    odd: list[int] | None = None,
    note: str | None = None,
    final: bool = False,
) -> ClaimAnnotation:
    """Set a reviewer's (or, with final, the editor's) verdict and/or note on one claim; None leaves a part as is.

    members: the claim's passage ids; reporting: the article ids that report it (from the selector's claim).
    odd: the conflicting account(s) for "conflicting"; ignored for the other verdicts.
    """
    _check(comparison=comparison, label=label, odd=odd, note=note, reporting=reporting, members=members)
    with transaction.atomic():
        comparison = Comparison.objects.select_for_update().get(pk=comparison.pk)
        if comparison.is_closed:
            raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))
        lookup = {"comparison": comparison, "key": key, "is_final": final}
        if not final:
            lookup["reviewer"] = reviewer
        annotation = ClaimAnnotation.objects.select_for_update().filter(**lookup).first()
        before = annotation.snapshot() if annotation else None
        if annotation is None:
            annotation = ClaimAnnotation(**{**lookup, "reviewer": reviewer})
        annotation.members = sorted(members)
        if label is not None:
            annotation.label = label
            annotation.odd = sorted(set(odd or [])) if label == Verdict.CONFLICTING else []
        if note is not None:
            annotation.note = note
        if final:
            annotation.reviewer = reviewer
        after = annotation.snapshot()
        if before == after:
            return annotation
        annotation.save()
        if final:
            action = ClaimEvent.Action.FINAL
        elif label == "" and (before or {}).get("label"):
            action = ClaimEvent.Action.CLEAR
        elif label is not None and (label, after["odd"]) != ((before or {}).get("label", ""), (before or {}).get("odd")):
            action = ClaimEvent.Action.TAG
        else:
            action = ClaimEvent.Action.NOTE
        ClaimEvent.objects.create(
            comparison=comparison, actor=reviewer, action=action, annotation=annotation, key=key, before=before, after=after
        )
        ClaimAnnotation.objects.filter(pk=annotation.pk).update(row_version=F("row_version") + 1)
        Comparison.objects.filter(pk=comparison.pk).update(last_activity_at=timezone.now())
    return annotation


def claim_undo_last(*, reviewer, comparison: Comparison) -> ClaimEvent | None:
    """Undo the reviewer's own last claim change in this comparison that is not undone yet; return the undo."""
    with transaction.atomic():
        last = (
            ClaimEvent.objects.select_for_update(of=("self",))
            .filter(comparison=comparison, actor=reviewer, undone_by__isnull=True)
            .exclude(action=ClaimEvent.Action.UNDO)
            .order_by("-at", "-id")
            .first()
        )
        if last is None:
            return None
        if Comparison.objects.get(pk=comparison.pk).is_closed:
            raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))
        annotation = ClaimAnnotation.objects.select_for_update().get(pk=last.annotation_id)
        current = annotation.snapshot()
        restored = last.before or {"label": "", "odd": [], "note": "", "is_final": annotation.is_final}
        annotation.label, annotation.odd, annotation.note = restored["label"], restored["odd"], restored["note"]
        annotation.save()
        undo = ClaimEvent.objects.create(
            comparison=comparison,
            actor=reviewer,
            action=ClaimEvent.Action.UNDO,
            annotation=annotation,
            key=last.key,
            before=current,
            after=annotation.snapshot(),
            undoes=last,
        )
        ClaimAnnotation.objects.filter(pk=annotation.pk).update(row_version=F("row_version") + 1)
        Comparison.objects.filter(pk=comparison.pk).update(last_activity_at=timezone.now())
    return undo

