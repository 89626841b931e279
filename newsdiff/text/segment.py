"""Split article text into sentences with exact offsets and classify each as heading, claim, quote or boilerplate."""

import bisect
import functools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.text import quotations


class Kind:
    """The kinds of segment, as plain strings."""

    HEADING = "heading"
    CLAIM = "claim"
    QUOTE = "quote"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Segment:
    """One sentence (or heading) of an article; text[start:end] == segment.text, always."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: str


# --- Sentence splitting -------------------------------------------------------------------------------------

# Fast rules first, pysbd only where they cannot tell. Most sentence ends in news text are a plain word, a
# period and a capitalised word; most non-ends are punctuation followed by a lower-case word or by no space at
# all (3.5, U.S.-Mexico). Both are decided by the rules below. Every other candidate (an abbreviation or an
# initial before the period, a number, an ellipsis, a quote mark or a dash after it) is ambiguous: the
# stretch between the clear ends around it goes to pysbd, which knows those cases (47 of 48 Golden Rules).
# pysbd costs about 3 µs per character and recompiles its ~1,800 patterns on every long call, so it sees
# a few sentences at a time, at most PYSBD_CHUNK_CHARS each, and at most PYSBD_MAX_DOCUMENT_CHARS per
# document: past that budget (pathological input, e.g. 300,000 lone periods) the rules decide alone, so
# the time grows with the length and never jumps.
PYSBD_CHUNK_CHARS = 3000
PYSBD_MAX_DOCUMENT_CHARS = 100_000
# pysbd passes pattern strings to re.sub / re.findall, about 530 distinct ones on a news text (more where it
# builds them from the abbreviations it meets). The re module keeps 512 compiled patterns and drops the
# oldest first, so pysbd recompiled a few patterns on every call: 1,263 compiles, 0.11 s of segmenting
# 1 MB (bench/import_bench.py). Loading pysbd raises that cache to this size (about 4.5 MB when full); the
# patterns compile the same.
REGEX_CACHE = 2048

LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[¿¡]?[A-Z0-9À-ÖØ-Þ])""")
CANDIDATE = re.compile(r"""[.!?…]+["'”’»)\]]*""")
CAPITAL_NEXT = re.compile(r"""\s+["'“‘«(\[¿¡]?[A-ZÀ-ÖØ-Þ]""")
LOWER_NEXT = re.compile(r"\s+[a-zß-öø-ÿ]")
PLAIN_WORD = re.compile(r"[^\W\d_]{2,}(?:[’'-][^\W\d_]+)*")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc inc ltd co corp gen gov sen rep no fig jan feb mar apr jun jul aug sep "
    "sept oct nov dec mt ft lt col capt sgt rev hon pres approx dept est vol pp e.g i.e a.m p.m u.s u.k u.n".split()
)
# Items of a list run together on one line ("1) first 2) second") end without punctuation: pysbd's job.
INLINE_LIST_ITEM = re.compile(r"(?:^|\s)\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,5})\)\s")
CLEAR_END, NOT_AN_END, AMBIGUOUS = "end", "not", "ambiguous"
STRAIGHT_QUOTE = re.compile(r'(?<!\d)"')  # 15" is inches, not a quotation mark (as in _quoted_spans)
CLOSING_MARKS = re.compile(r"""["'”’»)\]]+(?=\s|$)""")
# A clock time goes on with its day, date or time zone ("at 9:40 p.m. Friday", "4:08 p.m. ET", "7:15 a.m. Dec. 7",
# as news agencies write them); pysbd ends a sentence after "a.m." / "p.m." before any capital, so those of
# its ends are dropped. Before anything else ("at 6 P.M. Mr. Smith then went") the time still ends a sentence.
CLOCK_SUFFIX = re.compile(r"(?<![^\W\d_])[aApP]\.\s?[mM]\.$")
TIME_GOES_ON = re.compile(
    r"\s+(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|[ECMP][SD]?T|[AH][SD]T|GMT|UTC|BST|CES?T|IST|JST)(?![^\W\d_])"
)


_local = threading.local()


SENTENCE_LANGUAGES = frozenset({"en", "es"})  # pysbd's rules used; any other language is split as English


def _segmenter(language: str = "en"):
    """Return this thread's pysbd segmenter for a language (it keeps per-call state, so threads must not share one)."""
    segmenters = getattr(_local, "segmenters", None)
    if segmenters is None:
        segmenters = _local.segmenters = {}
    segmenter = segmenters.get(language)
    if segmenter is None:
        import pysbd  # imported on first use: 0.1 s that most commands and requests never need

        if getattr(re, "_MAXCACHE", REGEX_CACHE) < REGEX_CACHE:  # CPython's own cache size (see REGEX_CACHE)
            re._MAXCACHE = REGEX_CACHE
        segmenter = segmenters[language] = pysbd.Segmenter(language=language, clean=False, char_span=True)
        segmenter.language_module = _with_quotation_rules(segmenter.language_module)
    return segmenter


@functools.cache
def _with_quotation_rules(language_module: type) -> type:
    """pysbd's rules for a language, with fixes for quotations, whose sentence ends pysbd keeps inside them.

    A curly quotation ends at the first closing mark and holds no opening one: pysbd's own pattern runs from an
    opening “ to any later ”, so one mark typed the wrong way round (', “said Stefanski. “I feel ...”') kept
    every sentence up to the next closing mark in one. A straight quotation opens where an opening mark can
    stand (after a space, bracket, dash or colon, before a word) and closes after a word: pysbd paired every
    two marks, so one inch mark (15") or a mark glued to the wrong word (', "Adgate said') paired all later
    marks out of step, kept the sentences between two quotations in one and split the quotations."""
    from pysbd.between_punctuation import BetweenPunctuation

    class Quotations(BetweenPunctuation):
        BETWEEN_QUOTE_SLANTED_REGEX_2 = r"“[^“”]*”"
        BETWEEN_DOUBLE_QUOTES_REGEX_2 = r'(?<![^\s(\[{/:—–-])"(?=\S)[^"]*(?<=\S)"'

    return type(language_module.__name__, (language_module,), {
        "BetweenPunctuation": Quotations,
        # A quotation that ends a sentence ends it before a capital, and before the next quotation too
        # ('... this time.” “People are asked ...'): pysbd's patterns only knew the capital.
        "QUOTATION_AT_END_OF_SENTENCE_REGEX": r"[!?\.-][\"\'“”]\s{1}[\"\'“‘]?[A-Z]",
        "SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX": r"(?<=[!?\.-][\"\'“”])\s{1}(?=[\"\'“‘]?[A-Z])",
    })


@functools.cache
def _known_abbreviations(language: str = "en") -> frozenset[str]:
    """pysbd's abbreviations of the language (general, prepositive, before numbers) and ours, lower-case."""
    from pysbd.languages import LANGUAGE_CODES

    known = LANGUAGE_CODES[language].Abbreviation
    return ABBREVIATIONS | {
        word.lower() for word in [*known.ABBREVIATIONS, *known.PREPOSITIVE_ABBREVIATIONS, *known.NUMBER_ABBREVIATIONS]
    }


@functools.cache
def _titles(language: str) -> frozenset[str]:
    """Titles that stand before a name ("Sr.", "Dra."): never a sentence end (pysbd's Spanish rules miss them)."""
    from newsdiff.text.lexicon import lexicon_for

    return lexicon_for(language).prepositive_titles if language != "en" else frozenset()


@functools.cache
def _attribution(language: str) -> re.Pattern:
    """A speaker's name (one to three capitalised words) and a reporting verb: what follows a quotation that ends
    in a question or exclamation mark inside its sentence ("Oh, God!" King recalled.)."""
    from newsdiff.text.lexicon import lexicon_for

    return re.compile(rf"\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){{1,3}}{lexicon_for(language).reporting_re}\b")


def _candidate_kind(chunk: str, match: re.Match, in_quotation: bool = False, language: str = "en") -> str:
    """Tell whether the punctuation matched in chunk clearly ends a sentence, clearly does not, or may.

    in_quotation: a double quotation opened before the match is still open after it.
    """
    end = match.end()
    if end == len(chunk):
        return CLEAR_END
    if not chunk[end].isspace():
        return NOT_AN_END  # 3.5, U.S.-Mexico, example.com, "Stop!",
    if LOWER_NEXT.match(chunk, end):
        return NOT_AN_END  # Washington, D.C. went; "Why?" she asked.
    punctuation = match.group()
    if punctuation[-1] in "\"'”’»" and ("?" in punctuation or "!" in punctuation):
        if _attribution(language).match(chunk, end):
            return NOT_AN_END  # "Is it over?" Mr. Smith asked. (as "Why?" she asked.)
    if in_quotation:
        return AMBIGUOUS  # "It was offside. No complaints," Osei said. (pysbd keeps a quotation whole)
    if "…" in punctuation or ".." in punctuation or not CAPITAL_NEXT.match(chunk, end):
        return AMBIGUOUS
    word_start = max(chunk.rfind(" ", 0, match.start()), chunk.rfind("\t", 0, match.start())) + 1
    word = chunk[word_start : match.start()].lstrip("(\"'“‘«[")
    if word.lower() in _titles(language) and match.group() == ".":
        return NOT_AN_END  # el Sr. García, la Dra. Pérez
    if not PLAIN_WORD.fullmatch(word) or word.lower() in _known_abbreviations(language):
        return AMBIGUOUS  # Mr. Smith, J. Smith, 5 p.m. Monday, in 2019. The
    return CLEAR_END


def _sentence_spans(text: str, start: int, end: int, budget: list[int], language: str = "en") -> list[tuple[int, int]]:
    """Return (start, end) offsets in text of the sentences of the paragraph text[start:end].

    budget holds the characters pysbd may still read in this document; it is spent here.
    """
    paragraph = text[start:end]
    cuts: list[int] = []
    stretch_start, ambiguous = 0, bool(INLINE_LIST_ITEM.search(paragraph))
    quotes = [0, 0, 0]  # straight, opening and closing double quotes seen so far
    seen = 0
    for match in CANDIDATE.finditer(paragraph) if not ambiguous else ():
        piece = paragraph[seen : match.end()]
        seen = match.end()
        if '"' in piece:
            quotes[0] += len(STRAIGHT_QUOTE.findall(paragraph, seen - len(piece), seen))
        quotes[1] += piece.count("“")
        quotes[2] += piece.count("”")
        in_quotation = quotes[0] % 2 == 1 or quotes[1] > quotes[2]
        kind = _candidate_kind(paragraph, match, in_quotation, language)
        if kind == AMBIGUOUS:
            ambiguous = True
        elif kind == CLEAR_END:
            if ambiguous:
                cuts.extend(_ambiguous_ends(paragraph, stretch_start, match.end(), budget, language))
            cuts.append(match.end())
            stretch_start, ambiguous = match.end(), False
    if ambiguous:
        cuts.extend(_ambiguous_ends(paragraph, stretch_start, len(paragraph), budget, language))
    cuts.append(len(paragraph))
    # Cutting the paragraph at sentence ends (rather than trusting each sentence's text) means no character
    # can ever be dropped, whatever the sentence splitter returns.
    spans = []
    previous = 0
    for cut in sorted(set(cuts)):
        piece_start, piece_end = _strip_bounds(paragraph, previous, cut)
        if piece_start < piece_end:
            spans.append((start + piece_start, start + piece_end))
        previous = cut
    return spans


def _ambiguous_ends(paragraph: str, start: int, end: int, budget: list[int], language: str = "en") -> list[int]:
    """Sentence ends inside paragraph[start:end], a stretch the rules could not decide: pysbd's, within budget."""
    ends = []
    for chunk_start, chunk_end in _chunk_bounds(paragraph[start:end], PYSBD_CHUNK_CHARS):
        chunk = paragraph[start + chunk_start : start + chunk_end]
        if budget[0] >= len(chunk):
            budget[0] -= len(chunk)
            found = _pysbd_ends(chunk, language)
        else:
            found = _simple_ends(chunk)
        ends.extend(start + chunk_start + cut for cut in found if not _time_goes_on(chunk, cut))
        ends.append(start + chunk_end)
    return ends


def _time_goes_on(chunk: str, cut: int) -> bool:
    """Tell whether chunk[:cut] ends with a clock time's "a.m." / "p.m." that its day, date or zone follows."""
    end = _strip_bounds(chunk, 0, cut)[1]  # pysbd's sentence keeps the space after it
    return bool(CLOCK_SUFFIX.search(chunk, max(0, end - 6), end) and TIME_GOES_ON.match(chunk, end))


def _chunk_bounds(paragraph: str, limit: int) -> list[tuple[int, int]]:
    """Cut a long paragraph into chunks of at most limit characters at obvious sentence ends or spaces."""
    bounds = []
    start = 0
    while len(paragraph) - start > limit:
        window_start, window_end = start + limit // 2, start + limit
        sentence_ends = _simple_ends(paragraph[window_start:window_end])
        if sentence_ends:
            cut = window_start + sentence_ends[-1]
        else:
            space = max(paragraph.rfind(" ", window_start, window_end), paragraph.rfind("\t", window_start, window_end))
            cut = space + 1 if space >= 0 else window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(paragraph)))
    return bounds


def _pysbd_ends(chunk: str, language: str = "en") -> list[int]:
    """Return the offsets where pysbd ends each sentence of chunk, verified against the chunk itself."""
    try:
        spans = _segmenter(language).segment(chunk)
    except Exception:  # noqa: BLE001 - pysbd is heuristic code; if odd input trips it, a simpler split beats failing.
        return _simple_ends(chunk)
    ends = []
    cursor = 0
    for span in spans:
        # pysbd's offsets go wrong when a sentence repeats, so check them and otherwise search forward.
        if span.start >= cursor and chunk[span.start : span.end] == span.sent:
            end = span.end
        else:
            sentence = span.sent.strip()
            found = chunk.find(sentence, cursor) if sentence else -1
            if found < 0:
                continue
            end = found + len(sentence)
        if end > cursor:
            ends.append(end)
            cursor = end
    return sorted({_past_closing_marks(chunk, end) for end in ends})


def _past_closing_marks(chunk: str, end: int) -> int:
    """Move a sentence end that falls between its final punctuation and the quote mark or bracket glued to it
    ('people.|" Professor ...') past that mark: pysbd does so when it pairs a document's straight quotes out of
    step (one left unclosed earlier), taking a closing quote for the opening of the next sentence."""
    stripped = _strip_bounds(chunk, 0, end)[1]
    if stripped and chunk[stripped - 1] in ".!?…" and (closing := CLOSING_MARKS.match(chunk, stripped)):
        return closing.end()
    return end


def _simple_ends(chunk: str) -> list[int]:
    """Return sentence ends found by punctuation before a capitalised word or number, skipping abbreviations."""
    ends = []
    for match in SENTENCE_END.finditer(chunk):
        word_start = max(chunk.rfind(" ", 0, match.start()), chunk.rfind("\t", 0, match.start())) + 1
        word = chunk[word_start : match.start()].lower().lstrip("(\"'“‘")
        if len(word) <= 1 or word in ABBREVIATIONS:
            continue
        ends.append(match.end())
    return ends


def _strip_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink text[start:end] so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-empty line of text, without surrounding whitespace."""
    spans = []
    for match in LINE.finditer(text):
        start, end = _strip_bounds(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


# --- Headings -----------------------------------------------------------------------------------------------

HEADING_MAX_WORDS = 14
HEADING_MIN_CAPITALISED = 0.75
MINOR_WORDS = frozenset(
    "a an the and or but nor for of on in at to by with from as vs vs. via amid into onto over per than up off out "
    "about after before under between against is are its so yet de del la le".split()
)
LIST_ITEM = re.compile(r"^\s*(?:[-*•+–]\s|\d{1,3}[.)]\s)")


def looks_like_heading(line: str) -> bool:
    """Tell whether a one-line paragraph reads like a title: short, no closing period, mostly capitalised words."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS or line.endswith((".", ",", ";", "…")) or LIST_ITEM.match(line):
        return False
    counted = capitalised = 0
    for word in words:
        first_letter = next((char for char in word if char.isalpha()), None)
        if first_letter is None or word.lower().strip("\"'“”‘’:,;()") in MINOR_WORDS:
            continue
        counted += 1
        capitalised += first_letter.isupper()
    return counted > 0 and capitalised / counted >= HEADING_MIN_CAPITALISED


HEADLINE_MAX_WORDS = 20
HEADLINE_NOT_END = (".", "!", "?", "…", ",", ";", ":")


def looks_like_headline(line: str) -> bool:
    """Tell whether the first line of a text reads like its headline in any capitalisation ("Apagón deja a oscuras a
    Villa Arboleda", "Port strike enters fifth day"): a few words without a sentence's closing punctuation.

    Sentence-case headlines (Spanish newsrooms write them so, and many English ones) fail looks_like_heading's
    capitalisation test; what gives them away is the missing full stop on a line that opens an article."""
    line = line.strip()
    words = line.split()
    return (2 <= len(words) <= HEADLINE_MAX_WORDS and not line.endswith(HEADLINE_NOT_END) and not LIST_ITEM.match(line)
            and any(char.isalpha() for char in line))


def _is_headline(number: int, paragraph_texts: list[str]) -> bool:
    """The first paragraph opens an article that goes on, in sentences, after it."""
    return (number == 0 and looks_like_headline(paragraph_texts[0])
            and any(p.rstrip("”\"’»)").endswith((".", "!", "?", "…")) for p in paragraph_texts[1:]))


def headline_of(paragraph_texts: list[str]) -> str:
    """Return the first paragraph when it reads like a heading or like the text's headline, else ""."""
    if paragraph_texts and (looks_like_heading(paragraph_texts[0]) or _is_headline(0, paragraph_texts)):
        return paragraph_texts[0]
    return ""


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]], span_starts: list[int]) -> bool:
    """Tell whether [start, end) overlaps any of the sorted, non-overlapping spans."""
    position = bisect.bisect_right(span_starts, end - 1) - 1
    return position >= 0 and spans[position][1] > start


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]], span_starts: list[int]) -> bool:
    """Tell whether [start, end) lies inside one of the sorted spans."""
    position = bisect.bisect_right(span_starts, start) - 1
    return position >= 0 and spans[position][1] >= end


# --- Boilerplate --------------------------------------------------------------------------------------------

# Boilerplate is short; the character limits also keep the regexes below linear on pathological input.
BYLINE_MAX_WORDS, BYLINE_MAX_CHARS = 16, 200
BOILERPLATE_PARAGRAPH_MAX_WORDS, BOILERPLATE_PARAGRAPH_MAX_CHARS = 40, 400
BIO_MAX_WORDS, BIO_MAX_CHARS = 90, 900
BIO_NEAR_END_PARAGRAPHS = 4
PROMPT_MAX_WORDS, PROMPT_MAX_CHARS = 25, 300

NAME_PARTICLES = frozenset("de da del della der den di du dos das la le van von bin ibn al el y st. mc".split())
CONTACT_MARKERS = re.compile(
    r"[✉📧📨✆☎📞🐦]|\S+@\S+\.\w+|(?<!\w)@\w+|https?://\S+|\b(?:e-?mail|twitter|contact|follow)\b\s*:?", re.IGNORECASE
)
BYLINE_START = re.compile(r"^(?:by|written by|words by|story by|text by|reporting by|report by)\s+(.+)$", re.IGNORECASE)
NAME_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
BYLINE_TRAILER = re.compile(r"\s+[|•·—–-]\s+|\s*\|\s*|\s*\(|\s{2,}")
ROLES = (
    r"(?:writer|editor|reporter|correspondent|journalist|columnist|contributor|author|producer|anchor|host|"
    r"analyst|photographer|videographer|freelancer|blogger|commentator|critic|bureau chief|intern|staff)"
)
ROLE = re.compile(rf"\b{ROLES}s?\b", re.IGNORECASE)
# 'Jane Doe is a (senior) reporter (and editor) for/at Outlet' - the outlet part keeps news about a reporter out.
ROLE_BIO = re.compile(
    rf"^(?:[^\W\d_][\w'’.-]*\s+){{1,4}}(?:is|was|has been|serves as)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"{ROLES}s?(?:\s+(?:and|&)\s+(?:[\w-]+\s+){{0,2}}?{ROLES}s?)?\s+(?:for|at|with|covering|based)\b"
)
BIO_OPENING = re.compile(
    r"^(?:(?:[^\W\d_][\w'’.-]*\s+){1,4}|(?:he|she|they)\s+)"
    r"(?:is|was|has|had|covers|covered|writes|wrote|reports|reported|joined|serves|served|previously|lives)\b",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)\s*\d|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
PROMPT = re.compile(
    r"^\W*(?:share(?: this| on| via| the story| the article|$)|tweet this|subscribe\b|sign up\b|follow us\b"
    r"|follow \S+(?: \S+)? on (?:twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube)\b|like us on\b"
    r"|read more\b|read also\b|also read\b|see also\b|related(?: articles| stories| coverage| content| reading)?\s*:"
    r"|more (?:from|on) [^:]{1,40}:|recommended(?: for you)?\s*:?$|click here\b|download (?:our|the) .{0,30}\bapp\b"
    r"|get (?:our|the) (?:\S+ )?newsletter|newsletter\b|advertisement$|sponsored(?: content)?$|continue reading\b"
    r"|watch\s*:|listen\s*:|don[’']t miss\b|support (?:our|independent) journalism)"
    r"|\b(?:sign up for (?:our|the) (?:\S+ ){0,3}newsletter|subscribe to (?:our|the) (?:\S+ ){0,3}"
    r"(?:newsletter|channel|podcast)|follow us on|like us on facebook|all rights reserved)\b",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^\W*(?:(?:file )?(?:photo|photograph|picture|image|video|graphic|illustration)s?\s*(?:credits?|courtesy)?\s*[:|/]"
    r"|(?:photo|photograph|picture|image)s?\s+(?:by|credits?|courtesy)\b|image credits?\b|credits?\s*:"
    r"|(?:getty images|ap photo|afp via getty|reuters/))",
    re.IGNORECASE,
)


def _is_name(words: Sequence[str]) -> bool:
    """Tell whether words read like a person's name: two to five capitalised words (particles allowed)."""
    if not 2 <= len(words) <= 5:
        return False
    capitalised = 0
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        letters = word.replace(".", "").replace("'", "").replace("’", "").replace("-", "")
        if not letters.isalpha() or not word[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 2


def _byline_names(paragraph: str) -> list[str] | None:
    """Return the author names of a byline paragraph ('By Jane Doe', 'Jane Doe ✉', 'Jane Doe, Reuters'), else None."""
    if len(paragraph) > BYLINE_MAX_CHARS or len(paragraph.split()) > BYLINE_MAX_WORDS:
        return None
    match = BYLINE_START.match(paragraph)
    has_contact = bool(CONTACT_MARKERS.search(paragraph))
    body = match.group(1) if match else CONTACT_MARKERS.sub(" ", paragraph).strip(" |•·—–-,")
    main, *trailer = BYLINE_TRAILER.split(body, maxsplit=1)
    parts = [part for part in NAME_LIST_SEPARATOR.split(main) if part]
    names = [part for part in parts if _is_name(part.split())]
    if not names or not _is_name(parts[0].split()):
        return None
    if match or has_contact:
        return names
    # A bare name line is a byline only when something else says so, e.g. 'Jane Doe, Staff Writer'.
    if ROLE.search(" ".join(parts[1:] + trailer)):
        return names
    return None


def _bare_name(paragraph: str) -> str | None:
    """Return the paragraph if it is nothing but a person's name, else None."""
    return paragraph if len(paragraph) <= BYLINE_MAX_CHARS and _is_name(paragraph.split()) else None


def _is_bio(paragraph: str, author_names: Sequence[str], near_end: bool) -> bool:
    """Tell whether a paragraph is an author biography, given the names of the byline just before it."""
    if len(paragraph) > BIO_MAX_CHARS or len(paragraph.split()) > BIO_MAX_WORDS:
        return False
    if author_names and BIO_OPENING.match(paragraph):
        opening = paragraph.lower()
        for name in author_names:
            last_name = name.split()[-1].lower()
            if opening.startswith((name.lower(), last_name, "he ", "she ", "they ")):
                return True
    if ROLE_BIO.match(paragraph) and paragraph[0].isupper():
        return near_end or bool(author_names)
    return False


def _boilerplate_paragraphs(paragraphs: Sequence[str]) -> list[bool]:
    """Flag paragraphs that are bylines, author bios or copyright notices."""
    flags = [False] * len(paragraphs)
    authors: list[list[str]] = [[] for _ in paragraphs]
    for number, paragraph in enumerate(paragraphs):
        names = _byline_names(paragraph)
        if names:
            flags[number] = True
            authors[number] = names
        elif _is_copyright(paragraph):
            flags[number] = True
    for number, paragraph in enumerate(paragraphs):
        if flags[number] or number == 0:
            continue
        previous = paragraphs[number - 1]
        bare_name = None if flags[number - 1] else _bare_name(previous)
        names = authors[number - 1] or ([bare_name] if bare_name else [])
        near_end = number >= len(paragraphs) - BIO_NEAR_END_PARAGRAPHS
        if _is_bio(paragraph, names, near_end):
            flags[number] = True
            if bare_name and paragraph.lower().startswith(bare_name.lower()):
                flags[number - 1] = True
    return flags


def _is_copyright(paragraph: str) -> bool:
    """Tell whether a paragraph is a short copyright or rights notice."""
    short = _is_short(paragraph, BOILERPLATE_PARAGRAPH_MAX_WORDS, BOILERPLATE_PARAGRAPH_MAX_CHARS)
    return short and bool(COPYRIGHT.search(paragraph))


def _is_boilerplate_sentence(sentence: str) -> bool:
    """Tell whether a sentence is a share/subscribe prompt, a photo credit or a rights notice."""
    if not _is_short(sentence, PROMPT_MAX_WORDS, PROMPT_MAX_CHARS):
        return False
    return bool(PROMPT.search(sentence) or CREDIT.match(sentence))


def _is_short(text: str, max_words: int, max_chars: int) -> bool:
    """Tell whether text has at most max_words words and max_chars characters."""
    return len(text) <= max_chars and len(text.split()) <= max_words


# --- Quotes -------------------------------------------------------------------------------------------------

QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“"}
QUOTE_OPENING = re.compile(r'["“«„]')  # '"' and the openings of QUOTE_PAIRS
WORD_CHAR = re.compile(r"\w")


def _quoted_spans(paragraph: str, language: str = "en") -> list[tuple[int, int]]:
    """Return spans of directly quoted words in a paragraph, sorted and disjoint; an unclosed quote in double marks
    runs to the paragraph's end.

    Quotations in single marks (‘We will win,’ he said; described as 'a disaster', as British outlets quote) are
    the engine's one reading of them, `newsdiff.text.quotations`, which tells them from apostrophes ("don't", "the
    players' union", "'90s"). One left unclosed is a quotation only where it opens the paragraph (the convention
    of a quotation running on to the next paragraph, as in double marks): elsewhere an unclosed single mark is
    more likely an apostrophe typed the wrong way round ("rock ‘n’ roll", "‘em")."""
    spans = []
    position = 0
    # From quote mark to quote mark (str.find and a regex search, not a Python step per character).
    while (opening := QUOTE_OPENING.search(paragraph, position)) is not None:
        open_at, char = opening.start(), opening.group()
        if char == '"' and open_at and paragraph[open_at - 1].isdigit():  # 15" is inches, not a quote
            position = open_at + 1
            continue
        close_at = paragraph.find(QUOTE_PAIRS.get(char, '"'), open_at + 1)
        if close_at < 0:
            spans.append((open_at, len(paragraph)))  # unclosed: to the paragraph's end
            break
        spans.append((open_at, close_at + 1))
        position = close_at + 1
    if "'" in paragraph or "‘" in paragraph:
        spans = _with_single_marks(paragraph, spans, language)
    return [(start, end) for start, end in spans if WORD_CHAR.search(paragraph, start, end)]


def _with_single_marks(paragraph: str, spans: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """`spans` (double marks, sorted) joined with the quotations in single marks: sorted, disjoint."""
    single = [(start, end) for _, start, end in quotations.quotations(paragraph, language) if paragraph[start] in "'‘"]
    opening = len(paragraph) - len(paragraph.lstrip())
    if quotations.opens_in_single_marks(paragraph[opening:]) and not any(s == opening for s, _ in single + spans):
        single.append((opening, len(paragraph)))  # opens the paragraph and never closes: runs on to the next
    if not single:
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + single):
        if merged and start < merged[-1][1]:  # one inside or across another (an unclosed one runs to the end)
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _carries_quote(paragraph: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Tell whether paragraph[start:end] contains at least one quoted word (quoted spans sorted, disjoint)."""
    first = bisect.bisect_right(quoted, (start, len(paragraph) + 1)) - 1
    for quote_start, quote_end in quoted[max(first, 0) :]:
        if quote_start >= end:
            break
        overlap_start, overlap_end = max(start, quote_start), min(end, quote_end)
        if overlap_start < overlap_end and WORD_CHAR.search(paragraph, overlap_start, overlap_end):
            return True
    return False


# --- Putting it together ------------------------------------------------------------------------------------


def segment(text: str, heading_spans: Sequence[tuple[int, int]] = (), language: str = "en") -> list[Segment]:
    """Split text into paragraphs (lines) and sentences with exact offsets, and classify every sentence.

    Sentence ends follow `language` (a two-letter code; pysbd's rules for English and Spanish).

    Given heading_spans (from HTML or Markdown), only those mark headings; without them a heuristic
    recognises title-like lines, and a first line without closing punctuation is the headline. Boilerplate
    wins over heading, heading over quote, quote over claim.
    """
    paragraphs = _paragraph_spans(text)
    paragraph_texts = [text[start:end] for start, end in paragraphs]
    boilerplate = _boilerplate_paragraphs(paragraph_texts)
    headings = sorted(heading_spans)
    heading_starts = [start for start, _ in headings]
    pysbd_budget = [PYSBD_MAX_DOCUMENT_CHARS]
    language = language if language in SENTENCE_LANGUAGES else "en"
    segments: list[Segment] = []
    for number, (para_start, para_end) in enumerate(paragraphs):
        paragraph = paragraph_texts[number]
        is_heading_paragraph = _covered(para_start, para_end, headings, heading_starts)
        if is_heading_paragraph:
            sentences = [(para_start, para_end)]  # a marked-up heading is one segment, however it is punctuated
        else:
            sentences = _sentence_spans(text, para_start, para_end, pysbd_budget, language)
            is_heading_paragraph = not headings and len(sentences) == 1 and (
                looks_like_heading(paragraph) or _is_headline(number, paragraph_texts))
        quoted = _quoted_spans(paragraph, language)
        for start, end in sentences:
            sentence = text[start:end]
            if boilerplate[number] or _is_boilerplate_sentence(sentence):
                kind = Kind.BOILERPLATE
            elif is_heading_paragraph or _overlaps(start, end, headings, heading_starts):
                kind = Kind.HEADING
            elif _carries_quote(paragraph, start - para_start, end - para_start, quoted):
                kind = Kind.QUOTE
            else:
                kind = Kind.CLAIM
            segments.append(Segment(len(segments), start, end, sentence, number, kind))
    return segments
