"""Recorded games for the debrief tests, each played once per session and reloaded from disk.

The shipped scenario is used with the "Head of IT seconded" event made certain, so every
game has a key person replaced mid-deal. Games are picked by what they must contain (the
team lost a tender it bid in; the team won; nobody could win), not by a fixed seed, so the
fixtures keep working while the AI gets stronger; each picker fails loudly if no seed fits.
Every vendor is played by its scenario's playbook AI (as `balance` plays them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.ai.agents import make_agent
from game.core.state import GameState
from game.report.debrief import build_debrief
from game.report.trace import Trace, walk
from game.save import load_game, save_game
from game.scenario.loader import load_scenario
from game.scenario.models import ScenarioSpec
from game.sim.play import play_game

REPO = Path(__file__).resolve().parents[2]
SCENARIO = REPO / "scenarios" / "city_hospital.yaml"
SEEDS = range(1, 25)


def _idle(view: dict[str, Any]) -> tuple[list[Any], list[str]]:
    return [], []


@pytest.fixture(scope="session")
def spec() -> ScenarioSpec:
    base = load_scenario(SCENARIO)
    events = [
        e.model_copy(update={"trigger": e.trigger.model_copy(update={"chance": 1.0})})
        if e.id == "cio_seconded" else e
        for e in base.events
    ]
    return base.model_copy(update={"events": events})


def _recorded(tmp: Path, spec: ScenarioSpec, name: str, test: Callable[[GameState], bool],
              rivals_idle: bool = False, meta: dict[str, Any] | None = None) -> GameState:
    """Play seeds until one game passes `test`; save it and return the reloaded save."""
    for seed in SEEDS:
        planners: dict[str, Any] = {
            v.id: make_agent(v.playbook.value, v.difficulty.value, seed * 31 + i)
            for i, v in enumerate(spec.vendors)}
        if rivals_idle:
            planners.update({v.id: _idle for v in spec.vendors if v.side != "team"})
        state = play_game(spec, seed, planners=planners)
        if test(state):
            path = tmp / f"{name}.json"
            save_game(state, path, meta or {"kind": "test"})
            return load_game(path)
    raise AssertionError(f"no seed in {SEEDS} gives a {name} game")


def _team(state: GameState) -> str:
    return next(v.id for v in state.vendors.values() if v.side == "team")


def _lost_tender(state: GameState) -> bool:
    t = state.tender
    us = _team(state)
    return bool(t and t.get("ranking") and us in t["ranking"] and t["preferred"] != us
                and state.outcome and state.outcome["winner"] not in (None, us))


@pytest.fixture(scope="session")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("recorded")


@pytest.fixture(scope="session")
def lost_game(spec: ScenarioSpec, recorded: Path) -> GameState:
    """Every vendor AI-played; the team bid, was ranked, and another vendor took the deal."""
    return _recorded(recorded, spec, "lost", _lost_tender)


@pytest.fixture(scope="session")
def won_game(spec: ScenarioSpec, recorded: Path) -> GameState:
    """Rivals sit idle, so the team's AI carries the deal through to the first payment."""
    def won(s: GameState) -> bool:
        return bool(s.outcome and s.outcome["winner"] == _team(s)
                    and s.outcome["result"] == "won")
    return _recorded(recorded, spec, "won", won, rivals_idle=True)


@pytest.fixture(scope="session")
def lost_trace(lost_game: GameState) -> Trace:
    return walk(lost_game)


@pytest.fixture(scope="session")
def lost_debrief(lost_game: GameState, lost_trace: Trace) -> dict[str, Any]:
    return build_debrief(lost_game, None, "en", trace=lost_trace)


@pytest.fixture(scope="session")
def lost_debrief_zh(lost_game: GameState, lost_trace: Trace) -> dict[str, Any]:
    return build_debrief(lost_game, None, "zh", trace=lost_trace)


@pytest.fixture(scope="session")
def won_debrief(won_game: GameState) -> dict[str, Any]:
    return build_debrief(won_game, None, "en")


def team(state: GameState) -> str:
    return _team(state)
