"""Tests for newsdiff/reasons.py (and its template filter): the engine's reasons in the reader's language."""

import pytest
from django.utils import translation

from newsdiff.reasons import reason_text
from newsdiff.text.claims import PairLink, build_claims
from newsdiff.text.cues import conflict_reasons


@pytest.fixture(autouse=True)
def compiled(settings):
    from newsdiff.management.commands.compile_translations import compile_catalogs

    compile_catalogs()
    translation.trans_real._translations = {}


def test_a_link_reason_keeps_what_it_quotes_and_translates_the_phrase():
    [reason] = conflict_reasons("The call lasted 15 minutes.", "The call lasted 10 minutes.")
    with translation.override("es"):
        spanish = reason_text(reason)
    assert spanish.startswith("las cifras difieren:") and '"15' in spanish and '"10' in spanish
    with translation.override("en"):
        assert reason_text(reason) == reason


def test_the_reasons_of_claims_are_translated_with_their_account_names():
    links = [
        PairLink(1, "A", "B", (0,), (0,), "conflict", 90, reasons=('numbers differ: "15" vs "10"',)),
        PairLink(2, "A", "C", (0,), (0,), "match", 90),
    ]
    accounts = {"A": [0], "B": [0], "C": [0], "D": [0]}
    names = {"A": "Presidencia", "B": "Casa Blanca", "C": "AP", "D": "EFE"}
    [claim] = [c for c in build_claims(accounts, links, names=names) if sum(map(bool, c.members.values())) > 2]
    with translation.override("es"):
        spanish = [reason_text(r) for r in claim.reasons]
    assert spanish == [
        "versión discordante: Casa Blanca contradice a Presidencia, AP",
        'Presidencia × Casa Blanca: contradicción (las cifras difieren: "15" vs "10")',
        "no la reporta: EFE",
        "Casa Blanca y AP no están vinculadas directamente; se mantienen juntas porque todos los vínculos que las unen a "
        "través de otra versión son fuertes (puntaje ≥ 50) o de un revisor",
    ]


def test_a_link_set_aside_says_why_in_spanish():
    links = [PairLink(1, "A", "B", (0,), (0,), "match", 20), PairLink(2, "B", "C", (0,), (0,), "match", 20)]
    claims = build_claims({"A": [0], "B": [0], "C": [0]}, links, names={"A": "Presidencia", "B": "Casa Blanca", "C": "AP"})
    reasons = [r for c in claims for r in c.reasons if "set aside" in r]
    assert reasons
    with translation.override("es"):
        spanish = reason_text(reasons[0])
    assert spanish.startswith("vínculo ") and "se dejó aparte: un puente débil (menos de 50)" in spanish


def test_an_unknown_reason_is_shown_unchanged():
    with translation.override("es"):
        assert reason_text("something new: 3") == "something new: 3"


def test_the_template_filter_and_the_report_use_it():
    from django.template import Context, Template

    from newsdiff.exports.wording import verdict_text

    reason = 'numbers differ: "15" vs "10"'
    with translation.override("es"):
        assert Template("{% load reasons %}{{ r|reason }}").render(Context({"r": reason})) == "las cifras difieren: &quot;15&quot; vs &quot;10&quot;"
        claim = {"suggestion": True, "suggested_label": "conflict", "evidence": [reason], "kind": "link"}
        assert "las cifras difieren" in verdict_text(claim)


def test_every_link_phrase_reads_in_spanish():
    from newsdiff.reasons import LINK_PHRASES

    with translation.override("es"):
        untranslated = [p for p in LINK_PHRASES if reason_text(f"{p}: x").split(":")[0] == p]
        model = reason_text("close in meaning (sentence model): 0.84")
    assert untranslated == []
    assert model == "de sentido cercano (modelo de oraciones): 0.84"
