"""Reads: everything a page or an export shows, in a fixed number of queries whatever the size."""

from newsdiff.selectors.articles import (
    PassageChange,
    VersionChanges,
    article_changed_since_review,
    article_needs_rereview,
    article_versions_compare,
)
from newsdiff.selectors.comparisons import (
    ComparisonSummary,
    Fragment,
    PassageView,
    Row,
    SideBySide,
    comparison_pair,
    comparison_side_by_side,
    comparison_summaries,
    highlight_rows,
    pair_views,
    reviewer_agreement,
    reviewer_choices,
    row_for,
    row_history,
)

__all__ = [
    "PassageChange",
    "VersionChanges",
    "article_changed_since_review",
    "article_needs_rereview",
    "article_versions_compare",
    "ComparisonSummary",
    "Fragment",
    "PassageView",
    "Row",
    "SideBySide",
    "comparison_pair",
    "comparison_side_by_side",
    "comparison_summaries",
    "highlight_rows",
    "pair_views",
    "reviewer_agreement",
    "reviewer_choices",
    "row_for",
    "row_history",
]
