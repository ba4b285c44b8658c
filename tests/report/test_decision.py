"""Outcome and decision: the money matches the record, and every score splits exactly into
merit and the evaluator's preference."""

from __future__ import annotations

from typing import Any

import pytest

from game.core import resolve
from game.core.causes import scoring_state
from game.core.resolve import PREFERENCE, UNKNOWN, judge
from game.core.state import GameState
from game.report.charts import render_charts
from game.report.common import Ctx
from game.report.debrief import build_debrief
from game.report.decision import EXPERTS, decision
from game.report.html import render_html
from game.report.trace import Trace, walk
from game.report.whatif import restart_at
from tests.core.conftest import ME, RIVAL, make_spec
from tests.core.test_causes import finish, scored_loss
from tests.report.conftest import team


def test_outcome_matches_the_record(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    o = lost_debrief["outcome"]
    rec = lost_game.outcome
    us = team(lost_game)
    assert o["verdict"] == "lost"
    assert o["winner"] == rec["winner"]
    assert o["value"] == rec["value"] and o["margin"] == rec["margin"]
    assert o["first_payment_amount"] == rec["first_payment_amount"]
    assert o["cost_of_sale"] == round(lost_game.vendors[us].spent, 2)
    assert o["our_rank"] == lost_game.tender["ranking"].index(us) + 1
    assert lost_game.vendors[rec["winner"]].name["en"] in o["banner"]


def test_won_outcome(won_game: GameState, won_debrief: dict[str, Any]) -> None:
    o = won_debrief["outcome"]
    assert o["verdict"] == "won"
    assert o["value"] == won_game.contract["value"]
    assert o["first_payment"] == won_game.contract["first_payment"]


def test_each_score_is_merit_plus_preference(lost_game: GameState,
                                             lost_debrief: dict[str, Any]) -> None:
    dec = lost_debrief["decision"]
    assert dec["merit_exact"]
    recorded = lost_game.tender["scores"]
    for ev in dec["evaluators"]:
        for vid, score in ev["scores"].items():
            assert ev["merit"][vid] + ev["preference"][vid] == pytest.approx(score, abs=2e-4)
            # The preference is the field lead's term, less the mark-down for strangers.
            assert abs(ev["preference"][vid]) <= PREFERENCE + UNKNOWN + 1e-4, (ev["id"], vid)
            if ev["id"] in recorded:  # judged again, the scores are the tender's
                assert recorded[ev["id"]][vid] == pytest.approx(score, abs=1e-4)


def test_merit_is_what_the_rules_call_merit(lost_game: GameState,
                                            lost_debrief: dict[str, Any]) -> None:
    """Weighted, each bid's merit is the judge's own merit for it."""
    dec = lost_debrief["decision"]
    s = scoring_state(walk(lost_game).scored[1], dec["award_week"])
    valid = [vid for vid, b in s.tender["bids"].items() if not b["disqualified"]]
    res = judge(s, [s.vendors[v].index for v in valid],
                [s.tender["bids"][v]["price"] for v in valid],
                [s.tender["bids"][v]["technical"] for v in valid],
                [s.tender["bids"][v]["service"] for v in valid], False)
    for vid, merit in zip(valid, res.merit, strict=True):
        rebuilt = sum(ev["weight_share"] * ev["merit"][vid] for ev in dec["evaluators"])
        assert rebuilt == pytest.approx(merit, abs=2e-3), vid


def test_weights_rebuild_the_totals(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    dec = lost_debrief["decision"]
    assert sum(ev["weight_share"] for ev in dec["evaluators"]) == pytest.approx(1.0, abs=1e-3)
    for vid, total in lost_game.tender["totals"].items():
        rebuilt = sum(ev["weight_share"] * ev["scores"][vid] for ev in dec["evaluators"])
        assert rebuilt == pytest.approx(total, abs=2e-3), vid


def test_sway_names_the_bigger_part(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    us = team(lost_game)
    for ev in lost_debrief["decision"]["evaluators"]:
        assert ev["favourite"] == max(ev["scores"], key=lambda v: (ev["scores"][v], v))
        if ev["favourite"] == us:
            assert ev["sway"] == "ours"
        else:
            assert ev["sway"] == ("support" if ev["gap_support"] >= ev["gap_merit"] else "merit")
            assert ev["favourite_name"] in ev["sway_text"]


def test_no_decision_before_the_bids(lost_game: GameState) -> None:
    early = restart_at(lost_game, 4)
    d = build_debrief(early, None, "en")
    assert d["decision"] is None
    assert d["outcome"]["verdict"] == "in_progress"
    assert d["meta"]["weeks"] == 3
    assert d["lost_order"]["title"] == "Deal report (game still in progress)"


def test_nothing_to_chart_before_the_first_week(lost_game: GameState) -> None:
    d = build_debrief(restart_at(lost_game, 1), None, "en")
    assert d["timeline"] == [] and d["series"]["weeks"] == []
    assert render_charts(d) == {}
    assert render_html(d, {}, embed_font=False).count("<img") == 0


def test_a_public_tender_shows_its_expert_panel() -> None:
    """The drawn experts score merit only, beside every evaluator of the buying centre."""
    spec = make_spec(lambda d: d["customer"].update(procurement="public"))
    state = scored_loss({ME: 270.0, RIVAL: 250.0}, spec=spec)
    finish(state, state.tender["preferred"])
    dec = decision(Ctx.make(state, ME, "en", Trace()))
    by_id = {ev["id"]: ev for ev in dec["evaluators"]}
    assert set(by_id) == {*resolve.evaluator_weights(state), EXPERTS}
    experts = by_id[EXPERTS]
    assert experts["name"] == "Expert panel" and experts["key"] == []
    assert all(p == 0.0 for p in experts["preference"].values())
    assert sum(ev["weight_share"] for ev in dec["evaluators"]) == pytest.approx(1.0, abs=1e-3)
    for vid, total in state.tender["totals"].items():
        rebuilt = sum(ev["weight_share"] * ev["scores"][vid] for ev in dec["evaluators"])
        assert rebuilt == pytest.approx(total, abs=2e-3), vid
