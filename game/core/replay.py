"""A game is a scenario, a seed and the weekly plans: replaying them rebuilds the state."""

from __future__ import annotations

from typing import Any

from game.core.actions import Action
from game.core.engine import end_week, new_game
from game.core.state import GameState
from game.scenario.models import ScenarioSpec


def replay(spec: ScenarioSpec, seed: int, plans: list[dict[str, list[dict[str, Any]]]],
           weeks: int | None = None) -> GameState:
    """Rebuild a game from its record; `weeks` stops early (for what-if restarts)."""
    state = new_game(spec, seed)
    for week_plans in plans[: weeks if weeks is not None else len(plans)]:
        actions = {vid: [Action.from_dict(a) for a in items] for vid, items in week_plans.items()}
        reasons = {vid: [a.get("reason") for a in items] for vid, items in week_plans.items()}
        end_week(state, actions, reasons)
    return state
