"""Writes: recreate a comparison from a JSON export (schema newsdiff.comparison, version 1)."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from newsdiff.exports import EVENT_LINK_KEYS, EVENT_PASSAGE_KEYS, EVENT_PASSAGE_LISTS, SCHEMA, VERSION
from newsdiff.models import (
    AlignmentRun,
    Annotation,
    AnnotationEvent,
    Article,
    ArticleVersion,
    Comparison,
    Link,
    Passage,
)
from newsdiff.services.articles import ImportRefused, checksum_of


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time without a time zone: {value!r}")
    return moment


def comparison_import(*, data: dict, slug: str = "", user=None) -> Comparison:
    """Recreate a comparison with its accounts, passages, links, verdicts and history from an export."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ImportRefused(
            gettext('This is not a newsdiff comparison export (expected "schema": "%(SCHEMA)s").') % {"SCHEMA": SCHEMA}
        )
    if data.get("version") != VERSION:
        raise ImportRefused(
            gettext("This export is version %(version)s of the format; this instance reads version %(expected)s.")
            % {"version": f"{data.get('version')!r}", "expected": VERSION}
        )
    try:
        slug = slug or data["comparison"]["slug"]
    except (KeyError, TypeError) as error:
        raise ImportRefused(gettext("The export has no comparison slug.")) from error
    if not slug or slugify(slug) != slug:
        raise ImportRefused(
            gettext("'%(slug)s' is not a valid comparison slug: use lowercase letters, digits and hyphens.")
            % {"slug": slug}
        )
    if Comparison.objects.filter(slug=slug).exists():
        raise ImportRefused(
            gettext("A comparison with the slug '%(slug)s' already exists; import under another slug with --slug NEW.")
            % {"slug": slug}
        )
    try:
        with transaction.atomic():
            return _import(data, slug=slug)
    except ImportRefused:
        raise
    except IntegrityError as error:
        raise ImportRefused(
            gettext("The export is not consistent and was not imported: %(error)s") % {"error": error}
        ) from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise ImportRefused(
            gettext("The export is not a valid newsdiff export (%(detail)s); nothing was imported.")
            % {"detail": detail}
        ) from error


def _users(data: dict) -> dict[str, object]:
    """Match people by username; create the missing ones inactive, without a usable password."""
    User = get_user_model()
    wanted = {entry["username"]: entry for entry in data.get("users", [])}
    existing = {user.get_username(): user for user in User.objects.filter(username__in=list(wanted))}
    for username, entry in wanted.items():
        if username in existing:
            continue
        user = User(
            username=username,
            first_name=entry.get("first_name", "")[:150],
            last_name=entry.get("last_name", "")[:150],
            is_active=False,
        )
        user.set_unusable_password()
        user.save()
        existing[username] = user
    return existing


def _person(users: dict, username: str | None):
    if username is None:
        return None
    if username not in users:
        raise ImportRefused(
            gettext("The export names '%(username)s' but does not list that user under \"users\".")
            % {"username": username}
        )
    return users[username]


def _import(data: dict, *, slug: str) -> Comparison:
    users = _users(data)
    source = data["comparison"]
    comparison = Comparison(
        slug=slug,
        title=source["title"],
        description=source.get("description", ""),
        status=source.get("status", Comparison.Status.OPEN),
        created_by=_person(users, source.get("created_by")),
    )
    try:
        comparison.full_clean()
    except ValidationError as error:
        raise ImportRefused(
            gettext("The comparison's details are not valid: %(errors)s") % {"errors": "; ".join(error.messages)}
        ) from error
    comparison.save()
    stamps: list[tuple[object, dict]] = []  # objects whose auto_now times are set back to the exported ones

    articles: dict[str, Article] = {}
    versions: dict[tuple[str, int], ArticleVersion] = {}
    passages: dict[str, Passage] = {}
    url_validator = URLValidator()
    for account in data["accounts"]:
        if account.get("url"):
            try:
                url_validator(account["url"])
            except ValidationError as error:
                raise ImportRefused(
                    gettext("Account %(ref)s: '%(url)s' is not a valid URL.")
                    % {"ref": account["ref"], "url": account["url"]}
                ) from error
        article = Article.objects.create(
            comparison=comparison,
            position=account["position"],
            title=account["title"],
            outlet=account.get("outlet", ""),
            source=account["source"],
            author=account.get("author", ""),
            url=account.get("url", ""),
            published_at=_when(account.get("published_at")),
            language=account.get("language", ""),
            created_by=_person(users, account.get("created_by")),
        )
        articles[account["ref"]] = article
        stamps.append((article, {"created_at": _when(account.get("created_at"))}))
        for entry in account["versions"]:
            if checksum_of(entry["text"]) != entry["checksum"]:
                raise ImportRefused(
                    gettext("Account %(ref)s version %(number)s: the text does not match its checksum.")
                    % {"ref": account["ref"], "number": entry["number"]}
                )
            version = ArticleVersion.objects.create(
                article=article,
                number=entry["number"],
                original=entry["original"],
                original_filename=entry.get("original_filename", ""),
                original_format=entry.get("original_format", ArticleVersion.Format.TEXT),
                html=entry["html"],
                text=entry["text"],
                checksum=entry["checksum"],
                fetched_html=entry.get("fetched_html", ""),
                fetched_at=_when(entry.get("fetched_at")),
                fetched_checksum=entry.get("fetched_checksum", ""),
                created_by=_person(users, entry.get("created_by")),
            )
            versions[(account["ref"], version.number)] = version
            stamps.append((version, {"created_at": _when(entry.get("created_at"))}))
            batch = []
            for item in entry["passages"]:
                if entry["text"][item["start"] : item["end"]] != item["text"]:
                    raise ImportRefused(
                        gettext("Passage %(ref)s: its text is not the version's text at its offsets.")
                        % {"ref": item["ref"]}
                    )
                passage = Passage(
                    article=article,
                    version=version,
                    index=item["index"],
                    start=item["start"],
                    end=item["end"],
                    text=item["text"],
                    paragraph=item["paragraph"],
                    kind=item["kind"],
                )
                passages[item["ref"]] = passage
                batch.append(passage)
            Passage.objects.bulk_create(batch)
        current = account.get("current_version")
        if current is not None:
            article.current_version = versions[(account["ref"], current)]
            article.save(update_fields=["current_version"])

    def passage(ref: str | None) -> Passage | None:
        if ref is None:
            return None
        if ref not in passages:
            raise ImportRefused(
                gettext("The export refers to passage %(ref)s, which it does not contain.") % {"ref": ref}
            )
        return passages[ref]

    record = data["record"]
    runs: dict[str, AlignmentRun] = {}
    for entry in record.get("alignment_runs", []):
        run = AlignmentRun.objects.create(
            comparison=comparison,
            article_a=articles[entry["a"]],
            article_b=articles[entry["b"]],
            links_suggested=entry.get("links_suggested", 0),
            links_kept=entry.get("links_kept", 0),
            created_by=_person(users, entry.get("created_by")),
        )
        run.unique_passages.set([passage(ref) for ref in entry.get("unique_passages", [])])
        runs[entry["ref"]] = run
        stamps.append((run, {"created_at": _when(entry.get("created_at"))}))

    links: dict[str, Link] = {}
    new_links = []
    for entry in record.get("links", []):
        if entry["origin"] not in Link.Origin.values or entry["status"] not in Link.Status.values:
            raise ImportRefused(gettext("Link %(ref)s: unknown origin or status.") % {"ref": entry["ref"]})
        link = Link(
            comparison=comparison,
            article_a=articles[entry["a"]],
            article_b=articles[entry["b"]],
            origin=entry["origin"],
            status=entry["status"],
            score=entry.get("score"),
            suggested_label=entry.get("suggested_label", ""),
            reasons=entry.get("reasons", []),
            alignment_run=runs.get(entry.get("alignment_run")),
            created_by=_person(users, entry.get("created_by")),
        )
        links[entry["ref"]] = link
        new_links.append((link, entry))
    Link.objects.bulk_create([link for link, _ in new_links])
    Link.a_passages.through.objects.bulk_create(
        Link.a_passages.through(link_id=link.pk, passage_id=passage(ref).pk)
        for link, entry in new_links
        for ref in entry["a_passages"]
    )
    Link.b_passages.through.objects.bulk_create(
        Link.b_passages.through(link_id=link.pk, passage_id=passage(ref).pk)
        for link, entry in new_links
        for ref in entry["b_passages"]
    )
    stamps += [(link, {"created_at": _when(entry.get("created_at"))}) for link, entry in new_links]

    def link_of(ref: str | None) -> Link | None:
        if ref is None:
            return None
        if ref not in links:
            raise ImportRefused(gettext("The export refers to link %(ref)s, which it does not contain.") % {"ref": ref})
        return links[ref]

    annotations: dict[str, Annotation] = {}
    new_annotations = []
    for entry in record.get("annotations", []):
        annotation = Annotation(
            comparison=comparison,
            reviewer=_person(users, entry["reviewer"]),
            link=link_of(entry.get("link")),
            passage=passage(entry.get("passage")),
            label=entry.get("label", ""),
            note=entry.get("note", ""),
            is_final=entry.get("is_final", False),
            changed_since_review=entry.get("changed_since_review", False),
        )
        annotations[entry["ref"]] = annotation
        new_annotations.append((annotation, entry))
    Annotation.objects.bulk_create([annotation for annotation, _ in new_annotations])
    stamps += [
        (annotation, {"created_at": _when(entry.get("created_at")), "updated_at": _when(entry.get("updated_at"))})
        for annotation, entry in new_annotations
    ]

    events: dict[str, AnnotationEvent] = {}
    new_events = []
    for entry in record.get("events", []):
        if entry.get("annotation") is not None and entry["annotation"] not in annotations:
            raise ImportRefused(
                gettext("Event %(ref)s refers to annotation %(annotation)s, which is missing.")
                % {"ref": entry["ref"], "annotation": entry["annotation"]}
            )
        event = AnnotationEvent(
            comparison=comparison,
            actor=_person(users, entry.get("actor")),
            action=entry["action"],
            annotation=annotations.get(entry.get("annotation")),
            link=link_of(entry.get("link")),
            passage=passage(entry.get("passage")),
            before=_event_payload(entry.get("before"), passages, links),
            after=_event_payload(entry.get("after"), passages, links),
        )
        events[entry["ref"]] = event
        new_events.append((event, entry))
    AnnotationEvent.objects.bulk_create([event for event, _ in new_events])
    undoing = []
    for event, entry in new_events:
        if entry.get("undoes"):
            event.undoes = events[entry["undoes"]]
            undoing.append(event)
        event.at = _when(entry["at"])
    AnnotationEvent.objects.bulk_update(undoing, ["undoes"])
    AnnotationEvent.objects.bulk_update([event for event, _ in new_events], ["at"], batch_size=500)

    _claim_verdicts(data, comparison=comparison, users=users, articles=articles, passages=passages)
    _restore_times(stamps)
    Comparison.objects.filter(pk=comparison.pk).update(
        created_at=_when(source.get("created_at")) or comparison.created_at,
        last_activity_at=_when(source.get("last_activity_at")) or comparison.last_activity_at,
    )
    comparison.refresh_from_db()
    return comparison


def _event_payload(payload, passages: dict[str, Passage], links: dict[str, Link]):
    """Turn the stable references a history entry holds back into this instance's primary keys."""
    if not isinstance(payload, dict):
        return payload
    result = dict(payload)
    for key in EVENT_PASSAGE_LISTS:
        if isinstance(result.get(key), list):
            result[key] = [passages[ref].pk if ref in passages else None for ref in result[key]]
    for key in EVENT_PASSAGE_KEYS:
        if isinstance(result.get(key), str):
            result[key] = passages[result[key]].pk if result[key] in passages else None
    for key in EVENT_LINK_KEYS:
        if isinstance(result.get(key), str):
            result[key] = links[result[key]].pk if result[key] in links else None
    return result


def _restore_times(stamps: list[tuple[object, dict]]) -> None:
    """Set creation and update times back to the exported ones (auto_now fields ignore values on save)."""
    by_model: dict[type, dict[tuple[str, ...], list]] = {}
    for obj, times in stamps:
        fields = tuple(name for name, value in times.items() if value is not None)
        if not fields:
            continue
        for name in fields:
            setattr(obj, name, times[name])
        by_model.setdefault(type(obj), {}).setdefault(fields, []).append(obj)
    for model, groups in by_model.items():
        for fields, objects in groups.items():
            model.objects.bulk_update(objects, list(fields), batch_size=500)


def _claim_verdicts(data: dict, *, comparison, users, articles: dict, passages: dict) -> None:
    """Restore the verdicts given on claims; each is keyed again by its members' new database ids."""
    from newsdiff.models import ClaimAnnotation
    from newsdiff.text.claims import claim_key

    new = []
    for claim in data.get("claims", []):
        refs = [ref for refs in claim.get("members", {}).values() for ref in refs]
        if any(ref not in passages for ref in refs):
            raise ImportRefused(
                gettext("Claim %(id)s refers to a passage the export does not contain.") % {"id": claim.get("id")}
            )
        members = [passages[ref] for ref in refs]
        key = claim_key(f"{p.article_id}:{p.pk}" for p in members)
        for verdict in claim.get("verdicts", []):
            odd = [articles[ref].pk for ref in verdict.get("odd", []) if ref in articles]
            new.append(
                ClaimAnnotation(
                    comparison=comparison,
                    reviewer=_person(users, verdict["reviewer"]),
                    key=key,
                    members=sorted(p.pk for p in members),
                    label=verdict.get("label", ""),
                    odd=sorted(odd),
                    note=verdict.get("note", ""),
                    is_final=verdict.get("final", False),
                )
            )
    ClaimAnnotation.objects.bulk_create(new)
