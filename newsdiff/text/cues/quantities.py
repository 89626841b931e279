"""The reader of typed quantities: numbers, number words, money and its ranges, units, hedged values read as ranges,
compounds, fractions and ratios, ordinals, placings, dates and weekdays (`quantities`), each located in its clause and
sentence (`quantity_clauses`); a passage that is only a time stamp (`_is_stamp`)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from rapidfuzz.utils import default_process

from newsdiff.text.cues.designations import _designation
from newsdiff.text.cues.numbers import _and_half, _is_year, _number, _number_words_on, _token_re
from newsdiff.text.cues.ordinals import _ordinal_adverb, _ordinal_phrase, _ordinal_unit, _placing_at
from newsdiff.text.cues.units import _rounding, _unit_at, _weighs
from newsdiff.text.cues.values import YEAR_KEY, Quantity
from newsdiff.text.cues.words import _POSSESSIVE, _SENTENCE_BREAK_RE, _clause_bounds, _reporting, _topic_words, _uncased
from newsdiff.text.lexicon import Lexicon, lexicon_for


_DIGITS_RE = re.compile(r"\d")


def quantities(text: str, language: str = "en") -> tuple[Quantity, ...]:
    """Return the typed quantities, dates and weekdays of `text`."""
    return _quantities(text, lexicon_for(language))


# The cues compare every value of one passage with every value of the other: a passage longer than this (no
# sentence of the golds or of ECB+ comes near it; a hostile one-"sentence" upload does) gives no values, so that two
# such passages are not compared for minutes (bench/hostile_text_bench.py --align: 4,000 figures a side, 47 s).
MAX_CUE_CHARS = 5_000


@functools.lru_cache(maxsize=20_000)
def _quantities(text: str, lex: Lexicon) -> tuple[Quantity, ...]:
    if len(text) > MAX_CUE_CHARS:
        return ()
    if not _DIGITS_RE.search(text) and lex.wordy.isdisjoint(default_process(text).split()):
        return ()
    found = list(_token_re(lex).finditer(text))
    tokens = [m.group() for m in found]
    # joined[k]: token k+1 follows token k across blanks only (no comma, dash or quote between them)
    joined = [not text[m.end():nxt.start()].strip() for m, nxt in zip(found, found[1:])] + [False]
    low = [t.lower().rstrip(".") if t.lower() not in lex.clock else t.lower() for t in tokens]
    # "Saturday's derby", "June's vote": a possessive weekday or month is the day or month itself
    low = [w[:-2] if w[-2:] in _POSSESSIVE and w[:-2] in lex.weekdays else w for w in low]
    months, weekdays, ordinals, stopwords = lex.months, lex.weekdays, lex.ordinals, lex.stopwords
    day_re = rf"\d{{1,2}}(?:{lex.ordinal_suffix})?"
    out: list[Quantity] = []
    n = len(tokens)
    range_from: dict[int, tuple[float, int]] = {}  # token index of a range's upper end: its lower end and first token
    headline = _uncased(text, lex)
    k = 0
    while k < n:
        t, lt = tokens[k], low[k]
        if lt in lex.currency_signs or (lex.range_words and lt == lex.range_words[0] and k + 1 < n
                                        and low[k + 1] in lex.currency_signs):
            money = _money_range_at(text, found, tokens, low, k, lex)
            if money is not None:  # "$5-6 million", "£3m-£4m", "between $5 million and $6 million": one range
                out.append(money[0])
                k += money[1]
                continue
        if lt[:1].isdigit() and _designation(text, found, tokens, low, k, lex, headline):
            # "F-16", "AK-47", "MH17", "Boeing 737", "Windows 11", "a .38-caliber", "a 3-pointer": a name or a kind,
            # no quantity ("737-800" and "Chelsea 2-1" are skipped whole)
            k += 1
            while k + 1 < n and low[k] == "-" and found[k - 1].end() == found[k].start() == found[k + 1].start() - 1:
                k += 2
            continue
        upper = _dashed(text, found, low, k) if lt[:1].isdigit() else None
        if upper is not None:
            # "a 2-0 win", "a 20-13 loss", "the 2004-05 season", "a 162-139 record": a score, tally or span of
            # seasons counts no wins, losses or seasons; "20-30 people", "20–30 people": one range
            first, second = _number(lt, lex), _number(low[upper], lex)
            if first is not None and second is not None:
                if second <= first or (_is_year(lt) and len(low[upper]) == 2):
                    k = upper + 1
                    continue
                range_from[upper] = (first, k)
                k = upper
                continue
        if lex.range_words and lt == lex.range_words[0] and k + 3 < n and low[k + 2] == lex.range_words[1] \
                and (first := _number(low[k + 1], lex)) is not None and low[k + 1][:1].isdigit() == \
                low[k + 3][:1].isdigit() and (second := _number(low[k + 3], lex)) is not None and first < second:
            range_from[k + 3] = (first, k + 1)  # "between 20 and 30 people": one range
            k += 3
            continue
        # "3 de marzo": a link word may stand between the day and the month.
        month_at = k + 2 if k + 2 < n and low[k + 1] in lex.links else k + 1
        if k >= 2 and (low[k - 2], low[k - 1]) in lex.day_openers and re.fullmatch(day_re, lt) \
                and 1 <= float(_number(lt, lex) or 0) <= 31 and not (k + 1 < n and joined[k]
                                                                      and _ordinal_phrase(low, joined, k + 1, lex)):
            day = float(_number(lt, lex))
            if k + 2 < n and low[k + 1] in lex.day_month_links and low[k + 2] in months:  # "on the 9th of June"
                out.append(Quantity("date" + _statement_time(low, k - 2, lex), months[low[k + 2]] * 100 + day,
                                    " ".join(tokens[k:k + 3])))
                k += 3
                continue
            # "on the 9th": a day without its month (value under 100), compared by day with full dates
            out.append(Quantity("date" + _statement_time(low, k - 2, lex), day, t))
        elif lt in weekdays:
            out.append(Quantity("weekday" + _statement_time(low, k, lex), float(weekdays[lt]),
                                re.sub(r"['’]s$", "", t.rstrip("."))))
        elif lt in months and k + 1 < n and re.fullmatch(day_re, low[k + 1]):
            if lt != "may" or tokens[k][0] == "M":
                out.append(Quantity("date" + _statement_time(low, k, lex),
                                    months[lt] * 100 + float(_number(low[k + 1], lex)), f"{t} {tokens[k + 1]}"))
            k += 2
            continue
        elif re.fullmatch(day_re, lt) and month_at < n and low[month_at] in months \
                and (low[month_at] != "may" or tokens[month_at][0] == "M"):  # "3 May", not "3 may"
            value = months[low[month_at]] * 100 + float(_number(lt, lex))
            written = " ".join(tokens[k:month_at + 1]).rstrip(".")
            out.append(Quantity("date" + _statement_time(low, k, lex), value, written))
            k = month_at + 1
            continue
        elif lex.year_openers and _is_year(lt) and k > 0 and (low[k - 1] in lex.year_openers or (
                low[k - 1] in months and joined[k - 1] and (low[k - 1] != "may" or tokens[k - 1][0] == "M"))):
            # "opened in 1964", "planned for August 2025": the year an event is dated by; a month narrows it
            year = float(_number(lt, lex))
            if low[k - 1] in months:
                value = year + months[low[k - 1]] / 100
                out.append(Quantity(YEAR_KEY, value, f"{tokens[k - 1]} {t}"))
            else:
                out.append(Quantity(YEAR_KEY, year, t, year + 0.01, year + 0.12))
        elif (lt in lex.number_words or lt in lex.half) and (fraction := _fraction_at(low, k, lex)):
            # "a third of the flats", "two thirds of", "two-thirds of", "half of", "grew by a quarter": a share,
            # compared with percentages (to the nearest point) and widened by a hedge ("nearly two-thirds");
            # "a quarter of an hour", "three quarters of an hour": a duration
            share, after = fraction
            unit = after + 2 if after + 2 < n and low[after + 1] in lex.indefinite else after + 1
            if low[after] in lex.fraction_links and unit < n and low[unit] in lex.minutes:
                out.append(Quantity("duration", share * lex.minutes[low[unit]], " ".join(tokens[k:unit + 1])))
                k = unit + 1
                continue
            if low[after] in lex.fraction_links and unit < n and low[unit] in lex.scales \
                    and low[unit] not in lex.money_scales:
                # "a quarter of a million people": a share of a scale is a number
                q, used = _multiple_at(tokens, low, unit, lex, share, share,
                                       " ".join(tokens[k:unit]).replace(" - ", "-"))
                if q is not None:
                    out.append(_ranged(q, low, k, lex))
                    k = unit + used
                    continue
            written = " ".join(tokens[k:after]).replace(" - ", "-")
            out.append(_ranged(Quantity("percent", 100 * share, written, 100 * share - 0.5, 100 * share + 0.5),
                               low, k, lex))
            k = after
            continue
        elif lex.ratio_links and (lt[:1].isdigit() or lt in lex.number_words) and (ratio := _ratio_at(low, k, lex)):
            # "one in three growers", "three out of four": a share, compared with percentages
            share, after = ratio
            out.append(_ranged(Quantity("percent", 100 * share, " ".join(tokens[k:after]), 100 * share - 0.5,
                                        100 * share + 0.5), low, k, lex))
            k = after
            continue
        elif (lt in ordinals or re.fullmatch(rf"\d+(?:{lex.ordinal_suffix})", lt)) \
                and (k + 1 < n or _placing_at(tokens, low, joined, k, lex, headline) is not None):
            placing = _placing_at(tokens, low, joined, k, lex, headline)
            if placing is not None:  # "finished third in the race", "came fourth with 12 percent": a placing
                out.append(placing)
            # "the fourth such attempt", "a second such incident": the phrase starts after "such"
            first = k + 2 if k + 2 < n and low[k + 1] in lex.ordinal_skips and joined[k + 1] else k + 1
            phrase = _ordinal_phrase(low, joined, first, lex) if joined[k] and not _ordinal_adverb(low, k, lex) else []
            if phrase:
                value = float(ordinals.get(lt) or _number(lt, lex))
                # The noun the ordinal counts: the head of the phrase after it ("third strike" / "fourth bus
                # strike": the last word in English, the first in Spanish), and its first word as before.
                head = phrase[0] if lex.noun_head_first else phrase[-1]
                for end in dict.fromkeys((phrase.index(head), 0)):
                    words = " ".join(tokens[k + 1:first + 1 + end]).rstrip(".")
                    out.append(Quantity(f"ordinal:{lex.stem(low[first + end])}", value, f"{t} {words}"))
        else:
            q, used = _quantity_at(tokens, low, k, lex)
            if q is not None and k in range_from and q.value:
                first, opener = range_from[k]
                scale = q.value / (_number(lt, lex) or 1.0)
                q = replace(q, low=first * scale, high=q.value, text=text[found[opener].start():found[k].start()]
                            + q.text, step=0.0)
            if q is not None and q.key.startswith("count:") and used > 1 and not joined[k + used - 2]:
                q = None  # "rose to 12, officials said": the word after a comma, dash or colon is not what is counted
            if q is not None:
                if q.text not in text:  # "£48m" was read from "£", "48", "m": show it as written
                    written = text[found[k].start():found[min(n, k + used) - 1].end()]
                    q = replace(q, text=written if low[min(n, k + used) - 1] in lex.clock else written.rstrip("."))
                q = q if k in range_from else _ranged(q, low, k, lex)  # a range keeps its two ends
                out.append(q)
                noun = k + used - 1
                if q.key.startswith("count:") and not lex.noun_head_first and "-" not in q.text \
                        and len(_ordinal_phrase(low, joined, noun, lex)[:2]) == 2:
                    # "1,800 bus drivers": the number counts the drivers too (English puts the head last);
                    # marked "+" so it is compared only where the other side names the first word too
                    out.append(Quantity(f"count:{lex.stem(low[noun + 1])}+{lex.stem(low[noun])}", q.value,
                                        f"{q.text} {tokens[noun + 1].rstrip('.')}", q.low, q.high))
                k += used
                continue
        k += 1
    return tuple(out)


def _dashed(text: str, found: list, low: list[str], k: int) -> int | None:
    """The index of the number a dash joins to the number at token k, as in a range or a score ("20-30", "20–30",
    "2-0"), or None. The en dash is the typographic dash of ranges; it is no token, so the two numbers are neighbours."""
    if k + 2 < len(low) and low[k + 1] == "-" and low[k + 2][:1].isdigit() \
            and text[found[k].end():found[k + 2].start()] == "-":
        return k + 2
    if k + 1 < len(low) and low[k + 1][:1].isdigit() and text[found[k].end():found[k + 1].start()] == "–":
        return k + 1
    return None


# A range's two ends are joined by a hyphen or an en dash ("$5-6 million", "£3m–£4m"); an em dash sets off a clause.
_RANGE_DASHES = ("-", "–")


def _money_range_at(text: str, found: list, tokens: list[str], low: list[str], k: int,
                    lex: Lexicon) -> tuple[Quantity, int] | None:
    """A range of money at token k read as one quantity, and the number of its tokens; None where there is none.
    Its ends are joined by a dash ("$5-6 million", "$5–$6 million", "£3m-£4m") or written "between $5 million and $6
    million"; the upper end takes the lower's currency where it has no sign ("$5-6 million"), the lower the upper's
    scale where it has no scale word ("$5-6 million", "between $5 and $6 million"). The range is the value
    (`Quantity.low`, `Quantity.high`): "$5.5 million" is inside it, "$8 million" is not."""
    n = len(tokens)
    between = bool(lex.range_words) and low[k] == lex.range_words[0]
    start = k + 1 if between else k
    first, used = _quantity_at(tokens, low, start, lex, False)
    if first is None or not first.key.startswith("money:") or start + used >= n:
        return None
    j = start + used  # the token after the lower end
    if between:
        if low[j] != lex.range_words[1] or j + 1 >= n:
            return None
        upper = j + 1
    else:
        upper = j + 1 if low[j] == "-" else j
        if upper >= n or text[found[j - 1].end():found[upper].start()].strip() not in _RANGE_DASHES:
            return None
    if low[upper] in lex.currency_signs:
        second, used = _quantity_at(tokens, low, upper, lex, False)
        end, digits = upper + used, upper + 1
    elif low[upper][:1].isdigit():  # "$5-6 million": read as "$6 million"
        sign = [tokens[start]]
        second, used = _quantity_at(tokens[:upper] + sign + tokens[upper:], low[:upper] + [low[start]] + low[upper:],
                                    upper, lex, False)
        end, digits = upper + used - 1, upper
    else:
        return None
    if second is None or second.key != first.key or digits >= n:
        return None
    lower = first.value
    if not any(w in lex.scales for w in low[start:j]):
        lower *= second.value / (_number(low[digits], lex) or 1.0)
    if not lower < second.value:
        return None
    written = text[found[start].start():found[end - 1].end()]
    written = written if low[end - 1] in lex.clock else written.rstrip(".")
    return Quantity(first.key, second.value, written, lower, second.value), end - k


def _fraction_at(low: list[str], k: int, lex: Lexicon) -> tuple[float, int] | None:
    """The share a fraction at token k gives and the index of the token after the fraction, or None: a number word
    under ten and a fraction ("a third", "two thirds", "two-thirds", "three-quarters") followed by "of" or after
    "by" ("grew by a quarter"); or a bare "half" followed by "of" ("half of the crop", "nearly half of")."""
    n = len(low)
    lt = low[k]
    if lt in lex.half:
        before = low[k - 1] if k else ""
        if k + 1 < n and low[k + 1] in lex.fraction_links and before not in lex.number_words \
                and before not in lex.ordinals and before not in lex.definite:  # not "the first half of the year"
            return 0.5, k + 1
        return None
    if lt not in lex.number_words or lex.number_words[lt] >= 10:
        return None
    at = k + 2 if k + 2 < n and low[k + 1] == "-" else k + 1  # "two-thirds"
    if at + 1 >= n or low[at] not in lex.fractions:
        return None
    if low[at + 1] in lex.fraction_links or (k > 0 and low[k - 1] in lex.fraction_openers):
        return lex.number_words[lt] * lex.fractions[low[at]], at + 1
    return None


def _ratio_at(low: list[str], k: int, lex: Lexicon) -> tuple[float, int] | None:
    """The share a ratio at token k gives ("one in three", "3 in 10", "three out of four") and the index of the
    token after it, or None. The part must be smaller than the whole, the whole no year and no unit of time after
    it ("5 in 10 minutes")."""
    n = len(low)
    for link in lex.ratio_links:
        end = k + 1 + len(link)
        if end < n and tuple(low[k + 1:end]) == link:
            part, whole = _number(low[k], lex), _number(low[end], lex)
            if low[k] in lex.indefinite or low[end] in lex.indefinite or low[k] in lex.half:
                return None
            if part is not None and whole is not None and 0 < part < whole and not _is_year(low[end]) \
                    and not (end + 1 < n and (low[end + 1] in lex.minutes or low[end + 1] in lex.scales)):
                return part / whole, end + 1
    return None


def _statement_time(low: list[str], k: int, lex: Lexicon) -> str:
    """":said" when the date or weekday at token k follows a reporting verb ("Lyons said Thursday that...", "said
    on Friday", "dijo el jueves"): the day someone spoke, compared only with another such day, not with
    the day of the event ("the escape on Monday")."""
    before = [w for w in low[max(0, k - 3):k] if w not in lex.stopwords or w in _reporting(lex)]
    return ":said" if before and before[-1] in _reporting(lex) else ""


def _quantity_at(tokens: list[str], low: list[str], k: int, lex: Lexicon,
                 vague_read: bool = True) -> tuple[Quantity | None, int]:
    """Read a money amount, percentage, duration, clock time, measure, compound or count starting at token k."""
    n = len(tokens)
    start = k
    currency = None
    vague = _vague_at(low, k, lex) if vague_read else None
    if vague is not None:
        # "a few hundred people", "several thousand visitors", "a few million pounds": a range of multiples
        (lo, hi), opener = vague
        return _multiple_at(tokens, low, k, lex, lo, hi, " ".join(tokens[k - opener:k]))
    if low[k] in lex.currency_signs:
        currency = lex.currency_signs[low[k]]
        k += 1
        if k >= n:
            return None, 1
    value = _number(low[k], lex)
    if value is None:
        return None, 1
    if (low[k] in lex.indefinite or low[k] in lex.one or low[k] in lex.half) and currency is None:
        # "a"/"an"/"one"/"half" count only before a unit of time ("an hour", "half an hour", "a month").
        j = k + 1
        if low[k] in lex.half and j < n and low[j] in lex.indefinite:
            j += 1
        if j < n and low[j] in lex.minutes and not _ordinal_unit(low, j, lex):
            half = _and_half(low, j + 1, lex) if low[k] not in lex.half else 0  # "a year and a half"
            return Quantity("duration", (value + 0.5 * bool(half)) * lex.minutes[low[j]],
                            " ".join(tokens[start:j + 1 + half]).rstrip(".")), j + 1 + half - start
        if j < n and low[j] in lex.scales and low[j] not in lex.money_scales and j > k + (low[k] in lex.half):
            k = j - 1  # "a million pounds", "half a million": the scale below multiplies the value
        elif low[k] not in lex.one:
            return None, 1
    if _is_year(low[k]) and currency is None:
        return None, 1
    value, k = _number_words_on(low, k, value, lex)
    if k + 1 < n and low[k] == "-" and low[k + 1] in lex.scales:  # "$5.4-billion"
        k += 1
    if k < n and low[k] in lex.scales and (low[k] not in lex.money_scales or currency or (
            k + 1 < n and low[k + 1] in lex.currency_words)):  # "£48m", "48m pounds"; not "48m" alone
        value *= lex.scales[low[k]]
        k += 1
    if k + 1 < n and low[k] in lex.links and low[k + 1] in lex.currency_words:  # "35 millones de pesos"
        k += 1
    if k < n and low[k] in lex.mass_currency and currency is None and _weighs(low, start, k, lex):
        # "weighs 220 pounds", "40 pounds of cocaine", "6-foot-11, 220 pounds": a weight, not money
        end = k + 1
        text = " ".join(tokens[start:end]).replace(" - ", "-").rstrip(".")
        size = lex.mass_currency[low[k]]
        return Quantity("measure:mass", value * size, text, size=size, step=_rounding(value) * size), end - start
    if k < n and low[k] in lex.currency_words:
        currency = lex.currency_words[low[k]]
        k += 1

    def written(end: int) -> str:
        text = " ".join(tokens[start:end]).replace(" - ", "-").replace(" %", "%")
        text = re.sub(r"([$€£¥]) ", r"\1", text)
        return text if low[end - 1] in lex.clock else text.rstrip(".")

    if currency:
        return Quantity(f"money:{currency}", value, written(k)), k - start
    for marker in lex.percent:
        if tuple(low[k:k + len(marker)]) == marker:
            end = k + len(marker)
            return Quantity("percent", value, written(end)), end - start
    if k < n and low[k] in lex.clock:
        return Quantity("clock", value, written(k + 1)), k + 1 - start
    hyphen = k < n and low[k] == "-"
    j = k + 1 if hyphen else k
    measure = _unit_at(low, j, lex)
    if measure is not None:
        # "a 900-megawatt reactor", "1.1 GW", "12 square miles": a measure, in its dimension's base unit
        dimension, size, end = measure
        return Quantity(f"measure:{dimension}", value * size, written(end), size=size,
                        step=_rounding(value) * size), end - start
    if j < n and low[j] in lex.minutes and not _ordinal_unit(low, j, lex):
        if j + 1 < n and (low[j + 1] in lex.age_words
                          or (j + 2 < n and low[j + 1] in ("-", *lex.links) and low[j + 2] in lex.age_words)):
            return None, j + 2 - start  # "a 10-year-old", "36-year old", "10 años de edad": an age
        half = _and_half(low, j + 1, lex)  # "a year and a half" = 18 months
        if half:
            value += 0.5
        return Quantity("duration", value * lex.minutes[low[j]], written(j + 1 + half)), j + 1 + half - start
    if not hyphen and not lex.noun_head_first and j + 1 < n and low[j].isalpha() and low[j] not in lex.stopwords \
            and low[j] not in lex.months and low[j] not in lex.number_words and low[j] not in lex.ordinals \
            and low[j + 1] in lex.minutes and not (j + 2 < n and low[j + 2] in ("-", *lex.age_words)):
        # "14 Earth days", "three working days", "five calendar months": a unit of time with a modifier
        return Quantity("duration", value * lex.minutes[low[j + 1]], written(j + 2)), j + 2 - start
    if j < n and low[j].isalpha() and low[j] not in lex.stopwords and low[j] not in lex.months:
        noun = lex.stem(low[j])
        if noun in lex.not_count_stems:
            # "10 points" counts nothing compared; "a 10-point plan", "a three-time winner" measure the noun after them,
            # compared only with a compound of that noun ("30-point win" / "three-point play" measure two things)
            after = low[j + 1] if j + 1 < n and j + 1 < len(tokens) else ""
            if not hyphen or not after.isalpha() or after in lex.stopwords:
                return None, j - start
            return Quantity(f"count:{noun}>{lex.stem(after)}", value, written(j + 1)), j + 1 - start
        return Quantity(f"count:{noun}", value, written(j + 1)), j + 1 - start
    return None, max(1, k - start)


def _multiple_at(tokens: list[str], low: list[str], k: int, lex: Lexicon, lo: float, hi: float,
                 opener: str) -> tuple[Quantity | None, int]:
    """Read the quantity of one scale word at token k ("hundred people", "million pounds") and give it the range lo
    to hi times that: "a few hundred people" (2 to 5), "a quarter of a million people" (a quarter). `opener` is what
    was written before the scale ("a few"); the number of tokens read from k is returned with the quantity."""
    size = lex.scales.get(low[k]) or lex.dozens.get(low[k]) or 100.0
    if low[k] in lex.scales:  # read as one of the unit after it: "1 visitors", "1 pounds"
        q, used = _quantity_at(tokens[:k] + ["1"] + tokens[k + 1:], low[:k] + ["1"] + low[k + 1:], k, lex, False)
    else:
        q, used = _quantity_at(tokens, low, k, lex, False)
    if q is None or q.key.startswith(("percent", "clock", "duration")):
        return None, used
    unit = q.value / (1.0 if low[k] in lex.scales else lex.number_words.get(low[k], 1.0))
    written = f"{opener} " + (tokens[k] + q.text[1:] if low[k] in lex.scales else q.text)
    if lo == hi:
        return Quantity(q.key, unit * size * lo, written, size=q.size, step=q.step * lo), used
    return Quantity(q.key, unit * size * (lo + hi) / 2, written, unit * size * lo, unit * size * hi, q.size), used


def _vague_at(low: list[str], k: int, lex: Lexicon) -> tuple[tuple[float, float], int] | None:
    """The range of multiples a vague quantifier before a scale at token k allows ("a few hundred": 2 to 5 hundred,
    "several thousand") and the number of its tokens, or None."""
    word = low[k]
    if not lex.vague_counts or not (word in lex.scales and word not in lex.money_scales
                                    or word in lex.hundreds or word in lex.dozens):
        return None
    for size in (3, 2, 1):
        factors = lex.vague_counts.get(tuple(low[max(0, k - size):k])) if k >= size else None
        if factors:
            return factors, size
    return None


def _ranged(q: Quantity, low: list[str], k: int, lex: Lexicon) -> Quantity:
    """Give a quantity read at token k the range it stands for: a hedge before it ("about", "more than") widens it;
    months are 28 to 31 days each (one month 4 to 5 weeks), a year 365 or 366 days."""
    lo, hi = q.value, q.value
    if q.key == "duration":
        words = set(re.findall(r"[^\W\d_]+", q.text.lower()))
        if words & lex.month_units:
            months = q.value / lex.minutes[next(iter(words & lex.month_units))]
            lo, hi = months * 28 * 1440, months * (35 if months <= 1 else 31) * 1440
        elif q.value >= 525600 and any(lex.minutes.get(w) == 525600 for w in words):
            hi = q.value * 366 / 365
    for size in (2, 1):
        before = tuple(low[max(0, k - size):k])
        factors = lex.hedges.get(before) if k >= size else None
        if factors and q.key == "duration" and before in lex.span_hedges:
            break
        if factors:
            lo, hi = lo * factors[0], hi * factors[1]
            break
    if (lo, hi) == (q.value, q.value):
        return q  # no hedge: the range the value was read with, if any ("a few hundred", "a third")
    return replace(q, low=lo, high=hi)


def quantity_clauses(text: str, language: str = "en") -> list[tuple[Quantity, frozenset[str] | None,
                                                                     frozenset[str] | None]]:
    """Each quantity of `text` with the content stems of the clause and of the sentence around it, its unit left
    out (None: not located in the text)."""
    return _quantity_contexts(text, lexicon_for(language))


STAMP_WORDS = 3  # a passage with at most this many other words besides its dates and times is a time stamp


@functools.lru_cache(maxsize=20_000)
def _is_stamp(text: str, lex: Lexicon) -> bool:
    """Whether `text` is only a time stamp ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM", "Posted on March 09,
    2013"): it says when a page was written, not when the event happened, so its values are compared with nothing."""
    keys = [q.key for q in _quantities(text, lex)]
    if not keys or not all(key.startswith(("date", "weekday", "clock")) for key in keys):
        return False
    words = {w for w in default_process(text).split() if w.isalpha() and len(w) > 1 and w not in lex.months
             and w not in lex.weekdays and w not in lex.clock}
    return len(words) <= STAMP_WORDS


def _quantity_contexts(text: str, lex: Lexicon) -> list[tuple[Quantity, frozenset[str] | None, frozenset[str] | None]]:
    """Each quantity of `text` with the content stems of the clause around it and of its sentence
    (None: not located). A clause whose only word is the quantity ("On Thursday,") takes its sentence's."""
    bounds = _clause_bounds(text, lex)
    stops = [0] + [m.end() for m in _SENTENCE_BREAK_RE.finditer(text)] + [len(text)]
    out = []
    for q in _quantities(text, lex):
        at = text.find(q.text)
        if at < 0:
            out.append((q, None, None))
            continue
        end_q = at + len(q.text)
        unit = q.key.split(":", 1)[1].split("+")[0] if ":" in q.key and not q.key.startswith("money") else None
        start, end = max(b for b in bounds if b <= at), min(b for b in bounds if b >= end_q)
        s_start, s_end = max(b for b in stops if b <= at), min(b for b in stops if b >= end_q)
        sentence = _topic_words(text[s_start:at] + " " + text[end_q:s_end], lex) - {unit}
        clause = _topic_words(text[start:at] + " " + text[end_q:end], lex) - {unit}
        out.append((q, clause or sentence, sentence))
    return out
