"""The alignment engine as parts: terms, candidates, signals, combine, calibrate, labels (see engine.py)."""

from newsdiff.text.alignment.engine import Alignment, Link, align
from newsdiff.text.alignment.terms import PassageLike

__all__ = ["Alignment", "Link", "PassageLike", "align"]
