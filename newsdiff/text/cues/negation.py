"""The "negation in the shared clause" cue: a negated clause on one side whose content the other side states without
the negation (`negation_reasons`), with the clause reader it needs (`clauses`) and the fast word checks that stand in
for the negation pattern (`_negates`, `_says_any`)."""

from __future__ import annotations

import functools
import re

from rapidfuzz.utils import default_process

from newsdiff.text.cues.words import _negation_text, _plain_words, _reporting, _topic_words, _word_similarity
from newsdiff.text.lexicon import Lexicon, lexicon_for


NEGATED_SHARE = 0.6
# ...and the negation is about what the two passages share: either the negated part holds this much of the words
# the pair shares, or the word a "not"/"no" negates (its verb: "will not meet", "no descartó") is one the other
# side states. "Sin agua potable" against "las bombas de agua potable se detuvieron y miles de personas perdieron
# el suministro" is neither: the pair shares the people and the pumps, and "sin" denies a noun, not a verb.
PAIR_SHARE = 2 / 3

# Content words the whole negated clause must share with the other side's clause. Measured on the dev
# halves: 2 let "O'Brien declined to comment" / "a message seeking comment was left with O'Brien's
# attorney" through; 3 lowered the share of ECB+ dev links labelled conflict (all false) and lost no
# gold conflict.
NEGATION_MIN_SHARED = 3
# ...of which this many both sides write in lower case: what the two clauses share is more than a name ("Obama
# has said he does not favor changing the Endangered Species Act" / "Critics of the Endangered Species Act often
# substitute anecdote for fact" share only the Act's name; "had agreed" / "had not agreed to independent
# arbitration" share a verb and its object).
NEGATION_MIN_PLAIN = 2


def clauses(text: str, language: str = "en") -> tuple[tuple[frozenset[str], bool], ...]:
    """Return each clause of `text` as (its content-word stems, whether it holds a negation)."""
    return _clauses(text, lexicon_for(language))


@functools.lru_cache(maxsize=20_000)
def _clauses(text: str, lex: Lexicon) -> tuple[tuple[frozenset[str], bool], ...]:
    out = []
    negations, stopwords, stem = lex.negations, lex.stopwords, lex.stem
    for part in lex.clause_re.split(text):
        part = _negation_text(part, lex)
        words = default_process(part).split()
        if not words:
            continue
        first = next((k for k, w in enumerate(words) if w in negations), None)
        if first is not None:
            # What is negated: the words from the negation to the clause end, and the verb
            # or subject just before it ("did not decide", "the court denied").
            words = words[max(0, first - 1):]
        stems = frozenset(stem(w) for w in words if w not in stopwords and w not in negations and len(w) > 1)
        if stems:
            out.append((stems, first is not None))
    return tuple(out)


def negated_phrases(text: str, language: str = "en") -> list[set[str]]:
    """Return the stems of each negated clause of `text`."""
    return [set(stems) for stems, negated in clauses(text, language) if negated]


_WORD_RE = re.compile(r"\w+")


def _ascii_words(text: str) -> frozenset[str] | None:
    """The lowercased words (maximal runs of word characters) of an ASCII text without "_"; None for any other text.

    In such a text the word characters are the letters and digits, which `default_process` keeps (and
    lowercases) and splits at everything else: several times faster than a regex findall of the word runs.
    """
    if not text.isascii() or "_" in text:
        return None
    return frozenset(default_process(text).split())


@functools.lru_cache(maxsize=64)
def _ascii_word_set(words: frozenset[str]) -> frozenset[str] | None:
    """`words` lowercased when every one is ASCII word characters only, else None."""
    plain = all(w.isascii() and _WORD_RE.fullmatch(w) for w in words)
    return frozenset(w.lower() for w in words) if plain else None


def _says_any(text: str, words: frozenset[str], pattern: re.Pattern) -> bool:
    """Whether `pattern` (one of `words` between word boundaries, ignoring case) finds one of them in `text`.

    Such a match is a whole run of word characters, so in ASCII text (and ASCII words) it is one of the
    text's words, case aside: a set lookup gives the same answer at a fraction of the regex's cost
    (a search of the negation pattern took 24 us a passage).
    """
    plain, found = _ascii_word_set(words), _ascii_words(text)
    if plain is None or found is None:
        return bool(pattern.search(text))
    return not plain.isdisjoint(found)


@functools.cache
def _negation_suffix_re(lex: Lexicon) -> re.Pattern:
    return re.compile(lex.negation_suffix, re.IGNORECASE)


@functools.lru_cache(maxsize=20_000)  # the answers are cached, not the word sets (a few kB a passage)
def _negates(text: str, lex: Lexicon) -> bool:
    """Whether `lex.negation_re` finds a negation in `text` (a negation word, or the glued "n't"), or an
    implicative verb denies its complement ("failed to")."""
    implicative = lex.implicative_re
    plain, found = _ascii_word_set(lex.negations), _ascii_words(text)
    if plain is None or found is None:
        return bool(lex.negation_re.search(text) or (implicative is not None and implicative.search(text)))
    return not plain.isdisjoint(found) or bool(lex.negation_suffix and _negation_suffix_re(lex).search(text)) \
        or (implicative is not None and not lex.implicative_verbs.isdisjoint(found) and bool(implicative.search(text)))


SWAPPED_VERB_EXTRA = 1  # shared words beyond NEGATION_MIN_SHARED when the other side does not state the negated verb
# Two words whose vectors in the shipped static model are this close are read as forms of one word where their stems
# differ (irregular verbs: "pay" / "paid" 0.74, "sell" / "sold" 0.57, "meet" / "met" 0.75; two acts: "arrest" /
# "questioned" 0.16, "sign" / "read" 0.04, "decide" / "held" 0.01).
FORM_SIMILARITY = 0.5


def _states_a_form_of(text: str, heads: frozenset[str], other: str, lex: Lexicon) -> bool:
    """Whether `other` writes a form of a negated head of `text` that stemming does not join ("has yet to pay" /
    "paid"), by the shipped static model's word vectors. Without the model (or outside its language) every head
    counts as stated, as before."""
    words = [w for w in default_process(_negation_text(text, lex)).split() if lex.stem(w) in heads]
    if not words:
        return True
    others = [w for w in default_process(other).split() if w.isalpha() and w not in lex.stopwords and len(w) > 1]
    return any((_word_similarity(w, o, lex.code) or 1.0) >= FORM_SIMILARITY for w in words for o in others)


def negation_reasons(a: str, b: str, min_shared: int = NEGATION_MIN_SHARED, language: str = "en") -> list[str]:
    """Report a negated clause on one side whose content the other side states without negation.

    The negated part of the clause (from the word before the negation to the clause end) must share
    NEGATED_SHARE of its content words, and two at least, with a clause of the other side; the whole
    negated clause must share `min_shared` content words with it; the negated part must hold PAIR_SHARE of
    the content words the two passages share, or negate (with a "not", not a "without") a word the other side
    has; and the other side must negate nothing. Both passages are read in `language` (stems of two languages
    share nothing, so a pair in two languages raises no negation cue).
    A "not" in a clause the other side does not have says nothing.
    """
    lex = lexicon_for(language)
    a, b = _without_additive(a, lex), _without_additive(b, lex)
    if _negates(a, lex) == _negates(b, lex):
        return []  # both sides negate something (or neither does): nothing one-sided to point at
    ca, cb = _clauses(a, lex), _clauses(b, lex)
    neg_a, neg_b = any(n for _, n in ca), any(n for _, n in cb)
    if neg_a == neg_b:
        return []
    neg_side, other, text = (ca, cb, a) if neg_a else (cb, ca, b)
    pair_shared = _topic_words(a, lex) & _topic_words(b, lex)
    heads = _negated_heads(text, lex)
    whole = _whole_clauses(text, lex)
    if _is_record(text, lex):
        return []  # "no blackout so long since 2019" states a record, as "the longest since 2019" does
    other_text = b if neg_a else a
    other_all = _passage_stems(other_text, lex)
    restated = _restated_negation(text, b if neg_a else a, heads, lex)
    if restated:
        return [f'negation in the shared clause: "{restated}"']
    for stems, negated in neg_side:
        if not negated:
            continue
        if len(stems & pair_shared) < PAIR_SHARE * len(pair_shared) and not heads & pair_shared:
            continue
        clause = whole.get(stems, stems)
        # A negated verb the other side does not state, its arguments alike ("Police did not arrest the suspect at
        # the scene" / "Police questioned the suspect at the scene"): another act, unless more than the verb's
        # arguments is shared ("did not decide whether the cap covers buildings completed after 2015" / "held
        # that the cap covers buildings completed after 2015").
        maybe_swapped = bool(heads & stems) and (heads & stems).isdisjoint(other_all)
        for other_stems, _ in other:
            shared = stems & other_stems
            if len(shared) >= 2 and len(shared) >= NEGATED_SHARE * len(stems) \
                    and (len(clause & other_stems) >= min_shared or other_stems == stems) \
                    and len(shared & _plain_words(a, lex) & _plain_words(b, lex)) >= NEGATION_MIN_PLAIN:
                if maybe_swapped and len(clause & other_stems) < min_shared + SWAPPED_VERB_EXTRA \
                        and not _states_a_form_of(text, heads & stems, other_text, lex):
                    continue  # the model is asked only here: a cue but for the verb
                return [f'negation in the shared clause: "{_clause_text(text, stems, lex)}"']
    return []


# Two passages that say the same thing but for a negation ("said it had not been consulted before the announcement"
# / "said it had been consulted before the announcement"): their content words overlap this much (Jaccard) and
# count at least RESTATED_MIN_SHARED, and the other side states the negated verb. Clause splitting leaves a bare
# "it had not been consulted" too short for the clause rules above, but the whole statement is shared.
RESTATED_OVERLAP = 0.8
RESTATED_MIN_SHARED = 4


def _restated_negation(text: str, other: str, heads: frozenset[str], lex: Lexicon) -> str:
    """The negated clause of `text` when `other` restates the whole of `text` without the negation, else ""."""
    if not heads:
        return ""
    mine, theirs = _statement_stems(text, lex), _statement_stems(other, lex)
    shared = mine & theirs
    if len(shared) < RESTATED_MIN_SHARED or len(shared) < RESTATED_OVERLAP * len(mine | theirs):
        return ""
    if not heads & shared & _plain_words(other, lex):
        return ""
    for stems, negated in _clauses(text, lex):
        if negated and stems & heads:
            return _clause_text(text, stems, lex)
    return ""


ATTRIBUTION_WORDS = 6  # at most this many words in a clause that only says who said it ("head teachers said")


@functools.lru_cache(maxsize=20_000)
def _statement_stems(text: str, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of what a passage states, without the short clauses that only say who states it ("...,
    head teachers said", "according to the board"): two accounts of one statement often credit different sources."""
    whole = _passage_stems(text, lex)
    if _reporting(lex).isdisjoint(default_process(text).split()) and not any(
            opener in text.lower() for opener in lex.attribution_openers):
        return whole  # the common case: no source named
    kept = []
    for part in lex.clause_re.split(text):
        words = default_process(part).split()
        if not words:
            continue
        if len(words) <= ATTRIBUTION_WORDS and (not _reporting(lex).isdisjoint(words[-2:]) or any(
                " ".join(words).startswith(opener) for opener in lex.attribution_openers)):
            # "head teachers said", "the controller told reporters", "according to the board"; not "said it had
            # been consulted", which states what was said
            continue
        kept.append(part)
    return _passage_stems(" ".join(kept), lex) if kept else whole


@functools.lru_cache(maxsize=20_000)
def _passage_stems(text: str, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of a whole passage, negations left out ("n't" read as "not")."""
    text = _negation_text(text, lex)
    return frozenset(lex.stem(w) for w in default_process(text).split()
                     if w not in lex.stopwords and w not in lex.negations and len(w) > 1)


@functools.cache
def _additive_re(lex: Lexicon) -> re.Pattern | None:
    return re.compile(lex.additive_negation, re.IGNORECASE) if lex.additive_negation else None


def _without_additive(text: str, lex: Lexicon) -> str:
    """`text` without its additive negations ("consult not only their own experts but also ..." denies nothing)."""
    pattern = _additive_re(lex)
    return pattern.sub("", text) if pattern is not None and pattern.search(text) else text


@functools.lru_cache(maxsize=20_000)
def _is_record(text: str, lex: Lexicon) -> bool:
    """Whether a negated clause of `text` compares by degree against a past time ("No storm so strong had hit the
    coast since 1990", "No se veía un apagón tan extenso desde 2019"): a record, the same claim as a superlative."""
    if not lex.since_words or not lex.degree_words:
        return False
    for part in lex.clause_re.split(text):
        words = default_process(part).split()
        negation = next((k for k, w in enumerate(words) if w in lex.negations), None)
        if negation is None:
            continue
        rest = words[negation + 1:]
        if any(w in lex.degree_words for w in rest) and any(w in lex.since_words for w in rest):
            return True
    return False


@functools.lru_cache(maxsize=20_000)
def _negated_heads(text: str, lex: Lexicon) -> frozenset[str]:
    """Stems of the words a verb negation negates: the first content word after "not"/"no"/"never" ("will not
    meet" -> meet). Prepositions of absence ("without", "sin") deny a noun and give none."""
    text = _negation_text(text, lex)
    words = default_process(text).split()
    heads = set()
    for k, word in enumerate(words):
        if word in lex.negations and word not in lex.privative:
            following = (w for w in words[k + 1:] if w not in lex.stopwords and w not in lex.negations and len(w) > 1)
            head = next(following, None)
            if head:
                heads.add(lex.stem(head))
    return frozenset(heads)


@functools.lru_cache(maxsize=20_000)
def _whole_clauses(text: str, lex: Lexicon) -> dict[frozenset[str], frozenset[str]]:
    """Map the stems of each negated part (as `_clauses` gives them) to the stems of its whole clause."""
    out = {}
    for part in lex.clause_re.split(text):
        for stems, negated in _clauses(part, lex):
            if negated:
                out[stems] = frozenset(lex.stem(w) for w in default_process(part).split()
                                       if w not in lex.stopwords and w not in lex.negations and len(w) > 1)
    return out


CLAUSE_SHOWN = 12  # words of a negated clause shown as evidence
NEGATION_LEAD = 5  # ...of which at most this many before the negation, when the clause is longer


def _clause_text(text: str, stems: frozenset[str], lex: Lexicon) -> str:
    """Return the clause of `text` whose stems are `stems`, trimmed to CLAUSE_SHOWN words that hold its negation
    ("... a round in which Rahman didn't land a clean punch", not the clause's first 12 words without it)."""
    for part in lex.clause_re.split(text):
        if any(stems == c for c, _ in _clauses(part, lex)):
            words = part.split()
            at = next((k for k, w in enumerate(words) if _negates(w, lex) or (
                w.lower() in lex.implicative_verbs and _negates(" ".join(words[k:k + 2]), lex))), 0)
            start = max(0, min(at - NEGATION_LEAD, len(words) - CLAUSE_SHOWN))
            shown = " ".join(words[start:start + CLAUSE_SHOWN])
            return shown if start == 0 else "… " + shown
    return ""
