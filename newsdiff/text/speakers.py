"""Who said a quotation, and whether two accounts credit one quotation to two different people.

A quotation's speaker is the phrase next to a verb that reports speech, in the quotation's sentence
(`Lexicon.speech_verbs`, a closed class: said, told, wrote, declared, recalled, insisted... in any tense):
after the quotation (`"...," said the museum's director, Odile Farrant`, `"...," Orrin recalled`), before it
(`Mayor Janet Okoro told reporters: "..."`, `Lind said the closure made it "..."`) or after "according to". The
phrase is read as a person's name, titles and honorifics left out ("Fire Chief Tomas Varga" is Tomas Varga, "Mr.
Ode" is Ode), and the words that describe them, their role ("the museum's director", "incident commander"). A
capitalised word after "of" ("the mayor of Tollbridge"), before a role ("Kingsbridge manager") or with a possessive
("Vellgrid's operations director") names what the person works for, not the person.

Two speakers are different people when both are named and neither name is the other's, word for word and in order
("Gail Sutter" / "June Sutter"; "Colm Dwyer", "Dwyer" and "Mr. Dwyer" are one person), or, when one of them is not
named, when both have roles that share no word ("the city's mayor" / "the museum's director, Odile Farrant"; not
"the ministry" / "a spokeswoman for the ministry"). A pronoun ("she said"), a plural source ("officials said") or a
phrase that is neither a name nor a role gives no speaker, and so no cue.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from newsdiff.text.lexicon import Lexicon, lexicon_for
from newsdiff.text.quotations import quotations

_TOKEN_RE = re.compile(r"\w[\w’'\-]*|[^\w\s]")
_QUOTE_MARKS = frozenset('"“”«»')
_SENTENCE_END = frozenset(".!?;")
_TAIL_END = _SENTENCE_END | {":"} | _QUOTE_MARKS | {"(", ")", "—", "–"}
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")

SPEAKER_GAP = 12  # words at most between a reporting verb and the quotation after it ("told analysts ... that")
SPEAKER_LEAD = 12  # words at most between a quotation and the reporting verb after it ("the city's mayor, X, declared")
PHRASE_SEGMENTS = 3  # comma-separated parts of a speaker's phrase ("the mayor of Tollbridge, Colm Dwyer")


@dataclass(frozen=True)
class Speaker:
    """A quotation's speaker: the person's name (titles left out), the stems of their role, the phrase as written."""

    name: tuple[str, ...]
    role: frozenset[str]
    phrase: str

    @property
    def surname(self) -> str | None:
        return self.name[-1] if self.name else None


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    inner: bool = False  # after a link or a capitalised word: "Trabajo" in "Ministerio de Trabajo" is a name's

    @property
    def low(self) -> str:
        return self.text.lower()


@functools.lru_cache(maxsize=256)
def _tokens(text: str, lex: Lexicon) -> tuple[_Token, ...]:
    """Words and marks of `text`; "Mr." and "J." keep their period (it ends no sentence)."""
    out: list[_Token] = []
    for m in _TOKEN_RE.finditer(text):
        t = m.group()
        if t == "." and out and out[-1].end == m.start() and (
                out[-1].low in lex.titles or out[-1].low in lex.prepositive_titles
                or (len(out[-1].text) == 1 and out[-1].text.isupper())):
            out[-1] = _Token(out[-1].text + ".", out[-1].start, m.end(), out[-1].inner)
            continue
        prev = out[-1] if out else None
        inner = prev is not None and prev.text[0].isalpha() and (
            prev.low in lex.role_links or prev.text[0].isupper() and prev.low not in lex.stopwords)
        out.append(_Token(t, m.start(), m.end(), inner))
    return tuple(out)


def _verbs(lex: Lexicon) -> frozenset[str]:
    return lex.speech_verbs or frozenset(lex.reporting_verbs)


@functools.cache
def _openers(lex: Lexicon) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(o.split()) for o in lex.attribution_openers)


@functools.cache
def _calendar(lex: Lexicon) -> frozenset[str]:
    """Weekdays: never a name (months are given names too: "June Sutter")."""
    return frozenset(lex.weekdays)


COMMON_WORD = 4.5  # Zipf frequency of a common word: alone and capitalised first in a sentence ("Yesterday,"), no name


@functools.lru_cache(maxsize=4096)
def is_common_word(word: str, language: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language) >= COMMON_WORD


def _is_word(t: _Token) -> bool:
    return t.text[0].isalnum()


def _plain(word: str) -> str:
    """A name's word compared: lower case, accents, periods and possessives left out."""
    word = _POSSESSIVE_RE.sub("", word.lower().rstrip("."))
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _kind(t: _Token, lex: Lexicon) -> str:
    """What a word can be in a speaker's phrase: 'det', 'link', 'title', 'name', 'role', or 'stop' (it ends the
    phrase: a stopword such as a preposition or a pronoun, a number, a day)."""
    low = t.low.rstrip(".")
    if not _is_word(t):
        return "stop"
    if len(low) == 1 and t.text.endswith(".") and t.text[0].isupper():
        return "name"  # an initial: "A.J. Smith", "E. Lund"
    if low in lex.speaker_determiners:
        return "det"
    if low in lex.role_links:
        return "link"
    if t.text[0].isupper():
        if low in lex.titles:
            return "title"
        if t.text in lex.not_speakers or low in _calendar(lex) or low in lex.stopwords and not t.inner:
            return "stop"
        return "name"
    if low in lex.stopwords or low in _calendar(lex) or t.text[0].isdigit():
        return "stop"
    return "role"


def _phrase_back(words: list[_Token], lex: Lexicon) -> list[_Token]:
    """The end of `words` that can be a speaker's phrase: a determiner is its left edge unless a link precedes it
    ("the chief executive of the company")."""
    k = len(words)
    while k > 0:
        kind = _kind(words[k - 1], lex)
        if kind == "stop":
            break
        if kind == "det":
            if k >= 2 and _kind(words[k - 2], lex) == "link":
                k -= 1
                continue
            k -= 1
            break
        k -= 1
    return words[k:]


def _phrase_forward(words: list[_Token], lex: Lexicon) -> list[_Token]:
    """The start of `words` that can be a speaker's phrase (a determiner only first or after a link)."""
    k = 0
    while k < len(words):
        kind = _kind(words[k], lex)
        if kind == "stop" or kind == "det" and k > 0 and _kind(words[k - 1], lex) != "link":
            break
        k += 1
    return words[:k]


def _segments(tokens: list[_Token]) -> list[list[_Token]]:
    """Split at commas."""
    out: list[list[_Token]] = [[]]
    for t in tokens:
        if t.text == ",":
            out.append([])
        else:
            out[-1].append(t)
    return out


def _skippable(segment: list[_Token], lex: Lexicon) -> bool:
    """A clause about the speaker ("who chairs the association") or an age ("54"): passed over."""
    return bool(segment) and (segment[0].low in lex.relative_pronouns
                              or len(segment) == 1 and segment[0].text.isdigit())


def _whole(segment: list[_Token], lex: Lexicon) -> bool:
    return bool(segment) and len(_phrase_back(segment, lex)) == len(segment) \
        and any(_kind(t, lex) in ("name", "role", "title") for t in segment)


def _before(tokens: list[_Token], lex: Lexicon) -> list[list[_Token]] | None:
    """The speaker's phrase that ends `tokens` (the words before a reporting verb), as comma-separated parts;
    None when the verb's subject is a pronoun, a noun's determiner or nothing."""
    while tokens and (tokens[-1].low in lex.speaker_adverbs or lex.adverb_suffix and _kind(tokens[-1], lex) == "role"
                      and tokens[-1].low.endswith(lex.adverb_suffix)):
        tokens = tokens[:-1]  # "Orrin later recalled", "Okoro also said", "Okoro angrily said"
    parts = _segments(tokens)
    while parts and (not parts[-1] or _skippable(parts[-1], lex)):
        parts.pop()  # "the mayor, Ilse Brandt, said", "Demir, 58, said", "Demir, who runs the site, said"
    if not parts:
        return None
    last = _phrase_back(parts[-1], lex)
    if not any(_kind(t, lex) in ("name", "role", "title") for t in last):
        return None
    out = [last]
    if len(last) < len(parts[-1]):
        before = parts[-1][len(parts[-1]) - len(last) - 1]
        if before.low in lex.coordinators or before.low in lex.place_prepositions \
                or any(t.low in lex.relative_pronouns for t in parts[-1]):
            return None  # "Demir and Petrova said", "the man who spoke to Demir said": not one speaker, not Demir
        return out
    for part in reversed(parts[:-1]):
        if len(out) >= PHRASE_SEGMENTS:
            break
        if _skippable(part, lex):
            continue
        if not _whole(part, lex):
            if part and part[0].low in lex.coordinators:
                return None  # "the mayor, Ilse Brandt, and her deputy, Karl Brandt, said": two speakers
            break
        out.insert(0, part)
    return out


def _after(tokens: list[_Token], lex: Lexicon) -> list[list[_Token]] | None:
    """The speaker's phrase that starts `tokens` (the words after a reporting verb or "according to")."""
    parts = _segments(tokens)
    if not parts:
        return None
    first = _phrase_forward(parts[0], lex)
    if not any(_kind(t, lex) in ("name", "role", "title") for t in first):
        return None
    out = [first]
    if len(first) < len(parts[0]):
        return None if parts[0][len(first)].low in lex.coordinators else out  # "said Demir and Petrova"
    for part in parts[1:]:
        if part and part[0].low in lex.coordinators:
            return None  # "said the mayor, Ilse Brandt, and her deputy, Karl Brandt"
        if len(out) >= PHRASE_SEGMENTS or _skippable(part, lex) or not _whole(part, lex):
            break
        out.append(part)
        if len(_phrase_forward(part, lex)) < len(part):
            break
    return out


def _read(parts: list[list[_Token]], text: str, lex: Lexicon, verb_last: bool = False) -> Speaker | None:
    """The name and role in a speaker's phrase; None when it has neither, or only a plural or collective role.

    Each part's name is its last run of capitalised words that is not an organisation ("Ministry of Works spokesman
    Lee Tan"); of the parts', the one nearest the verb (the phrase ends at the verb when `verb_last`)."""
    names: list[tuple[str, ...]] = []
    role: set[str] = set()  # what the person is; what they work for ("Kingsbridge", "of Tollbridge") is left out
    for words in parts:
        found: tuple[str, ...] = ()
        k = 0
        while k < len(words):
            kind = _kind(words[k], lex)
            if kind not in ("name", "title"):
                if kind == "role":
                    role.add(lex.stem(_plain(words[k].text)))
                k += 1
                continue
            j = k + 1  # a run of capitalised words, particles inside it ("Juan de la Cruz")
            while j < len(words) and (_kind(words[j], lex) in ("name", "title") or (
                    words[j].low in lex.name_particles and any(_kind(w, lex) == "name" for w in words[j + 1:j + 3])
                    and all(w.low in lex.name_particles or _kind(w, lex) == "name" for w in words[j:j + 2]))):
                j += 1
            run = words[k:j]
            while run and _kind(run[-1], lex) != "name" and run[-1].low in lex.name_particles:
                run, j = run[:-1], j - 1
            # what the person works for: "the mayor of Tollbridge", "Kingsbridge manager", "Vellgrid's director"
            i = k - 1
            while i >= 0 and _kind(words[i], lex) == "det":
                i -= 1  # "of the Calloway Parents' Forum"
            organisation = (i >= 0 and _kind(words[i], lex) == "link") or bool(_POSSESSIVE_RE.search(run[-1].text)) \
                or (j < len(words) and _kind(words[j], lex) == "role")
            titles = [n for n, w in enumerate(run) if _kind(w, lex) == "title" or w.text.isupper() and len(w.text) > 1
                      and not w.text.endswith(".")]  # "Governor", "CEO" (not the initial "J.")
            cut = len(run) if organisation else (titles[-1] + 1 if titles else 0)
            if cut == len(run) == len(words) and not organisation:
                cut -= 1  # "King said", "Major told": a title alone, with no "the", is a surname
            if not organisation:
                role.update(lex.stem(_plain(w.text)) for w in run[:cut] if w.low.rstrip(".") not in lex.honorifics)
            if run[cut:]:
                found = tuple(w.text for w in run[cut:])
            k = j
        if found:
            names.append(found)
    name = (names[-1] if verb_last else names[0]) if names else ()
    if not name and (not role or _vague(parts, lex) or not any(
            _kind(part[0], lex) == "det" or _kind(part[0], lex) == "title" for part in parts)):
        return None  # "officials", "the police"; "(she) overheard someone": a role needs "the", "a", "his" or a title
    words = [t for part in parts for t in part]
    return Speaker(name, frozenset(role), text[words[0].start:words[-1].end])


def _vague(parts: list[list[_Token]], lex: Lexicon) -> bool:
    """Whether an unnamed speaker is many people or a body ("officials", "the police", "witnesses"): the role's
    head, its last word before a link, is plural or a word that names no one (`Lexicon.not_speakers`)."""
    for part in parts:
        head = None
        for t in part:
            kind = _kind(t, lex)
            if kind == "link":
                break
            if kind in ("role", "title"):
                head = t.low.rstrip(".")
        if head:
            return _plural(head) or head.capitalize() in lex.not_speakers
    return True


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def speaker_of(text: str, quote_start: int, quote_end: int, language: str = "en") -> Speaker | None:
    """Return who `text` credits with the quotation at [quote_start, quote_end), or None when it names no one."""
    lex = lexicon_for(language)
    verbs = _verbs(lex)
    # the passage's other quotations (`newsdiff.text.quotations`, single marks too) bound the words read around it
    found = quotations(text, language)
    after = min((start for _, start, _ in found if start >= quote_end), default=len(text))
    before = max((end for _, _, end in found if end <= quote_start), default=-1)
    tail = []
    for t in _tokens(text[quote_end:], lex):
        if t.text in _TAIL_END or t.start + quote_end >= after:
            break
        tail.append(_Token(t.text, t.start + quote_end, t.end + quote_end, t.inner))
    while tail and tail[0].text == ",":
        tail = tail[1:]
    words = [t.low for t in tail]
    for opener in _openers(lex):
        if tuple(words[:len(opener)]) == opener:
            parts = _after(tail[len(opener):], lex)
            return _read(parts, text, lex) if parts else None
    lead = 0
    while lead < len(tail) and tail[lead].low in lex.speaker_adverbs:
        lead += 1  # "..., ha dicho el alcalde"
    if lead < len(tail) and tail[lead].low in verbs:  # "...," said the museum's director, Odile Farrant
        parts = _after(tail[lead + 1:], lex)
        return _read(parts, text, lex) if parts else None
    for v, t in enumerate(tail[:SPEAKER_LEAD + 1]):  # "...," the city's mayor, Conrad Leys, declared
        if t.low in verbs and t.text[0].islower():
            if v and _kind(tail[v - 1], lex) == "det":
                continue  # a noun: "the report", "her posts"
            parts = _before(tail[:v], lex)
            return _read(parts, text, lex, verb_last=True) if parts else None
    head = list(_tokens(text[:quote_start], lex))
    cut_at_quote = False  # the words before the quotation follow another quotation in its sentence
    for k in range(len(head) - 1, -1, -1):
        if head[k].text in _SENTENCE_END or head[k].text in _QUOTE_MARKS or head[k].end <= before:
            cut_at_quote = head[k].text in _QUOTE_MARKS or head[k].end <= before
            head = head[k + 1:]
            break
    while head and head[-1].text in (",", ":"):
        head = head[:-1]
    if len(head) > 1 and head[1].text == "," and _kind(head[0], lex) == "name" and is_common_word(head[0].low, lex.wordfreq):
        head[0] = _Token("|", head[0].start, head[0].end)  # "Yesterday, the mayor said": a common word, not a name
    words = [t.low for t in head]
    for v in range(len(head) - 1, max(-1, len(head) - SPEAKER_GAP - 2), -1):
        for opener in _openers(lex):  # according to the mayor, "..."
            if tuple(words[v:v + len(opener)]) == opener:
                parts = _after(head[v + len(opener):], lex)
                return _read(parts, text, lex) if parts else None
        if head[v].low in verbs and head[v].text[0].islower():
            if v and _kind(head[v - 1], lex) == "det":
                continue
            if v == 0 and cut_at_quote:  # "...," said Ines Calder, "and we will do it before the summer."
                parts = _after(head[1:], lex)
                return _read(parts, text, lex) if parts else None
            parts = _before(head[:v], lex)  # Mayor Janet Okoro told reporters: "..."
            return _read(parts, text, lex, verb_last=True) if parts else None
    return None


def _same_name(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether one name is the other's, word for word in order ("Dwyer" in "Colm Dwyer"; "J. Sutter" in "June
    Sutter"), so that "Gail Sutter" and "June Sutter" are two people."""
    short, long = sorted((list(map(_plain, x)), list(map(_plain, y))), key=len)
    k = 0
    for word in long:
        if k < len(short) and (word == short[k] or len(short[k]) == 1 and word.startswith(short[k])
                               or len(word) == 1 and short[k].startswith(word)):
            k += 1
    return k == len(short)


def different_speakers(x: Speaker, y: Speaker) -> bool:
    """Whether two speakers are two people: names that differ, or (one of them not named) roles sharing no word."""
    if x.name and y.name:
        return not _same_name(x.name, y.name)
    return bool(x.role and y.role) and x.role.isdisjoint(y.role)
