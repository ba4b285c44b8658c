"""Coordination: days, idle time, stage fit and joint moves per role; a ledger per player."""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG
from game.core.state import ROLES, GameState
from game.report.debrief import build_debrief
from game.report.trace import Trace
from tests.report.conftest import team


def _our_moves(state: GameState) -> list[dict[str, Any]]:
    us = team(state)
    return [e for e in state.log if e.get("vendor") == us and e.get("kind") in CATALOG]


def test_days_and_idle_time_per_role(lost_game: GameState,
                                     lost_debrief: dict[str, Any]) -> None:
    c = lost_debrief["coordination"]
    time = lost_game.vendor_spec(team(lost_game)).time.model_dump()
    moves = _our_moves(lost_game)
    assert c["actions"] == len(moves)
    for r in c["roles"]:
        role = r["role"]
        assert r["available"] == time[role] * c["active_weeks"]
        assert r["used"] == sum(e["days"] for e in moves if role in e["roles"])
        assert r["idle"] == r["available"] - r["used"] >= 0
        assert r["actions"] == sum(1 for e in moves if role in e["roles"])
        assert 0 <= r["well_placed"] <= r["actions"]
        assert all(1 <= w <= len(lost_game.history) for w in r["idle_weeks"])


def test_joint_moves_and_days_by_stage(lost_game: GameState,
                                       lost_debrief: dict[str, Any]) -> None:
    c = lost_debrief["coordination"]
    moves = _our_moves(lost_game)
    joint = [e for e in moves if len(e["roles"]) > 1]
    assert [j["week"] for j in c["joint"]] == [e["week"] for e in joint]
    total = sum(sum(row.values()) for row in c["days_by_stage"].values())
    assert total == sum(e["days"] * len(e["roles"]) for e in moves)


def test_ledger_groups_roles_by_player(lost_game: GameState, lost_trace: Trace) -> None:
    players = {"rep": "Alice", "presales": "Alice", "pm": "Bob"}
    d = build_debrief(lost_game, None, "en", players=players, trace=lost_trace)
    ledger = {p["player"]: p for p in d["ledger"]}
    assert sorted(ledger) == ["Alice", "Bob", "Executive"]
    moves = _our_moves(lost_game)
    alice = [e for e in moves if {"rep", "presales"} & set(e["roles"])]
    assert ledger["Alice"]["actions"] == len(alice)
    assert ledger["Alice"]["days"] == sum(e["days"] for e in alice)
    assert ledger["Alice"]["roles"] == ["Sales rep", "Presales"]
    # Joint moves split their cost between roles, so the players' costs add up to the total.
    assert abs(sum(p["cost"] for p in d["ledger"]) - sum(e["cost"] for e in moves)) < 0.05
    assert d["meta"]["players"]["rep"] == "Alice"
    roles = {r["role"]: r["player"] for r in d["coordination"]["roles"]}
    assert roles == {"rep": "Alice", "presales": "Alice", "pm": "Bob", "exec": "Executive"}


def test_ledger_defaults_to_roles(lost_debrief: dict[str, Any]) -> None:
    assert [p["player"] for p in lost_debrief["ledger"]] == \
        ["Sales rep", "Presales", "Project manager", "Executive"]
    assert len(lost_debrief["ledger"]) == len(ROLES)
