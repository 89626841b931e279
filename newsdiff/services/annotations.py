"""Writes for reviewers' work: verdicts, notes, links, final verdicts and undo; every change is recorded."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from newsdiff.models import Annotation, AnnotationEvent, Comparison, Link, Passage, Verdict

SUGGESTED_VERDICT = {Link.Label.MATCH: Verdict.MATCHING, Link.Label.CONFLICT: Verdict.CONFLICTING}
MAX_NOTE_CHARS = 20_000


class RowChanged(Exception):
    """The row changed since the reviewer saw it; nothing was written."""

    def __init__(self, *, link: Link | None = None, passage: Passage | None = None):
        super().__init__("This row was changed by someone else since you loaded it. Its current state is shown.")
        self.link = link
        self.passage = passage


def _locked_target(*, link: Link | None, passage: Passage | None, expected_version: int | None):
    """Lock the row and check the version the reviewer saw; return the fresh row."""
    if (link is None) == (passage is None):
        raise ValueError("Pass exactly one of link or passage.")
    model, pk = (Link, link.pk) if link is not None else (Passage, passage.pk)
    # The comparison comes in the same query (its status is checked next); only the row itself is locked.
    related = "comparison" if model is Link else "article__comparison"
    row = model.objects.select_related(related).select_for_update(of=("self",)).get(pk=pk)
    if expected_version is not None and row.row_version != expected_version:
        raise RowChanged(link=row if model is Link else None, passage=row if model is Passage else None)
    return row


def _bump(row) -> None:
    """Move the row's version on; the row is locked by the caller's transaction, so the increment is exact."""
    type(row).objects.filter(pk=row.pk).update(row_version=F("row_version") + 1)
    row.row_version += 1


def _touch(comparison_id: int) -> None:
    Comparison.objects.filter(pk=comparison_id).update(last_activity_at=timezone.now())


def _comparison_of(row) -> Comparison:
    comparison = row.comparison if isinstance(row, Link) else row.article.comparison
    if comparison.is_closed:
        raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))
    return comparison


def _check_label(label: str, *, link, passage) -> None:
    if label == "":
        return
    if label not in Verdict.values:
        raise ValidationError(
            gettext("'%(label)s' is not a verdict: use matching, conflicting or unique.") % {"label": label}
        )
    if link is not None and label == Verdict.UNIQUE:
        raise ValidationError(gettext("A linked pair is matching or conflicting; mark a single passage unique."))
    if passage is not None and label != Verdict.UNIQUE:
        raise ValidationError(
            gettext("A single passage can only be marked unique; link it to tag it matching or conflicting.")
        )
    if passage is not None and not passage.is_reviewable:
        raise ValidationError(gettext("Headings and boilerplate are not tagged."))


def _claim(row, expected_version: int | None) -> bool:
    """Move the row's version on if it is still the one expected (else the one row was read at).

    One UPDATE that checks and bumps: it locks the row for the rest of the transaction (PostgreSQL) or runs
    inside the write lock (SQLite's IMMEDIATE transactions), and succeeds only if nothing changed the row
    since that version. Every change to a row or its verdicts bumps its version, so on success the row as
    read is the row as it is. False when the row moved on, or when row was read at another version than
    the one expected (the caller then takes the slow path, which reads the row locked).
    """
    version = row.row_version if expected_version is None else expected_version
    if row.row_version != version:
        return False
    claimed = type(row).objects.filter(pk=row.pk, row_version=version).update(row_version=F("row_version") + 1)
    if claimed:
        row.row_version += 1
    return bool(claimed)


def _touch_open(comparison_id: int) -> None:
    """Record activity on an open comparison; refuse (and so roll back the caller's transaction) a closed one.

    The UPDATE's condition is checked under the row's lock, so a change cannot slip in while the comparison
    is being closed.
    """
    touched = (
        Comparison.objects.filter(pk=comparison_id)
        .exclude(status=Comparison.Status.CLOSED)
        .update(last_activity_at=timezone.now())
    )
    if not touched:
        raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))


def _verdict_of(lookup: dict) -> Annotation | None:
    """The verdict lookup names (a reviewer's, or the final one, on a link or a passage), or None.

    Hand-written SQL: the same filter through the ORM cost about 1 ms of Python on every tag, ten times
    the query itself.
    """
    row = lookup["link"] or lookup["passage"]
    where = "link_id = %s AND passage_id IS NULL" if lookup["link"] else "passage_id = %s AND link_id IS NULL"
    where, params = f"{where} AND is_final = %s", [row.pk, lookup["is_final"]]
    if "reviewer" in lookup:
        where, params = f"{where} AND reviewer_id = %s", [*params, lookup["reviewer"].pk]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in Annotation._meta.concrete_fields)
    sql = f"SELECT {columns} FROM {quote(Annotation._meta.db_table)} WHERE {where}"
    return next(iter(Annotation.objects.raw(f"{sql} ORDER BY id LIMIT 1", params)), None)


def annotation_set(
    *,
    reviewer,
    link: Link | None = None,
    passage: Passage | None = None,
    label: str | None = None,
    note: str | None = None,
    final: bool = False,
    expected_version: int | None = None,
) -> Annotation:
    """Set a reviewer's verdict and/or note on a link or a passage (None leaves a part unchanged).

    The row is claimed with one checked UPDATE of its version (_claim) instead of being read again under
    a lock; when that fails, or the change is no change at all, the row is read locked as before, which
    gives the same answers (RowChanged, closed, unlinked) in the same order.
    """
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise ValidationError(
            gettext("A note is at most %(limit)s characters; this one has %(length)s.")
            % {"limit": f"{MAX_NOTE_CHARS:,}", "length": f"{len(note):,}"}
        )
    if note is not None and "\x00" in note:
        raise ValidationError(gettext("A note cannot contain NUL characters."))
    if (link is None) == (passage is None):
        raise ValueError("Pass exactly one of link or passage.")
    with transaction.atomic():
        lookup = {"link": link, "passage": passage, "is_final": final}
        if not final:
            lookup["reviewer"] = reviewer
        annotation = _verdict_of(lookup)
        before = annotation.snapshot() if annotation else None
        after = _changed(annotation, before, label=label, note=note, final=final, reviewer=reviewer)
        row = link if link is not None else passage
        if before == after or not _claim(row, expected_version):
            return _annotation_set_locked(
                reviewer=reviewer, link=link, passage=passage, label=label, note=note, final=final,
                expected_version=expected_version,
            )
        comparison_id = link.comparison_id if link is not None else passage.article.comparison_id
        _touch_open(comparison_id)
        if label is not None:
            _check_label(label, link=link, passage=passage)
        if link is not None and not link.is_active:
            raise ValidationError(gettext("This pair was unlinked or rejected; link the passages again to tag them."))
        return _save(annotation, before, lookup, comparison_id=comparison_id, reviewer=reviewer, link=link,
                     passage=passage, label=label, note=note, final=final)


def _changed(annotation, before, *, label, note, final, reviewer) -> dict:
    """The snapshot the annotation would have after the change."""
    after = dict(before or {"label": "", "note": "", "is_final": final})
    if label is not None:
        after["label"] = label
    if note is not None:
        after["note"] = note
    return after


def _save(annotation, before, lookup, *, comparison_id, reviewer, link, passage, label, note, final) -> Annotation:
    """Write the verdict and its history event (the row is claimed or locked by the caller)."""
    if annotation is None:
        annotation = Annotation(comparison_id=comparison_id, **{**lookup, "reviewer": reviewer})
    if label is not None:
        annotation.label = label
    if note is not None:
        annotation.note = note
    if final:
        annotation.reviewer = reviewer
    after = annotation.snapshot()
    annotation.changed_since_review = False if label is not None else annotation.changed_since_review
    # The database enforces the uniqueness and target constraints; checking them here too would cost
    # a query each on every tag.
    annotation.full_clean(exclude=["reviewer", "comparison", "link", "passage"], validate_constraints=False)
    annotation.save()
    if final:
        action = AnnotationEvent.Action.FINAL
    elif label == "" and (before or {}).get("label"):
        action = AnnotationEvent.Action.CLEAR
    elif label is not None and label != (before or {}).get("label", ""):
        action = AnnotationEvent.Action.TAG
    else:
        action = AnnotationEvent.Action.NOTE
    AnnotationEvent.objects.create(
        comparison_id=comparison_id,
        actor=reviewer,
        action=action,
        annotation=annotation,
        link=link,
        passage=passage,
        before=before,
        after=after,
    )
    return annotation


def _annotation_set_locked(*, reviewer, link, passage, label, note, final, expected_version) -> Annotation:
    """annotation_set() reading the row locked: for a row read at another version, and for no-op changes."""
    row = _locked_target(link=link, passage=passage, expected_version=expected_version)
    link, passage = (row, None) if isinstance(row, Link) else (None, row)
    comparison = _comparison_of(row)
    if label is not None:
        _check_label(label, link=link, passage=passage)
    if link is not None and not link.is_active:
        raise ValidationError(gettext("This pair was unlinked or rejected; link the passages again to tag them."))
    lookup = {"link": link, "passage": passage, "is_final": final}
    if not final:
        lookup["reviewer"] = reviewer
    annotation = _verdict_of(lookup)
    before = annotation.snapshot() if annotation else None
    if before == _changed(annotation, before, label=label, note=note, final=final, reviewer=reviewer):
        return annotation or Annotation(comparison=comparison, **{**lookup, "reviewer": reviewer})
    annotation = _save(annotation, before, lookup, comparison_id=comparison.pk, reviewer=reviewer, link=link,
                       passage=passage, label=label, note=note, final=final)
    _bump(row)
    _touch(comparison.pk)
    return annotation


def _set_link_status(*, link: Link, reviewer, status: str, action: str, expected_version: int | None) -> Link:
    row = _locked_target(link=link, passage=None, expected_version=expected_version)
    comparison = _comparison_of(row)
    before = {"status": row.status}
    row.status = status
    row.save(update_fields=["status"])
    AnnotationEvent.objects.create(
        comparison=comparison, actor=reviewer, action=action, link=row, before=before, after={"status": status}
    )
    _bump(row)
    _touch(comparison.pk)
    return row


def link_accept(*, link: Link, reviewer, expected_version: int | None = None) -> Link:
    """Accept a suggested pair, and take its suggested label as the reviewer's verdict if they gave none."""
    with transaction.atomic():
        row = _set_link_status(
            link=link,
            reviewer=reviewer,
            status=Link.Status.ACCEPTED,
            action=AnnotationEvent.Action.ACCEPT,
            expected_version=expected_version,
        )
        mine = Annotation.objects.filter(link=row, reviewer=reviewer, is_final=False).first()
        if row.suggested_label and not (mine and mine.label):
            annotation_set(reviewer=reviewer, link=row, label=SUGGESTED_VERDICT[row.suggested_label])
            row.refresh_from_db(fields=["row_version"])
    return row


def link_reject(*, link: Link, reviewer, expected_version: int | None = None) -> Link:
    """Reject a suggested pair: its passages stand alone again."""
    with transaction.atomic():
        return _set_link_status(
            link=link,
            reviewer=reviewer,
            status=Link.Status.REJECTED,
            action=AnnotationEvent.Action.REJECT,
            expected_version=expected_version,
        )


def link_unlink(*, link: Link, reviewer, expected_version: int | None = None) -> Link:
    """Undo a pairing made by hand or accepted earlier; verdicts on it stay in history."""
    with transaction.atomic():
        return _set_link_status(
            link=link,
            reviewer=reviewer,
            status=Link.Status.UNLINKED,
            action=AnnotationEvent.Action.UNLINK,
            expected_version=expected_version,
        )


def link_create(*, reviewer, a_passages: list[Passage], b_passages: list[Passage], label: str = "") -> Link:
    """Link passages of two accounts by hand."""
    if not a_passages or not b_passages:
        raise ValidationError(gettext("Pick at least one passage on each side to link them."))
    articles_a = {p.article_id for p in a_passages}
    articles_b = {p.article_id for p in b_passages}
    if len(articles_a) != 1 or len(articles_b) != 1 or articles_a == articles_b:
        raise ValidationError(gettext("A link joins passages of two different accounts, one account on each side."))
    if not all(p.is_reviewable for p in a_passages + b_passages):
        raise ValidationError(gettext("Headings and boilerplate are not linked."))
    if not all(p.version_id == p.article.current_version_id for p in a_passages + b_passages):
        raise ValidationError(gettext("Only passages of an account's current version can be linked."))
    article_a, article_b = a_passages[0].article, b_passages[0].article
    if article_a.comparison_id != article_b.comparison_id:
        raise ValidationError(gettext("Both passages must belong to the same comparison."))
    with transaction.atomic():
        comparison = Comparison.objects.select_for_update().get(pk=article_a.comparison_id)
        if comparison.is_closed:
            raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))
        link = Link.objects.create(
            comparison=comparison,
            article_a=article_a,
            article_b=article_b,
            origin=Link.Origin.MANUAL,
            status=Link.Status.ACCEPTED,
            created_by=reviewer,
        )
        link.a_passages.set(a_passages)
        link.b_passages.set(b_passages)
        AnnotationEvent.objects.create(
            comparison=comparison,
            actor=reviewer,
            action=AnnotationEvent.Action.LINK,
            link=link,
            before=None,
            after={"status": link.status, "a": [p.pk for p in a_passages], "b": [p.pk for p in b_passages]},
        )
        for passage in a_passages + b_passages:
            _bump(passage)
        if label:
            annotation_set(reviewer=reviewer, link=link, label=label)
            link.refresh_from_db()
        _touch(comparison.pk)
    return link


def annotation_undo_last(*, reviewer, comparison: Comparison) -> AnnotationEvent | None:
    """Undo the reviewer's own last change in this comparison that is not undone yet; return the undo event."""
    with transaction.atomic():
        last = (
            # of=("self",): the undone_by filter is an outer join, which PostgreSQL cannot lock.
            AnnotationEvent.objects.select_for_update(of=("self",))
            .filter(comparison=comparison, actor=reviewer, undone_by__isnull=True)
            .exclude(
                action__in=[AnnotationEvent.Action.UNDO, AnnotationEvent.Action.CARRY, AnnotationEvent.Action.IMPORT]
            )
            .order_by("-at", "-id")
            .first()
        )
        if last is None:
            return None
        if comparison.is_closed:
            raise ValidationError(gettext("This comparison is closed: verdicts can no longer change."))
        if last.annotation_id:
            annotation = Annotation.objects.select_for_update().get(pk=last.annotation_id)
            current = annotation.snapshot()
            restored = last.before or {"label": "", "note": "", "is_final": annotation.is_final}
            annotation.label, annotation.note = restored["label"], restored["note"]
            annotation.save()
            after = annotation.snapshot()
        else:
            link = Link.objects.select_for_update().get(pk=last.link_id)
            current = {"status": link.status}
            restored_status = (last.before or {}).get("status", Link.Status.UNLINKED)
            link.status = restored_status
            link.save(update_fields=["status"])
            after = {"status": restored_status}
        undo = AnnotationEvent.objects.create(
            comparison=comparison,
            actor=reviewer,
            action=AnnotationEvent.Action.UNDO,
            annotation_id=last.annotation_id,
            link_id=last.link_id,
            passage_id=last.passage_id,
            before=current,
            after=after,
            undoes=last,
        )
        for row in _rows_of(last):
            _bump(row)
        _touch(comparison.pk)
    return undo


def _rows_of(event: AnnotationEvent) -> list:
    rows = []
    if event.link_id:
        link = Link.objects.get(pk=event.link_id)
        rows.append(link)
        if event.action == AnnotationEvent.Action.LINK:
            rows.extend(link.a_passages.all())
            rows.extend(link.b_passages.all())
    if event.passage_id:
        rows.append(Passage.objects.get(pk=event.passage_id))
    return rows


def comparison_set_status(*, comparison: Comparison, editor, status: str) -> Comparison:
    """Close or reopen a comparison."""
    if status not in Comparison.Status.values:
        raise ValidationError(gettext("'%(status)s' is not a comparison status.") % {"status": status})
    Comparison.objects.filter(pk=comparison.pk).update(status=status, last_activity_at=timezone.now())
    comparison.refresh_from_db()
    return comparison
