"""What changed between two versions of one account (pure Python, no Django).

word_diff() compares two texts word by word (rapidfuzz Indel opcodes, i.e. the
longest common subsequence, over word and punctuation tokens, so a changed word
shows as a replaced word, not as letters, and "useful." → "useful today." as one
inserted word).
pair_passages() pairs the passages of two versions: identical text is "same",
a passage whose text scores at least EDIT_THRESHOLD (rapidfuzz fuzz.ratio, 0-100)
against a passage of the other version is "edited", and the rest are "removed"
or "added". Each passage pairs at most once.

EDIT_THRESHOLD was measured on the 63 sentences of the seed and demo articles
(tests/text/test_versiondiff.py repeats the measurement): against its old self a
sentence with one word replaced scores 88-100, two words dropped 81-100, a
clause added 73-100 (medians 91-97); any two different sentences score median
39, 99th percentile 50, highest 68 (two paraphrases of one fact). At 70 no
different sentence pairs up, and every light edit does; heavier rewrites (half
the sentence cut) fall below and show as removed + added, which sends their
verdicts to re-review rather than attaching them to a changed claim.
"""

import re
from dataclasses import dataclass
from typing import Literal, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

EDIT_THRESHOLD = 70.0

_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s]+)|\s+$")
_WORD = re.compile(r"\w")

Status = Literal["same", "edited", "removed", "added"]
Op = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class DiffChunk:
    op: Op
    old: str  # the old text of this stretch, with its whitespace ("" for insert)
    new: str  # the new text ("" for delete)


@dataclass(frozen=True)
class PassagePair:
    status: Status
    old: int | None  # index into the old passages; None when added
    new: int | None  # index into the new passages; None when removed
    score: float  # fuzz.ratio of the two texts, 100 for same, 0 when one side is missing


def words(text: str) -> list[str]:
    """Split text into word and punctuation tokens, each with its leading whitespace: "".join(words(t)) == t."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[DiffChunk]:
    """Compare two texts word by word; whitespace alone never counts as a change."""
    old_tokens, new_tokens = words(old), words(new)
    old_keys = [token.strip() for token in old_tokens]
    new_keys = [token.strip() for token in new_tokens]
    chunks: list[DiffChunk] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(old_keys, new_keys):
        chunk = DiffChunk(tag, "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2]))
        previous = chunks[-1] if chunks else None
        if previous and previous.op != "equal" and tag != "equal":
            # Neighbouring changes read better as one replacement.
            chunks[-1] = DiffChunk("replace", previous.old + chunk.old, previous.new + chunk.new)
        else:
            chunks.append(chunk)
    return [part for chunk in chunks for part in _lift_space(chunk)]


def _lift_space(chunk: DiffChunk) -> list[DiffChunk]:
    """Move whitespace both sides of a replacement start with out of it, so only words are marked."""
    if chunk.op != "replace":
        return [chunk]
    old_rest, new_rest = chunk.old.lstrip(), chunk.new.lstrip()
    old_space, new_space = chunk.old[: len(chunk.old) - len(old_rest)], chunk.new[: len(chunk.new) - len(new_rest)]
    if not old_space or old_space != new_space:
        return [chunk]
    return [DiffChunk("equal", old_space, new_space), DiffChunk("replace", old_rest, new_rest)]


def diff_counts(chunks: Sequence[DiffChunk]) -> dict[str, int]:
    """Count the words added and removed by a diff."""
    added = sum(_count_words(c.new) for c in chunks if c.op in ("insert", "replace"))
    removed = sum(_count_words(c.old) for c in chunks if c.op in ("delete", "replace"))
    return {"added": added, "removed": removed}


def similarity(a: str, b: str) -> float:
    """Score two passages 0-100, ignoring case and runs of whitespace."""
    return fuzz.ratio(_normal(a), _normal(b))


def pair_passages(old: Sequence[str], new: Sequence[str], *, threshold: float = EDIT_THRESHOLD) -> list[PassagePair]:
    """Pair two versions' passages as same, edited, removed or added, in the new version's reading order."""
    old_keys = [_exact(text) for text in old]
    new_keys = [_exact(text) for text in new]
    old_to_new: dict[int, tuple[int, Status, float]] = {}

    # 1. Identical passages in order, then identical passages that moved.
    for tag, i1, i2, j1, j2 in Indel.opcodes(old_keys, new_keys):
        if tag == "equal":
            for offset in range(i2 - i1):
                old_to_new[i1 + offset] = (j1 + offset, "same", 100.0)
    taken = {j for j, _, _ in old_to_new.values()}
    waiting: dict[str, list[int]] = {}
    for j, key in enumerate(new_keys):
        if j not in taken:
            waiting.setdefault(key, []).append(j)
    for i, key in enumerate(old_keys):
        if i not in old_to_new and waiting.get(key):
            j = waiting[key].pop(0)
            old_to_new[i] = (j, "same", 100.0)
            taken.add(j)

    # 2. Edited: the best-scoring remaining pairs above the threshold, nearest first on ties.
    rest_old = [i for i in range(len(old)) if i not in old_to_new]
    rest_new = [j for j in range(len(new)) if j not in taken]
    if rest_old and rest_new:
        normal_new = {j: _normal(new[j]) for j in rest_new}
        candidates = []
        for i in rest_old:
            normal_old = _normal(old[i])
            for j in rest_new:
                score = fuzz.ratio(normal_old, normal_new[j], score_cutoff=threshold)
                if score:
                    candidates.append((-score, abs(i - j), i, j))
        for negative, _, i, j in sorted(candidates):
            if i in old_to_new or j in taken:
                continue
            old_to_new[i] = (j, "edited", -negative)
            taken.add(j)

    # 3. The rest: removed or added. Removed passages sit after the new passage before them.
    new_to_old = {j: (i, status, score) for i, (j, status, score) in old_to_new.items()}
    pairs: list[PassagePair] = []
    removed_after: dict[int, list[int]] = {}
    for i in range(len(old)):
        if i not in old_to_new:
            before = [old_to_new[k][0] for k in range(i) if k in old_to_new]
            removed_after.setdefault(max(before) if before else -1, []).append(i)
    pairs += [PassagePair("removed", i, None, 0.0) for i in removed_after.get(-1, [])]
    for j in range(len(new)):
        if j in new_to_old:
            i, status, score = new_to_old[j]
            pairs.append(PassagePair(status, i, j, score))
        else:
            pairs.append(PassagePair("added", None, j, 0.0))
        pairs += [PassagePair("removed", i, None, 0.0) for i in removed_after.get(j, [])]
    return pairs


def _count_words(text: str) -> int:
    return sum(1 for token in words(text) if _WORD.search(token))


def _exact(text: str) -> str:
    return " ".join(text.split())


def _normal(text: str) -> str:
    return " ".join(text.lower().split())
