"""Align the passages of two accounts of one event: the public entry point of `newsdiff.text.alignment`.

DOCSTRING_FIGURES
"""

from newsdiff.text.alignment import Alignment, Link, PassageLike, align

__all__ = ["Alignment", "Link", "PassageLike", "align"]
