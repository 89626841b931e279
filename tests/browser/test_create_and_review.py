"""Keystrokes that count: from two web addresses to the review page, and a whole review of the demo plus its export.

Every key the test presses goes through a Keyboard that counts it: a key or a chord (Ctrl+V, Enter, Tab) is one
keystroke, typed text is one per character. The assertions are on the counts the test actually used; the times
are printed (run with -s to see them), not asserted.
"""

import html
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from playwright.sync_api import expect

from newsdiff import roles
from newsdiff.management.commands.load_demo import DEMO_SLUG
from newsdiff.models import Annotation, Comparison, ExportRecord
from tests import factories
from tests.fixtures.web.server import NewsSite, serve
from tests.test_exports import DEMO_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Keyboard:
    """page.keyboard, counting keystrokes."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, key: str, times: int = 1):
        for _ in range(times):
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text: str):
        self.page.keyboard.type(text)
        self.count += len(text)


@pytest.fixture
def role_groups():
    """Transactional tests flush the database, and the groups the roles migration made go with it."""
    for name, codenames in roles.GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="newsdiff", codename__in=codenames))


def article_page(markdown_file: str, site_name: str) -> str:
    """The demo account as a news page: a title, paragraphs, and the site's name in its metadata."""
    lines = [line.strip() for line in (DEMO_DIR / markdown_file).read_text(encoding="utf-8").splitlines() if line.strip()]
    title = lines[0].lstrip("# ")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if not line.startswith("#"))
    return (
        f'<!doctype html><html lang="en"><head><title>{html.escape(title)}</title>'
        f'<meta property="og:site_name" content="{site_name}"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )


@pytest.fixture
def two_pages():
    site = NewsSite()
    site.html("/mexico/call", article_page("mexican_presidency.md", "Demo Wire"))
    site.html("/us/call", article_page("truth_social.md", "Demo Desk"))
    with serve(site):
        yield site.url("/mexico/call"), site.url("/us/call")


def paste(page, keyboard: Keyboard, text: str):
    """Ctrl+V of an address copied elsewhere (the copy, in another tab, is not counted here)."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    keyboard.press("Control+V")


def test_two_web_addresses_reach_the_review_page_in_under_15_keystrokes(
    page, login, live_server, role_groups, two_pages, output_dir
):
    """List page → New comparison → paste two addresses → Enter → the review page with suggested pairs."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    factories.editor("edna")
    login(page, "edna")
    assert page.url.rstrip("/") == live_server.url
    keys = Keyboard(page)
    started = time.monotonic()

    keys.press("Tab")  # the skip link
    keys.press("Enter")  # to the main content
    keys.press("Tab")  # "New comparison", the first thing in it
    assert page.evaluate("document.activeElement.textContent").strip() == "+ New comparison"
    keys.press("Enter")
    page.wait_for_url("**/c/new/")
    expect(page.locator("input[name=accounts-0-url]")).to_be_focused()  # autofocus, applied after load
    paste(page, keys, two_pages[0])
    keys.press("Tab", 3)  # source, "or paste the text", the second address
    assert page.evaluate("document.activeElement.name") == "accounts-1-url"
    paste(page, keys, two_pages[1])
    page.screenshot(path=str(output_dir / "create-01-form.png"))
    keys.press("Enter")  # the form's first button creates
    page.wait_for_selector(".row--pair", timeout=60_000)
    elapsed = time.monotonic() - started
    page.screenshot(path=str(output_dir / "create-02-review.png"))

    comparison = Comparison.objects.get()
    assert page.url.endswith(comparison.get_absolute_url())
    assert [a.source for a in comparison.articles.order_by("position")] == ["Demo Wire", "Demo Desk"]
    assert comparison.title.startswith("Sheinbaum")
    print(f"\ntwo web addresses → review page: {keys.count} keystrokes, {elapsed:.1f} s")
    assert keys.count == 10
    assert keys.count < 15


def test_a_whole_review_of_the_demo_and_its_export_take_under_60_keystrokes(page, login, live_server, role_groups):
    """An editor follows every suggestion with one key per row, then exports the report: every row ends tagged."""
    call_command("load_demo")
    comparison = Comparison.objects.get(slug=DEMO_SLUG)
    first, second = comparison.articles.order_by("position", "pk")[:2]
    login(page, "editor", "editor-demo")
    page.goto(f"{live_server.url}{comparison.get_absolute_url()}?a={first.pk}&b={second.pk}")  # the demo pair
    page.wait_for_selector(".row[data-reviewable]")
    rows = page.locator(".row[data-reviewable]").count()
    keys = Keyboard(page)
    started = time.monotonic()

    keys.press("j")  # the first row
    for _ in range(rows):
        current = page.locator(".row.is-current")
        key_name = current.get_attribute("data-key")
        classes = current.get_attribute("class")
        # The engine's suggestion for this row: its label for a pair, unique for a passage alone.
        if "row--pair" in classes:
            suggestion = current.locator(".hint").first.inner_text() if current.locator(".hint").count() else ""
            key = "c" if "conflict" in suggestion else "m"
        else:
            key = "u"
        keys.press(key)
        page.wait_for_selector(f"#row-{key_name}:not([data-untagged])")
        # Focus moves on to the next untagged row (it stays put once none is left).
        page.wait_for_function(
            "k => !document.querySelector('.row[data-untagged]')"
            " || (document.activeElement.dataset.key !== k && document.activeElement.hasAttribute('data-untagged'))",
            arg=key_name,
        )
    assert page.locator(".row[data-reviewable][data-untagged]").count() == 0

    keys.press("e")  # export
    page.wait_for_url("**/export/")
    # Chromium applies autofocus at its next rendering step, which can come after the load event.
    expect(page.locator("input[name=format]:checked")).to_be_focused()
    with page.expect_download() as download:
        keys.press("Enter")  # the HTML report, the first format, is focused
    elapsed = time.monotonic() - started

    assert download.value.suggested_filename.endswith(".html")
    assert ExportRecord.objects.filter(comparison=comparison, format="html").count() == 1
    assert Annotation.objects.filter(comparison=comparison, reviewer__username="editor").exclude(label="").count() == rows
    print(f"\ndemo review ({rows} rows) + export: {keys.count} keystrokes, {elapsed:.1f} s")
    assert keys.count == rows + 3
    assert keys.count < 60


def test_add_another_account_appends_one_and_keeps_a_chosen_file(page, login, live_server, role_groups, tmp_path):
    """With htmx the new account's fields are appended (focused), so a file chosen above stays chosen; a refused
    account is named in the message and what was typed is still there."""
    factories.editor("edgar")
    login(page, "edgar")
    page.goto(f"{live_server.url}/c/new/")
    upload = tmp_path / "left.txt"
    upload.write_text((DEMO_DIR / "mexican_presidency.md").read_text(encoding="utf-8"), encoding="utf-8")
    page.locator("#account-1 summary").click()
    page.set_input_files("input[name=accounts-0-file]", str(upload))
    page.fill("input[name=accounts-0-source]", "Mexican presidency")
    page.get_by_role("button", name="Add another account").click()
    page.wait_for_selector("#account-3")
    expect(page.locator("input[name=accounts-2-url]")).to_be_focused()  # focus follows htmx's settle
    assert page.locator("input[name=accounts-TOTAL_FORMS]").input_value() == "3"
    assert page.evaluate("document.querySelector('input[name=accounts-0-file]').files.length") == 1
    page.fill("input[name=accounts-1-url]", "not a web address at all")
    page.locator("#account-3 summary").click()
    page.fill("textarea[name=accounts-2-text]", "Trump said the call went well. He spoke for ten minutes.")
    page.fill("input[name=accounts-2-source]", "Truth Social")
    page.get_by_role("button", name="Compare: import, align and review").click()
    page.wait_for_selector(".errorlist")
    assert "Enter a valid URL" in page.locator("#account-2").inner_text()
    assert "choose the file again" in page.locator("#account-1").inner_text()
    assert page.input_value("input[name=accounts-1-url]") == "not a web address at all"
    assert "ten minutes" in page.input_value("textarea[name=accounts-2-text]")
    assert not Comparison.objects.exists()
