"""Play whole games headless: every vendor planned by an agent that sees only its view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.core.actions import Action
from game.core.engine import end_week, new_game
from game.core.state import GameState
from game.core.views import view
from game.scenario.models import ScenarioSpec

Planner = Callable[[dict[str, Any]], tuple[list[Action], list[str]]]


def default_planner(vendor: str) -> Planner:
    from game.ai.basic import plan_week

    return plan_week


def play_week(state: GameState, planners: dict[str, Planner]) -> dict[str, Any]:
    plans: dict[str, list[Action]] = {}
    reasons: dict[str, list[str]] = {}
    for vid, v in state.vendors.items():
        if not v.active:
            continue
        plan, why = planners[vid](view(state, vid, with_log=False))
        plans[vid], reasons[vid] = plan, why
    return end_week(state, plans, reasons)


def play_game(
    spec: ScenarioSpec, seed: int, planners: dict[str, Planner] | None = None,
    on_week: Callable[[GameState, dict[str, Any]], None] | None = None,
) -> GameState:
    state = new_game(spec, seed)
    planners = planners or {vid: default_planner(vid) for vid in state.vendors}
    while not state.over:
        report = play_week(state, planners)
        if on_week:
            on_week(state, report)
    return state
