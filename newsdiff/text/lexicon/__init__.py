"""Closed word classes of each language the text pipeline reads, one module per language.

A `Lexicon` holds what cues, terms and sentence splitting need to know about a language: its Snowball
stemmer, stopwords (from a maintained list where one exists), wordfreq code, number words, ordinals,
scales, currencies, units of time, months, weekdays, negations, clause breaks and reporting verbs.
`lexicon_for("es-MX")` returns the Spanish one; any language without a module gets English.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import snowballstemmer


def snowball_stemmer(name: str):
    """Return snowballstemmer's stemmer for a language, without PyStemmer's own cache.

    With PyStemmer installed, snowballstemmer hands out its C stemmer, whose built-in word cache
    (10,000 words) costs about 1 us for every word it has not seen, four times the stemming itself;
    `Lexicon.stem` caches the stems already (measured: 1.30 us a new word with that cache, 0.39 us
    with the lru_cache alone). The stems are the same either way.
    """
    stemmer = snowballstemmer.stemmer(name)
    if hasattr(stemmer, "maxCacheSize"):  # PyStemmer; the pure-Python stemmers have no cache
        stemmer.maxCacheSize = 0
    return stemmer


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The closed word classes of one language."""

    code: str
    stemmer: str  # snowballstemmer's name for the language
    wordfreq: str  # wordfreq's code for the language
    stopwords: frozenset[str]
    number_words: dict[str, float]
    tens: frozenset[str]  # tens that take a unit after them: "twenty-five", "treinta y cinco"
    units: frozenset[str]
    tens_joiners: frozenset[str]  # what joins a ten and a unit: "-", "y"
    ordinals: dict[str, int]
    ordinal_suffix: str  # regex of digit ordinal suffixes: "st|nd|rd|th", "º|ª|o|a"
    scales: dict[str, float]
    currency_words: dict[str, str]
    currency_signs: dict[str, str]
    minutes: dict[str, float]  # units of time, in minutes
    months: dict[str, int]
    weekdays: dict[str, int]
    clock: frozenset[str]
    indefinite: frozenset[str]  # "a", "an": one only before a unit of time
    half: frozenset[str]
    one: frozenset[str]  # "one": one before any unit
    percent: tuple[tuple[str, ...], ...]  # token sequences after a number that make it a percentage
    links: frozenset[str]  # words that may stand between a number and its unit or month: "de"
    age_words: frozenset[str]  # "10-year-old": an age, not a duration
    not_count_stems: frozenset[str]  # nouns after a number that are not counted things ("times")
    negations: frozenset[str]
    negation_suffix: str  # regex for a negation glued to a word ("n't"), or ""
    clause_words: tuple[str, ...]  # conjunctions that open a new clause
    reporting_verbs: tuple[str, ...]
    not_speakers: frozenset[str]  # capitalised words that are not names before/after a reporting verb
    # Who said a quotation (newsdiff.text.speakers). speech_verbs: every form of the closed class of verbs that
    # report speech ("said", "recalled", "insisted"...; reporting_verbs when empty); `titles` (below): words before a
    # name that are not the name ("Governor", "Fire Chief", "Dr."), honorifics among them ("Mr.": not a role either);
    # speaker_determiners open a speaker's phrase ("the", "his"); role_links join a role to what it is of ("the mayor
    # of Tollbridge"); name_particles stand inside a name ("Juan de la Cruz"); relative_pronouns open a clause about
    # the speaker ("who chairs..."), skipped.
    speech_verbs: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    speaker_determiners: frozenset[str] = frozenset()
    role_links: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()  # "Demir and Petrova said": two speakers, none read
    speaker_adverbs: frozenset[str] = frozenset()  # between a speaker and the verb: "Orrin later recalled"
    adverb_suffix: str = ""  # ...and any word ending so: "Okoro angrily said"
    clause_marks: str = ",;:()—–“”\""  # punctuation that closes a clause
    not_canonical: frozenset[str] = frozenset()  # number words alignment keeps as words ("dozens")
    prepositive_titles: frozenset[str] = frozenset()  # "Sr." before a name never ends a sentence
    canonical_extra: dict[str, str] = field(default_factory=dict)
    # negations that are prepositions of absence ("without", "sin"): they deny a noun, not the clause's verb
    privative: frozenset[str] = frozenset()
    # "No blackout so long had hit the region since 2019" = "the longest since 2019": a negated comparison of
    # degree ("so", "tan") against a past time ("since", "desde") is a record, not a denial.
    degree_words: frozenset[str] = frozenset()
    since_words: frozenset[str] = frozenset()
    # A date or time-frame for an event against "no date was set" (the schedule cue); empty: not read.
    schedule_nouns: frozenset[str] = frozenset()  # "date", "timetable": what "no date was set" lacks
    time_ahead: str = ""  # regex of a time-frame ahead: "later this month", "next week", "tomorrow"
    noun_head_first: bool = False  # the noun a phrase is about comes first ("huelga portuaria"), not last
    # Nouns of occasion: "for the third time", "por tercera vez" count occurrences of what the clause says happened,
    # so such an ordinal compares with an ordinal of that event's noun ("the club's fourth cup title").
    occasion_nouns: frozenset[str] = frozenset()
    # "not only ... but also", "no solo ... sino": a negation word that adds, not denies (regex; "" = none)
    additive_negation: str = ""
    # Number words read across several tokens: "two hundred and forty" (a multiplier of the word before it, then an
    # optional joiner and the rest), "two and a half million", "a year and a half" (a half added to the number or unit).
    hundreds: frozenset[str] = frozenset()
    hundred_joiners: frozenset[str] = frozenset()
    and_half: tuple[tuple[str, ...], ...] = ()
    # Fractions read as a share ("a third of the flats", "two thirds of", "by a quarter"): compared with percentages.
    fractions: dict[str, float] = field(default_factory=dict)
    fraction_links: frozenset[str] = frozenset()  # the word after a fraction that makes it a share: "of"
    fraction_openers: frozenset[str] = frozenset()  # the word before "a quarter" that makes it a change: "by"
    ratio_links: tuple[tuple[str, ...], ...] = ()  # between the part and the whole of a ratio: "one in three"
    # The words around the two ends of one range: "between 20 and 30 people" ("between", "and")
    range_words: tuple[str, str] | None = None
    # implicative verbs that deny their complement ("failed to", "neglected to"), read as "not" before
    # `implicative_link`
    implicative_verbs: frozenset[str] = frozenset()
    implicative_link: str = ""
    attribution_openers: tuple[str, ...] = ()  # a clause that credits a source: "according to the board"
    ordinal_skips: frozenset[str] = frozenset()  # between an ordinal and its noun: "the fourth such attempt"
    # prepositions before "the" + an ordinal that place something in a sequence: "in the sixth round"
    place_prepositions: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()  # "the": "the first half of", "the half of" are no shares
    # A placing: an ordinal alone after a verb, no noun after it ("Smith finished third in the race", "The Greens came
    # fourth with 12 percent"). copulas: stopwords that are verbs before one ("Arsenal are second in the table",
    # "quedó cuarto"); placing_adverbs: words after one that are no noun it qualifies ("finished second behind Jones", "fifth overall").
    copulas: frozenset[str] = frozenset()
    placing_adverbs: frozenset[str] = frozenset()
    # ordinal_nouns: ordinals that are nouns too, no placing where a link of `links` follows ("quedó cuarto" is a
    # placing; "un cuarto de hora", "el cuarto de baño", "jugará cuartos de final" are none)
    ordinal_nouns: frozenset[str] = frozenset()
    # words between an article and a placing that qualify it, by its margin or a verdict on it ("came a close
    # second", "finished a distant third"); none qualifies a unit of time ("a split second", "a full second")
    placing_qualifiers: frozenset[str] = frozenset()
    # An ordinal after a copula or one of these auxiliaries and before a word with one of these endings is an adverb
    # of order before a past participle ("was first reported missing", "had first appeared"), no tally of the verb.
    auxiliaries: frozenset[str] = frozenset()
    # Currency words that also name a weight ("pounds"), with the weight in grams: read as a weight where the passage
    # writes the currency nowhere unambiguously and the word is followed by one of `mass_links` ("40 pounds of
    # cocaine"), the passage has a word starting with one of `mass_verbs` ("weighs 220 pounds") or a height compound
    # of one of `height_units` ("6-foot-11, 220 pounds").
    mass_currency: dict[str, float] = field(default_factory=dict)
    mass_links: frozenset[str] = frozenset()
    mass_verbs: tuple[str, ...] = ()
    height_units: frozenset[str] = frozenset()
    participle_endings: tuple[str, ...] = ()
    # Hedges before a number, as token sequences, and the range of values they allow around it, as factors:
    # "about 40" is 36-44, "more than 60" above 60, "nearly 50" 42.5-50. Hedged values conflict only when the ranges
    # do not meet ("more than 60" / "forty"; not "about 40" / "forty" nor "more than 60" / "about 70").
    hedges: dict[tuple[str, ...], tuple[float, float]] = field(default_factory=dict)
    span_hedges: frozenset[tuple[str, ...]] = frozenset()  # hedges that before a duration give its span ("over")
    month_units: frozenset[str] = frozenset()  # a month is 4 to 5 weeks, n months 28n to 31n days
    # nouns that name a stretch of time: "a three-year period" is the duration, as "three years" is
    span_nouns: frozenset[str] = frozenset()
    year_openers: frozenset[str] = frozenset()  # before a year that dates an event: "opened in 1964" (none: years unread)
    titles: frozenset[str] = frozenset()  # lower case, without a dot: words before a name that are not the name
    # "on the 9th": a day of the month without its month, after one of these (preposition, article) pairs; it
    # compares with the day of a full date on the other side ("on June 11"). "the 9th of June": a full date.
    day_openers: frozenset[tuple[str, str]] = frozenset()
    day_month_links: frozenset[str] = frozenset()
    # Multipliers after a number word below a hundred: "two dozen" = 24 ("hundred" is `hundreds`).
    dozens: dict[str, float] = field(default_factory=dict)
    # Vague quantifiers before a scale, and the range of multiples they allow: "a few hundred" = 200-500, "several
    # thousand" = 3,000-9,000.
    vague_counts: dict[tuple[str, ...], tuple[float, float]] = field(default_factory=dict)
    # Scale abbreviations that multiply only money ("£48m", "$2bn", "48m pounds"): elsewhere "m" may be metres.
    money_scales: frozenset[str] = frozenset()
    # Units of measure: base unit words (singular and plural spellings, abbreviations) with their dimension and size
    # in the dimension's base unit, and SI prefixes ("kilo", "mega"...) that multiply a base unit written after them
    # in one word ("megawatt", "kilometres"); abbreviations ("MW", "km") are listed whole. Values of one dimension
    # compare after conversion: "1.1 gigawatts" = "1,100 MW".
    measure_units: dict[str, tuple[str, float]] = field(default_factory=dict)
    unit_prefixes: dict[str, float] = field(default_factory=dict)
    square_words: frozenset[str] = frozenset()  # "square kilometres": the length unit squared (an area)
    # Antonym pairs (a table generated from WordNet by tools/build_antonyms.py, in this package; "" = none) and the
    # parts of speech read from it ("v" verbs, "a" adjectives, "n" nouns): `antonyms`.
    antonyms_file: str = ""
    antonym_pos: frozenset[str] = frozenset()

    @functools.cached_property
    def stem(self):
        """The Snowball stemmer's stemWord, cached."""
        return functools.lru_cache(maxsize=100_000)(snowball_stemmer(self.stemmer).stemWord)

    @functools.cached_property
    def antonyms(self) -> dict[str, frozenset[str]]:
        """Each stem of a word of the antonym table (its irregular forms' stems too: "rose" of "rise") mapped to the
        stems of its antonyms' forms ("pass" -> {"fail"}, "rose" -> {"fall", "fell", "fallen"}); read once, on first
        use. Ordinals and number words are left to the cues that read them as values."""
        return self._antonym_table[0]

    @functools.cached_property
    def antonym_parts(self) -> dict[tuple[str, str], frozenset[str]]:
        """The parts of speech ("v", "a", "n") WordNet gives each pair of `antonyms` stems, both orders."""
        return self._antonym_table[1]

    @functools.cached_property
    def _antonym_table(self) -> tuple[dict[str, frozenset[str]], dict[tuple[str, str], frozenset[str]]]:
        if not self.antonyms_file:
            return {}, {}
        pairs, forms = [], {}
        for line in (Path(__file__).parent / self.antonyms_file).read_text(encoding="utf8").splitlines():
            if not line or line.startswith("#"):
                continue
            kind, word, rest = line.split("\t")
            if kind == "form":
                forms[word] = rest.split()
            elif kind in self.antonym_pos and not {word, rest} & (self.ordinals.keys() | self.number_words.keys()):
                pairs.append((kind, word, rest))  # "first" / "second", "one" / "many": the number cues compare those
        stem = self.stem

        def stems(word: str) -> set[str]:
            return {stem(w) for w in (word, *forms.get(word, ()))}

        out: dict[str, set[str]] = {}
        parts: dict[tuple[str, str], set[str]] = {}
        for kind, x, y in pairs:
            for sx in stems(x):
                for sy in stems(y):
                    if sx != sy:
                        out.setdefault(sx, set()).add(sy)
                        out.setdefault(sy, set()).add(sx)
                        parts.setdefault((sx, sy), set()).add(kind)
                        parts.setdefault((sy, sx), set()).add(kind)
        return {s: frozenset(o) for s, o in out.items()}, {k: frozenset(v) for k, v in parts.items()}

    @functools.cached_property
    def canonical_words(self) -> dict[str, str]:
        """Spellings alignment treats as one word: number words as digits, month abbreviations as months."""
        out = {w: str(int(v)) for w, v in self.number_words.items()
               if v >= 2 and float(v).is_integer() and w not in self.not_canonical}
        for short, month in self.months.items():
            full = max((m for m, k in self.months.items() if k == month), key=len)
            if short != full and len(full) > 4:
                out[short] = full
        out.update(self.canonical_extra)
        return out

    @functools.cached_property
    def unit_words(self) -> dict[str, tuple[str, float]]:
        """Every unit word with its dimension and its size in the dimension's base unit: the base words, and each
        base word of more than three letters after each prefix ("megawatts" -> ("power", 1e6)); abbreviations are
        listed whole ("mw")."""
        out = dict(self.measure_units)
        for word, (dimension, size) in self.measure_units.items():
            if len(word) > 3:
                for prefix, factor in self.unit_prefixes.items():
                    out.setdefault(prefix + word, (dimension, size * factor))
        return out

    @functools.cached_property
    def wordy(self) -> frozenset[str]:
        """Words that make a passage without a digit worth reading for quantities."""
        return (frozenset(self.number_words) - self.indefinite) | frozenset(self.weekdays) \
            | frozenset(self.ordinals) | frozenset(self.minutes) | frozenset(s for s in self.scales if len(s) > 2)

    @functools.cached_property
    def negation_re(self) -> re.Pattern:
        alternation = r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, self.negations)))
        if self.negation_suffix:
            alternation += "|" + self.negation_suffix
        return re.compile(alternation, re.IGNORECASE)

    @functools.cached_property
    def implicative_re(self) -> re.Pattern | None:
        if not self.implicative_verbs:
            return None
        verbs = "|".join(sorted(map(re.escape, self.implicative_verbs), key=len, reverse=True))
        return re.compile(rf"\b(?:{verbs})\s+{self.implicative_link}\b", re.IGNORECASE)

    @functools.cached_property
    def clause_re(self) -> re.Pattern:
        return re.compile(r"[%s]|\.\s|\b(?:%s)\b" % (re.escape(self.clause_marks), "|".join(self.clause_words)),
                          re.IGNORECASE)

    @functools.cached_property
    def reporting_re(self) -> str:
        return "(?:%s)" % "|".join(sorted(self.reporting_verbs, key=len, reverse=True))


@functools.cache
def _lexicons() -> dict[str, Lexicon]:
    from newsdiff.text.lexicon.en import ENGLISH
    from newsdiff.text.lexicon.es import SPANISH

    return {lexicon.code: lexicon for lexicon in (ENGLISH, SPANISH)}


@functools.lru_cache(maxsize=256)  # called for every candidate pair a cue is checked on
def lexicon_for(language: str | None) -> Lexicon:
    """Return the lexicon of a language tag ("es", "es-MX"); English when there is none for it."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    lexicons = _lexicons()
    return lexicons.get(code, lexicons["en"])
