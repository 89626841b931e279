"""The export page and download (newsdiff/views/exports.py)."""

import json

import pytest
from django.urls import reverse

from newsdiff.models import ExportRecord
from tests import factories
from tests.test_exports import annotated_comparison


@pytest.fixture
def comparison(db):
    return annotated_comparison()


def url(comparison, **params):
    return reverse("comparison-export", kwargs={"slug": comparison.slug}), params


def test_anonymous_is_sent_to_login(client, comparison):
    path, _ = url(comparison)
    response = client.get(path, {"format": "html"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not ExportRecord.objects.exists()


def test_reviewer_is_forbidden(client, comparison):
    client.force_login(factories.reviewer())
    path, _ = url(comparison)
    assert client.get(path).status_code == 403
    assert client.get(path, {"format": "json"}).status_code == 403
    assert not ExportRecord.objects.exists()


def test_editor_sees_the_options_form(client, comparison):
    client.force_login(factories.editor())
    path, _ = url(comparison)
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="format"' in html and 'name="only"' in html and 'name="suggestions"' in html
    assert 'method="get"' in html
    assert not ExportRecord.objects.exists()


@pytest.mark.parametrize(
    "fmt, content_type, extension",
    [("html", "text/html", "html"), ("md", "text/markdown", "md"), ("csv", "text/csv", "csv"), ("json", "application/json", "json")],
)
def test_editor_downloads_each_format(client, comparison, fmt, content_type, extension):
    """The download is an attachment with a meaningful file name, and it is logged."""
    editor = factories.editor()
    client.force_login(editor)
    path, _ = url(comparison)
    response = client.get(path, {"format": fmt, "suggestions": "on", "only": "conflicts"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert 'filename="sheinbaum-trump-call-conflicts-' in disposition and disposition.endswith(f'.{extension}"')
    record = ExportRecord.objects.get()
    assert (record.user, record.format, record.via) == (editor, fmt, "web")
    assert record.options == {"suggestions": True, "only": "conflicts"}


def test_options_reach_the_export(client, comparison):
    client.force_login(factories.admin())
    path, _ = url(comparison)
    data = json.loads(client.get(path, {"format": "json", "only": "final"}).content)
    assert data["options"] == {"suggestions": False, "only": "final"}
    assert [claim["final"]["reviewer"] for pair in data["pairs"] for claim in pair["links"]] == ["eve"]


def test_bad_options_show_the_form_again(client, comparison):
    client.force_login(factories.editor())
    path, _ = url(comparison)
    response = client.get(path, {"format": "pdf"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not ExportRecord.objects.exists()


def test_unknown_comparison_is_404(client, db):
    client.force_login(factories.editor())
    assert client.get(reverse("comparison-export", kwargs={"slug": "nope"})).status_code == 404


def test_export_is_get_only(client, comparison):
    client.force_login(factories.editor())
    path, _ = url(comparison)
    assert client.post(path, {"format": "html"}).status_code == 405


def test_comparison_page_offers_export_to_editors_only(client, comparison):
    """The review page's header links to the export page for users who may export."""
    export_url = reverse("comparison-export", kwargs={"slug": comparison.slug})
    client.force_login(factories.editor())
    assert f'href="{export_url}"' in client.get(comparison.get_absolute_url()).content.decode()
    client.force_login(factories.reviewer())
    assert f'href="{export_url}"' not in client.get(comparison.get_absolute_url()).content.decode()
