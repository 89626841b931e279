"""Walk every URL of the app as anonymous, no-role user, reviewer, editor and admin; check each answer against one table."""

import pytest
from django.contrib import admin as django_admin
from django.urls import URLPattern, get_resolver, reverse

from newsdiff.models import Annotation, Job, Link, Passage
from newsdiff.services.annotations import annotation_set
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "norole", "reviewer", "editor", "admin"]
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
REVIEWERS = {"reviewer", "editor", "admin"}
EDITORS = {"editor", "admin"}
ADMINS = {"admin"}

# URL name -> (method, who may use it). Everyone else gets the login page (anonymous) or 403.
ACCESS = {
    "login": ("GET", EVERYONE),
    "logout": ("POST", EVERYONE),
    "comparison-list": ("GET", REVIEWERS),
    "comparison-detail": ("GET", REVIEWERS),
    "comparison-map": ("GET", REVIEWERS),
    "comparison-status": ("POST", EDITORS),
    "comparison-agreement": ("GET", REVIEWERS),
    "comparison-jobs": ("GET", REVIEWERS),
    "job-detail": ("GET", REVIEWERS),
    "job-retry": ("POST", EDITORS),  # add_article: whoever may add an account may retry its failed job
    "annotation-undo": ("POST", REVIEWERS),
    "link-create": ("POST", REVIEWERS),
    "link-accept": ("POST", REVIEWERS),
    "link-reject": ("POST", REVIEWERS),
    "link-unlink": ("POST", REVIEWERS),
    "row-tag": ("POST", REVIEWERS),
    "row-note": ("POST", REVIEWERS),
    "row-final": ("POST", EDITORS),
    "row-history": ("GET", REVIEWERS),
    "article-detail": ("GET", REVIEWERS),
    "article-version-fetched": ("GET", REVIEWERS),
    "comparison-export": ("GET", EDITORS),
    "comparison-grid": ("GET", REVIEWERS),
    "claim-undo": ("POST", REVIEWERS),
    "claim-tag": ("POST", REVIEWERS),
    "claim-final": ("POST", EDITORS),
    "claim-history": ("GET", REVIEWERS),
    "comparison-create": ("GET", EDITORS),
    "account-create": ("GET", EDITORS),
    "article-refetch": ("POST", EDITORS),
    "annotation-rereview": ("POST", REVIEWERS),
}


@pytest.fixture
def world(seeds_dir):
    comparison = factories.ComparisonFactory(slug="call")
    first = factories.article(comparison, (seeds_dir / "mexican_presidency_account.txt").read_text(), source="Mexico")
    factories.article(comparison, (seeds_dir / "truth_social_account.txt").read_text(), source="Truth Social")
    link = comparison.links.first()
    lone = Passage.objects.filter(article=first, kind="claim").exclude(links_as_a__isnull=False).first()
    users = {
        "norole": factories.UserFactory(username="norole"),
        "reviewer": factories.reviewer("rev"),
        "editor": factories.editor("ed"),
        "admin": factories.admin("adm"),
    }
    annotation_set(reviewer=users["reviewer"], link=link, label="matching", note="seen")
    version = first.current_version
    version.fetched_html = "<html><body><p>raw page</p></body></html>"
    version.save()
    job = Job.objects.create(kind=Job.Kind.REALIGN, status=Job.Status.FAILED, comparison=comparison, message="down")
    return {"comparison": comparison, "article": first, "link": link, "lone": lone, "users": users, "job": job}


def url_args(name: str, world) -> tuple[list, dict]:
    """Arguments for a URL name, and the POST data that makes a valid request."""
    slug, link, lone = world["comparison"].slug, world["link"], world["lone"]
    return {
        "comparison-detail": ([slug], {}),
        "comparison-map": ([slug], {}),
        "comparison-status": ([slug], {"status": "open"}),
        "comparison-agreement": ([slug], {}),
        "comparison-jobs": ([slug], {}),
        "job-detail": ([world["job"].pk], {}),
        "job-retry": ([world["job"].pk], {}),
        "annotation-undo": ([slug], {}),
        "link-create": ([slug], {"a": lone.pk, "b": link.b_passages.first().pk}),
        "link-accept": ([slug, link.pk], {}),
        "link-reject": ([slug, link.pk], {}),
        "link-unlink": ([slug, link.pk], {}),
        "row-tag": ([slug, f"l{link.pk}"], {"label": "conflicting"}),
        "row-note": ([slug, f"l{link.pk}"], {"note": "a note"}),
        "row-final": ([slug, f"l{link.pk}"], {"label": "matching"}),
        "row-history": ([slug, f"l{link.pk}"], {}),
        "article-detail": ([world["article"].pk], {}),
        "article-version-fetched": ([world["article"].pk, 1], {}),
        "comparison-export": ([slug], {"format": "json"}),
        "comparison-grid": ([slug], {}),
        "claim-undo": ([slug], {}),
        "claim-tag": ([slug, _claim_key(world)], {"label": "matching"}),
        "claim-final": ([slug, _claim_key(world)], {"label": "matching"}),
        "claim-history": ([slug, _claim_key(world)], {}),
        "account-create": ([slug], {}),
        "article-refetch": ([world["article"].pk], {}),
        "annotation-rereview": (
            [world["article"].pk, Annotation.objects.filter(comparison=world["comparison"]).first().pk],
            {"action": "dismiss"},
        ),
    }.get(name, ([], {}))


def _claim_key(world) -> str:
    from newsdiff.selectors.claims import comparison_claims

    return next(row.key for row in comparison_claims(world["comparison"]).rows if row.reporting > 1)


def outcome(response) -> str:
    if response.status_code >= 500:
        return "server error"
    if response.status_code == 404:
        return "missing"
    if response.status_code == 403:
        return "forbidden"
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return "allowed"


def as_role(client, role, world):
    client.logout()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def all_app_url_names() -> set[str]:
    names = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def test_the_table_covers_every_url():
    assert all_app_url_names() == set(ACCESS)


@pytest.mark.parametrize("role", ROLES)
def test_every_app_url_answers_as_the_table_says(client, world, role):
    for name, (method, allowed) in ACCESS.items():
        args, data = url_args(name, world)
        url = reverse(name, args=args)
        as_role(client, role, world)
        response = client.get(url, data) if method == "GET" else client.post(url, data)
        if name in ("login", "logout"):
            assert response.status_code in (200, 302), (role, name, response.status_code)
            continue
        got = outcome(response)
        expected = "allowed" if role in allowed else ("login" if role == "anonymous" else "forbidden")
        assert got == expected, f"{role} {method} {name}: got {got} ({response.status_code}), expected {expected}"
        # The same endpoint as htmx asks for it.
        htmx = (client.get if method == "GET" else client.post)(url, data, HTTP_HX_REQUEST="true")
        assert outcome(htmx) in (expected, "login" if role == "anonymous" else expected), (role, name, htmx.status_code)
        if method == "POST":
            wrong = client.get(url)
            assert wrong.status_code in (302, 403, 405), (role, name, wrong.status_code)


def admin_urls(world) -> list[str]:
    urls = [reverse("admin:index")]
    objects = {
        "comparison": world["comparison"],
        "article": world["article"],
        "link": world["link"],
        "passage": world["lone"],
        "annotation": Annotation.objects.first(),
    }
    for model in django_admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        if meta.model_name in objects:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[objects[meta.model_name].pk]))
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[objects[meta.model_name].pk]))
    urls.append(reverse("admin:newsdiff_article_add"))
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_is_for_admins_only(client, world, role):
    for url in admin_urls(world):
        as_role(client, role, world)
        response = client.get(url)
        assert response.status_code < 500, (role, url)
        if role == "admin":
            if "/auth/" in url or "/django_tasks_database/" in url:
                # Managing users and groups, and the raw task queue (django-tasks-db), stays with superusers.
                assert response.status_code in (200, 403), (url, response.status_code)
            else:
                assert response.status_code == 200, (url, response.status_code)
        else:
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (role, url)


def test_a_reviewer_cannot_touch_another_comparisons_rows(client, world):
    other = factories.ComparisonFactory(slug="other")
    factories.article(other, "Other account. It says this.")
    link = world["link"]
    client.force_login(world["users"]["reviewer"])
    response = client.post(reverse("row-tag", args=[other.slug, f"l{link.pk}"]), {"label": "conflicting"})
    assert response.status_code == 404
    assert not Annotation.objects.filter(link=link, label="conflicting").exists()
    assert Link.objects.get(pk=link.pk).comparison == world["comparison"]


# --- restricted comparisons -----------------------------------------------------------------------------------
# A second world: a comparison restricted to one named reviewer and to the "desk" group. Each person below walks
# every URL of ACCESS that points into a comparison (a new URL there is walked as soon as url_args knows it):
# role, and whether the person may see the restricted comparison. Those who may not get 404 ("missing") wherever
# their role would let them in, exactly as for a comparison that does not exist.
PEOPLE = {
    "outsider-reviewer": ("reviewer", False),
    "outsider-editor": ("editor", False),
    "named-reviewer": ("reviewer", True),
    "desk-editor": ("editor", True),
    "desk-reviewer": ("reviewer", True),
    "admin": ("admin", True),
    "superuser": ("admin", True),
}
EMBARGOED_A = "The minister will resign on Friday, two officials said.\nThe budget falls by 12 percent next year.\n"
EMBARGOED_B = "The minister will resign on Friday, one official said.\nThe budget falls by 20 percent next year.\n"


@pytest.fixture
def restricted(world):
    from django.contrib.auth.models import Group

    comparison = factories.ComparisonFactory(slug="embargo", title="Embargoed resignation")
    first = factories.article(comparison, EMBARGOED_A + "Only this account mentions the weather.\n", source="Desk A")
    factories.article(comparison, EMBARGOED_B, source="Desk B")
    desk = Group.objects.create(name="desk")
    users = {
        "outsider-reviewer": world["users"]["reviewer"],
        "outsider-editor": world["users"]["editor"],
        "named-reviewer": factories.reviewer("named"),
        "desk-editor": factories.editor("deskie"),
        "desk-reviewer": factories.reviewer("deskrev"),
        "admin": world["users"]["admin"],
        "superuser": factories.UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    users["desk-editor"].groups.add(desk)
    users["desk-reviewer"].groups.add(desk)
    comparison.visibility = comparison.Visibility.RESTRICTED
    comparison.save()
    comparison.allowed_users.add(users["named-reviewer"])
    comparison.allowed_groups.add(desk)
    link = comparison.links.first()
    lone = Passage.objects.filter(article=first, kind="claim").exclude(links_as_a__isnull=False).first()
    annotation_set(reviewer=users["named-reviewer"], link=link, label="matching", note="embargoed note")
    version = first.current_version
    version.fetched_html = "<html><body><p>raw embargoed page</p></body></html>"
    version.save()
    job = Job.objects.create(kind=Job.Kind.REALIGN, status=Job.Status.FAILED, comparison=comparison, message="down")
    return {"comparison": comparison, "article": first, "link": link, "lone": lone, "users": users, "job": job}


def scoped_names(world) -> list[str]:
    """The URL names that point into one comparison (they take its slug or one of its objects)."""
    return [name for name in ACCESS if url_args(name, world)[0]]


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_a_restricted_comparison_is_missing_for_everyone_it_does_not_name(client, restricted, person):
    role, sees = PEOPLE[person]
    user = restricted["users"][person]
    names = scoped_names(restricted)
    assert {"comparison-detail", "row-history", "article-detail", "comparison-export"} <= set(names)
    for name in names:
        method, allowed = ACCESS[name]
        args, data = url_args(name, restricted)
        url = reverse(name, args=args)
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            client.force_login(user)
            response = client.get(url, data, **headers) if method == "GET" else client.post(url, data, **headers)
            got = outcome(response)
            expected = "forbidden" if role not in allowed else ("allowed" if sees else "missing")
            assert got == expected, f"{person} {method} {name}: got {got} ({response.status_code}), expected {expected}"
            if got == "missing":
                assert b"embargo" not in response.content.lower() and b"resign" not in response.content.lower()

    client.force_login(user)
    listing = client.get(reverse("comparison-list")).content.decode()
    assert ("Embargoed resignation" in listing) == sees, person
    assert "call" in listing  # the open comparison stays in everyone's list


def test_visibility_rule_in_one_place(restricted):
    """Comparison.objects.visible_to is the rule: open for all roles, restricted for the named, all for admins."""
    from django.contrib.auth.models import AnonymousUser

    from newsdiff.models import Comparison

    comparison = restricted["comparison"]
    for person, (_, sees) in PEOPLE.items():
        assert comparison.is_visible_to(restricted["users"][person]) == sees, person
    assert not Comparison.objects.visible_to(AnonymousUser()).exists()
    assert Comparison.objects.visible_to(restricted["users"]["outsider-reviewer"]).count() == Comparison.objects.count() - 1


def test_commands_are_not_restricted(restricted, tmp_path):
    """Management commands run as the server's operator: a restricted comparison exports like any other."""
    from django.core.management import call_command

    out = tmp_path / "embargo.json"
    call_command("export_comparison", "embargo", "--format", "json", "--output", str(out))
    assert "Embargoed resignation" in out.read_text()


def test_an_open_comparison_is_visible_without_a_query_and_a_restricted_one_follows_the_rule(
    restricted, django_assert_num_queries
):
    """is_visible_to() answers for an open comparison from the row itself; the rest goes through visible_to."""
    from django.contrib.auth.models import AnonymousUser

    from newsdiff.models import Comparison

    person = restricted["users"]["outsider-reviewer"]
    assert Comparison.objects.filter(visibility="everyone").exists() and Comparison.objects.filter(visibility="restricted").exists()
    for comparison in Comparison.objects.all():
        expected = Comparison.objects.visible_to(person).filter(pk=comparison.pk).exists()
        if not comparison.is_restricted:
            with django_assert_num_queries(0):
                assert comparison.is_visible_to(person) is expected is True
        else:
            assert comparison.is_visible_to(person) is expected
    assert not any(c.is_visible_to(AnonymousUser()) for c in Comparison.objects.all())
