"""The alignment map beside the columns: drawn without script or CSP complaints, and a click jumps to the row."""

import pytest
from django.core.management import call_command

from newsdiff.management.commands.load_demo import DEMO_SLUG
from newsdiff.models import Comparison
from tests.browser.test_create_and_review import role_groups  # noqa: F401 — a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_map_shows_the_pair_and_a_click_jumps_to_its_row(page, login, live_server, role_groups, output_dir):  # noqa: F811
    call_command("load_demo")
    comparison = Comparison.objects.get(slug=DEMO_SLUG)
    first, second = comparison.articles.order_by("position", "pk")[:2]
    complaints = []
    page.on("console", lambda message: complaints.append(message.text) if "Content Security Policy" in message.text else None)
    login(page, "reviewer", "reviewer-demo")
    # The demo has three accounts (its default view is the claim grid): the map belongs to the pair view.
    page.goto(f"{live_server.url}{comparison.get_absolute_url()}?a={first.pk}&b={second.pk}")
    page.wait_for_selector("#overview svg.alignment-map")
    pair_links = comparison.links.filter(a_passages__article=first, b_passages__article=second).distinct()
    assert page.locator("#overview .ribbons path").count() == pair_links.count()
    assert page.locator("#overview .bars rect").count() >= page.locator(".row[data-reviewable]").count()
    page.screenshot(path=str(output_dir / "map-01-review.png"))

    # Tag the first pair: the map is swapped with the row, and its ribbon turns solid (matching).
    page.keyboard.press("j")
    while "row--pair" not in page.locator(".row.is-current").get_attribute("class"):
        page.keyboard.press("j")
    key = page.locator(".row.is-current").get_attribute("data-key")
    page.keyboard.press("m")
    ribbon = page.locator(f'#overview a[href="#row-{key}"] path')
    ribbon.wait_for()
    page.wait_for_function(
        "k => document.querySelector(`#overview a[href='#row-${k}'] path`).getAttribute('fill') === '#1b6e3a'", arg=key
    )
    assert ribbon.get_attribute("stroke-dasharray") is None

    # A click on the last bar of the right account goes to its row.
    last = page.locator("#overview .bars a").last
    target = last.get_attribute("href")
    last.click()
    page.wait_for_function("h => location.hash === h", arg=target)
    page.add_style_tag(content="html { filter: grayscale(1); }")
    page.screenshot(path=str(output_dir / "map-02-greyscale.png"))
    assert not complaints, complaints
