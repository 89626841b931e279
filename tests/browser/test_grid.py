"""The claim grid in a real browser: a three-account claim tagged by keyboard; the odd account in the export."""

import pytest
from django.contrib.auth.models import Group, Permission

from newsdiff import roles
from newsdiff.management.commands.load_demo import DEMO_ARTICLES, DEMO_DIR
from newsdiff.services.articles import article_import
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_three(db):
    for name, codenames in roles.GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="newsdiff", codename__in=codenames))
    comparison = factories.ComparisonFactory(slug="three-accounts", title="Three accounts of one call")
    for filename, meta in DEMO_ARTICLES:
        article_import(comparison=comparison, meta=meta, data=(DEMO_DIR / filename).read_bytes(), filename=filename)
    return comparison


def test_a_reviewer_tags_a_three_account_claim_by_keyboard_and_the_odd_account_shows_in_the_export(
    page, login, live_server, demo_three, output_dir
):
    factories.editor("eda")
    login(page, "eda")
    page.goto(f"{live_server.url}{demo_three.get_absolute_url()}")
    page.wait_for_selector(".claim-row[data-reviewable]")
    assert page.url.endswith("/grid/"), "three accounts open on the claim grid"
    texts = page.eval_on_selector_all(".claim-row[data-reviewable]", "rows => rows.map(r => r.innerText)")
    position = next(i for i, text in enumerate(texts) if "ten minutes" in text) + 1
    row = page.locator(".claim-row[data-reviewable]").nth(position - 1)
    assert "✗ Odd one out: contradicts" in row.inner_text()
    assert row.locator(".claim-cell--odd .claim-cell-account").inner_text() == "Truth Social"

    # Keyboard only: j to the claim, c tags it a conflict with the preset odd account (Truth Social).
    for _ in range(position):
        page.keyboard.press("j")
    key = page.locator(".row.is-current").get_attribute("data-key")
    page.keyboard.press("c")
    page.wait_for_selector(f"#row-{key}.is-conflicting")
    assert "odd one out: Truth Social" in page.locator(f"#row-{key} .verdict").inner_text()
    assert "1" in page.locator(".counter--conflicting").inner_text()
    page.screenshot(path=str(output_dir / "grid-01-tagged.png"), full_page=False)

    page.reload()
    assert "✗ Conflict" in page.locator(f"#row-{key} .verdict").inner_text()

    markdown = page.request.get(f"{live_server.url}/c/{demo_three.slug}/export/?format=md").text()
    line = next(line for line in markdown.splitlines() if "ten minutes" in line)
    assert "**ODD ONE OUT** The call lasted about ten minutes" in line and "conflicting (Truth Social)" in line

    # A narrow screen stacks the cells, each named by its account.
    page.set_viewport_size({"width": 390, "height": 800})
    page.locator(f"#row-{key}").scroll_into_view_if_needed()
    assert page.locator(f"#row-{key} .claim-cell-account").first.is_visible()
    page.screenshot(path=str(output_dir / "grid-02-narrow.png"), full_page=False)
