"""Fixtures for the review workspace views: a small aligned comparison and users of each role."""

from dataclasses import dataclass

import pytest

from newsdiff.models import Comparison, Link
from newsdiff.selectors import comparison_side_by_side
from tests import factories

LEFT = """The president met the foreign minister in Mexico City on Monday to discuss border security.
Tariffs on imported steel will rise by 25 percent next month, the ministry said.
Officials described the weather in the capital as unusually warm for the season.
"""
RIGHT = """The president met the foreign minister in Mexico City on Monday to discuss border security and trade.
Tariffs on imported steel will rise by 10 percent next month, the ministry said.
The football team won its match on Sunday evening in a crowded stadium.
"""


@dataclass
class Small:
    comparison: Comparison
    match: Link  # pending suggestion, suggested label match
    conflict: Link  # pending suggestion, suggested label conflict
    lone_a: str  # row key of a passage only the left account has
    lone_b: str

    def url(self, name: str, key: str = "", **kwargs) -> str:
        from django.urls import reverse

        if key:
            kwargs["key"] = key
        return reverse(name, kwargs={"slug": self.comparison.slug, **kwargs})

    def version(self, key: str) -> int:
        return next(r for r in comparison_side_by_side(self.comparison, highlight=False).rows if r.key == key).version


@pytest.fixture
def small(db) -> Small:
    comparison = factories.ComparisonFactory(slug="small", title="Small comparison")
    factories.article(comparison, LEFT, source="Left source", outlet="Left Times")
    factories.article(comparison, RIGHT, source="Right source")
    view = comparison_side_by_side(comparison, highlight=False)
    pairs = [row.link for row in view.rows if row.kind == "pair"]
    match = next(link for link in pairs if link.suggested_label == Link.Label.MATCH)
    conflict = next(link for link in pairs if link.suggested_label == Link.Label.CONFLICT)
    lone_a = next(row.key for row in view.rows if row.kind == "a_only")
    lone_b = next(row.key for row in view.rows if row.kind == "b_only")
    return Small(comparison, match, conflict, lone_a, lone_b)


@pytest.fixture
def reviewer_client(client, db):
    client.force_login(factories.reviewer("rita"))
    return client


@pytest.fixture
def editor_client(client, db):
    client.force_login(factories.editor("eddie"))
    return client


HTMX = {"HX-Request": "true"}


def htmx(key: str = "") -> dict:
    """Headers of an htmx request from a row form (its hx-target is the row)."""
    return {**HTMX, "HX-Target": f"row-{key}"} if key else dict(HTMX)
