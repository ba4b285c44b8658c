"""Small figures and Markdown pieces shared by the balance, events, sweep and tune reports.

Rates carry Wilson 95% intervals (sensible near 0 and 1, where balance verdicts live), and
tables are padded so that the Markdown also reads as plain text in a terminal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

Z95 = 1.959964


def wilson(k: int, n: int) -> tuple[float, float]:
    """The Wilson score 95% interval of k successes in n trials (sensible near 0 and 1)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + Z95 ** 2 / n
    centre = (p + Z95 ** 2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95 ** 2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def games_for_margin(margin: float, p: float = 0.5) -> int:
    """Games an arm needs for its 95% interval to be at most ±`margin` (the worst case,
    p = 0.5, unless a rate is given)."""
    return max(1, math.ceil(Z95 ** 2 * p * (1 - p) / margin ** 2))


def games_to_settle(rate: float, line: float, limit: int = 1_000_000) -> int | None:
    """About how many games an arm winning at `rate` needs before its Wilson interval
    clears `line`; None when the rate sits on the line or it would take over `limit`."""
    if abs(rate - line) < 0.005:
        return None

    def clears(n: int) -> bool:
        lo, hi = wilson(round(rate * n), n)
        return lo > line or hi < line

    hi = 1
    while not clears(hi):
        hi *= 2
        if hi > limit:
            return None
    lo = hi // 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if clears(mid) else (mid, hi)
    return hi


def rate(k: int, n: int) -> dict[str, Any]:
    lo, hi = wilson(k, n)
    return {"n": n, "wins": k, "rate": k / n if n else 0.0, "lo": lo, "hi": hi}


def table(headers: Sequence[str], rows: Sequence[Sequence[str]],
          right: Sequence[bool] | None = None) -> str:
    """A Markdown table padded so that it also reads well as plain text in a terminal."""
    right = right or [False] + [True] * (len(headers) - 1)
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        parts = [str(c).rjust(w) if r else str(c).ljust(w)
                 for c, w, r in zip(cells, widths, right, strict=False)]
        return "| " + " | ".join(parts) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if r else ("-" * (w + 2))
                          for w, r in zip(widths, right, strict=False)) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.0f}%"


def num(x: float | None, digits: int = 1) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def ci(g: dict[str, Any]) -> str:
    return f"{pct(g['lo'])}-{pct(g['hi'])}" if g["n"] else "-"
