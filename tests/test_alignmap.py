"""The alignment map's geometry (newsdiff/alignmap.py), and where the review page and the report draw it."""

import re
from itertools import pairwise
from types import SimpleNamespace

import pytest

from newsdiff.alignmap import MapLink, MapPassage, map_from_export, map_from_rows, map_layout
from newsdiff.exports import comparison_export, render_html
from tests.test_exports import annotated_comparison

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def passages(*lengths, state="untagged"):
    return [MapPassage(f"#p{i}", length, state) for i, length in enumerate(lengths)]


def test_each_bar_fills_the_height_in_reading_order_with_heights_by_length():
    amap = map_layout(passages(100, 300, 100), passages(50, 50), [], height=500, gap=0)
    left = [bar for bar in amap.bars if bar.x == 0]
    right = [bar for bar in amap.bars if bar.x > 0]
    assert [bar.height for bar in left] == [100, 300, 100]
    assert [bar.y for bar in left] == [0, 100, 400]
    assert [bar.height for bar in right] == [250, 250]
    assert right[0].x == amap.width - right[0].width


def test_gaps_never_overlap_passages_even_in_long_accounts():
    amap = map_layout(passages(*[10] * 2000), passages(10), [], height=600)
    left = [bar for bar in amap.bars if bar.x == 0]
    assert all(b.y >= a.y + a.height - 0.01 for a, b in pairwise(left))
    assert left[-1].y + left[-1].height == pytest.approx(600, abs=0.05)
    assert all(bar.height > 0 for bar in left)


def test_passages_too_thin_to_click_are_drawn_together_and_jump_to_the_first():
    """2,000 passages a side stay a few hundred shapes; a run never mixes states nor grows past min_size."""
    a = [MapPassage(f"#p{i}", 10, "match" if i % 100 < 50 else "untagged") for i in range(2000)]
    links = [MapLink(f"#l{i}", (i,), (i,), "match") for i in range(0, 2000, 100)]
    amap = map_layout(a, list(a), links, height=600, min_size=4)
    left = [bar for bar in amap.bars if bar.x == 0]
    assert len(left) <= 600 / 4 + 40
    assert left[0].href == "#p0" and left[0].label.startswith(f"{round(4 / (600 / 2000))} passages from here")
    assert all(bar.height <= 4.01 for bar in left)
    assert left[-1].y + left[-1].height == pytest.approx(600, abs=0.05)
    assert all(b.y >= a.y + a.height - 0.01 for a, b in pairwise(left))
    # Each run holds one state: the boundaries between states survive.
    assert len({bar.state for bar in left}) == 2
    tall = map_layout(passages(100, 100), passages(100, 100), [], min_size=4)
    assert len(tall.bars) == 4


def test_parallel_thin_links_become_one_band_but_crossing_ones_do_not():
    a, b = passages(*[1] * 100), passages(*[1] * 100)
    parallel = [MapLink(f"#l{i}", (i,), (i,), "match") for i in range(10)]
    crossing = [MapLink("#x1", (50,), (60,), "match"), MapLink("#x2", (51,), (40,), "match")]
    amap = map_layout(a, b, parallel + crossing, height=100, gap=0, min_size=4)
    hrefs = [ribbon.href for ribbon in amap.ribbons]
    assert hrefs.count("#l0") == 1 and "#l1" not in hrefs  # l0–l3 merged (4 units)
    assert "#l4" in hrefs and "#x1" in hrefs and "#x2" in hrefs


def test_a_ribbon_runs_from_its_left_passages_to_its_right_ones():
    a, b = passages(100, 100, 100), passages(200, 100)
    amap = map_layout(a, b, [MapLink("#l1", (1, 2), (0,), "conflict")], height=300, gap=0, bar=20, width=100)
    (ribbon,) = amap.ribbons
    numbers = [float(n) for n in NUMBER.findall(ribbon.path)]
    # M x_a,top_a … x_b,top_b L x_b,bottom_b … x_a,bottom_a
    assert numbers[:2] == [20, 100]  # the left bar's right edge, at the top of passage 1
    assert numbers[6:8] == [80, 0]  # the right bar's left edge, at the top of passage 0
    assert numbers[8:10] == [80, 200]  # … down to its bottom
    assert numbers[-2:] == [20, 300]  # back to the bottom of passage 2
    assert ribbon.state == "conflict" and ribbon.href == "#l1"


def test_verdict_ribbons_are_drawn_over_suggestions_and_one_sided_links_are_left_out():
    links = [MapLink("#m", (0,), (0,), "match"), MapLink("#s", (1,), (1,), "untagged"), MapLink("#x", (), (1,), "match")]
    amap = map_layout(passages(1, 1), passages(1, 1), links)
    assert [ribbon.href for ribbon in amap.ribbons] == ["#s", "#m"]


def test_an_unknown_state_is_refused():
    with pytest.raises(ValueError, match="Unknown state"):
        map_layout([MapPassage("", 1, "maybe")], [], [])


def _row(kind, key, a=(), b=(), verdict=None):
    view = lambda pk, index, text: SimpleNamespace(passage=SimpleNamespace(pk=pk, index=index, text=text))
    return SimpleNamespace(kind=kind, key=key, a=[view(*p) for p in a], b=[view(*p) for p in b], verdict=verdict)


def test_workspace_rows_become_passages_in_reading_order_and_links_coloured_by_verdict():
    rows = [
        _row("heading", "h1", a=[(1, 0, "Title A")], b=[(9, 0, "Title B")]),
        _row("pair", "l5", a=[(3, 2, "Third")], b=[(10, 1, "First")], verdict="conflicting"),
        _row("a_only", "p2", a=[(2, 1, "Second")], verdict="unique"),
        _row("b_only", "p11", b=[(11, 2, "Other")]),
    ]
    a, b, links = map_from_rows(rows, href=lambda key: f"#row-{key}")
    assert [(p.href, p.state) for p in a] == [("#row-h1", "other"), ("#row-p2", "unique"), ("#row-l5", "conflict")]
    assert [(p.href, p.state) for p in b] == [("#row-h1", "other"), ("#row-l5", "conflict"), ("#row-p11", "untagged")]
    assert links == [MapLink("#row-l5", (2,), (1,), "conflict", "Conflicting: Third / First")]


def test_the_report_draws_a_map_per_pair_whose_links_reach_its_claims(db):
    model = comparison_export(annotated_comparison())
    html = render_html(model)
    pair = model["pairs"][0]
    accounts = {account["ref"]: account for account in model["accounts"]}
    a, b, links = map_from_export(pair, accounts)
    assert len(links) == len(pair["links"]) and links
    ids = set(re.findall(r'id="([^"]+)"', html))
    hrefs = set(re.findall(r'<a href="#([^"]+)"><(?:path|rect)', html))
    assert hrefs and hrefs <= ids  # every shape jumps to a claim in the report
    states = {link.state for link in links} | {p.state for p in a + b}
    assert {"match", "conflict", "unique", "other"} <= states
    assert html.count('class="alignment-map"') == len(model["pairs"])


def test_the_review_page_loads_the_map_after_its_first_screen_and_a_tag_asks_for_it_again(client, db):
    """The first screen holds an empty map that loads itself; the map URL draws it; a tag answer says to redraw."""
    from django.urls import reverse

    from tests import factories

    comparison = annotated_comparison()
    client.force_login(factories.reviewer("mapper"))
    page = client.get(comparison.get_absolute_url()).content.decode()
    map_url = reverse("comparison-map", args=[comparison.slug])
    assert page.count('<aside id="overview"') == 1 and f'hx-get="{map_url}' in page
    assert 'hx-trigger="load, newsdiff:changed from:body delay:1s"' in page
    drawn = client.get(map_url, headers={"HX-Request": "true"}).content.decode()
    assert drawn.count('<aside id="overview"') == 1 and 'href="#row-l' in drawn
    assert 'hx-trigger="newsdiff:changed from:body delay:1s"' in drawn  # no second load: it would loop
    link = comparison.links.filter(status="pending").first()
    response = client.post(
        reverse("row-tag", args=[comparison.slug, f"l{link.pk}"]), {"label": "matching"},
        headers={"HX-Request": "true", "HX-Target": f"row-l{link.pk}"},
    )
    assert "newsdiff:changed" in response.headers["HX-Trigger"]
    assert '<aside id="overview"' not in response.content.decode()
