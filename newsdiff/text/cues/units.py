"""Units of measure: the unit a token names (`_unit_at`, through the lexicon's unit table with SI prefixes), how far a
written value may have been rounded (`_rounding`), and "pounds" read as a weight, not money (`_weighs`)."""

from __future__ import annotations

import math

from newsdiff.text.lexicon import Lexicon


# Tokens read before a number of pounds for a weighing verb or a height ("weighed in at 220 pounds", "6-foot-11, 220
# pounds"): a clause, not the passage ("who weighs 220 pounds, signed a deal worth 5 million pounds" has both).
MASS_WINDOW = 6


def _weighs(low: list[str], start: int, k: int, lex: Lexicon) -> bool:
    """Whether the currency word at token k that also names a weight (`Lexicon.mass_currency`: "pounds") reads as the
    weight: the passage writes that currency nowhere unambiguously (no "£", no "sterling"), and a mass follows it
    ("40 pounds of cocaine"), or a few tokens before its number weigh something ("weighs", "weight") or give a height
    in feet and inches as a compound ("6-foot-11, 220 pounds": a player's build). Elsewhere "pounds" stays money, as British news
    writes it ("cost 900 pounds")."""
    currency = lex.currency_words[low[k]]
    if any(lex.currency_signs.get(t) == currency or (lex.currency_words.get(t) == currency
                                                     and t not in lex.mass_currency) for t in low):
        return False
    if k + 1 < len(low) and low[k + 1] in lex.mass_links:
        return True
    near = range(max(0, start - MASS_WINDOW), start)
    return any(low[j].startswith(lex.mass_verbs) for j in near) or any(
        low[j] == "-" and low[j + 1] in lex.height_units and low[j + 2] == "-" and low[j + 3][:1].isdigit()
        for j in near if j + 3 < len(low))


def _unit_at(low: list[str], j: int, lex: Lexicon) -> tuple[str, float, int] | None:
    """The unit of measure at token j ("megawatts", "km", "square miles", "kilowatt-hours"): its dimension, its size
    in the dimension's base unit and the index of the token after it; None if there is none."""
    n = len(low)
    if j >= n or not lex.measure_units:
        return None
    units = lex.unit_words
    if low[j] in lex.square_words and j + 1 < n and units.get(low[j + 1], ("",))[0] == "length":
        return "area", units[low[j + 1]][1] ** 2, j + 2
    found = units.get(low[j])
    if found is None:
        return None
    dimension, size = found
    if dimension == "power":  # "kilowatt-hours", "megawatt hours": energy, in watt-hours
        after = j + 2 if j + 2 < n and low[j + 1] == "-" else j + 1
        if after < n and lex.minutes.get(low[after]) == 60:
            return "energy", size, after + 1
    return dimension, size, j + 1


def _rounding(value: float) -> float:
    """Half the place of the last non-zero digit of `value` ("1,100": 50, "1.1": 0.05, "48": 0.5): how far the written
    value may be from the value it rounds."""
    if value <= 0 or not math.isfinite(value):
        return 0.0
    place = 10.0 ** math.floor(math.log10(value))
    for _ in range(8):
        if abs(value / place - round(value / place)) < 1e-6:
            break
        place /= 10
    return place / 2
