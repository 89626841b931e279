"""Views, one module per area: comparisons (review workspace), articles, exports."""
