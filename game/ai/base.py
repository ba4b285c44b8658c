"""The Agent protocol: an AI vendor is anything that turns its own view into a week's plan.

Agents receive the dict built by `game.core.views.view` and nothing else, so whatever they
decide could have been decided by a person looking at the same screen. A planner for
`game.sim.play.play_game` is just `agent.decide`.
"""

from __future__ import annotations

import zlib
from typing import Any, Protocol, runtime_checkable

from game.core.actions import Action

View = dict[str, Any]
Decision = tuple[list[Action], list[str]]


@runtime_checkable
class Agent(Protocol):
    """Plans one vendor-week: the actions, and one reason key (`ai.reason.*`) per action."""

    playbook: str
    difficulty: str

    def decide(self, view: View) -> Decision: ...


def view_seed(seed: int, view: View, salt: str = "") -> int:
    """A per-decision seed from the agent's seed and public facts of the view (vendor, week),
    so decisions are reproducible and never depend on the engine's hidden RNG state."""
    text = f"{seed}|{view['vendor']}|{view['week']}|{salt}"
    return zlib.crc32(text.encode("utf-8"))
