"""Many games without the record: the loop `balance`, `fidelity` and the benchmarks run.

A batch game keeps the outcome, the tender, the award, the contract and the log's calendar
and event entries (what the reports read), but no plans, no per-action log entries, no reasons
and no weekly history, so a game costs little more than its rules and its AIs' arithmetic.
The same seed and agents play the same game as `play.play_game` (a test holds them equal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import cython

from game.ai.agents import BuiltinAgent
from game.ai.basic import plan_moves
from game.ai.policy import Plan
from game.core.engine import new_game, resolve_week
from game.core.rng import seed_state, world_seed
from game.core.state import GameState, Vendor
from game.core.views import vendor_view
from game.scenario.models import ScenarioSpec

AgentsFor = Callable[[int], dict[str, Any]]
"""Given a seed, the agent of every vendor (objects with `plan(view, explain)`)."""


@cython.ccall
def play_batch_game(spec: object, seed: object, agents: dict,
                    template: GameState = None) -> GameState:
    """One game, unrecorded. `template` (a new game of the same scenario) saves setting the
    scenario up again: the game starts from a copy of it with its own seed."""
    state: GameState
    if template is None:
        state = new_game(spec, seed)
    else:
        state = template.fork()
        state.seed = seed
        state.dice.s = seed_state(seed)
        state.world.s = world_seed(seed)  # the customer's own dice follow the seed too
    state.recording = False
    v: Vendor
    plan: Plan
    while state.outcome is None:
        plans = {}
        trusted = set()  # the plans their planner checked (no second look)
        for v in state.vlist:
            if v.active:
                agent = agents[v.id]
                if type(agent) is BuiltinAgent:  # its `plan`, without the call through Python
                    plan = plan_moves(vendor_view(state, v.index), 12, False)
                else:
                    plan = agent.plan(vendor_view(state, v.index), False)
                plans[v.id] = plan.moves
                if plan.checked:
                    trusted.add(v.id)
        resolve_week(state, plans, None, trusted)
    return state


def play_games(spec: ScenarioSpec, seeds: Iterable[int], agents: AgentsFor
               ) -> list[GameState]:
    """Every seed's game, unrecorded; `agents(seed)` gives that game's agents."""
    template = new_game(spec, 0)
    return [play_batch_game(spec, seed, agents(seed), template) for seed in seeds]


_: Any = None
