"""The antonym table's build script (tools/build_antonyms.py), with a fake WordNet, and the committed table."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_antonyms", ROOT / "tools" / "build_antonyms.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


class _Lemma:
    def __init__(self, name, antonyms=()):
        self._name, self._antonyms = name, list(antonyms)

    def name(self):
        return self._name

    def antonyms(self):
        return self._antonyms


class _Synset:
    def __init__(self, *lemmas):
        self._lemmas = lemmas

    def lemmas(self):
        return self._lemmas


class _WordNet:
    def __init__(self, by_pos):
        self.by_pos = by_pos

    def all_synsets(self, pos):
        return self.by_pos.get(pos, [])


def test_pairs_keep_single_common_words_once_in_alphabetical_order():
    wordnet = _WordNet({
        "v": [_Synset(_Lemma("pass", [_Lemma("fail")])), _Synset(_Lemma("fail", [_Lemma("pass")])),
              _Synset(_Lemma("break_even", [_Lemma("lose")])), _Synset(_Lemma("abaxial", [_Lemma("adaxial")]))],
        "a": [_Synset(_Lemma("Alive", [_Lemma("dead")]))],
    })
    found = build.pairs(wordnet, lambda w: w not in {"abaxial", "adaxial"})
    assert found == [("a", "alive", "dead"), ("v", "fail", "pass")]


def test_irregular_forms_come_from_the_exception_lists(tmp_path):
    (tmp_path / "verb.exc").write_text("rose rise\nrisen rise\nfell fall\nran run\n", encoding="utf8")
    (tmp_path / "adj.exc").write_text("worse bad\n", encoding="utf8")
    assert build.irregular_forms(tmp_path, {"rise", "fall", "bad"}) == \
        {"bad": ["worse"], "fall": ["fell"], "rise": ["risen", "rose"]}


def test_the_committed_table_cites_wordnets_licence_and_parses():
    text = build.OUT.read_text(encoding="utf8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows and all(len(row) == 3 and row[0] in {"v", "a", "n", "form"} for row in rows)
    assert ["v", "fail", "pass"] in rows and ["form", "rise", "risen rose"] in rows
