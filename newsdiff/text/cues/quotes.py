"""The "quote attributed" cue: the same quotation (or one near-verbatim inside the other side's longer one) credited
to two different speakers (`same_quotation`, `quote_reasons`)."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel
from rapidfuzz.utils import default_process

from newsdiff.text.cues.quantities import MAX_CUE_CHARS
from newsdiff.text.lexicon import Lexicon, lexicon_for
from newsdiff.text.quotations import quotations
from newsdiff.text.speakers import different_speakers, speaker_of


QUOTE_MIN_WORDS = 3  # shorter quotations ("Finally," "very productive") are too common to credit to anyone
SAME_QUOTE = 85  # fuzz.ratio of two normalised quotations that are one
CONTAINED_MIN_WORDS = 4  # a quotation inside the other side's longer one: at least this many words...
CONTAINED = 0.85  # ...found in it, word for word, as near-verbatim as SAME_QUOTE (Indel similarity of the words)
QUOTE_SHOWN = 12  # words of the quotation shown as evidence


def same_quotation(x: str, y: str, language: str = "en") -> bool:
    """Whether two quotations are one: near-verbatim alike, or the shorter found near-verbatim, word for word, inside
    the longer ("We wanted a building that says come in" within "This is a museum for everyone. We wanted a
    building..."), with the same negations ("We will not close the library" is not "We will close the library").
    """
    written = min(len(x.split()), len(y.split()))  # words as written: "off-the-field issue" is two
    if written < QUOTE_MIN_WORDS:
        return False
    x, y = default_process(x.replace("-", "")), default_process(y.replace("-", ""))  # "re-open" is "reopen"
    short, long = sorted((x, y), key=len)
    if fuzz.ratio(x, y) >= SAME_QUOTE:
        window = long.split()
    else:
        if written < CONTAINED_MIN_WORDS:
            return False
        window = _window(short.split(), long.split())
        if window is None:
            return False
    lex = lexicon_for(language)
    return _negation_count(short.split(), lex) == _negation_count(window, lex)


def _window(short: list[str], long: list[str]) -> list[str] | None:
    """The words of `long` that give `short` near-verbatim (CONTAINED), a word or two more or fewer; None if none do."""
    if len(set(short) & set(long)) < CONTAINED * len(set(short)):
        return None  # the common case, and a cheap test
    n, best, found = len(short), CONTAINED, None
    for size in range(max(1, n - 2), min(n + 2, len(long)) + 1):
        for i in range(len(long) - size + 1):
            similarity = Indel.normalized_similarity(short, long[i:i + size])
            if similarity >= best:
                best, found = similarity, long[i:i + size]
    return found


def _negation_count(words: list[str], lex: Lexicon) -> int:
    """Negations in `default_process`ed words ("didn't" is "didn t" there)."""
    return sum(w in lex.negations or w == "t" and k > 0 and words[k - 1].endswith("n") for k, w in enumerate(words))


def speaker(text: str, quote_start: int, quote_end: int, language: str = "en") -> str | None:
    """Return the surname (or the role, when no name is given) of whom `text` credits with the quote at
    [quote_start, quote_end): see `newsdiff.text.speakers`."""
    who = speaker_of(text, quote_start, quote_end, language)
    return None if who is None else who.surname or who.phrase


def _shown(words: str) -> str:
    words = words.split()
    return " ".join(words[:QUOTE_SHOWN]) + ("..." if len(words) > QUOTE_SHOWN else "")


def quote_reasons(a: str, b: str, language: str = "en") -> list[str]:
    """Report a quotation both passages give (one may be part of the other's longer one) credited to two different
    speakers: the quotation, and each side's speaker as written."""
    if len(a) > MAX_CUE_CHARS or len(b) > MAX_CUE_CHARS:
        return []  # every quotation of one is compared with every one of the other (see MAX_CUE_CHARS)
    quotes_a = quotations(a, language)
    quotes_b = quotations(b, language) if quotes_a else ()
    reasons, pairs = [], set()
    for words_a, start_a, end_a in quotes_a:
        for words_b, start_b, end_b in quotes_b:
            if not same_quotation(words_a, words_b, language):
                continue
            who_a = speaker_of(a, start_a, end_a, language)
            who_b = speaker_of(b, start_b, end_b, language) if who_a else None
            if who_a and who_b and (who_a, who_b) not in pairs and different_speakers(who_a, who_b):
                pairs.add((who_a, who_b))  # one reason for two speakers, however many parts they share
                shown = _shown(min(words_a, words_b, key=len).strip(" ,.;:"))
                reasons.append(f'quote attributed to different speakers: "{shown}": {who_a.phrase} vs {who_b.phrase}')
    return reasons
