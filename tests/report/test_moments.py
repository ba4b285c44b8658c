"""Key moments: the three heaviest candidates, distinct, in week order, true to the record."""

from __future__ import annotations

from typing import Any

from game.core.state import GameState
from game.report.common import Ctx
from game.report.moments import WAITS, candidates, key_moments
from game.report.trace import Trace, walk
from tests.report.conftest import team


def test_three_heaviest_in_week_order(lost_game: GameState, lost_trace: Trace) -> None:
    ctx = Ctx.make(lost_game, None, "en", lost_trace)
    picked = key_moments(ctx)
    assert len(picked) == 3
    assert [m["week"] for m in picked] == sorted(m["week"] for m in picked)
    assert len({m["key"] for m in picked}) == 3
    left = [c for c in candidates(ctx) if c["key"] not in {m["key"] for m in picked}]
    assert all(c["weight"] <= min(m["weight"] for m in picked) for c in left)
    for m in picked:
        assert 1 <= m["week"] <= len(lost_game.history) + 1
        assert m["title"] and m["text"] and "report." not in m["text"]


def test_the_award_is_a_moment(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    award = next(e["week"] for e in lost_game.log
                 if e.get("calendar") and e.get("event") == "award")
    keys = {m["key"]: m for m in lost_debrief["moments"]}
    assert "award_other" in keys and keys["award_other"]["week"] == award
    winner = lost_game.vendors[lost_game.tender["preferred"]].name["en"]
    assert winner in keys["award_other"]["title"]


def test_stalls_are_true(lost_game: GameState, lost_trace: Trace) -> None:
    ctx = Ctx.make(lost_game, None, "en", lost_trace)
    us = team(lost_game)
    stalls = [c for c in candidates(ctx) if c["key"] == "stall"]
    assert stalls, "the team sits in some stage for weeks before the tender"
    hist = {h["week"]: h["stages"][us] for h in lost_game.history}
    for s in stalls:
        w = s["week"]
        stage = hist.get(w - 1, lost_game.vendor_spec(us).start_stage)
        assert f"P{stage}" in s["title"]
        opened = [k for k, ok in lost_trace.criteria[us][w - 1].items() if not ok]
        assert any(ctx.t(f"criterion.{k}") in s["text"] for k in opened)
        # Waiting in P5 for the bids to open and the award to come is not a stall.
        assert not any(ctx.t(f"criterion.{k}") in s["text"] for k in WAITS), s["text"]


def test_won_game_moments(won_debrief: dict[str, Any]) -> None:
    keys = {m["key"] for m in won_debrief["moments"]}
    assert "paid" in keys or "award_us" in keys
    assert not keys & {"award_other", "no_bid"}


def test_waiting_in_p5_for_the_tender_is_not_a_stall() -> None:
    """Every vendor sits in P5 until the bids open; "Stuck in P5: 'Bid submitted' never held"
    was said of every one of them. Only a criterion it could have met is a stall."""
    from game.ai.agents import make_agent
    from game.scenario.loader import load_scenario
    from game.sim.play import play_game
    from tests.report.conftest import SCENARIO

    spec = load_scenario(SCENARIO)
    planners = {v.id: make_agent(v.playbook.value, v.difficulty.value, 1).decide
                for v in spec.vendors}
    game = play_game(spec, 1, planners)
    trace = walk(game)
    opened = game.tender["week"]
    sat = {vid: sum(1 for h in game.history if h["week"] < opened and h["stages"][vid] == 5)
           for vid in game.vendors}
    waiting = [vid for vid, weeks in sat.items() if weeks >= 3]
    assert waiting, "some vendor reaches P5 weeks before the bids open"
    for vid in waiting:
        ctx = Ctx.make(game, vid, "en", trace)
        for s in candidates(ctx):
            if s["key"] == "stall":
                assert not any(ctx.t(f"criterion.{k}") in s["text"] for k in WAITS), s["text"]
