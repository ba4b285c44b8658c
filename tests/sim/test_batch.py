"""Batch games (no record) play exactly the recorded games: same seed and agents, same end."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.agents import BuiltinAgent, make_agent
from game.ai.policy import Plan
from game.core.checks import Move, first_refusal
from game.core.engine import new_game
from game.core.errors import IllegalAction
from game.core.ids import KIND_ID
from game.core.serialize import state_to_dict
from game.scenario.loader import load_scenario
from game.sim.batch import play_batch_game, play_games
from game.sim.play import play_game

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
RECORD = ("log", "plans", "history")


def _core(state) -> dict:
    """The state without its record (which only recorded games keep)."""
    d = state_to_dict(state, with_spec=False)
    for key in RECORD:
        d.pop(key)
    return d


def _agents(spec, seed: int) -> dict:
    return {v.id: make_agent(v.playbook.value, v.difficulty.value, seed * 31 + i)
            for i, v in enumerate(spec.vendors)}


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_batch_and_recorded_games_end_the_same(path: Path) -> None:
    spec = load_scenario(path)
    template = new_game(spec, 0)
    for seed in (1, 2, 5):
        recorded = play_game(spec, seed, _agents(spec, seed))
        batch = play_batch_game(spec, seed, _agents(spec, seed), template)
        assert _core(batch) == _core(recorded)
        assert batch.log and all(e.get("calendar") or e.get("event") or e.get("kind") in
                                 ("choose", "negotiate", "negotiation_team")
                                 for e in batch.log)


def test_play_games_plays_each_seed_with_its_agents() -> None:
    spec = load_scenario(SCENARIOS[0])
    games = play_games(spec, [4, 9], lambda seed: {v.id: BuiltinAgent() for v in spec.vendors})
    assert [g.seed for g in games] == [4, 9]
    assert all(g.over for g in games)
    assert _core(games[0]) == _core(play_game(spec, 4))


class _Checking:
    """An agent that holds its planner to its word: a plan marked `checked` (which the
    batch runners then pass to the engine unchecked) must pass the rules' own check."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.checked = 0

    def plan(self, vv, explain: bool = False):
        plan = self.inner.plan(vv, explain)
        if plan.checked:
            assert first_refusal(vv, plan.moves) is None, (vv.vendor, vv.week, plan.moves)
            self.checked += 1
        return plan


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_plans_the_planners_checked_pass_the_rules(path: Path) -> None:
    spec = load_scenario(path)
    template = new_game(spec, 0)
    for agents in ({v.id: BuiltinAgent() for v in spec.vendors}, _agents(spec, 3)):
        wrapped = {vid: _Checking(a) for vid, a in agents.items()}
        play_batch_game(spec, 3, wrapped, template)
        assert sum(w.checked for w in wrapped.values()) > 10


class _Cheat:
    """Bids in week one, without saying the plan was checked."""

    def plan(self, vv, explain: bool = False) -> Plan:
        out = Plan()
        out.moves = [Move(KIND_ID["submit_bid"], -1, 0)]
        return out


def test_a_plan_nobody_checked_is_still_checked_by_the_engine() -> None:
    spec = load_scenario(SCENARIOS[0])
    agents = {v.id: BuiltinAgent() for v in spec.vendors}
    agents[spec.vendors[0].id] = _Cheat()
    with pytest.raises(IllegalAction):
        play_batch_game(spec, 1, agents)
