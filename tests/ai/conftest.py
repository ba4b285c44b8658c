"""Shared helpers for the AI tests: the shipped scenarios and games played part-way."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from game.ai.agents import make_agent
from game.core.engine import end_week, new_game
from game.core.state import GameState
from game.core.views import view
from game.scenario.loader import load_scenario
from game.scenario.models import ScenarioSpec

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
CITY = REPO / "scenarios" / "city_hospital.yaml"


@functools.cache
def spec_of(path: Path) -> ScenarioSpec:
    return load_scenario(path)


def normal_planners(spec: ScenarioSpec, seed: int) -> dict[str, Any]:
    return {v.id: make_agent(v.playbook.value, "normal", seed).decide for v in spec.vendors}


def play_weeks(spec: ScenarioSpec, seed: int, weeks: int) -> GameState:
    """A game after `weeks` weeks of every vendor playing its scenario playbook (normal)."""
    state = new_game(spec, seed)
    planners = normal_planners(spec, seed)
    for _ in range(weeks):
        if state.over:
            break
        plans, reasons = {}, {}
        for vid, v in state.vendors.items():
            if v.active:
                plans[vid], reasons[vid] = planners[vid](view(state, vid, with_log=False))
        end_week(state, plans, reasons)
    return state


def team_id(spec: ScenarioSpec) -> str:
    return next(v.id for v in spec.vendors if v.side == "team")


def roundtrip(view_dict: dict[str, Any]) -> dict[str, Any]:
    """The view as plain JSON data: no object shared with the engine's state survives."""
    return json.loads(json.dumps(view_dict))
