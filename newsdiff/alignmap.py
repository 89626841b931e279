"""The geometry of the alignment map: two accounts as bars of passages, and a ribbon for each link between them.

Pure Python, no Django. Each account is a vertical bar, its passages stacked in reading order, each as tall
as its share of the account's text; a link is a band from its passages on the left bar to its passages on the
right one. Every passage and ribbon carries a state (match, conflict, unique, untagged, or other for headings
and boilerplate) and the address a click jumps to. Templates draw the result (templates/newsdiff/alignment_map.html);
the two adapters below read the workspace's rows and the export model.
"""

from dataclasses import dataclass

STATES = ("match", "conflict", "unique", "untagged", "other")
LEGEND = [
    ("match", "Matching"),
    ("conflict", "Conflicting"),
    ("unique", "Unique"),
    ("untagged", "No verdict yet"),
    ("other", "Heading, boilerplate"),
]
_STATE_OF_VERDICT = {"matching": "match", "conflicting": "conflict", "unique": "unique"}


@dataclass(frozen=True)
class MapPassage:
    href: str  # where a click jumps to ("" for nowhere)
    length: int  # characters: the passage's share of its bar
    state: str
    label: str = ""  # tooltip


@dataclass(frozen=True)
class MapLink:
    href: str
    a: tuple[int, ...]  # positions in the left account's passages
    b: tuple[int, ...]  # positions in the right account's passages
    state: str
    label: str = ""


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    state: str
    href: str
    label: str


@dataclass(frozen=True)
class Ribbon:
    path: str  # SVG path data
    state: str
    href: str
    label: str


@dataclass(frozen=True)
class AlignmentMap:
    width: float
    height: float
    bars: tuple[Rect, ...]
    ribbons: tuple[Ribbon, ...]


# Drawn last, so on top: verdicts over suggestions.
_RIBBON_ORDER = {"untagged": 0, "other": 0, "unique": 1, "match": 2, "conflict": 3}


def map_layout(
    a: list[MapPassage], b: list[MapPassage], links: list[MapLink], *, width: float = 100, height: float = 600,
    bar: float = 22, gap: float = 0.8, min_size: float = 4,
) -> AlignmentMap:
    """Place both accounts' passages on their bars and a ribbon for every link whose passages are on both bars.

    Neighbours too thin to see or click (a run shorter than min_size, in the map's units) are drawn as one
    shape that jumps to the first of them: a long comparison stays a few hundred shapes, not thousands.
    """
    for item in [*a, *b, *links]:
        if item.state not in STATES:
            raise ValueError(f"Unknown state {item.state!r}: use one of {', '.join(STATES)}.")
    left = _column(a, x=0, bar=bar, height=height, gap=gap)
    right = _column(b, x=width - bar, bar=bar, height=height, gap=gap)
    bands = []
    for link in links:
        ends_a = [left[i] for i in link.a if 0 <= i < len(left)]
        ends_b = [right[i] for i in link.b if 0 <= i < len(right)]
        if ends_a and ends_b:
            spans = (
                min(r.y for r in ends_a), max(r.y + r.height for r in ends_a),
                min(r.y for r in ends_b), max(r.y + r.height for r in ends_b),
            )
            bands.append([*spans, link, 1])
    bands = _merge_bands(sorted(bands, key=lambda band: (band[0], band[2])), min_size)
    ribbons = [
        Ribbon(_band(*spans, x_a=bar, x_b=width - bar), link.state, link.href, _merged_label(link.label, count, "links"))
        for *spans, link, count in sorted(bands, key=lambda band: _RIBBON_ORDER[band[4].state])
    ]
    bars = _merge_bars(left, min_size) + _merge_bars(right, min_size)
    return AlignmentMap(width=width, height=height, bars=tuple(bars), ribbons=tuple(ribbons))


def _column(passages: list[MapPassage], *, x: float, bar: float, height: float, gap: float) -> list[Rect]:
    if not passages:
        return []
    # Gaps between passages may take at most a quarter of the bar, so long accounts stay readable.
    gap = min(gap, height * 0.25 / max(len(passages) - 1, 1))
    lengths = [max(p.length, 1) for p in passages]
    scale = (height - gap * (len(passages) - 1)) / sum(lengths)
    rects, y = [], 0.0
    for passage, length in zip(passages, lengths):
        rects.append(Rect(x, _r(y), bar, _r(length * scale), passage.state, passage.href, passage.label))
        y += length * scale + gap
    return rects


def _merge_bars(rects: list[Rect], min_size: float) -> list[Rect]:
    """Neighbouring passages in the same state become one shape while together they are thinner than min_size."""
    runs: list[list] = []  # [first rect, bottom, count]
    for rect in rects:
        if runs and runs[-1][0].state == rect.state and rect.y + rect.height - runs[-1][0].y <= min_size:
            runs[-1][1], runs[-1][2] = rect.y + rect.height, runs[-1][2] + 1
        else:
            runs.append([rect, rect.y + rect.height, 1])
    return [
        Rect(first.x, first.y, first.width, _r(bottom - first.y), first.state, first.href,
             _merged_label(first.label, count, "passages"))
        for first, bottom, count in runs
    ]


def _merge_bands(bands: list[list], min_size: float) -> list[list]:
    """Parallel neighbouring links in the same state become one band while both its ends stay thinner than min_size."""
    merged: list[list] = []
    for band in bands:
        _, bottom_a, top_b, bottom_b, link, _ = band
        if merged:
            last = merged[-1]
            if (
                last[4].state == link.state
                and top_b >= last[2]  # no crossing
                and max(bottom_a, last[1]) - last[0] <= min_size
                and max(bottom_b, last[3]) - last[2] <= min_size
            ):
                last[1], last[3], last[5] = max(bottom_a, last[1]), max(bottom_b, last[3]), last[5] + 1
                continue
        merged.append(list(band))
    return merged


def _merged_label(label: str, count: int, what: str) -> str:
    return label if count == 1 else f"{count} {what} from here — {label}"


def _band(top_a: float, bottom_a: float, top_b: float, bottom_b: float, *, x_a: float, x_b: float) -> str:
    """A band from the span of the left passages to the span of the right ones, curved like a Sankey link."""
    mid = _r((x_a + x_b) / 2)
    return (
        f"M{x_a},{_r(top_a)} C{mid},{_r(top_a)} {mid},{_r(top_b)} {x_b},{_r(top_b)} "
        f"L{x_b},{_r(bottom_b)} C{mid},{_r(bottom_b)} {mid},{_r(bottom_a)} {x_a},{_r(bottom_a)} Z"
    )


def _r(value: float) -> float:
    return round(value, 2)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_WORDS = {**dict(LEGEND), "other": ""}


def _label(state: str, text: str) -> str:
    return f"{_WORDS[state]}: {_short(text)}" if _WORDS[state] else _short(text)


# Adapters -------------------------------------------------------------------


def map_from_rows(rows, href) -> tuple[list[MapPassage], list[MapPassage], list[MapLink]]:
    """The workspace's side-by-side rows (selectors.Row) as map input; href(row_key) says where a click goes."""
    sides: dict[str, dict[int, tuple]] = {"a": {}, "b": {}}
    pairs = []
    for row in rows:
        if row.kind == "pair":
            state = _STATE_OF_VERDICT.get(row.verdict or "", "untagged")
            pairs.append((row, state))
        elif row.kind in ("a_only", "b_only"):
            state = "unique" if row.verdict == "unique" else "untagged"
        else:
            state = "other"
        for side in ("a", "b"):
            for view in getattr(row, side):
                sides[side].setdefault(view.passage.pk, (view.passage, href(row.key), state))
    lists, position = {}, {}
    for side in ("a", "b"):
        entries = sorted(sides[side].values(), key=lambda entry: entry[0].index)
        lists[side] = [MapPassage(key, len(p.text), state, _label(state, p.text)) for p, key, state in entries]
        position[side] = {p.pk: i for i, (p, _, _) in enumerate(entries)}
    links = [
        MapLink(
            href(row.key),
            tuple(position["a"][v.passage.pk] for v in row.a),
            tuple(position["b"][v.passage.pk] for v in row.b),
            state,
            _label(state, " / ".join(v.passage.text for v in row.a[:1] + row.b[:1])),
        )
        for row, state in pairs
    ]
    return lists["a"], lists["b"], links


def map_from_export(pair: dict, accounts: dict[str, dict]) -> tuple[list[MapPassage], list[MapPassage], list[MapLink]]:
    """One pair of the export model as map input; a click goes to the claim in the report (#claim-…)."""
    state_of: dict[str, tuple[str, str]] = {}
    links = []
    for claim in pair["links"]:
        state = "untagged" if claim["suggestion"] else _STATE_OF_VERDICT.get(claim["label"] or "", "untagged")
        for passage in claim["a"] + claim["b"]:
            state_of.setdefault(passage["ref"], (f"#claim-{claim['key']}", state))
        links.append((claim, state))
    for ref in (pair["a"], pair["b"]):
        for claim in accounts[ref]["unique"]:
            state = "unique" if claim["label"] == "unique" and not claim["suggestion"] else "untagged"
            for passage in claim["a"]:
                state_of.setdefault(passage["ref"], (f"#claim-{claim['key']}", state))
    lists, position = {}, {}
    for side, ref in (("a", pair["a"]), ("b", pair["b"])):
        account = accounts[ref]
        version = next((v for v in account["versions"] if v["number"] == account["current_version"]), None)
        passages = version["passages"] if version else []
        items = []
        for passage in passages:
            key, state = state_of.get(passage["ref"], ("", "other" if passage["kind"] in ("heading", "boilerplate") else "untagged"))
            items.append(MapPassage(key, len(passage["text"]), state, _label(state, passage["text"])))
        lists[side] = items
        position[side] = {passage["ref"]: i for i, passage in enumerate(passages)}
    map_links = [
        MapLink(
            f"#claim-{claim['key']}",
            tuple(position["a"][p["ref"]] for p in claim["a"] if p["ref"] in position["a"]),
            tuple(position["b"][p["ref"]] for p in claim["b"] if p["ref"] in position["b"]),
            state,
            _label(state, " / ".join(p["text"] for p in claim["a"][:1] + claim["b"][:1])),
        )
        for claim, state in links
    ]
    return lists["a"], lists["b"], map_links
