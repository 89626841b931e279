"""The "negation by opposite words" cue: a clause one side states with a word and the other with its WordNet antonym,
in the same place among the same words (`antonym_reasons`)."""

from __future__ import annotations

import functools
import re

from rapidfuzz.utils import default_process

from newsdiff.text.cues.negation import _negates, _passage_stems
from newsdiff.text.cues.words import _SENTENCE_BREAK_RE, _negation_text, _plain_words, _uncased
from newsdiff.text.lexicon import Lexicon, lexicon_for
from newsdiff.text.speakers import is_common_word


ANTONYM_CUE = "negation by opposite words"
# The two clauses that hold the pair of opposite words share this many content words besides them...
ANTONYM_MIN_SHARED = 3
# ...of which this many both sides write in lower case, or capitalised only to open a sentence where the word is a
# common one ("Oil prices rose" / "Oil prices fell"): more than a name in common. 1 let a quotation of one speaker
# against another's through on ECB+ dev ("The rule strengthens the regulations" / "The new rules weaken the
# scientific foundation of the Endangered Species Act", which share one lower-case word).
ANTONYM_MIN_PLAIN = 2
VERBS_ONLY = frozenset("v")  # `Lexicon.antonym_parts` of a pair WordNet gives as verbs only
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_JOINED_RE = re.compile(r"[-\w]")  # a hyphen or a digit next to a letter run: part of a compound ("10-year-old")


@functools.lru_cache(maxsize=20_000)
def _antonym_clauses(text: str, lex: Lexicon) -> tuple[tuple[tuple, tuple, tuple, tuple, str], ...]:
    """Each clause of `text` with a word of the antonym table: (the stems of its content words, in order; the words
    as written, lower-cased where the text is cased; whether each may be one of a pair: a word of its own, not part of
    a hyphenated compound such as "10-year-old"; whether each follows an article or a determiner, as no verb does:
    "a given space"; the clause)."""
    table = lex.antonyms
    uncased = _uncased(text, lex)
    out = []
    for part in lex.clause_re.split(text):
        part = _negation_text(part, lex)
        runs = list(_LETTER_RUN_RE.finditer(part))
        determiners = lex.indefinite | lex.definite
        kept = [(w.lower() if uncased else w, not _JOINED_RE.match(part, m.end())
                 and not (m.start() and _JOINED_RE.match(part, m.start() - 1)),
                 n > 0 and runs[n - 1].group().lower() in determiners)
                for n, m in enumerate(runs) if (w := m.group()).lower() not in lex.stopwords and len(w) > 1]
        stems = tuple(lex.stem(w.lower()) for w, _, _ in kept)
        if any(s in table and w.islower() and free for s, (w, free, _) in zip(stems, kept)):
            words, free, nominal = zip(*kept)
            out.append((stems, words, free, nominal, part))
    return tuple(out)


def antonym_reasons(a: str, b: str, language: str = "en") -> list[str]:
    """Report a clause one side states with a word and the other with its antonym, the rest of the clause alike:
    "The board accepted the chief executive's resignation" / "the board rejected the resignation of its chief
    executive", "Kofi Mensah passed a late fitness test" / "Kofi Mensah failed a late fitness test".

    The pairs are WordNet's (`Lexicon.antonyms`, read through the stemmer and WordNet's irregular forms). Each side
    writes one word of the pair in lower case (not a name: "New York", "Rose"), as a word of its own (not "10-year-old")
    and not the other word anywhere. The two clauses share ANTONYM_MIN_SHARED content words besides the pair,
    ANTONYM_MIN_PLAIN of them in lower case on both sides, and the pair stands in the same place in both: the content
    word just before it is one word on both sides (its subject, or what it follows: "the bill passed" / "the bill
    failed", "were found alive" / "were found dead"), and what follows it in its clause shares a word (its object),
    unless neither side says anything after it. "Shares rose" / "the index fell" name two things; "Arsenal beat
    Chelsea" / "Chelsea lost to Arsenal", "Williams gave a blood sample" / "the test that Williams took" tell one
    event from its two sides; "late in the fourth quarter" / "early in the fourth quarter", "monitored by national
    observers" / "observed by local observers" modify other words. Neither clause negates anything but with the pair
    itself ("did not pass" / "failed" agree; "refused" may be one of the pair).
    """
    lex = lexicon_for(language)
    table = lex.antonyms
    if not table:
        return []
    xs = _antonym_stems(a, lex)
    if not xs or not _antonym_stems(b, lex):
        return []  # the common case: a side without a word of the table
    sa, sb = _passage_stems(a, lex), _passage_stems(b, lex)
    pairs = {(x, y) for x in xs for y in table[x] & sb if x not in sb and y not in sa}
    if not pairs:
        return []
    plain = (_plain_words(a, lex) | _common_openers(a, lex)) & (_plain_words(b, lex) | _common_openers(b, lex))
    parts = lex.antonym_parts
    for stems_a, words_a, free_a, nominal_a, part_a in _antonym_clauses(a, lex):
        for stems_b, words_b, free_b, nominal_b, part_b in _antonym_clauses(b, lex):
            for x, y, k, m in ((x, y, k, m) for x, y in pairs
                               for k in _positions(x, stems_a, words_a, free_a)
                               for m in _positions(y, stems_b, words_b, free_b)):
                shared = (set(stems_a) & set(stems_b)) - {x, y}
                if len(shared) < ANTONYM_MIN_SHARED or len(shared & plain) < ANTONYM_MIN_PLAIN:
                    continue
                if parts[(x, y)] == VERBS_ONLY and (nominal_a[k] or nominal_b[m]):
                    continue  # a pair of verbs, one of them after an article: no verb ("a given space")
                if k == 0 or m == 0 or stems_a[k - 1] != stems_b[m - 1]:
                    continue  # not the same word before the pair: another subject, or another word modified
                after_a, after_b = set(stems_a[k + 1:]), set(stems_b[m + 1:])
                if (after_a or after_b) and not after_a & after_b:
                    continue  # not the same object
                if _negates(_without_word(part_a, words_a[k]), lex) \
                        or _negates(_without_word(part_b, words_b[m]), lex):
                    continue
                return [f'{ANTONYM_CUE}: "{words_a[k]}" vs "{words_b[m]}"']
    return []


@functools.lru_cache(maxsize=20_000)
def _antonym_stems(text: str, lex: Lexicon) -> frozenset[str]:
    """Stems of the words of `text` the antonym table holds (a passage's words looked up, not the table's)."""
    table, stem, stopwords = lex.antonyms, lex.stem, lex.stopwords
    return frozenset(s for w in default_process(text).split() if w not in stopwords and (s := stem(w)) in table)


@functools.lru_cache(maxsize=20_000)
def _common_openers(text: str, lex: Lexicon) -> frozenset[str]:
    """Stems of the words that open a sentence of `text` capitalised and are common words ("Oil", "Prices"): the
    capital is the sentence's, not a name's."""
    out = set()
    for start in [0] + [m.end() for m in _SENTENCE_BREAK_RE.finditer(text)]:
        m = _LETTER_RUN_RE.match(text, start)
        if m and m.group()[0].isupper() and is_common_word(m.group().lower(), lex.wordfreq):
            out.add(lex.stem(m.group().lower()))
    return frozenset(out)


def _positions(stem: str, stems: tuple[str, ...], words: tuple[str, ...], free: tuple[bool, ...]) -> list[int]:
    """Where a clause writes `stem` as one of a pair of opposite words: in lower case, as a word of its own."""
    return [k for k, s in enumerate(stems) if s == stem and free[k] and words[k].islower()]


def _without_word(text: str, word: str) -> str:
    """`text` without `word` (whole words, ignoring case)."""
    return re.sub(r"(?<!\w)" + re.escape(word) + r"(?!\w)", " ", text, flags=re.IGNORECASE)
