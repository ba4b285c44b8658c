"""The buying centre revealed: every seat-holder's motives, with the week we found them."""

from __future__ import annotations

from typing import Any

from game.core.state import GameState
from game.report.trace import Trace
from tests.report.conftest import team


def test_everyone_who_held_a_seat_is_listed(lost_game: GameState,
                                            lost_debrief: dict[str, Any]) -> None:
    items = lost_debrief["motives"]
    current = [p for p in items if p["current"]]
    assert sorted(p["id"] for p in current) == sorted(lost_game.people)
    gone = [p for p in items if not p["current"]]
    # The scripted replacement and any from the customer's weekly chance, each listed once.
    assert sorted(p["id"] for p in gone) == sorted({r["person"] for r in lost_game.replaced})
    wu = next(p for p in gone if p["id"] == "wu_zhiyuan")
    assert wu["name"] == "Wu Zhiyuan"
    assert all(p["replaced_week"] is not None for p in gone)
    for p in items:
        assert [m["which"] for m in p["motives"]] == ["position", "personal"]
        assert all(m["text"] for m in p["motives"])


def test_found_week_is_the_first_known_week(lost_game: GameState, lost_trace: Trace,
                                            lost_debrief: dict[str, Any]) -> None:
    us = team(lost_game)
    series = lost_trace.known[us]
    checked = 0
    for p in lost_debrief["motives"]:
        first, last = p["seat_weeks"]
        for i, m in enumerate(p["motives"]):
            flags = [series[w][p["id"]][i] for w in range(first, last + 1)]
            if m["found_week"] is None:
                assert not any(flags) and not m["found"]
            else:
                checked += 1
                k = m["found_week"] - first
                assert flags[k] and not any(flags[:k])
                assert m["addressed_after_found"] <= m["addressed"]
    assert checked > 0


def test_current_flags_agree_with_the_state(lost_game: GameState,
                                            lost_debrief: dict[str, Any]) -> None:
    us = team(lost_game)
    for p in lost_debrief["motives"]:
        if not p["current"]:
            continue
        r = lost_game.relations[us][p["id"]]
        assert p["motives"][0]["found"] == r.known_position
        assert p["motives"][1]["found"] == r.known_personal


def test_summary_counts(lost_debrief: dict[str, Any]) -> None:
    s = lost_debrief["motives_summary"]
    ms = [m for p in lost_debrief["motives"] for m in p["motives"]]
    assert s["total"] == len(ms)
    assert s["found"] == sum(m["found"] for m in ms)
    assert 0 <= s["acted_on"] <= s["found"]
