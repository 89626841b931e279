"""The review workspace over HTTP: permissions, htmx and plain responses, conflicts, filters, query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsdiff import roles
from newsdiff.models import Annotation, AnnotationEvent, Comparison, Link
from newsdiff.services.annotations import annotation_set, link_reject
from tests import factories
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def post_endpoints(small):
    link = small.match.pk
    return [
        (small.url("row-tag", f"l{link}"), {"label": "matching"}),
        (small.url("row-note", f"l{link}"), {"note": "x"}),
        (small.url("row-final", f"l{link}"), {"label": "matching"}),
        (small.url("link-accept", pk=link), {}),
        (small.url("link-reject", pk=link), {}),
        (small.url("link-unlink", pk=link), {}),
        (small.url("link-create"), {"a_passages": "1", "b_passages": "2"}),
        (small.url("annotation-undo"), {}),
        (small.url("comparison-status"), {"status": "closed"}),
    ]


def get_endpoints(small):
    return [
        reverse("comparison-list"),
        small.url("comparison-detail"),
        small.url("comparison-agreement"),
        small.url("row-history", f"l{small.match.pk}"),
    ]


# --- who may do what -----------------------------------------------------------


def test_anonymous_users_are_sent_to_log_in_everywhere(client, small):
    """Every page and endpoint redirects an anonymous visitor to the login page."""
    for url in get_endpoints(small):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url
    for url, data in post_endpoints(small):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url
    assert not AnnotationEvent.objects.exclude(action="import").exists()


def test_a_user_without_a_role_gets_403_everywhere(client, small):
    """A logged-in user in no group may neither read nor write, htmx endpoints included."""
    client.force_login(factories.UserFactory(username="nobody"))
    for url in get_endpoints(small):
        assert client.get(url).status_code == 403, url
        assert client.get(url, headers=htmx()).status_code == 403, url
    for url, data in post_endpoints(small):
        assert client.post(url, data).status_code == 403, url
        assert client.post(url, data, headers=htmx()).status_code == 403, url
    assert not Annotation.objects.exists()


def test_a_reviewer_can_tag_but_not_finalize_or_close(reviewer_client, small):
    """Tagging needs review_comparison; final verdicts and closing need finalize_comparison."""
    key = f"l{small.match.pk}"
    assert reviewer_client.post(small.url("row-tag", key), {"label": "matching"}).status_code == 302
    assert Annotation.objects.get(link=small.match, is_final=False).label == "matching"
    assert reviewer_client.post(small.url("row-final", key), {"label": "conflicting"}).status_code == 403
    assert reviewer_client.post(small.url("comparison-status"), {"status": "closed"}).status_code == 403
    assert not Annotation.objects.filter(is_final=True).exists()
    assert Comparison.objects.get().status == "open"
    page = reviewer_client.get(small.url("comparison-detail")).content.decode()
    assert "Final verdict" not in page and "Close comparison" not in page


def test_an_editor_records_the_final_verdict_and_closes_the_comparison(editor_client, small):
    """An editor's final verdict is stored apart from reviewers' verdicts; closing refuses later changes."""
    key = f"l{small.match.pk}"
    page = editor_client.get(small.url("comparison-detail")).content.decode()
    assert "Final verdict" in page and "Close comparison" in page
    response = editor_client.post(small.url("row-final", key), {"label": "conflicting"}, headers=htmx(key))
    assert response.status_code == 200
    final = Annotation.objects.get(link=small.match, is_final=True)
    assert final.label == "conflicting"
    assert "★ Final" in response.content.decode()

    response = editor_client.post(small.url("comparison-status"), {"status": "closed"})
    assert response.status_code == 302
    assert Comparison.objects.get().is_closed
    response = editor_client.post(small.url("row-tag", key), {"label": "matching"}, headers=htmx(key))
    assert response.status_code == 422
    assert "closed" in response.content.decode()
    editor_client.post(small.url("comparison-status"), {"status": "open"})
    assert not Comparison.objects.get().is_closed


def test_wrong_methods_get_405_and_unknown_objects_404(reviewer_client, small):
    """Reads are GET only, writes POST only; unknown comparisons, rows and links are 404."""
    assert reviewer_client.get(small.url("row-tag", f"l{small.match.pk}")).status_code == 405
    assert reviewer_client.get(small.url("link-accept", pk=small.match.pk)).status_code == 405
    assert reviewer_client.post(small.url("comparison-detail")).status_code == 405
    assert reviewer_client.post(small.url("row-history", f"l{small.match.pk}")).status_code == 405
    assert reviewer_client.get("/c/no-such-thing/").status_code == 404
    assert reviewer_client.post(small.url("row-tag", "l999999"), {"label": "matching"}).status_code == 404
    assert reviewer_client.post(small.url("row-tag", "zz"), {"label": "matching"}).status_code == 404
    assert reviewer_client.post(small.url("link-accept", pk=999999)).status_code == 404
    other = factories.ComparisonFactory(slug="other")
    url = reverse("row-tag", kwargs={"slug": other.slug, "key": f"l{small.match.pk}"})
    assert reviewer_client.post(url, {"label": "matching"}).status_code == 404


# --- pages -----------------------------------------------------------------------


def test_the_list_shows_accounts_progress_counts_and_activity(reviewer_client, small):
    """Each comparison is listed with its accounts, passages reviewed of total and verdict counts."""
    annotation_set(reviewer=factories.reviewer(), link=small.conflict, label="conflicting")
    html = reviewer_client.get(reverse("comparison-list")).content.decode()
    assert "Small comparison" in html
    assert "Left source" in html and "Right source" in html
    assert re.search(r"2 of \d+ passages reviewed", html)
    assert re.search(r'<td class="num">1</td>', html)
    assert "ago" in html


def test_the_page_puts_two_accounts_side_by_side(reviewer_client, small):
    """Columns are headed by source and outlet; pairs share a row, lone passages face an empty cell."""
    response = reviewer_client.get(small.url("comparison-detail"))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert "Left source" in html and "Left Times" in html and "Right source" in html
    assert f'id="row-l{small.match.pk}"' in html
    assert f'id="row-{small.lone_a}"' in html and "Not in this account" in html
    assert "<mark>" in html and "highlighted words" in html
    assert "◌ Suggestion" in html and "likely match" in html and "possible conflict" in html
    assert "shares rare words" in html or "numbers differ" in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "<script>" not in html and " onclick=" not in html
    assert "keys.js" in html and "htmx-2" in html


def test_three_accounts_let_the_reviewer_pick_two(reviewer_client, small):
    """With three accounts a GET form picks the two columns."""
    third = factories.article(small.comparison, "A third account says something else entirely about ports.", source="Third")
    first = small.comparison.articles.order_by("position").first()
    # Three accounts open on the claim grid; the pair view is one click away.
    assert reviewer_client.get(small.url("comparison-detail"))["Location"] == small.url("comparison-grid")
    html = reviewer_client.get(small.url("comparison-detail"), {"a": first.pk, "b": third.pk}).content.decode()
    assert 'name="a"' in html and 'name="b"' in html and "Compare these two" in html
    assert "Third" in html and "ports" in html
    assert "The football team" not in html


def test_boilerplate_is_folded_away_in_details(reviewer_client, db):
    comparison = factories.ComparisonFactory()
    factories.article(comparison, "# Heading one\n\nA claim about tariffs on steel.\n\nSubscribe to our newsletter for more.", fmt="markdown")
    factories.article(comparison, "Another claim about the weather in the north.")
    html = reviewer_client.get(comparison.get_absolute_url()).content.decode()
    assert 'class="row row--heading"' in html
    if "row--boilerplate" in html:
        assert re.search(r'<details id="row-p\d+" class="row row--boilerplate"', html)


# --- tagging with htmx and without -----------------------------------------------


def test_htmx_tag_swaps_the_row_and_updates_counters_out_of_band(reviewer_client, small):
    """An htmx tag answers with the row partial plus hx-swap-oob counters, not a page."""
    key = f"l{small.conflict.pk}"
    response = reviewer_client.post(
        small.url("row-tag", key), {"label": "conflicting", "version": small.version(key)}, headers=htmx(key)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith(f'<article id="row-{key}"')
    assert 'id="counters"' not in html  # a tag cannot change the rows: only the verdict numbers travel
    assert '<strong id="count-conflicting" hx-swap-oob="true">1</strong>' in html
    assert '<strong id="count-reviewed" hx-swap-oob="true">1</strong>' in html
    assert 'id="agreement"' not in html  # the kappa table is loaded only when asked for
    assert 'aria-pressed="true"' in html


def test_plain_post_redirects_back_to_the_row(reviewer_client, small):
    """Without JavaScript the form posts and the page reloads anchored at the row (PRG)."""
    key = f"l{small.match.pk}"
    response = reviewer_client.post(small.url("row-tag", key) + "?filter=suggestions", {"label": "matching"})
    assert response.status_code == 302
    assert response.url.endswith(f"#row-{key}")
    assert "filter=suggestions" in response.url
    assert reviewer_client.get(response.url).status_code == 200


def test_tag_with_note_clear_and_note(reviewer_client, small):
    """The tag form carries my note; clearing keeps the note; the note endpoint saves notes alone."""
    key = small.lone_a
    reviewer_client.post(small.url("row-tag", key), {"label": "unique", "note": "Only Mexico says this."}, headers=htmx(key))
    mine = Annotation.objects.get(passage_id=int(key[1:]))
    assert (mine.label, mine.note) == ("unique", "Only Mexico says this.")
    response = reviewer_client.post(small.url("row-tag", key), {"label": ""}, headers=htmx(key))
    assert response.status_code == 200 and "Tag cleared." in response.content.decode()
    mine.refresh_from_db()
    assert (mine.label, mine.note) == ("", "Only Mexico says this.")
    reviewer_client.post(small.url("row-note", key), {"note": "Checked twice."}, headers=htmx(key))
    mine.refresh_from_db()
    assert mine.note == "Checked twice."
    actions = list(AnnotationEvent.objects.filter(passage_id=int(key[1:])).order_by("pk").values_list("action", flat=True))
    assert actions == ["tag", "clear", "note"]


def test_a_stale_version_shows_the_row_changed_message_and_writes_nothing(reviewer_client, small):
    """Posting the version I saw after someone else changed the row: 409, current state, a message."""
    key = f"l{small.match.pk}"
    seen = small.version(key)
    annotation_set(reviewer=factories.reviewer("other"), link=small.match, label="conflicting")
    response = reviewer_client.post(small.url("row-tag", key), {"label": "matching", "version": seen}, headers=htmx(key))
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed by someone else since you loaded it" in html
    assert f'id="row-{key}"' in html and "other" in html
    assert not Annotation.objects.filter(reviewer__username="rita").exists()

    response = reviewer_client.post(small.url("row-tag", key), {"label": "matching", "version": seen})
    assert response.status_code == 302
    page = reviewer_client.get(response.url).content.decode()
    assert "changed by someone else" in page


def test_invalid_labels_answer_a_message_not_a_500(reviewer_client, small):
    """An unknown label, unique on a pair, matching on a lone passage: each is a message in the row."""
    key = f"l{small.match.pk}"
    for target, label in [(key, "banana"), (key, "unique"), (small.lone_a, "matching")]:
        response = reviewer_client.post(small.url("row-tag", target), {"label": label}, headers=htmx(target))
        assert response.status_code == 422, label
        assert 'class="row-message row-message--error"' in response.content.decode()
    response = reviewer_client.post(small.url("row-tag", key), {}, headers=htmx(key))
    assert response.status_code == 422 and "Choose a verdict" in response.content.decode()
    response = reviewer_client.post(small.url("row-tag", key), {"label": "banana"})
    assert response.status_code == 302
    assert not Annotation.objects.exists()


def test_accept_and_reject_suggestions(reviewer_client, small):
    """Accepting keeps the row and takes the suggested label; rejecting splits it into lone rows."""
    key = f"l{small.match.pk}"
    response = reviewer_client.post(
        small.url("link-accept", pk=small.match.pk), {"version": small.version(key)}, headers=htmx(key)
    )
    assert response.status_code == 200
    small.match.refresh_from_db()
    assert small.match.status == Link.Status.ACCEPTED
    assert Annotation.objects.get(link=small.match).label == "matching"
    assert "Accepted link" in response.content.decode()
    # an accepted suggestion is no longer one: all the counters travel, the suggestions count included
    assert re.search(r'id="counters"[^>]*hx-swap-oob="true"[\s\S]*◌ Suggestions <strong>1</strong>', response.content.decode())

    key = f"l{small.conflict.pk}"
    response = reviewer_client.post(small.url("link-reject", pk=small.conflict.pk), headers=htmx(key))
    html = response.content.decode()
    assert response.status_code == 200
    small.conflict.refresh_from_db()
    assert small.conflict.status == Link.Status.REJECTED
    passages = [p.pk for p in [*small.conflict.a_passages.all(), *small.conflict.b_passages.all()]]
    for pk in passages:
        assert f'id="row-p{pk}"' in html
    assert f'id="row-{key}"' not in html


def test_link_by_hand_and_unlink(reviewer_client, small):
    """Picking a lone passage on each side links them; the answer swaps rows out of band; unlink splits them."""
    a, b = int(small.lone_a[1:]), int(small.lone_b[1:])
    response = reviewer_client.post(
        small.url("link-create"), {"a_passages": [a], "b_passages": [b], "label": "conflicting"}, headers=htmx()
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert response.headers["HX-Reswap"] == "none"
    link = Link.objects.get(origin=Link.Origin.MANUAL)
    assert f'hx-swap-oob="afterend:#row-{small.lone_a}"' in html
    assert f'id="row-l{link.pk}"' in html
    assert f'<div id="row-{small.lone_b}" hx-swap-oob="delete">' in html
    assert Annotation.objects.get(link=link).label == "conflicting"

    key = f"l{link.pk}"
    response = reviewer_client.post(small.url("link-unlink", pk=link.pk), {"version": small.version(key)}, headers=htmx(key))
    assert response.status_code == 200
    link.refresh_from_db()
    assert link.status == Link.Status.UNLINKED
    assert f'id="row-{small.lone_a}"' in response.content.decode()


def test_link_create_refuses_bad_picks_with_a_message(reviewer_client, small):
    response = reviewer_client.post(small.url("link-create"), {"a_passages": [int(small.lone_a[1:])]}, headers=htmx())
    assert response.status_code == 422
    assert "Pick at least one passage on each side" in response.content.decode()
    response = reviewer_client.post(small.url("link-create"), {"a_passages": ["x"]})
    assert response.status_code == 302
    assert not Link.objects.filter(origin=Link.Origin.MANUAL).exists()


def test_undo_my_last_change(reviewer_client, small):
    """Undo restores my previous verdict and answers with the row out of band; nothing is deleted."""
    key = f"l{small.match.pk}"
    reviewer_client.post(small.url("row-tag", key), {"label": "matching"}, headers=htmx(key))
    reviewer_client.post(small.url("row-tag", key), {"label": "conflicting"}, headers=htmx(key))
    response = reviewer_client.post(small.url("annotation-undo"), headers=htmx())
    html = response.content.decode()
    assert response.status_code == 200
    assert Annotation.objects.get(link=small.match).label == "matching"
    assert f'id="row-{key}"' in html and 'hx-swap-oob="true"' in html
    assert "Undone: tagged." in html
    assert AnnotationEvent.objects.filter(action="undo").count() == 1
    assert AnnotationEvent.objects.filter(link=small.match, action="tag").count() == 2

    reviewer_client.post(small.url("annotation-undo"), headers=htmx())
    reviewer_client.post(small.url("annotation-undo"), headers=htmx())  # nothing left of mine
    response = reviewer_client.post(small.url("annotation-undo"), headers=htmx())
    assert "Nothing of yours to undo" in response.content.decode()


def test_undo_of_a_rejection_brings_the_pair_back(reviewer_client, small):
    key = f"l{small.conflict.pk}"
    reviewer_client.post(small.url("link-reject", pk=small.conflict.pk), headers=htmx(key))
    response = reviewer_client.post(small.url("annotation-undo"), headers=htmx())
    html = response.content.decode()
    small.conflict.refresh_from_db()
    assert small.conflict.status == Link.Status.PENDING
    assert f'id="row-{key}"' in html and "hx-swap-oob=\"delete\"" in html


def test_row_history_is_a_partial_for_htmx_and_a_page_otherwise(reviewer_client, small):
    key = f"l{small.match.pk}"
    reviewer_client.post(small.url("row-tag", key), {"label": "matching", "note": "Same claim."})
    page = reviewer_client.get(small.url("row-history", key)).content.decode()
    assert "<html" in page and "History of one row" in page and "rita" in page
    partial = reviewer_client.get(small.url("row-history", key), headers=htmx()).content.decode()
    assert "<html" not in partial and "rita" in partial and "tagged" in partial
    detail = reviewer_client.get(small.url("comparison-detail")).content.decode()
    assert f'href="{small.url("row-history", key)}"' in detail and f'hx-target="#history-{key}"' in detail


def test_disagreement_and_kappa_are_shown(reviewer_client, small):
    """Each reviewer's verdict is listed, a badge says they disagree, and kappa is shown per pair."""
    first, second = factories.reviewer("ana"), factories.reviewer("ben")
    annotation_set(reviewer=first, link=small.match, label="matching")
    annotation_set(reviewer=second, link=small.match, label="conflicting")
    annotation_set(reviewer=first, link=small.conflict, label="conflicting")
    annotation_set(reviewer=second, link=small.conflict, label="conflicting")
    html = reviewer_client.get(small.url("comparison-detail")).content.decode()
    assert "⚠ Reviewers disagree" in html
    assert re.search(r"⚠ Disputed <strong[^>]*>1</strong>", html)
    assert "ana × ben" not in html and f'hx-get="{small.url("comparison-agreement")}"' in html
    partial = reviewer_client.get(small.url("comparison-agreement"), headers=htmx()).content.decode()
    assert "<html" not in partial and "ana × ben" in partial and "κ" in partial
    page = reviewer_client.get(small.url("comparison-agreement")).content.decode()
    assert "<html" in page and "ana × ben" in page


# --- filters ------------------------------------------------------------------------


def row_ids(html: str) -> set[str]:
    return set(re.findall(r'<article id="row-([lp]\d+)"', html))


def test_filters(reviewer_client, small):
    """all, untagged by me, suggestions, conflicts, unique, disputed and by reviewer."""
    match, conflict = f"l{small.match.pk}", f"l{small.conflict.pk}"
    reviewer_client.post(small.url("row-tag", match), {"label": "matching"})
    reviewer_client.post(small.url("row-tag", small.lone_a), {"label": "unique"})
    other = factories.reviewer("olga")
    annotation_set(reviewer=other, link=small.match, label="conflicting")

    def shown(**params):
        response = reviewer_client.get(small.url("comparison-detail"), params)
        assert response.status_code == 200
        return row_ids(response.content.decode())

    everything = shown()
    assert {match, conflict, small.lone_a, small.lone_b} <= everything
    assert match not in shown(filter="untagged") and small.lone_b in shown(filter="untagged")
    assert shown(filter="suggestions") >= {match, conflict}
    assert shown(filter="conflicts") == {match, conflict}  # olga said conflicting; the other is a likely conflict
    assert shown(filter="unique") == {small.lone_a}
    assert shown(filter="disputed") == {match}
    assert shown(reviewer="olga") == {match}
    assert shown(filter="unique", reviewer="olga") == set()
    assert shown(filter="nonsense") == everything
    html = reviewer_client.get(small.url("comparison-detail")).content.decode()
    assert 'href="/c/small/?filter=untagged"' in html and 'href="/c/small/?reviewer=olga"' in html


def test_long_comparisons_load_in_chunks(reviewer_client, db):
    """Rows beyond the first chunk load from a sentinel with a real href; htmx gets only the chunk."""
    comparison = factories.ComparisonFactory()
    factories.article(comparison, factories.synthetic_text(70), align=False)
    factories.article(comparison, factories.synthetic_text(70, seed=3, topic="also "))
    html = reviewer_client.get(comparison.get_absolute_url()).content.decode()
    assert 'class="more-rows"' in html and 'hx-trigger="revealed"' in html
    first = row_ids(html)
    url = re.search(r'class="more-rows" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    chunk = reviewer_client.get(url, headers=htmx()).content.decode()
    assert "<html" not in chunk and row_ids(chunk) and not (row_ids(chunk) & first)
    page = reviewer_client.get(url).content.decode()
    assert "<html" in page and "Earlier rows" in page


# --- queries do not grow with the size of the comparison ------------------------------


@pytest.fixture(scope="module")
def sized(django_db_setup, django_db_blocker):
    """Comparisons of 20 and 2,000 passages per side, built once for the module."""
    with django_db_blocker.unblock():
        # The role groups as the migrations make them (a transactional test may have flushed them). Setting them
        # here by hand once left the admin group without django-axes' permissions for every later test.
        roles.ensure_groups()
        built = {}
        for size in (20, 2000):
            comparison = factories.ComparisonFactory(slug=f"sized-{size}")
            factories.article(comparison, factories.synthetic_text(size), source="Left", align=False)
            factories.article(comparison, factories.synthetic_text(size, seed=3, topic="also "), source="Right")
            built[size] = comparison
        user = factories.reviewer("sizer")
    yield built, user
    with django_db_blocker.unblock():
        for comparison in built.values():
            Annotation.objects.filter(comparison=comparison).delete()
            AnnotationEvent.objects.filter(comparison=comparison).delete()
            comparison.delete()
        user.delete()


# The first screen: session, user, permissions; comparison, accounts; the rows' order (passages' ids and
# indexes, link memberships: 2); its 50 rows (rows_for: 3); counters; reviewers; jobs; the user's groups.
PAGE_QUERIES = 14
# A tag: session, user, permissions (the user's and the groups' in one), comparison, row, the write (savepoint,
# my verdict, claim the row, touch the comparison, verdict, event, release) and the answer (rows_for: 3 —
# accounts, the rows' passages and links, verdicts — and the counters: 1).
TAG_QUERIES = 16


def test_queries_per_page_and_per_tag_do_not_grow(client, sized):
    """The page and a tag request run a fixed number of queries, the same at 20 and at 2,000 passages per side."""
    comparisons, user = sized
    client.force_login(user)
    counts = {}
    for size, comparison in comparisons.items():
        link_reject(link=Link.objects.filter(comparison=comparison).order_by("pk")[1], reviewer=user)  # lone rows
        with CaptureQueriesContext(connection) as page:
            response = client.get(comparison.get_absolute_url())
        assert response.status_code == 200 and len(page) <= PAGE_QUERIES, len(page)
        html = response.content.decode()
        pair = next(k for k in re.findall(r'<article id="row-([lp]\d+)"', html) if k.startswith("l"))
        lone = re.findall(r'<article id="row-(p\d+)"', html)[-1]
        for key, label in ((pair, "matching"), (lone, "unique")):
            with CaptureQueriesContext(connection) as tag:
                response = client.post(
                    reverse("row-tag", kwargs={"slug": comparison.slug, "key": key}), {"label": label}, headers=htmx(key)
                )
            assert response.status_code == 200 and 'id="count-reviewed"' in response.content.decode()
            assert len(tag) <= TAG_QUERIES, [q["sql"][:60] for q in tag]
            counts[(size, key[0])] = (len(page), len(tag))
    assert counts[(20, "l")] == counts[(2000, "l")] and counts[(20, "p")] == counts[(2000, "p")], counts


def test_every_action_and_filtered_page_runs_the_same_queries_at_20_and_2000_passages(client, sized):
    """Tag, note, final verdict, accept, reject, undo and each filtered page: a fixed number of queries each."""
    comparisons, user = sized
    editor = factories.editor("sizer-editor")
    counts = {}
    for size, comparison in comparisons.items():
        slug = comparison.slug
        links = list(Link.objects.filter(comparison=comparison, status=Link.Status.PENDING).order_by("pk"))
        link_reject(link=links[1], reviewer=user)  # its passages stand alone
        lone = f"p{links[1].a_passages.get().pk}"

        def run(name, who, method, url, data=None, key=""):
            client.force_login(who)
            with CaptureQueriesContext(connection) as queries:
                response = getattr(client, method)(url, data or {}, headers=htmx(key))
            assert response.status_code == 200, (name, response.status_code)
            counts[(size, name)] = len(queries)

        pair = f"l{links[2].pk}"
        run("tag pair", user, "post", reverse("row-tag", args=[slug, pair]), {"label": "matching"}, pair)
        run("tag lone", user, "post", reverse("row-tag", args=[slug, lone]), {"label": "unique"}, lone)
        run("retag", user, "post", reverse("row-tag", args=[slug, pair]), {"label": "conflicting"}, pair)
        run("note", user, "post", reverse("row-note", args=[slug, pair]), {"note": "Same figures."}, pair)
        run("final", editor, "post", reverse("row-final", args=[slug, pair]), {"label": "matching"}, pair)
        run("accept", user, "post", reverse("link-accept", args=[slug, links[3].pk]), key=f"l{links[3].pk}")
        run("reject", user, "post", reverse("link-reject", args=[slug, links[4].pk]), key=f"l{links[4].pk}")
        run("undo", user, "post", reverse("annotation-undo", args=[slug]))
        for name in ("untagged", "suggestions", "conflicts", "unique", "disputed"):
            run(f"filter {name}", user, "get", reverse("comparison-detail", args=[slug]) + f"?filter={name}")
        run("filter reviewer", user, "get", reverse("comparison-detail", args=[slug]) + f"?reviewer={user.username}")
    small = {name: n for (size, name), n in counts.items() if size == 20}
    large = {name: n for (size, name), n in counts.items() if size == 2000}
    assert small == large, (small, large)


def test_two_languages_without_a_model_say_suggestions_need_one_and_manual_linking_works(reviewer_client, settings):
    """A Spanish account beside an English one: no suggestions, a plain notice, and a hand-made link."""
    settings.NEWSDIFF_EMBEDDING_MODEL_DIR = ""
    comparison = factories.ComparisonFactory(slug="bilingue", title="Bilingüe")
    spanish = factories.article(comparison, "La reunión en la frontera duró quince minutos, dijo la presidenta.\n",
                                source="Presidencia", language="es-MX")
    english = factories.article(comparison, "The border meeting lasted fifteen minutes, the president said.\n",
                                source="White House", language="en")
    assert not comparison.links.exists()
    page = reviewer_client.get(reverse("comparison-detail", kwargs={"slug": comparison.slug}))
    notice = re.search(r'id="language-notice">([^<]*)<', page.content.decode())
    assert notice and "two languages (es-MX and en)" in notice.group(1) and "link passages by hand" in notice.group(1)
    a = spanish.current_version.passages.get()
    b = english.current_version.passages.get()
    response = reviewer_client.post(reverse("link-create", kwargs={"slug": comparison.slug}),
                                    {"a_passages": str(a.pk), "b_passages": str(b.pk), "label": "matching"})
    assert response.status_code in (200, 302)
    assert comparison.links.filter(origin=Link.Origin.MANUAL).count() == 1


def test_the_language_notice_is_gone_when_the_languages_match(reviewer_client, small):
    page = reviewer_client.get(small.url("comparison-detail"))
    assert b'id="language-notice"' not in page.content


def test_the_map_drawn_from_the_row_index_is_the_map_of_the_full_view(db):
    """The map request reads the row index with texts; the shapes, states, labels and links are those of every row."""
    from newsdiff.selectors import comparison_side_by_side
    from newsdiff.selectors.rows import comparison_row_index
    from newsdiff.views.comparisons import PAGE_ROWS, PageState, _alignment_map, _filtered

    comparison = factories.ComparisonFactory()
    factories.article(comparison, "# Left\n\n" + factories.synthetic_text(60), source="Left", fmt="markdown", align=False)
    factories.article(comparison, "# Right\n\n" + factories.synthetic_text(60, seed=3, topic="also "), source="Right", fmt="markdown")
    ana, ben = factories.reviewer("ana"), factories.reviewer("ben")
    links = list(Link.objects.filter(comparison=comparison).order_by("pk"))
    link_reject(link=links[0], reviewer=ana)
    annotation_set(reviewer=ana, link=links[1], label="matching")
    annotation_set(reviewer=ana, link=links[2], label="conflicting")
    annotation_set(reviewer=ben, link=links[2], label="matching")  # disputed: no verdict
    annotation_set(reviewer=ben, link=links[3], label="conflicting")
    annotation_set(reviewer=ana, passage=links[0].a_passages.get(), label="unique")
    for state in (PageState(), PageState(filter="conflicts"), PageState(start=PAGE_ROWS)):
        full = comparison_side_by_side(comparison, viewer=ana, highlight=False)
        view, rows = comparison_row_index(comparison, viewer=ana, text=True)
        view.rows = rows
        shown_full = {row.key for row in _filtered(full.rows, state, ana)[:PAGE_ROWS]}
        shown = {row.key for row in _filtered(rows, state, ana)[:PAGE_ROWS]}
        assert shown == shown_full
        drawn = _alignment_map(comparison, view, state, shown)
        assert drawn == _alignment_map(comparison, full, state, shown_full)
        states = {bar.state for bar in drawn.bars} | {ribbon.state for ribbon in drawn.ribbons}
        assert states >= {"match", "conflict", "unique", "untagged"}, states
