"""The lost-order (won-order) report, in the source form's rows, with ranked causes."""

from __future__ import annotations

from typing import Any

import pytest

from game.core.causes import FACTORS, analyse
from game.core.state import GameState
from game.i18n import money
from game.report.trace import Trace
from tests.report.conftest import team


def test_lost_report_rows(lost_game: GameState, lost_debrief: dict[str, Any]) -> None:
    lo = lost_debrief["lost_order"]
    assert not lo["won"] and lo["title"] == "Lost-order report"
    winner = lost_game.vendors[lost_game.outcome["winner"]]
    assert lo["winner"]["maker"] == winner.name["en"]
    assert lo["winner"]["product"] == winner.product["en"]
    value = lost_game.contract["value"]
    assert money(value, "en") in lo["winner"]["price"]  # the board's units
    ours = lo["ours"]
    our_bid = lost_game.tender["bids"][ours["vendor"]]["price"]
    assert money(our_bid, "en") in ours["price"]
    keys = [h["key"] for h in lo["header"]]
    assert keys[:2] == ["customer", "industry"] and "purchase_time" in keys
    header = {h["key"]: h["value"] for h in lo["header"]}
    assert header["customer"] == lost_game.spec.customer.name.en
    assert "Hengtai" in header["existing"]  # the incumbent's system


def test_causes_follow_the_counterfactual(lost_game: GameState, lost_trace: Trace,
                                          lost_debrief: dict[str, Any]) -> None:
    items = lost_debrief["lost_order"]["causes"]
    c = analyse(lost_game, team(lost_game), lost_trace.awarded)
    assert c.kind == "scored" and c.exact
    assert items[0]["kind"] == "result" and items[0]["key"] == "scored"
    rival = lost_game.vendors[c.rival].name["en"]
    assert rival in items[0]["text"] and f"{c.gap:.3f}" in items[0]["text"]
    factors = [i for i in items if i["kind"] == "factor" and i["key"] in FACTORS]
    assert [(i["key"], i["wins"], i["closes"]) for i in factors] == \
        [(f.key, f.wins, f.closes) for f in c.factors]
    # Decisive first, then by how much of the gap each closes.
    ranks = [(not i["wins"], -(i["closes"] or 0.0)) for i in factors]
    assert ranks == sorted(ranks)
    for i in factors:
        verdict = "Would have won" if i["wins"] else "Not enough alone"
        assert i["text"].startswith(verdict), i["text"]
    if c.price_decided:
        assert any(i["kind"] == "lesson" for i in items)
    # No hand-set weights any more.
    assert all("weight" not in i for i in items)


def test_the_decision_gap_is_the_causes_gap(lost_game: GameState, lost_trace: Trace,
                                            lost_debrief: dict[str, Any]) -> None:
    dec = lost_debrief["decision"]
    c = analyse(lost_game, team(lost_game), lost_trace.awarded)
    assert dec["totals"][c.rival] - dec["totals"][c.vendor] == pytest.approx(c.gap, abs=2e-3)


def test_won_report(won_game: GameState, won_debrief: dict[str, Any]) -> None:
    lo = won_debrief["lost_order"]
    assert lo["won"] and lo["title"] == "Won-order report"
    assert lo["winner"] is None
    assert "signed" in lo["ours"]["payment"]
    keys = {c["key"] for c in lo["causes"]}
    assert keys & {"won_scored", "won_payment"}
    assert not keys & {"scored", "earlier", "price_only", "outscored"}
    held = [c for c in lo["causes"] if c["kind"] == "held"]
    for c in held:
        assert c["text"].startswith(("They would have won", "We would still have won")), c
