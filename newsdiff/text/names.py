"""Names in a passage: words its writer capitalises where a capital says something.

The one reading of "a name" shared by the alignment rules that ask whether a passage names someone or somewhere the
other side does not: `alignment.calibrate.distinct_names` (two happenings of one kind of event, on term ids) and
`alignment.conflicting` (two figures whose clauses name different people, on folded words). A name is a word of two
letters or more written with a capital past the start of a sentence (and of a clause after a colon or a dash, whose
first word English capitalises as it would a sentence's) and never in lower case in the passage: "Rescuers said"
opening a sentence says nothing, "the Saints placed Thomas" names two, "Police said... police found" names none.

Each rule then keeps the names it needs: calibrate the ones not common in the language (rarity), conflicting the ones
that are no weekday or month (a day has many events). The two filters are not one: see `calibrate._names`.
"""

from __future__ import annotations

import re

_NAME_RE = re.compile(r"(?<![.!?:—]\s)(?<!^)\b[A-Z][\w'’-]+")


def names(text: str) -> list[str]:
    """The words `text` writes capitalised past the start of a sentence (or of a clause after a colon or a dash) and
    never in lower case, folded, once each, in text order."""
    out: dict[str, None] = {}
    for m in _NAME_RE.finditer(text):
        word = m.group().lower()
        if word not in out and not written_plain(word, text):
            out[word] = None
    return list(out)


def written_plain(word: str, text: str) -> bool:
    """Whether `word` (folded) is written in lower case somewhere in `text`: not only as (part of) a name."""
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None
