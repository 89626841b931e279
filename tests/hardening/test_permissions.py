"""Walk every URL of the app as anonymous, no-role user, reviewer, editor and admin; check each answer against one table."""

import pytest
from django.contrib import admin as django_admin
from django.urls import URLPattern, get_resolver, reverse

from newsdiff.models import Annotation, Link, Passage
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
    "comparison-status": ("POST", EDITORS),
    "comparison-agreement": ("GET", REVIEWERS),
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
    return {"comparison": comparison, "article": first, "link": link, "lone": lone, "users": users}


def url_args(name: str, world) -> tuple[list, dict]:
    """Arguments for a URL name, and the POST data that makes a valid request."""
    slug, link, lone = world["comparison"].slug, world["link"], world["lone"]
    return {
        "comparison-detail": ([slug], {}),
        "comparison-status": ([slug], {"status": "open"}),
        "comparison-agreement": ([slug], {}),
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
    }.get(name, ([], {}))


def _claim_key(world) -> str:
    from newsdiff.selectors.claims import comparison_claims

    return next(row.key for row in comparison_claims(world["comparison"]).rows if row.reporting > 1)


def outcome(response) -> str:
    if response.status_code >= 500:
        return "server error"
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
            if "/auth/" in url:
                # Managing users and groups stays with superusers.
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
