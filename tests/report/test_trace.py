"""The replay trace: exact for a recorded game, refused for a save that does not replay."""

from __future__ import annotations

import copy

from game.core.causes import award_week, scoring_state
from game.core.ids import CRITERIA
from game.core.resolve import judge
from game.core.stages import STAGE_CRITERIA, criterion_met
from game.core.state import GameState
from game.report.debrief import build_debrief
from game.report.trace import Trace, walk
from tests.report.conftest import team


def test_trace_covers_every_week(lost_game: GameState, lost_trace: Trace) -> None:
    assert lost_trace.consistent
    weeks = len(lost_game.history)
    us = team(lost_game)
    assert len(lost_trace.criteria[us]) == weeks + 1
    assert len(lost_trace.known[us]) == weeks + 1
    assert len(lost_trace.c931[us]) == weeks + 1
    assert len(lost_trace.generations) == weeks + 1


def test_last_week_matches_the_saved_state(lost_game: GameState, lost_trace: Trace) -> None:
    for vid, v in lost_game.vendors.items():
        last = lost_trace.criteria[vid][-1]
        for cr in STAGE_CRITERIA[v.stage]:
            key = CRITERIA[cr]
            assert last[key] == bool(criterion_met(lost_game, v, cr)), (vid, key)
        for pid, r in lost_game.relations[vid].items():
            assert lost_trace.known[vid][-1][pid] == (r.known_position, r.known_personal)
        assert lost_trace.c931[vid][-1]["c_budget"] == ("el_budget" in v.facts)


def test_replaced_person_has_two_seats(lost_game: GameState, lost_trace: Trace) -> None:
    seats = {k: v for k, v in lost_trace.seats.items() if k[0] == "wu_zhiyuan"}
    assert sorted(seats) == [("wu_zhiyuan", 0), ("wu_zhiyuan", 1)]
    first, second = seats[("wu_zhiyuan", 0)], seats[("wu_zhiyuan", 1)]
    assert first[1] + 1 == second[0]
    assert lost_trace.persons[("wu_zhiyuan", 1)].name == lost_game.people["wu_zhiyuan"].name


def test_the_scored_game_reproduces_the_tender(lost_game: GameState, lost_trace: Trace) -> None:
    """Judged again on the game the trace kept from the award week, the bids score exactly
    what the tender recorded (the award's own changes, like the winner's P6, undone)."""
    assert lost_trace.awarded is not None and lost_trace.scored is not None
    week, at = lost_trace.scored
    assert week == award_week(lost_game)
    s = scoring_state(at, week)
    t = lost_game.tender
    valid = [vid for vid, b in t["bids"].items() if not b["disqualified"]]
    res = judge(s, [s.vendors[v].index for v in valid], [t["bids"][v]["price"] for v in valid],
                [t["bids"][v]["technical"] for v in valid],
                [t["bids"][v]["service"] for v in valid], False)
    assert dict(zip(valid, res.totals, strict=True)) == t["totals"]


def test_tampered_save_is_not_trusted(lost_game: GameState) -> None:
    bad = copy.deepcopy(lost_game)
    us = team(bad)
    week = next(i for i, p in enumerate(bad.plans) if p.get(us))
    bad.plans[week][us] = []
    assert not walk(bad).consistent
    d = build_debrief(bad, None, "en")
    assert d["meta"]["replay_exact"] is False
    assert d["decision"] is not None and d["decision"]["merit_exact"] is False
    assert d["series"]["c931_items"] is None
    assert all(m["found_week"] is None for p in d["motives"] for m in p["motives"])
