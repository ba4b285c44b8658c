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

from game.ai.agents import BuiltinAgent, PlaybookAgent
from game.ai.basic import plan_moves
from game.ai.policy import Plan, plan_week
from game.core.causes import scoring_fork
from game.core.engine import new_game, resolve_week
from game.core.rng import seed_state, world_seed
from game.core.state import GameState, Vendor
from game.core.views import vendor_view
from game.scenario.models import ScenarioSpec

AgentsFor = Callable[[int], dict[str, Any]]
"""Given a seed, the agent of every vendor (objects with `plan(view, explain)`)."""


@cython.cfunc
def _start(spec: object, seed: object, template: GameState | None) -> GameState:
    """A new unrecorded game: a copy of `template` (a new game of the same scenario, which
    saves setting the scenario up again) with its own seed, or a new game without one."""
    state: GameState
    if template is None:
        state = new_game(spec, seed)
    else:
        state = template.fork()
        state.seed = seed
        state.dice.s = seed_state(seed)
        state.world.s = world_seed(seed)  # the customer's own dice follow the seed too
    state.recording = False
    return state


@cython.cfunc
def _plan_all(state: GameState, agents: dict, plans: dict, trusted: set) -> cython.int:
    """Every active vendor's plan for this week into `plans`; the vendors whose planner
    checked its own plan into `trusted` (the engine need not check those again)."""
    v: Vendor
    plan: Plan
    for v in state.vlist:
        if v.active:
            agent = agents[v.id]
            if type(agent) is BuiltinAgent:  # its `plan`, without the call through Python
                plan = plan_moves(vendor_view(state, v.index), 12, False)
            elif type(agent) is PlaybookAgent and not agent.skill.noise:  # `plan` (no dice)
                plan = plan_week(vendor_view(state, v.index), agent.style, agent.skill, None,
                                 explain=False)
            else:
                plan = agent.plan(vendor_view(state, v.index), False)
            plans[v.id] = plan.moves
            if plan.checked:
                trusted.add(v.id)
    return 0


@cython.ccall
def play_batch_game(spec: object, seed: object, agents: dict,
                    template: GameState = None) -> GameState:
    """One game, unrecorded. `template` (a new game of the same scenario) saves setting the
    scenario up again: the game starts from a copy of it with its own seed."""
    state: GameState = _start(spec, seed, template)
    while state.outcome is None:
        plans: dict = {}
        trusted: set = set()
        _plan_all(state, agents, plans, trusted)
        resolve_week(state, plans, None, trusted)
    return state


@cython.ccall
def play_scored_game(spec: object, seed: object, agents: dict,
                     template: GameState = None) -> tuple:
    """`play_batch_game`, and the game as its bids were scored: the award week played again
    on a `causes.scoring_fork`, without the customer's events that follow the scoring (None
    when no bids were scored). The loss causes of `balance` and `fidelity` read it."""
    state: GameState = _start(spec, seed, template)
    scored: GameState = None
    quiet: GameState
    while state.outcome is None:
        plans: dict = {}
        trusted: set = set()
        _plan_all(state, agents, plans, trusted)
        # The bids are scored in the award week, after the bids were opened. Nothing during
        # a week moves the award to that week or earlier (a calendar shift lands after it),
        # so a week that starts before the award cannot score them and needs no fork.
        quiet = None
        if scored is None and state.week >= state.calendar["bid_deadline"] \
                and state.week >= state.calendar["award"] \
                and not (state.tender or {}).get("evaluated"):
            quiet = scoring_fork(state)
        resolve_week(state, plans, None, trusted)
        if quiet is not None and (state.tender or {}).get("evaluated"):
            resolve_week(quiet, plans, None, trusted)  # the same views: checked already
            scored = quiet
    return state, scored


def play_games(spec: ScenarioSpec, seeds: Iterable[int], agents: AgentsFor
               ) -> list[GameState]:
    """Every seed's game, unrecorded; `agents(seed)` gives that game's agents."""
    template = new_game(spec, 0)
    return [play_batch_game(spec, seed, agents(seed), template) for seed in seeds]


_: Any = None
