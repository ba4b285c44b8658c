"""Play whole games headless: every vendor planned by an agent that sees only its view.

`play_game` records the game (the plans, every action's log entry, the weekly history), for
`simulate`, the debrief and the tests; `game.sim.batch.play_games` plays many games without
the record, for `balance`, `fidelity` and the benchmarks. Both play the same games.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.ai.agents import BuiltinAgent
from game.core.actions import Action
from game.core.engine import end_week, new_game, resolve_week
from game.core.state import GameState
from game.core.views import VendorView, vendor_view, view
from game.scenario.models import ScenarioSpec

Planner = Any
"""An agent with `plan(view, explain)` (typed, fast), or any callable that takes a vendor's
view as a dict and returns `(actions, reasons)`."""


def default_planner(vendor: str) -> Planner:
    return BuiltinAgent()


def play_week(state: GameState, planners: dict[str, Planner]) -> dict[str, Any]:
    """Every active vendor plans from its own view; then the week resolves."""
    typed: dict[str, list] = {}
    named: dict[str, list[Action]] = {}
    reasons: dict[str, list[str | None]] = {}
    for v in state.vlist:
        if not v.active:
            continue
        planner = planners[v.id]
        if hasattr(planner, "plan"):
            vv: VendorView = vendor_view(state, v.index)
            plan = planner.plan(vv, state.recording)
            typed[v.id] = plan.moves
            reasons[v.id] = plan.reasons
        else:
            acts, why = planner(view(state, v.id, with_log=False))
            named[v.id] = list(acts)
            reasons[v.id] = list(why)
    if named:
        from game.core.engine import moves_of

        typed.update(moves_of(state, named))
        typed = {vid: typed[vid] for vid in [v.id for v in state.vlist] if vid in typed}
    return resolve_week(state, typed, reasons)


def play_game(
    spec: ScenarioSpec, seed: int, planners: dict[str, Planner] | None = None,
    on_week: Callable[[GameState, dict[str, Any]], None] | None = None,
) -> GameState:
    """One recorded game."""
    state = new_game(spec, seed)
    planners = planners or {vid: default_planner(vid) for vid in state.vendors}
    while not state.over:
        report = play_week(state, planners)
        if on_week:
            on_week(state, report)
    return state


_ = end_week
