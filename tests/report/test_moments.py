"""Key moments: the three heaviest candidates, distinct, in week order, true to the record."""

from __future__ import annotations

from typing import Any

from game.core.state import GameState
from game.report.common import Ctx
from game.report.moments import candidates, key_moments
from game.report.trace import Trace
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


def test_won_game_moments(won_debrief: dict[str, Any]) -> None:
    keys = {m["key"] for m in won_debrief["moments"]}
    assert "paid" in keys or "award_us" in keys
    assert not keys & {"award_other", "no_bid"}
