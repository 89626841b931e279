"""The typed quantity (`Quantity`: what it measures, its value, how it was written, the range it stands for) and
whether two values of one kind may be the same (`values_differ`: their ranges do not meet)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    """A typed quantity: what it measures (key), its value and how it was written."""

    key: str
    value: float
    text: str
    low: float | None = None  # the range the value stands for, where it is hedged or approximate; None: the value
    high: float | None = None
    size: float = 0.0  # a measure's unit as written, in the dimension's base unit ("MW": 1e6); 0: no unit of measure
    step: float = 0.0  # half the last written digit's place, in base units: how far a converted value may be rounded

    def bounds(self) -> tuple[float, float]:
        return (self.value if self.low is None else self.low, self.value if self.high is None else self.high)


# The year an event is dated by: a kind of date (readers that leave dates out, as a day has many events, leave it out
# too); compared only by `_years_of_one_event`, never with a month and day.
YEAR_KEY = "date:year"


def _agree(x: Quantity, y: Quantity) -> bool:
    """Whether two values of one kind may be the same: their ranges meet."""
    if x.key.startswith("date") and min(x.value, y.value) < 100:
        return _same(x.value % 100, y.value % 100)  # "on the 9th" / "on June 11": the days differ
    (lx, hx), (ly, hy) = x.bounds(), y.bounds()
    if (hx == hy == float("inf") and lx == x.value and ly == y.value) or (lx == ly == 0 and hx == x.value
                                                                          and hy == y.value):
        lx, hx, ly, hy = x.value, x.value, y.value, y.value  # "at least three" / "at least 10": two bounds differ
    if x.size and y.size and not _same(x.size, y.size):
        # two units ("1.1 GW" / "1,150 MW", "5 miles" / "8 km"): a converted value may have been rounded
        lx, hx, ly, hy = lx - x.step, hx + x.step, ly - y.step, hy + y.step
    slack = 1e-9 * max(abs(x.value), abs(y.value))
    return lx <= hy + slack and ly <= hx + slack


def values_differ(x: Quantity, y: Quantity) -> bool:
    """Whether two quantities of one kind (`Quantity.key`) give values that cannot be the same: their ranges do not
    meet ("more than 60" / "some forty", "six weeks" / "a month")."""
    return x.key == y.key and not _agree(x, y)


def _same(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
