"""The Agent protocol: an AI vendor is anything that turns its own view into a week's plan.

Agents receive the vendor's view (`game.core.views.VendorView`, or its dict form) and nothing
else, so whatever they decide could have been decided by a person looking at the same screen.
`plan(view, explain)` gives typed moves (what the engine and the batch runner take);
`decide(view)` gives the same plan by name with one reason key (`ai.reason.*`) per action.
"""

from __future__ import annotations

import zlib
from typing import Any, Protocol, runtime_checkable

from game.core.actions import Action

View = Any
Decision = tuple[list[Action], list[str]]


@runtime_checkable
class Agent(Protocol):
    """Plans one vendor-week: the actions, and one reason key per action."""

    playbook: str
    difficulty: str

    def decide(self, view: View) -> Decision: ...


def view_seed(seed: int, view: Any, salt: str = "") -> int:
    """A per-decision seed from the agent's seed and public facts of the view (vendor, week),
    so decisions are reproducible and never depend on the engine's hidden RNG state."""
    vendor, week = (view["vendor"], view["week"]) if isinstance(view, dict) else \
        (view.vendor, view.week)
    text = f"{seed}|{vendor}|{week}|{salt}"
    return zlib.crc32(text.encode("utf-8"))
