"""The vendors' colours, one palette for the window and the report (board, debrief, charts,
HTML): ours is always blue, the rivals take the Okabe-Ito colour-blind-safe hues in the
scenario's order, so a rival has the same colour on every screen."""

from __future__ import annotations

from collections.abc import Iterable

US = "#0072B2"  # Okabe-Ito blue
# orange, reddish purple, grey, sky blue, vermillion, bluish green, yellow
RIVALS = ("#E69F00", "#CC79A7", "#7A7A7A", "#56B4E9", "#D55E00", "#009E73", "#F0E442")


def vendor_colours(vendors: Iterable[str], ours: str) -> dict[str, str]:
    """Each vendor's colour: ``ours`` blue, the others in the given (scenario) order."""
    out: dict[str, str] = {}
    n = 0
    for vid in vendors:
        if vid == ours:
            out[vid] = US
        else:
            out[vid] = RIVALS[n % len(RIVALS)]
            n += 1
    return out
