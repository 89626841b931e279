"""Tests for the lexicons' shared machinery (newsdiff/text/lexicon/__init__.py)."""

from __future__ import annotations

import snowballstemmer

from newsdiff.text.lexicon import lexicon_for, snowball_stemmer

WORDS = "meetings planned running happily nationalisation decided ran strikes ports huelgas portuarias".split()


def test_snowball_stemmer_gives_the_same_stems_without_its_own_cache():
    """The stemmer the lexicons use stems as snowballstemmer's does, with PyStemmer's word cache turned off."""
    ours, theirs = snowball_stemmer("english"), snowballstemmer.stemmer("english")
    assert [ours.stemWord(w) for w in WORDS] == [theirs.stemWord(w) for w in WORDS]
    assert getattr(ours, "maxCacheSize", 0) == 0
    assert [snowball_stemmer("spanish").stemWord(w) for w in WORDS] == \
        [snowballstemmer.stemmer("spanish").stemWord(w) for w in WORDS]


def test_lexicon_stem_follows_the_language():
    """Each lexicon stems with its language's Snowball stemmer."""
    assert lexicon_for("en").stem("meetings") == "meet"
    assert lexicon_for("es-MX").stem("huelgas") == snowballstemmer.stemmer("spanish").stemWord("huelgas")
