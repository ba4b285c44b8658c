"""The timeline holds every logged move and event once, in its week, with rivals revealed."""

from __future__ import annotations

from typing import Any

from game.core.actions import CATALOG
from game.core.state import GameState
from game.report.common import Ctx
from game.report.timeline import effect_text
from game.report.trace import Trace
from tests.report.conftest import team


def test_every_log_entry_is_shown_once(lost_game: GameState,
                                       lost_debrief: dict[str, Any]) -> None:
    us = team(lost_game)
    rows = lost_debrief["timeline"]
    assert [r["week"] for r in rows] == list(range(1, len(lost_game.history) + 1))
    shown = sum(len(r["ours"]) + len(r["rivals"]) + len(r["intel"]) + len(r["events"])
                for r in rows)
    hidden = sum(1 for e in lost_game.log if e.get("kind") == "intel" and e["vendor"] != us)
    assert shown == len(lost_game.log) - hidden
    for r in rows:
        assert all(a["vendor"] == us and a["week"] == r["week"] for a in r["ours"])
        assert all(a["vendor"] != us for a in r["rivals"])


def test_rival_reasons_are_revealed(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    rival = [a for r in lost_debrief["timeline"] for a in r["rivals"]]
    assert rival
    reasoned = [a for a in rival if a["reason"]]
    assert reasoned, "the AI records a reason for its moves"
    for a in reasoned:
        assert a["reason_text"] and a["reason_text"] != a["reason"]
        assert a["players"] == []


def test_moves_know_their_stage_fit(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    us = team(lost_game)
    hist = {h["week"]: h for h in lost_game.history}
    for r in lost_debrief["timeline"]:
        for a in r["ours"]:
            if a["kind"] not in CATALOG:
                continue
            before = hist.get(a["week"] - 1)
            stage = before["stages"][us] if before else lost_game.vendor_spec(us).start_stage
            lo, hi = CATALOG[a["kind"]].best
            assert a["well_placed"] == (lo <= stage <= hi), a
            assert a["joint"] == (len(a["roles"]) > 1)


def test_effect_lines_read_the_effects(lost_game: GameState, lost_trace: Trace) -> None:
    ctx = Ctx.make(lost_game, None, "en", lost_trace)
    entry = {"week": 5, "vendor": ctx.vendor, "kind": "visit", "roles": ["rep"],
             "target": "zhou_liqun", "option": None, "cost": 0.3, "days": 1,
             "effects": {"person": "zhou_liqun", "support": 0.05, "trust": 0.02,
                         "learned": "both", "motive_hit": "personal"}}
    text = effect_text(ctx, entry)
    assert "support +5" in text and "trust +2" in text  # the board's -100..+100 scale
    assert "found both motives" in text and "struck their personal motive" in text
    refused = dict(entry, kind="negotiate", target=None,
                   effects={"agreed": False, "counter": {"discount": 0.1,
                                                         "first_payment": 0.2}})
    assert "at least 10% off" in effect_text(ctx, refused)
    quiet = dict(entry, effects={"person": "zhou_liqun"})
    assert effect_text(ctx, quiet) == "no visible change"


def test_replacement_event_names_both_people(lost_debrief: dict[str, Any]) -> None:
    events = [e for r in lost_debrief["timeline"] for e in r["events"]
              if e["kind"] == "cio_seconded"]
    assert len(events) == 1
    assert "Wu Zhiyuan replaced by He Bin" in events[0]["effects_text"]
