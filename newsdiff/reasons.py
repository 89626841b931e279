"""The engine's reasons for a link or a claim, in the reader's language.

newsdiff/text writes its reasons in English (they are stored with the links and exported as data as they are);
the pages ({{ reason|reason }}, templatetags/reasons.py) and the reports translate the known phrases here and
leave what they quote from the accounts (numbers, words, names) as it was. A reason not known here is shown
unchanged.
"""

import re

from django.utils.translation import gettext_lazy as _

# The phrase the engine starts a link's reason with, and what the page says instead.
LINK_PHRASES = {
    "same sentence on both sides": _("same sentence on both sides"),
    "shares rare words": _("shares rare words"),
    "close in meaning (sentence model)": _("close in meaning (sentence model)"),
    "numbers differ": _("numbers differ"),
    "dates differ": _("dates differ"),
    "negation in the shared clause": _("negation in the shared clause"),
    "quote attributed to different speakers": _("quote attributed to different speakers"),
}

# A claim's reasons (newsdiff/text/claims.py) name the accounts.
CLAIM_PATTERNS = [
    (re.compile(r"the accounts contradict each other: (?P<a>.+)"), _("the accounts contradict each other: %(a)s")),
    (re.compile(r"odd one out: (?P<a>.+?) contradicts (?P<b>.+)"), _("odd one out: %(a)s contradicts %(b)s")),
    (re.compile(r"reported by (?P<a>.+?); not reported by (?P<b>.+)"), _("reported by %(a)s; not reported by %(b)s")),
    (re.compile(r"not reported by (?P<a>.+)"), _("not reported by %(a)s")),
    (re.compile(r"only in (?P<a>.+)"), _("only in %(a)s")),
    (re.compile(r"every account reports it and no link conflicts"),
     _("every account reports it and no link conflicts")),
    (
        re.compile(r"(?P<a>.+?) and (?P<b>.+?) are not linked directly; kept together because every link joining them "
                   r"through another account is strong \(score ≥ (?P<floor>\d+)\) or a reviewer's"),
        _("%(a)s and %(b)s are not linked directly; kept together because every link joining them through another "
          "account is strong (score ≥ %(floor)s) or a reviewer's"),
    ),
]
SET_ASIDE = re.compile(
    r"link (?P<id>\S+) \((?P<a>.+?)–(?P<b>.+?), (?:score (?P<score>\d+)|no score)\) set aside: (?P<why>.+)"
)
SET_ASIDE_WHY = [
    (re.compile(r"it would have put more than (?P<n>\d+) passages of one account, that no link holds together, "
                r"into one claim"),
     _("it would have put more than %(n)s passages of one account, that no link holds together, into one claim")),
    (re.compile(r"a weak bridge \(below (?P<floor>\d+)\) between accounts that are not linked directly"),
     _("a weak bridge (below %(floor)s) between accounts that are not linked directly")),
]
CONFLICT = re.compile(r"(?P<a>.+?) × (?P<b>.+?): conflict(?: \((?P<why>.*)\))?")


def link_reason(reason: str) -> str:
    phrase, colon, rest = reason.partition(":")
    if phrase in LINK_PHRASES:
        return f"{LINK_PHRASES[phrase]}{colon}{rest}"
    return reason


def reason_text(reason: str) -> str:
    """Return one reason of a link or a claim in the active language."""
    reason = str(reason)
    conflict = CONFLICT.fullmatch(reason)
    if conflict:
        why = conflict["why"]
        text = _("%(a)s × %(b)s: conflict") % {"a": conflict["a"], "b": conflict["b"]}
        return f"{text} ({'; '.join(link_reason(r) for r in why.split('; '))})" if why else str(text)
    aside = SET_ASIDE.fullmatch(reason)
    if aside:
        why = _matched(aside["why"], SET_ASIDE_WHY)
        score = _("score %(score)s") % {"score": aside["score"]} if aside["score"] else _("no score")
        return str(_("link %(id)s (%(a)s–%(b)s, %(score)s) set aside: %(why)s")) % {
            "id": aside["id"], "a": aside["a"], "b": aside["b"], "score": score, "why": why}
    return _matched(reason, CLAIM_PATTERNS, otherwise=link_reason)


def _matched(reason: str, patterns, otherwise=lambda reason: reason) -> str:
    for pattern, wording in patterns:
        match = pattern.fullmatch(reason)
        if match:
            return str(wording) % match.groupdict() if match.groupdict() else str(wording)
    return otherwise(reason)
