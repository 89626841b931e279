"""Names in a passage: words its writer capitalises where a capital says something.

The one reading of "a name" shared by the alignment rules that ask whether a passage names someone or somewhere the
other side does not: `alignment.calibrate.distinct_names` (two happenings of one kind of event, on term ids) and
`alignment.conflicting` (two figures whose clauses name different people, on folded words). A name is a word of two
letters or more written with a capital of any script ("Ángel", "Øresund", "Şahin") past the start of a sentence (and
of a clause after a colon or a dash, whose first word English capitalises as it would a sentence's; opening quotation
marks, ¿ and ¡ before the first word leave it the first: '“We will win,” he said', '¿Quién ganó?'; closing marks
after a sentence's end leave the next word the first: '“We won.” Later he said') and never in
lower case in the passage: "Rescuers said" opening a sentence says nothing, "the Saints placed Thomas" names two,
"Police said... police found" names none.

Each rule then keeps the names it needs: calibrate the ones not common in the language (rarity), conflicting the ones
that are no weekday or month (a day has many events). The two filters are not one: see `calibrate._names`.
"""

from __future__ import annotations

import functools
import re

# A word of two letters or more at a word's start, read ahead so that a word inside a lower-case one is still met
# ("al-Assad"); whether it begins with a capital is told by str.isupper, which knows every script's capitals
# ("Ángel", "Élodie", "Øresund", "Şahin"), as an [A-Z] class knew only English ones. Whether it opens a sentence is
# told by `_opens`.
_WORD_RE = re.compile(r"\b(?=([^\W\d_][\w'’-]+))")
# Marks that may open a sentence before its first word: quotation marks of every style, Spanish ¿ and ¡ ('He left.
# “We will win,” he said.', 'Se fue. ¿Quién ganó?'): the word after them still opens the sentence. Brackets are left
# out: "(Reuters)" after a sentence is a name.
_OPENING_MARKS = "\"“‘'«‹„‚¿¡"
_SENTENCE_ENDS = ".!?:—"
# Marks that may close a sentence after its end mark: quotation marks of every style and a closing bracket ('“We
# won.” Later he said', '(He left.) Later'): the word after them opens the next sentence.
_CLOSING_MARKS = "\"”’'»›)"


def _opens(text: str, at: int) -> bool:
    """Whether the word at offset `at` opens the text, a sentence or a clause after a colon or a dash (one blank after
    the mark), past any opening marks before it."""
    while at > 0 and text[at - 1] in _OPENING_MARKS:
        at -= 1
    if at == 0:
        return True
    if not text[at - 1].isspace():
        return False
    end = at - 2
    while end > 0 and text[end] in _CLOSING_MARKS:
        end -= 1
    return end >= 0 and text[end] in _SENTENCE_ENDS


def names(text: str) -> list[str]:
    """The words `text` writes capitalised past the start of a sentence (or of a clause after a colon or a dash) and
    never in lower case, folded, once each, in text order."""
    out: dict[str, None] = {}
    taken = 0  # the end of the last name: a word inside it ("Pierre" in "Jean-Pierre") is part of it
    for m in _WORD_RE.finditer(text):
        found = m.group(1)
        if m.start() < taken or not (found[0].isupper() or found[0].istitle()) or _opens(text, m.start()):
            continue
        taken = m.start() + len(found)
        word = found.lower()
        if word not in out and not written_plain(word, text):
            out[word] = None
    return list(out)


def written_plain(word: str, text: str) -> bool:
    """Whether `word` (folded) is written in lower case somewhere in `text`: not only as (part of) a name.

    The test of a search for `(?<!\\w)word(?!\\w)`, read off an index of the text's runs of word characters (built
    once a text): a pattern compiled and run for every word of a long passage made `names` take minutes on a hostile
    one (40,000 capitalised words in 360,000 characters: 199 s)."""
    first = _RUN_RE.match(word)
    starts = _runs(text).get(first.group()) if first else None
    if not starts:
        return False
    if first.end() == len(word):
        return True  # one run of word characters, met whole
    end = len(text)
    return any(text.startswith(word, at) and (at + len(word) == end or not _is_word_char(text[at + len(word)]))
               for at in starts)


_RUN_RE = re.compile(r"\w+")


@functools.lru_cache(maxsize=64)
def _runs(text: str) -> dict[str, list[int]]:
    """Each run of word characters in `text` (as \\w reads them), with where it starts."""
    out: dict[str, list[int]] = {}
    for m in _RUN_RE.finditer(text):
        out.setdefault(m.group(), []).append(m.start())
    return out


def _is_word_char(char: str) -> bool:
    """Whether `char` is a word character as a regular expression's \\w reads it (str.isalnum, or "_")."""
    return char.isalnum() or char == "_"
