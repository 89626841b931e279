"""New versions of an account: the old one stays, verdicts follow their passages or wait for re-review."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsdiff.models import AlignmentRun, Annotation, AnnotationEvent, ArticleVersion, Comparison, Link, Passage, Verdict
from newsdiff.services.articles import ImportRefused
from newsdiff.selectors import article_changed_since_review, article_needs_rereview
from newsdiff.services.versions import article_refetch, article_version_add
from tests import factories
from tests.fixtures.web.server import NewsSite, serve

KEPT = "Negotiators left the summit on Tuesday without agreeing on a new tariff schedule."
REWORDED_OLD = "The two delegations met for six hours in the city of Monterrey."
REWORDED_NEW = "The two delegations met for seven hours in the city of Monterrey."
REMOVED = "Officials said the talks would resume within thirty days."
ALSO_KEPT = "Business groups urged both governments to reach an agreement before the spring harvest."
ADDED = "The peso fell two percent against the dollar after the talks ended."

V1 = f"{KEPT} {REWORDED_OLD}\n\n{REMOVED} {ALSO_KEPT}\n"
V2 = f"{KEPT} {REWORDED_NEW}\n\n{ALSO_KEPT} {ADDED}\n"

OTHER = (
    "The minister left the tariff summit on Tuesday without a new schedule.\n\n"
    "Delegations met for hours in Monterrey, officials said.\n\n"
    "Talks are to resume within thirty days, officials said.\n"
)


def annotation_set(*, reviewer, label, note="", passage=None, link=None) -> Annotation:
    """Tag as a reviewer would: a verdict row and its TAG event (written directly through the ORM)."""
    target = passage or link
    comparison_id = link.comparison_id if link else passage.article.comparison_id
    annotation = Annotation.objects.create(
        comparison_id=comparison_id, reviewer=reviewer, passage=passage, link=link, label=label, note=note
    )
    AnnotationEvent.objects.create(
        comparison_id=comparison_id, actor=reviewer, action=AnnotationEvent.Action.TAG, annotation=annotation,
        passage=passage, link=link, before=None, after=annotation.snapshot(),
    )
    assert target is not None
    return annotation


def link_create(*, reviewer, a_passages, b_passages, label) -> Link:
    """Link two passages by hand, accepted, with the reviewer's verdict on the link."""
    link = Link.objects.create(
        comparison_id=a_passages[0].article.comparison_id,
        article_a=a_passages[0].article,
        article_b=b_passages[0].article,
        origin=Link.Origin.MANUAL,
        status=Link.Status.ACCEPTED,
        created_by=reviewer,
    )
    link.a_passages.set(a_passages)
    link.b_passages.set(b_passages)
    annotation_set(reviewer=reviewer, link=link, label=label)
    return link


def passage(article, text, version=None) -> Passage:
    return Passage.objects.get(version=version or article.current_version, text=text)


@pytest.fixture
def story(db):
    comparison = factories.ComparisonFactory()
    article = factories.article(comparison, V1, source="Ledger", align=False)
    other = factories.article(comparison, OTHER, source="Presidency", align=False)
    return comparison, article, other


def test_edited_version_moves_each_verdict_where_it_belongs(story):
    """Same text: carried. Reworded: carried and flagged. Removed: left on v1 and listed for re-review."""
    comparison, article, other = story
    alice, bob = factories.reviewer("alice"), factories.reviewer("bob")
    v1 = article.current_version
    other_first = Passage.objects.get(version=other.current_version, index=0)
    other_second = Passage.objects.get(version=other.current_version, index=1)
    other_third = Passage.objects.get(version=other.current_version, index=2)

    # Verdicts on single passages.
    on_kept = annotation_set(reviewer=alice, passage=passage(article, KEPT), label=Verdict.UNIQUE, note="only here")
    on_reworded = annotation_set(reviewer=alice, passage=passage(article, REWORDED_OLD), label=Verdict.UNIQUE)
    on_removed = annotation_set(reviewer=bob, passage=passage(article, REMOVED), label=Verdict.UNIQUE, note="check")
    # Verdicts on links.
    link_kept = link_create(reviewer=alice, a_passages=[passage(article, KEPT)], b_passages=[other_first],
                            label=Verdict.MATCHING)
    link_reworded = link_create(reviewer=bob, a_passages=[passage(article, REWORDED_OLD)], b_passages=[other_second],
                                label=Verdict.CONFLICTING)
    link_removed = link_create(reviewer=bob, a_passages=[passage(article, REMOVED)], b_passages=[other_third],
                               label=Verdict.MATCHING)
    on_link_kept = link_kept.annotations.get()
    on_link_reworded = link_reworded.annotations.get()
    on_link_removed = link_removed.annotations.get()
    runs_before = AlignmentRun.objects.count()

    editor = factories.editor("ed")
    v2 = article_version_add(article=article, data=V2.encode(), filename="v2.txt", user=editor)

    # The new version is current; the old one keeps all its passages.
    article.refresh_from_db()
    assert (v1.number, v2.number) == (1, 2)
    assert article.current_version == v2
    assert list(v1.passages.order_by("index").values_list("text", flat=True)) == [KEPT, REWORDED_OLD, REMOVED, ALSO_KEPT]
    assert list(v2.passages.order_by("index").values_list("text", flat=True)) == [KEPT, REWORDED_NEW, ALSO_KEPT, ADDED]

    for annotation in (on_kept, on_reworded, on_removed, on_link_kept, on_link_reworded, on_link_removed):
        annotation.refresh_from_db()

    # Same text → carried, not flagged.
    assert on_kept.passage == passage(article, KEPT, v2)
    assert (on_kept.label, on_kept.note, on_kept.changed_since_review) == (Verdict.UNIQUE, "only here", False)
    # Reworded → carried and flagged "changed since review".
    assert on_reworded.passage == passage(article, REWORDED_NEW, v2)
    assert on_reworded.changed_since_review is True
    # Removed → stays on v1's passage.
    assert on_removed.passage == passage(article, REMOVED, v1)
    assert on_removed.changed_since_review is False

    # Links: a new link on the new passages, with the old one's status and its verdict.
    new_kept = on_link_kept.link
    assert new_kept != link_kept
    assert list(new_kept.a_passages.all()) == [passage(article, KEPT, v2)]
    assert list(new_kept.b_passages.all()) == [other_first]
    assert (new_kept.status, new_kept.origin) == (Link.Status.ACCEPTED, Link.Origin.MANUAL)
    assert on_link_kept.changed_since_review is False
    assert list(link_kept.a_passages.all()) == [passage(article, KEPT, v1)]  # the old link stays with v1
    new_reworded = on_link_reworded.link
    assert list(new_reworded.a_passages.all()) == [passage(article, REWORDED_NEW, v2)]
    assert on_link_reworded.label == Verdict.CONFLICTING and on_link_reworded.changed_since_review is True
    assert on_link_removed.link == link_removed
    assert list(link_removed.a_passages.all()) == [passage(article, REMOVED, v1)]

    # Every moved verdict has a CARRY event with where it was and where it went.
    carried = AnnotationEvent.objects.filter(action=AnnotationEvent.Action.CARRY, annotation__isnull=False)
    assert {e.annotation_id for e in carried} == {on_kept.pk, on_reworded.pk, on_link_kept.pk, on_link_reworded.pk}
    event = carried.get(annotation=on_reworded)
    assert event.actor == editor
    assert event.before["version"] == 1 and event.before["text"] == REWORDED_OLD
    assert event.after["version"] == 2 and event.after["text"] == REWORDED_NEW
    assert event.before["label"] == event.after["label"] == Verdict.UNIQUE
    assert event.after["changed_since_review"] is True
    assert carried.get(annotation=on_link_kept).before["link"] == link_kept.pk
    assert carried.get(annotation=on_link_kept).after["link"] == new_kept.pk

    # What the article page lists.
    assert set(article_needs_rereview(article)) == {on_removed, on_link_removed}
    assert set(article_changed_since_review(article)) == {on_reworded, on_link_reworded}
    assert v2.carry.summary().startswith("2 verdict(s) carried over, 2 carried and flagged")

    # The alignment ran again for the article's pair, and kept the carried links as they are.
    assert AlignmentRun.objects.count() == runs_before + 1
    assert Link.objects.filter(pk__in=[new_kept.pk, new_reworded.pk]).count() == 2


def test_identical_text_is_refused(story):
    _, article, _ = story
    with pytest.raises(ImportRefused, match=r"identical to the current version \(v1\)"):
        article_version_add(article=article, content=V1)
    assert article.versions.count() == 1


def test_version_is_all_or_nothing(story, monkeypatch):
    """If anything fails after the version is written (here the alignment), nothing stays: no v2, verdicts on v1."""
    _, article, _ = story
    alice = factories.reviewer("alice")
    annotation = annotation_set(reviewer=alice, passage=passage(article, KEPT), label=Verdict.UNIQUE)

    def broken(**kwargs):
        raise RuntimeError("alignment failed")

    monkeypatch.setattr("newsdiff.services.alignment.comparison_align_article", broken)
    with pytest.raises(RuntimeError):
        article_version_add(article=article, content=V2)
    article.refresh_from_db()
    annotation.refresh_from_db()
    assert article.versions.count() == 1 and article.current_version.number == 1
    assert annotation.passage.version == article.current_version
    assert not AnnotationEvent.objects.filter(action=AnnotationEvent.Action.CARRY).exists()


def test_closed_comparison_refuses_a_version(story):
    comparison, article, _ = story
    Comparison.objects.filter(pk=comparison.pk).update(status=Comparison.Status.CLOSED)
    with pytest.raises(ImportRefused, match="closed"):
        article_version_add(article=article, content=V2)


def test_untouched_suggestions_are_not_carried_but_realigned(db):
    """Pending suggestions nobody acted on are replaced by the re-run, never copied."""
    comparison = factories.ComparisonFactory()
    article = factories.article(comparison, V1, source="Ledger")
    factories.article(comparison, V1.replace("Tuesday", "Wednesday"), source="Other")
    assert Link.objects.filter(status=Link.Status.PENDING).exists()
    article_version_add(article=article, content=V2)
    article.refresh_from_db()
    assert not AnnotationEvent.objects.exists()
    current = set(Passage.objects.filter(version=article.current_version).values_list("pk", flat=True))
    for link in Link.objects.filter(article_a=article) | Link.objects.filter(article_b=article):
        side = link.a_passages if link.article_a_id == article.pk else link.b_passages
        assert set(side.values_list("pk", flat=True)) <= current


def test_versions_accumulate(story):
    _, article, _ = story
    article_version_add(article=article, content=V2)
    v3 = article_version_add(article=article, content=V2 + "\nA third version adds a closing line here.\n")
    assert v3.number == 3
    assert list(article.versions.values_list("number", flat=True)) == [1, 2, 3]
    assert ArticleVersion.objects.get(article=article, number=1).passages.count() == 4


# From the web ---------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Border talks</title>
<meta property="og:site_name" content="The Daily Ledger"><meta name="author" content="Maria Ortega"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Border talks end without a deal</h1>{paragraphs}</article>
<aside class="related"><a href="/x">Peso slides as investors weigh tariff threat</a></aside></body></html>"""


def page_with(*paragraphs) -> str:
    return PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))


def test_refetch_adds_a_version_when_the_page_changed(db):
    """Re-fetching the article's address adds v2 with the new text and the page kept as evidence."""
    site = NewsSite()
    site.html("/story", page_with(KEPT + " " + REWORDED_OLD, REMOVED + " " + ALSO_KEPT))
    with serve(site):
        from newsdiff.services.fetch import article_import_url
        from newsdiff.services.articles import ArticleMeta

        comparison = factories.ComparisonFactory()
        article = article_import_url(comparison=comparison, meta=ArticleMeta(source="Ledger"), url=site.url("/story"))
        alice = factories.reviewer("alice")
        annotation = annotation_set(reviewer=alice, passage=passage(article, KEPT), label=Verdict.UNIQUE)

        with pytest.raises(ImportRefused, match="identical"):
            article_refetch(article=article)

        site.html("/story", page_with(KEPT + " " + REWORDED_NEW, ALSO_KEPT + " " + ADDED))
        v2 = article_refetch(article=article)
    assert v2.number == 2
    assert v2.fetched_html == page_with(KEPT + " " + REWORDED_NEW, ALSO_KEPT + " " + ADDED)
    assert v2.fetched_checksum and v2.fetched_at
    assert REMOVED not in v2.text and ADDED in v2.text and "Peso slides" not in v2.text
    annotation.refresh_from_db()
    assert annotation.passage.version == v2


def test_refetch_without_address_is_refused(story):
    _, article, _ = story
    with pytest.raises(ImportRefused, match="has no web address"):
        article_refetch(article=article)


# From the command line ------------------------------------------------------


def test_command_adds_a_version_from_a_file(story, tmp_path):
    _, article, _ = story
    alice = factories.reviewer("alice")
    annotation_set(reviewer=alice, passage=passage(article, REMOVED), label=Verdict.UNIQUE)
    path = tmp_path / "v2.txt"
    path.write_text(V2, encoding="utf-8")
    out = StringIO()
    call_command("import_article", str(path), "--article", str(article.pk), stdout=out)
    assert f"Added v2 of “{article.title}” (article {article.pk}): 4 passages." in out.getvalue()
    assert "1 left on the old version for re-review" in out.getvalue()
    with pytest.raises(CommandError, match="identical to the current version"):
        call_command("import_article", str(path), "--article", str(article.pk), stdout=StringIO())


def test_command_refuses_unknown_article(db, tmp_path):
    with pytest.raises(CommandError, match="no such article"):
        call_command("import_article", "--article", "999")


# From the admin --------------------------------------------------------------


def test_admin_adds_a_version(client, story):
    _, article, _ = story
    client.force_login(factories.admin())
    page = client.get(f"/admin/newsdiff/article/{article.pk}/change/")
    assert f"/admin/newsdiff/article/{article.pk}/versions/add/" in page.content.decode()
    response = client.post(f"/admin/newsdiff/article/{article.pk}/versions/add/", {"text": V2})
    assert response.status_code == 302
    assert article.versions.count() == 2
    again = client.post(f"/admin/newsdiff/article/{article.pk}/versions/add/", {"text": V2})
    assert "identical to the current version (v2)" in again.content.decode()


def test_admin_version_page_needs_change_permission(client, story):
    _, article, _ = story
    client.force_login(factories.reviewer())
    response = client.get(f"/admin/newsdiff/article/{article.pk}/versions/add/")
    assert response.status_code in (302, 403)


def test_admin_refetch_action(client, db):
    """The changelist action fetches each selected article's address again and says what happened."""
    site = NewsSite()
    site.html("/story", page_with(KEPT + " " + REWORDED_OLD, REMOVED + " " + ALSO_KEPT))
    with serve(site):
        from newsdiff.services.articles import ArticleMeta
        from newsdiff.services.fetch import article_import_url

        article = article_import_url(comparison=factories.ComparisonFactory(), meta=ArticleMeta(source="Ledger"),
                                     url=site.url("/story"), align=False)
        site.html("/story", page_with(KEPT + " " + REWORDED_NEW, ALSO_KEPT + " " + ADDED))
        client.force_login(factories.admin())
        response = client.post("/admin/newsdiff/article/", {"action": "refetch", "_selected_action": [article.pk]},
                               follow=True)
    # The fetch is a background job (tests run it at once); the message links to its progress.
    assert "fetching again in the background" in response.content.decode()
    assert article.versions.count() == 2
    assert article.jobs.get().message.startswith("Added v2.")


# A link keeps going while one passage on each side survives -----------------------


def test_a_link_is_carried_when_one_of_its_passages_survives(story):
    """A two-passage link that loses one passage is carried on the survivor, flagged, the lost one listed."""
    _, article, other = story
    alice = factories.reviewer("alice")
    other_third = Passage.objects.get(version=other.current_version, index=2)
    link = link_create(reviewer=alice, a_passages=[passage(article, REMOVED), passage(article, ALSO_KEPT)],
                       b_passages=[other_third], label=Verdict.MATCHING)
    on_link = link.annotations.get()

    v2 = article_version_add(article=article, data=V2.encode(), filename="v2.txt", user=alice, align=False)

    on_link.refresh_from_db()
    carried = on_link.link
    assert carried != link
    assert list(carried.a_passages.all()) == [passage(article, ALSO_KEPT, v2)]
    assert list(carried.b_passages.all()) == [other_third]
    assert on_link.changed_since_review is True
    assert [p.text for p in v2.carry.dropped] == [REMOVED]
    assert v2.carry.links_carried == 1 and v2.carry.links_left == 0
    assert "1 passage(s) gone from carried links" in v2.carry.summary()
    event = AnnotationEvent.objects.get(action=AnnotationEvent.Action.CARRY, link=carried, annotation__isnull=True)
    assert event.after["dropped"] == [{"passage": passage(article, REMOVED, link.a_passages.first().version).pk,
                                       "text": REMOVED}]
    article.refresh_from_db()
    assert on_link in article_changed_since_review(article)


# Settling what needs re-review by hand -----------------------------------------------


@pytest.fixture
def left_behind(story):
    """v2 leaves alice's verdict on REMOVED and bob's link from REMOVED behind."""
    _, article, other = story
    alice, bob = factories.reviewer("alice"), factories.reviewer("bob")
    on_removed = annotation_set(reviewer=alice, passage=passage(article, REMOVED), label=Verdict.UNIQUE, note="check")
    other_third = Passage.objects.get(version=other.current_version, index=2)
    link = link_create(reviewer=bob, a_passages=[passage(article, REMOVED)], b_passages=[other_third],
                       label=Verdict.MATCHING)
    article_version_add(article=article, data=V2.encode(), filename="v2.txt", align=False)
    article.refresh_from_db()
    assert set(article_needs_rereview(article)) == {on_removed, link.annotations.get()}
    return article, alice, bob, on_removed, link.annotations.get(), other_third


def test_dismiss_takes_a_verdict_off_the_list_with_a_trace(left_behind):
    from newsdiff.services.rereview import annotation_dismiss

    article, alice, _, on_removed, on_link, _ = left_behind
    annotation_dismiss(article=article, annotation=on_removed, user=alice)
    assert article_needs_rereview(article) == [on_link]
    event = AnnotationEvent.objects.get(action=AnnotationEvent.Action.DISMISS)
    assert (event.annotation, event.actor, event.after["dismissed"]) == (on_removed, alice, True)
    assert event.before["text"] == REMOVED
    on_removed.refresh_from_db()
    assert on_removed.passage.text == REMOVED  # kept with the old version as history
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="does not need re-review"):
        annotation_dismiss(article=article, annotation=on_removed, user=alice)


def test_reanchor_moves_a_passage_verdict_to_the_current_text(left_behind):
    from newsdiff.services.rereview import annotation_reanchor

    article, alice, _, on_removed, _, _ = left_behind
    target = passage(article, ADDED)
    annotation_reanchor(article=article, annotation=on_removed, passage=target, user=alice)
    on_removed.refresh_from_db()
    assert on_removed.passage == target and on_removed.note == "check"
    event = AnnotationEvent.objects.get(action=AnnotationEvent.Action.REANCHOR)
    assert event.before["text"] == REMOVED and event.after["text"] == ADDED and event.actor == alice
    assert on_removed not in article_needs_rereview(article)


def test_reanchor_gives_a_link_verdict_a_link_from_the_chosen_passage(left_behind):
    from newsdiff.services.rereview import annotation_reanchor

    article, _, bob, _, on_link, other_third = left_behind
    target = passage(article, ADDED)
    annotation_reanchor(article=article, annotation=on_link, passage=target, user=bob)
    on_link.refresh_from_db()
    assert list(on_link.link.a_passages.all()) == [target]
    assert list(on_link.link.b_passages.all()) == [other_third]
    assert on_link.link.status == Link.Status.ACCEPTED and on_link.label == Verdict.MATCHING
    assert AnnotationEvent.objects.filter(action=AnnotationEvent.Action.REANCHOR, link=on_link.link).exists()
    assert article_needs_rereview(article) != [] and on_link not in article_needs_rereview(article)


def test_reanchor_refuses_old_passages_and_other_reviewers(left_behind):
    from django.core.exceptions import PermissionDenied, ValidationError

    from newsdiff.services.rereview import annotation_reanchor

    article, alice, bob, on_removed, _, _ = left_behind
    old_passage = on_removed.passage
    with pytest.raises(ValidationError, match="current version"):
        annotation_reanchor(article=article, annotation=on_removed, passage=old_passage, user=alice)
    with pytest.raises(PermissionDenied):
        annotation_reanchor(article=article, annotation=on_removed, passage=passage(article, ADDED), user=bob)
    # An editor may settle anyone's verdict.
    annotation_reanchor(article=article, annotation=on_removed, passage=passage(article, ADDED),
                        user=factories.editor("ed"))
    assert not AnnotationEvent.objects.filter(action=AnnotationEvent.Action.REANCHOR).exclude(
        actor__username="ed").exists()


def test_article_page_form_settles_a_verdict(client, left_behind):
    from django.urls import reverse

    article, alice, _, on_removed, on_link, _ = left_behind
    client.force_login(alice)
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert reverse("annotation-rereview", args=[article.pk, on_removed.pk]) in page
    assert reverse("annotation-rereview", args=[article.pk, on_link.pk]) not in page  # bob's, and alice is no editor
    url = reverse("annotation-rereview", args=[article.pk, on_removed.pk])
    response = client.post(url, {"action": "reanchor", "passage": passage(article, ADDED).pk}, follow=True)
    assert "Re-anchored to passage 4 of the current version." in response.content.decode()
    wrong = client.post(reverse("annotation-rereview", args=[article.pk, on_link.pk]), {"action": "dismiss"})
    assert wrong.status_code == 403


# The same web page again is a new version --------------------------------------------


def test_importing_the_same_page_again_adds_a_version(db):
    """import_article --url for an address an account came from (however written) adds a version to that account."""
    site = NewsSite()
    site.html("/story", page_with(KEPT + " " + REWORDED_OLD, REMOVED + " " + ALSO_KEPT))
    site.redirect("/short", "/story/")
    with serve(site):
        call_command("import_article", "--url", site.url("/story"), "--comparison", "talks", "--source", "Ledger",
                     stdout=StringIO())
        article = Comparison.objects.get(slug="talks").articles.get()
        alice = factories.reviewer("alice")
        kept = annotation_set(reviewer=alice, passage=passage(article, KEPT), label=Verdict.UNIQUE)

        new_page = page_with(KEPT + " " + REWORDED_NEW, ALSO_KEPT + " " + ADDED)
        for path in ("/story", "/story/", "/story/?utm_source=feed"):  # one page, three ways of writing it
            site.html(path, new_page)
        out = StringIO()
        call_command("import_article", "--url", site.url("/story/?utm_source=feed#top"), "--comparison", "talks",
                     "--source", "Someone else", stdout=out)
        assert f"already: added v2" in out.getvalue() and "1 verdict(s) carried over" in out.getvalue()

        # Through a redirect to the same page: still that account (and identical now, so refused).
        with pytest.raises(CommandError, match="identical to the current version"):
            call_command("import_article", "--url", site.url("/short"), "--comparison", "talks", "--source", "X")
    comparison = Comparison.objects.get(slug="talks")
    assert comparison.articles.count() == 1
    article.refresh_from_db()
    assert article.current_version.number == 2 and article.source == "Ledger"
    kept.refresh_from_db()
    assert kept.passage.version == article.current_version


def test_admin_fetch_of_the_same_page_adds_a_version(client, db):
    site = NewsSite()
    site.html("/story", page_with(KEPT + " " + REWORDED_OLD, REMOVED + " " + ALSO_KEPT))
    with serve(site):
        from newsdiff.services.articles import ArticleMeta
        from newsdiff.services.fetch import article_import_url

        comparison = factories.ComparisonFactory()
        article = article_import_url(comparison=comparison, meta=ArticleMeta(source="Ledger"), url=site.url("/story"),
                                     align=False)
        site.html("/story", page_with(KEPT + " " + REWORDED_NEW, ALSO_KEPT + " " + ADDED))
        client.force_login(factories.admin())
        response = client.post("/admin/newsdiff/article/add/",
                               {"comparison": comparison.pk, "source": "Ledger", "fetch_url": site.url("/story")},
                               follow=True)
    assert "already: added v2" in response.content.decode()
    assert comparison.articles.count() == 1 and article.versions.count() == 2
