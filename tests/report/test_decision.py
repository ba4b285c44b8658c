"""Outcome and decision: the money matches the record, and every score splits exactly."""

from __future__ import annotations

from typing import Any

import pytest

from game.core.resolve import SUPPORT_IN_SCORE
from game.core.state import GameState
from game.report.charts import render_charts
from game.report.debrief import build_debrief
from game.report.html import render_html
from game.report.whatif import restart_at
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


def test_each_score_is_merit_plus_support(lost_debrief: dict[str, Any]) -> None:
    dec = lost_debrief["decision"]
    assert dec["merit_exact"]
    for ev in dec["evaluators"]:
        for vid, score in ev["scores"].items():
            rebuilt = ev["merit"][vid] + SUPPORT_IN_SCORE * ev["support"][vid]
            assert rebuilt == pytest.approx(score, abs=2e-3), (ev["id"], vid)


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
