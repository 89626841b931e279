"""The review workspace in a real browser: keyboard tagging, mouse tagging, two reviewers disagreeing."""

import re

import pytest
from django.contrib.auth.models import Group, Permission

from newsdiff import roles
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def role_groups():
    """Transactional tests flush the database, and the groups the roles migration made go with it."""
    for name, codenames in roles.GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="newsdiff", codename__in=codenames))


@pytest.fixture
def seed_comparison(seeds_dir, role_groups):
    comparison = factories.ComparisonFactory(slug="trump-sheinbaum-call", title="Trump–Sheinbaum phone call")
    factories.article(
        comparison,
        (seeds_dir / "mexican_presidency_account.txt").read_text(encoding="utf-8"),
        source="Mexican presidency",
        outlet="gob.mx",
    )
    factories.article(
        comparison,
        (seeds_dir / "truth_social_account.txt").read_text(encoding="utf-8"),
        source="Truth Social",
        outlet="Truth Social",
    )
    return comparison


def _rows(page):
    return page.locator(".row[data-reviewable]")


def _pair_position(page) -> int:
    """How many `j` presses from the top reach the first linked pair."""
    kinds = page.eval_on_selector_all(".row[data-reviewable]", "rows => rows.map(r => r.classList.contains('row--pair'))")
    return kinds.index(True) + 1


def test_reviewer_tags_by_keyboard_and_mouse_and_a_second_reviewer_disagrees(
    browser, page, login, live_server, seed_comparison, output_dir
):
    """Keyboard tags a pair conflicting with a note, the mouse marks a passage unique, both survive a reload,
    and a second reviewer tagging the pair differently makes the disagreement show."""
    factories.reviewer("ana")
    factories.reviewer("ben")
    url = f"{live_server.url}{seed_comparison.get_absolute_url()}"

    login(page, "ana")
    assert "Trump–Sheinbaum phone call" in page.locator(".summary-table").inner_text()
    page.screenshot(path=str(output_dir / "review-00-list.png"))
    page.goto(url)
    page.wait_for_selector(".row--pair")
    page.screenshot(path=str(output_dir / "review-01-opened.png"), full_page=False)

    # Keyboard only: j to the first pair, n to write a note, Escape back to the row, c for conflicting.
    for _ in range(_pair_position(page)):
        page.keyboard.press("j")
    pair = page.locator(".row.is-current")
    assert "row--pair" in pair.get_attribute("class")
    pair_id = pair.get_attribute("id")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.name") == "note"
    page.keyboard.type("Trump's post says talks will continue; the presidency stresses sovereignty.")
    page.keyboard.press("Escape")
    page.keyboard.press("c")
    page.wait_for_selector(f"#{pair_id}.is-conflicting")
    # Tagging moved focus to the next untagged row.
    page.wait_for_function(
        "id => document.activeElement && document.activeElement.id !== id && document.activeElement.hasAttribute('data-untagged')",
        arg=pair_id,
    )
    assert "1" in page.locator(".counter--conflicting").inner_text()

    # Mouse: mark a passage one account alone has as unique.
    lone = page.locator(".row--a_only").first
    lone_id = lone.get_attribute("id")
    lone.get_by_role("button", name=re.compile("Unique")).click()
    page.wait_for_selector(f"#{lone_id}.is-unique")
    page.screenshot(path=str(output_dir / "review-02-tagged.png"), full_page=False)

    page.reload()
    pair = page.locator(f"#{pair_id}")
    assert "✗ Conflicting" in pair.locator(".verdict").inner_text()
    assert "talks will continue" in pair.locator(".note").inner_text()
    assert "◆ Unique" in page.locator(f"#{lone_id} .verdict").inner_text()

    # The key list opens with ?.
    page.keyboard.press("?")
    assert page.locator("#keys-help").get_attribute("open") is not None
    page.locator(f"#{pair_id}").scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / "review-03-keys.png"), full_page=False)
    page.keyboard.press("Escape")

    # A second reviewer, in a browser context of their own, says matching.
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    other = context.new_page()
    other.set_default_timeout(10_000)
    login(other, "ben")
    other.goto(url)
    other.locator(f"#{pair_id}").get_by_role("button", name=re.compile("Matching")).click()
    other.wait_for_selector(f"#{pair_id}.is-disputed")
    row = other.locator(f"#{pair_id}")
    assert "Reviewers disagree" in row.inner_text()
    assert "ana" in row.locator(".reviewer-verdicts").inner_text()
    assert "ben" in row.locator(".reviewer-verdicts").inner_text()
    assert "1" in other.locator(".counter--disputed").inner_text()
    row.scroll_into_view_if_needed()
    other.screenshot(path=str(output_dir / "review-04-disagreement.png"), full_page=False)
    other.screenshot(path=str(output_dir / "review-05-full-page.png"), full_page=True)
    context.close()

    # The first reviewer sees it too after a reload.
    page.reload()
    assert "Reviewers disagree" in page.locator(f"#{pair_id}").inner_text()
