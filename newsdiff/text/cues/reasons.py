"""Every conflict cue between two linked passages (`conflict_reasons`), and the prefixes of their reasons
(`CONFLICT_PREFIXES`)."""

from __future__ import annotations

from newsdiff.text.cues.antonyms import ANTONYM_CUE, antonym_reasons
from newsdiff.text.cues.negation import negation_reasons
from newsdiff.text.cues.number_reasons import number_reasons
from newsdiff.text.cues.quantities import _quantities
from newsdiff.text.cues.quotes import quote_reasons
from newsdiff.text.cues.schedule import schedule_reasons
from newsdiff.text.cues.words import _topic_words
from newsdiff.text.lexicon import lexicon_for


# Content words (not numbers, months, weekdays) two passages must share before their numbers are compared.
# 2 missed "The network agreed to pay $1 million to settle the complaint" / "Under the settlement, the
# network will provide $500,000 of airtime" (issue 10's example); `_about_the_same` now does the sorting.
TOPIC_WORDS_FOR_NUMBERS = 1
TOPIC_WORDS_ACROSS_LANGUAGES = 2  # across languages values are not located in clauses: the gate stays

CONFLICT_PREFIXES = ("numbers differ", "dates differ", "negation in the shared clause", ANTONYM_CUE, "quote attributed")


def conflict_reasons(a: str, b: str, language: str = "en", language_b: str | None = None) -> list[str]:
    """Return every conflict cue found between two linked passages (`language_b` when b's differs).

    Numbers and dates are compared only when the passages share another content word (two datelines,
    "January 5, 2011" and "Updated: January 6, 2011", share nothing else) and the two values are about
    one thing (`_about_the_same`).
    Negation and quotation cues need both passages in one language.
    """
    lex_a, lex_b = lexicon_for(language), lexicon_for(language_b or language)
    numbers = []
    if _quantities(a, lex_a) and _quantities(b, lex_b) \
            and len(_topic_words(a, lex_a) & _topic_words(b, lex_b)) >= \
            (TOPIC_WORDS_FOR_NUMBERS if lex_a is lex_b else TOPIC_WORDS_ACROSS_LANGUAGES):
        numbers = number_reasons(a, b, lex_a.code, lex_b.code)
    if lex_a is not lex_b:
        return numbers
    return (numbers + negation_reasons(a, b, language=lex_a.code) + antonym_reasons(a, b, lex_a.code)
            + quote_reasons(a, b, lex_a.code) + schedule_reasons(a, b, lex_a.code))
