"""The replay trace: exact for a recorded game, refused for a save that does not replay."""

from __future__ import annotations

import copy

from game.core.ids import CRITERIA
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


def test_merit_scores_reproduce_the_tender(lost_game: GameState, lost_trace: Trace) -> None:
    merit = lost_trace.merit
    assert merit is not None
    assert set(merit["scores"]) == set(lost_game.tender["scores"])
    for pid, row in merit["scores"].items():
        for vid, m in row.items():
            # Support adds at most 0.3 either way.
            assert abs(lost_game.tender["scores"][pid][vid] - m) <= 0.3 + 1e-9


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
