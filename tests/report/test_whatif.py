"""What-if: a restart rebuilds the game exactly as it stood, and can be played on."""

from __future__ import annotations

from typing import Any

import pytest

from game.ai.agents import make_agent
from game.core.actions import Action
from game.core.engine import end_week
from game.core.serialize import state_hash
from game.core.state import GameState
from game.report.whatif import WhatIfError, restart_at
from game.sim.play import play_week
from tests.report.conftest import team


def _play_on(state: GameState, plans: list[dict[str, list[dict[str, Any]]]]) -> None:
    for week in plans:
        actions = {v: [Action.from_dict(a) for a in items] for v, items in week.items()}
        reasons = {v: [a.get("reason") for a in items] for v, items in week.items()}
        end_week(state, actions, reasons)


@pytest.mark.parametrize("week", [1, 6, 12])
def test_restart_is_the_same_game(lost_game: GameState, week: int) -> None:
    again = restart_at(lost_game, week)
    assert again.week == week
    assert len(again.plans) == week - 1
    assert again.history == lost_game.history[: week - 1]
    _play_on(again, lost_game.plans[week - 1:])
    assert state_hash(again) == state_hash(lost_game)


def test_playing_on_differently_changes_the_game(lost_game: GameState) -> None:
    """The team sits out three weeks it had planned; the rivals plan afresh from what they
    see (their recorded moves may no longer be legal once the game has gone another way)."""
    again = restart_at(lost_game, 6)
    us = team(lost_game)
    assert all(lost_game.plans[w].get(us) for w in range(5, 8))
    agents: dict[str, Any] = {
        v.id: make_agent(v.playbook.value, v.difficulty.value, i)
        for i, v in enumerate(again.spec.vendors)}
    agents[us] = lambda _view: ([], [])
    for _ in range(3):
        play_week(again, agents)
    assert again.history[5:8] != lost_game.history[5:8]


def test_bad_weeks_are_refused(lost_game: GameState) -> None:
    for week in (0, len(lost_game.plans) + 1):
        with pytest.raises(WhatIfError) as err:
            restart_at(lost_game, week)
        assert err.value.key == "report.whatif.bad_week"


def test_restart_points(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    points = lost_debrief["whatif"]
    weeks = [p["week"] for p in points]
    assert weeks == sorted(set(weeks)) and weeks[0] == 1
    assert all(1 <= w <= len(lost_game.history) for w in weeks)
    for m in lost_debrief["moments"]:
        assert min(m["week"], len(lost_game.history)) in weeks
    for w in weeks:
        restart_at(lost_game, w)
