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


def test_antonyms_are_read_through_the_stemmer_and_wordnets_irregular_forms():
    """The English table (generated from WordNet) joins word forms by their stems: "passed" / "failed", "rose" /
    "fell"; Spanish has none."""
    english = lexicon_for("en")
    antonyms, stem = english.antonyms, english.stem
    assert stem("failed") in antonyms[stem("passed")]
    assert stem("rejects") in antonyms[stem("accepted")]
    assert {stem("fell"), stem("fallen"), stem("falls")} <= antonyms[stem("rose")]
    assert stem("rose") in antonyms[stem("fell")]
    assert stem("dead") in antonyms[stem("alive")]
    assert all(s not in others for s, others in antonyms.items())
    assert lexicon_for("es").antonyms == {}


def test_the_spanish_ordinals_run_the_whole_series_in_every_form():
    """Each ordinal in its four forms and the apocopes; "segundos" is the unit of time, no ordinal."""
    ordinals = lexicon_for("es").ordinals
    for word, value in [("cuarto", 4), ("cuartas", 4), ("sétimo", 7), ("séptimas", 7), ("undécimo", 11),
                        ("decimoprimera", 11), ("duodécimo", 12), ("decimotercero", 13), ("decimotercer", 13),
                        ("decimonovena", 19), ("vigésimo", 20), ("trigésimas", 30), ("centésimo", 100),
                        ("primer", 1), ("tercer", 3), ("segundas", 2)]:
        assert ordinals[word] == value, word
    assert "segundos" not in ordinals
