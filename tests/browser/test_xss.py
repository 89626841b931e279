"""Cross-site scripting payloads as uploaded HTML, titles and notes: no dialog ever opens in Chromium."""

import pytest
from django.urls import reverse

from newsdiff.models import Passage
from newsdiff.services.annotations import annotation_set
from newsdiff.services.articles import ArticleMeta, article_import
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def payloads(data_dir) -> list[str]:
    lines = (data_dir / "xss-payload-list.sample300.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def test_no_payload_runs_on_any_page(live_server, page, login, payloads, output_dir):
    comparison = factories.ComparisonFactory(slug="xss", title=payloads[0])
    body = "".join(f"<p>Claim {n}: {payload}</p>\n" for n, payload in enumerate(payloads))
    uploaded = article_import(
        comparison=comparison,
        meta=ArticleMeta(source=payloads[1], title=payloads[2], outlet=payloads[3], author=payloads[4]),
        data=body.encode(),
        filename="payloads.html",
        align=False,
    )
    article_import(
        comparison=comparison,
        meta=ArticleMeta(source="Wire", title=payloads[5]),
        content="\n".join(f"Statement {n} of the other account." for n in range(20)),
    )
    titled = factories.ComparisonFactory(slug="titles")
    for n, payload in enumerate(payloads[:60]):
        article_import(
            comparison=titled, meta=ArticleMeta(source=payload, title=payload), content=f"Line {n}.", align=False
        )
    reviewer = factories.reviewer("xss-reviewer")
    passages = Passage.objects.filter(version=uploaded.current_version, kind__in=["claim", "quote"]).order_by("index")
    for passage, payload in zip(passages, payloads):
        annotation_set(reviewer=reviewer, passage=passage, label="unique", note=payload)
    editor = factories.editor("xss-editor")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    csp_headers = []
    page.on("response", lambda response: csp_headers.append(response.headers.get("content-security-policy")))

    # Control: the listener does see a dialog when a page really runs script.
    page.set_content("<img src=x onerror=\"alert('control')\">")
    page.wait_for_timeout(300)
    assert dialogs == ["control"]
    dialogs.clear()

    login(page, editor.username)
    paths = [reverse("comparison-list"), reverse("article-detail", args=[uploaded.pk])]
    paths += [f"{reverse('comparison-detail', args=['xss'])}?start={start}" for start in range(0, len(payloads) + 50, 50)]
    paths += [reverse("article-detail", args=[a.pk]) for a in titled.articles.all()[:10]]
    paths += [f"{reverse('comparison-export', args=['xss'])}?format=html&suggestions=on"]
    for path in paths:
        if "export" in path:
            page.goto(f"{live_server.url}{reverse('comparison-detail', args=['xss'])}")
            with page.expect_download() as download:
                page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.click(); }", path)
            report = download.value.path().read_text(encoding="utf-8")
            page.set_content(report)
        else:
            page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        page.mouse.move(200, 300)
        page.mouse.move(600, 500)
    page.screenshot(path=str(output_dir / "xss-comparison.png"), full_page=False)
    assert dialogs == []
    assert any(h and "script-src 'self'" in h for h in csp_headers)
